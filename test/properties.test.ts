/**
 * Property tests for the claims of DESIGN.md "Never" that must hold for every input:
 * `classify` and `normalizeError` never throw, always return a valid Classification
 * (test/support/contract.ts), are deterministic, and never mutate their input.
 *
 * `npm test` runs a small number of cases; `npm run fuzz` sets FUZZ_RUNS=1000000, which is
 * the total over every property here, split by the shares in `RUNS` (cheap properties get
 * more). Inputs that are expensive to build (10,000-level nesting, 1e6-element arrays) are
 * fixed `examples`, run once per property rather than once per case.
 */
import fc from 'fast-check';
import { types as utilTypes } from 'node:util';
import { describe, expect, it } from 'vitest';
import { genericCatalog } from '../src/generated/catalogs/generic.js';
import { createClassifier, shippedCatalogs } from '../src/create-classifier.js';
import type { Catalog } from '../src/generated/catalog-types.js';
import type { Classification, ClassifyOptions } from '../src/types.js';
import * as brazeEntry from '../src/generated/vendors/braze.js';
import * as sinchEntry from '../src/generated/vendors/sinch.js';
import * as spotzeeEntry from '../src/generated/vendors/spotzee.js';
import * as transformifyEntry from '../src/generated/vendors/transformify.js';
import { classifyLine } from '../src/cli/classify-line.js';
import { maskExampleInput } from '../src/cli/mask-headers.js';
import { createResultTable } from '../src/cli/result-table.js';
import { secretMarkers } from '../src/secrets.js';
import { assertContract } from './support/contract.js';

// ---------------------------------------------------------------------------------------
// Run counts

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 0;
/** Total cases over all properties: FUZZ_RUNS in `npm run fuzz`, a few thousand in `npm test`. */
const TOTAL_RUNS = FUZZ_RUNS || 3000;
const TIMEOUT = FUZZ_RUNS > 0 ? 60 * 60_000 : 60_000;

/** Share of TOTAL_RUNS per property (sums to 1). */
const RUNS = {
  classifyArbitrary: 0.17,
  classifyHostile: 0.09,
  classifyOptions: 0.06,
  noMaskedFailures: 0.09,
  unreadableHeaders: 0.05,
  deterministic: 0.1,
  noMutation: 0.05,
  normalizeError: 0.12,
  normalizeErrorDeterministic: 0.03,
  hostileOptions: 0.04,
  statefulProxies: 0.05,
  nullPrototypeThrows: 0.03,
  pollutedPrototypes: 0.04,
  plantedCredentials: 0.08,
} as const;

function runs(share: number): number {
  return Math.max(25, Math.round(TOTAL_RUNS * share));
}

// ---------------------------------------------------------------------------------------
// Classifiers under test: the shipped catalogs and each vendor subpath entry point.

type ClassifierLike = {
  classify(input: unknown, options?: ClassifyOptions): Classification<string>;
  normalizeError(thrown: unknown, options?: ClassifyOptions): Classification<string>;
};

const CLASSIFIERS: Record<string, ClassifierLike> = {
  'createClassifier()': createClassifier(),
  'vendor-errors/braze': brazeEntry,
  'vendor-errors/sinch': sinchEntry,
  'vendor-errors/transformify': transformifyEntry,
  'vendor-errors/spotzee': spotzeeEntry,
};
/** A second instance over the same catalogs: results must not depend on which instance ran. */
const TWIN = createClassifier();
const classifierName = fc.constantFrom(...Object.keys(CLASSIFIERS));
const classifierOf = (name: string): ClassifierLike => CLASSIFIERS[name]!;

const NOW = Date.UTC(2025, 0, 1);
const FIXED_CLOCK: ClassifyOptions = { now: () => NOW };
/** The text of the classifier's own safety net (src/classifier.ts): an internal exception it swallowed. */
const MASKED_FAILURE = /^(input|error) could not be classified/;

// ---------------------------------------------------------------------------------------
// Vocabulary from the catalogs, so generated inputs reach the matching code paths.

const CATALOGS: readonly Catalog[] = [...shippedCatalogs, genericCatalog];
const asList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const CATALOG_MESSAGES = [...new Set(CATALOGS.flatMap((c) => c.entries.flatMap((e) => asList(e.match?.message))))];
const CATALOG_CODES = [...new Set(CATALOGS.flatMap((c) => c.entries.flatMap((e) => asList(e.match?.code))))];
const CATALOG_NAMES = [...new Set(CATALOGS.flatMap((c) => c.entries.flatMap((e) => asList(e.match?.name))))];
const CATALOG_HOSTS = CATALOGS.flatMap((c) => c.hosts.map((host) => host.replace(/^\*\./, 'eu.')));
const EXAMPLE_INPUTS: unknown[] = CATALOGS.flatMap((c) => c.entries.flatMap((e) => e.examples.map((x) => x.input)));
const RESPONSE_EXAMPLES = EXAMPLE_INPUTS.filter((input) => typeof input === 'object' && input !== null && !('thrown' in input));
const THROWN_EXAMPLES = EXAMPLE_INPUTS.flatMap((input) =>
  typeof input === 'object' && input !== null && 'thrown' in input ? [(input as { thrown: unknown }).thrown] : [],
);

/** An object with exactly these own data properties, `__proto__` included as a plain key. */
function objectFrom(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

const DANGER_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'toJSON', 'then'] as const;

const holeValue = fc.oneof(
  fc.constantFrom('0', '42', '-7', '3.5', '1e9', '9'.repeat(400), '', ' ', 'x y', '{', '}', '__proto__', 'constructor', 'https://u:p@h.example/x'),
  fc.string({ maxLength: 12 }),
  fc.nat().map(String),
);

/** A catalog message with its `{holes}` filled, sometimes bent (case, spacing, cut, suffix). */
const catalogText = fc
  .tuple(fc.constantFrom(...CATALOG_MESSAGES), fc.array(holeValue, { minLength: 6, maxLength: 6 }), fc.nat(5), fc.nat(60))
  .map(([template, fills, bend, cut]) => {
    let i = 0;
    const text = template.replace(/\{\{|\}\}|\{[^{}]*\}/g, (hole) => (hole === '{{' ? '{' : hole === '}}' ? '}' : fills[i++ % fills.length]!));
    switch (bend) {
      case 0:
        return text.toUpperCase();
      case 1:
        return `  ${text.replace(/ /g, ' \t ')}\n`;
      case 2:
        return text.slice(0, cut);
      case 3:
        return `${text} and more`;
      default:
        return text;
    }
  });

const text = fc.oneof(
  { weight: 3, arbitrary: catalogText },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'a@b.example',
      'call +1 415 555 0100',
      'https://user:pw@apix.spotzee.com/v1',
      '&amp;&#x1F600;&#99999999;&#xD800;',
      '\u0130\u0130\u0130',
      '\u00a0\u2028\ufeff',
      'null',
      '__proto__',
    ),
  },
);

const code = fc.oneof(fc.constantFrom(...CATALOG_CODES), fc.string({ maxLength: 12 }), fc.integer({ min: -20, max: 600 }));

const status = fc.oneof(
  fc.constantFrom(200, 201, 202, 204, 400, 401, 403, 404, 409, 413, 422, 429, 500, 502, 503, 504, 520, 524, 599),
  fc.constantFrom<unknown>(0, 99, 100, 600, -1, -429, NaN, Infinity, -Infinity, 1.5, 429.0000001, 2 ** 53, '503', ' 429 ', '4xx', 'abc', '', null, undefined, true, {}, [], [503]),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double(),
  fc.string({ maxLength: 5 }),
);

const HEADER_NAMES = [
  'retry-after',
  'Retry-After',
  'RETRY-AFTER',
  'ratelimit',
  'ratelimit-reset',
  'x-ratelimit-reset',
  'content-type',
  'x-request-id',
  'request-id',
  'cf-ray',
  'authorization',
  'x-api-key',
  'cookie',
  'set-cookie',
  'idempotency-key',
  ...DANGER_KEYS,
];

const headerValue = fc.oneof(
  fc.constantFrom<unknown>(
    '5',
    '0',
    '-5',
    '1.5',
    ' 120 ',
    '999999999999',
    '9999999999999',
    '1735689660',
    'Wed, 01 Jan 2025 00:01:00 GMT',
    'Wednesday, 01-Jan-25 00:01:00 GMT',
    'Wed Jan  1 00:01:00 2025',
    'Mon, 31 Feb 2025 00:00:00 GMT',
    '"default";r=0;t=30',
    'application/problem+json',
    'text/html',
    '',
  ),
  text,
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('7', 'application/problem+json')), { maxLength: 3 }),
  fc.oneof(fc.integer(), fc.double(), fc.constant(null), fc.constant(undefined), fc.constant({}), fc.boolean()),
);

const headerEntries = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...HEADER_NAMES), fc.string({ maxLength: 10 })), headerValue), { maxLength: 6 });

function toHeaders(entries: readonly (readonly [string, unknown])[]): Headers {
  const headers = new Headers();
  for (const [name, value] of entries) {
    try {
      headers.append(name, String(value));
    } catch {
      // not a valid header name or value for fetch: leave it out
    }
  }
  return headers;
}

const headers = fc.oneof(
  { weight: 4, arbitrary: headerEntries.map(objectFrom) },
  { weight: 2, arbitrary: headerEntries.map(toHeaders) },
  { weight: 1, arbitrary: headerEntries.map((entries) => new Proxy(objectFrom(entries), {})) },
  { weight: 1, arbitrary: headerEntries.map((entries) => new Map(entries)) },
  {
    weight: 1,
    arbitrary: fc.tuple(headerValue, fc.boolean()).map(([value, returnsAlways]) => ({
      get: (name: string) => (returnsAlways || name === 'retry-after' ? value : null),
    })),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, 'retry-after: 5', 42, [], [['retry-after', '5']], Object.create(null)) },
);

const url = fc.oneof(
  fc.constantFrom(...CATALOG_HOSTS).map((host) => `https://${host}/v1/x`),
  fc.constantFrom<unknown>(
    'https://user:secret@apix.spotzee.com/',
    'http://[::1]:8080/',
    'HTTPS://REST.IAD-01.BRAZE.COM.',
    'not a url',
    '://',
    '',
    42,
    null,
  ),
  fc.webUrl(),
);

const request = fc.oneof(
  fc.record(
    { method: fc.constantFrom<unknown>('GET', 'POST', 'post', 'PUT', 'PATCH', 'DELETE', '', 'BREW', 7), idempotencyKey: fc.oneof(fc.string({ maxLength: 8 }), fc.constant(undefined), fc.constant(3)) },
    { requiredKeys: [] },
  ),
  fc.constantFrom<unknown>(undefined, null, 'POST', []),
);

const vendor = fc.constantFrom<unknown>(
  'braze',
  'sinch',
  'transformify',
  'spotzee',
  'generic',
  'Braze',
  ' SPOTZEE ',
  'acme',
  '',
  ' ',
  '__proto__',
  'constructor',
  'toString',
  'x'.repeat(100),
  null,
  undefined,
  42,
  {},
);

const dangerEntries = fc.array(
  fc.tuple(fc.constantFrom(...DANGER_KEYS), fc.oneof(fc.constant<unknown>({ polluted: true }), fc.constant<unknown>({ prototype: { polluted: true } }), text, fc.integer(), fc.constant<unknown>(null))),
  { maxLength: 2 },
);

/** Adds `__proto__` / `constructor` / ... own keys to a generated object. */
function withDanger<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.tuple(arb, dangerEntries).map(([value, extra]) =>
    extra.length === 0 || typeof value !== 'object' || value === null || Array.isArray(value)
      ? value
      : objectFrom([...Object.entries(value), ...extra]),
  );
}

const item = fc.oneof(
  text,
  withDanger(
    fc.record(
      {
        type: text,
        message: text,
        error: text,
        code,
        input_array: fc.constantFrom('attributes', 'events', 'purchases', '__proto__'),
        index: fc.oneof(fc.nat(5), fc.string({ maxLength: 3 })),
        field: text,
        pointer: fc.constantFrom('/email', '#/phone', '__proto__'),
      },
      { requiredKeys: [] },
    ),
  ),
  fc.constantFrom<unknown>(null, 3, [], {}),
);

const fieldMap = fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...DANGER_KEYS)), fc.oneof(text, fc.array(text, { maxLength: 2 }), fc.constant<unknown>({ message: 'nested' })), {
  maxKeys: 4,
});

const errorObject = withDanger(
  fc.record(
    {
      code,
      message: text,
      status: fc.oneof(fc.constantFrom('INVALID_ARGUMENT', 'RESOURCE_EXHAUSTED', 'UNAVAILABLE', 'NOT_FOUND'), text),
      type: text,
      details: fc.oneof(
        fieldMap,
        fc.array(fc.record({ fieldViolations: fc.array(fc.record({ field: text, description: text }), { maxLength: 2 }) }), { maxLength: 2 }),
        fc.record({ fields: fieldMap }),
      ),
    },
    { requiredKeys: [] },
  ),
);

/** Bodies in the vendors' shapes (and their neighbours) with random members. */
const vendorBody = withDanger(
  fc.record(
    {
      message: fc.oneof(text, fc.constantFrom<unknown>('success', 'queued', null, 5)),
      code,
      text,
      error: fc.oneof(text, fc.constantFrom(...CATALOG_CODES), errorObject),
      errors: fc.oneof(fc.array(item, { maxLength: 4 }), fieldMap),
      type: fc.oneof(fc.constantFrom('about:blank', 'https://docs.spotzee.com/errors#quota_exceeded', 'urn:x:'), text),
      title: text,
      status,
      detail: text,
      validationErrors: fc.oneof(fieldMap, fc.array(item, { maxLength: 2 })),
      details: fc.oneof(fieldMap, text),
      retryAfterSeconds: fc.oneof(fc.nat(100), fc.double(), fc.constantFrom<unknown>('30', '-1', '1e3', null)),
      'invalid-params': fc.array(fc.record({ name: text, reason: text }), { maxLength: 2 }),
      request_id: text,
    },
    { requiredKeys: [] },
  ),
);

const encoder = new TextEncoder();

const htmlish = fc
  .tuple(
    fc.constantFrom('<html><head>', '<!DOCTYPE html>\n<html>', '  <', '<TITLE', '<h1 class="x">', '<html><title>', ''),
    fc.constantFrom('<title>', '<title lang="en">', '<h1>', '<title', '', '<'),
    text,
    fc.constantFrom('</title>', '', '</h1>', '<', '&amp;', '&#x1F600;', '&#0;', '&#xD800;'),
  )
  .map((parts) => parts.join(''));

const body = fc.oneof(
  { weight: 5, arbitrary: vendorBody },
  { weight: 3, arbitrary: vendorBody.map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? '') },
  { weight: 2, arbitrary: text },
  { weight: 2, arbitrary: htmlish },
  { weight: 1, arbitrary: fc.array(vendorBody, { maxLength: 2 }) },
  { weight: 1, arbitrary: vendorBody.map((value) => encoder.encode(JSON.stringify(value))) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 24 }).map((bytes) => (bytes.length % 2 === 0 ? bytes : bytes.buffer)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      '',
      '   \n\t',
      '\ufeff',
      '{',
      '[',
      '{"message":',
      'null',
      'true',
      '<',
      '\ufeff{"message":"Invalid Campaign ID"}',
      '{"__proto__":{"polluted":true},"message":"x"}',
      undefined,
      null,
      0,
      -1,
      true,
      10n,
      new Date(NOW),
      /x/,
      () => 'body',
      new Map([['message', 'x']]),
    ),
  },
);

/** A RawResponse: every member optional, some of the wrong type, dangerous keys included. */
const responseInput = withDanger(fc.record({ vendor, status, headers, body, url, request }, { requiredKeys: [] }));

/** A catalog example input with some members replaced. */
const mutatedExample = fc
  .tuple(fc.constantFrom(...RESPONSE_EXAMPLES), fc.record({ status, headers, body, vendor }, { requiredKeys: [] }))
  .map(([example, overrides]) => ({ ...structuredClone(example as object), ...overrides }));

/** Plain inputs: nothing that throws when read. */
const plainInput = fc.oneof(
  { weight: 6, arbitrary: responseInput },
  { weight: 3, arbitrary: mutatedExample },
  { weight: 1, arbitrary: fc.constantFrom(...RESPONSE_EXAMPLES).map((example) => structuredClone(example)) },
  { weight: 1, arbitrary: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom<unknown>(undefined, 'oops', Symbol('s'), 1n)) },
);

// ---------------------------------------------------------------------------------------
// Hostile values: throwing traps and getters, revoked Proxies, cycles, deep nesting.
//
// fast-check itself inspects generated values (to clone, shrink and print them), and a
// revoked Proxy or a throwing getter breaks it. So hostile values are generated as `Lazy`
// recipes and only built by `materialize`, inside the property, for each run.

/** A value built on demand; printed by fast-check as its label (computed only when printed). */
class Lazy {
  constructor(
    readonly label: string | (() => string),
    readonly make: () => unknown,
  ) {}
  [fc.toStringMethod](): string {
    return `<${typeof this.label === 'string' ? this.label : this.label()}>`;
  }
}

const lazy = (label: string | (() => string), make: () => unknown): Lazy => new Lazy(label, make);

/** `fc.stringify` of the defined members only, for labels. */
const describeShape = (value: Record<string, unknown>): string =>
  fc.stringify(Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)));

/**
 * A fresh copy of a generated value with every `Lazy` built. Only plain objects and arrays
 * made by the generators are copied (own `__proto__` keys kept as data); anything else
 * (Proxies, Headers, Errors, bytes) is passed through untouched.
 */
function materialize(value: unknown): unknown {
  if (value instanceof Lazy) return value.make();
  if (typeof value !== 'object' || value === null || utilTypes.isProxy(value)) return value;
  if (Array.isArray(value)) return value.map(materialize);
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out = Object.create(proto as object | null) as Record<PropertyKey, unknown>;
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
    if ('value' in descriptor) descriptor.value = materialize(descriptor.value);
    Object.defineProperty(out, key, descriptor);
  }
  return out;
}

const TRAPS = ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'set', 'defineProperty', 'deleteProperty', 'apply'] as const;

function throwingProxy(target: object, traps: readonly string[]): object {
  const handler: ProxyHandler<object> = {};
  for (const trap of traps)
    (handler as Record<string, unknown>)[trap] = () => {
      throw new Error(`trap ${trap}`);
    };
  return new Proxy(target, handler);
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function throwingGetters(keys: readonly string[]): object {
  const out = {};
  for (const key of keys)
    Object.defineProperty(out, key, {
      enumerable: true,
      get() {
        throw new Error(`getter ${key}`);
      },
    });
  return out;
}

/** `{key: {key: ... leaf}}`, `levels` deep, built without recursion. */
function deeplyNested(levels: number, key: string, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = key === '[]' ? [value] : { [key]: value };
  return value;
}

function cyclicBody(): unknown {
  const body: Record<string, unknown> = { message: 'Invalid Campaign ID', error: {}, errors: [] };
  body.self = body;
  (body.errors as unknown[]).push(body, { type: 'x', input_array: body });
  (body.error as Record<string, unknown>).details = body;
  (body.error as Record<string, unknown>).code = 'validation_failed';
  return body;
}

const REVOKED = lazy('revoked Proxy', revokedProxy);
const CYCLIC = lazy('cyclic body', cyclicBody);
const RESPONSE_KEYS = ['vendor', 'status', 'headers', 'body', 'url', 'request', 'message', 'errors', 'error', 'code', 'get', 'length', '0'];

const hostileValue: fc.Arbitrary<Lazy> = fc.oneof(
  fc
    .tuple(fc.constantFrom('object', 'array', 'function'), fc.subarray([...TRAPS], { minLength: 1 }))
    .map(([target, traps]) =>
      lazy(`Proxy(${target}) throwing on ${traps.join(',')}`, () => throwingProxy(target === 'array' ? [] : target === 'function' ? () => 0 : {}, traps)),
    ),
  fc.constant(REVOKED),
  fc.subarray(RESPONSE_KEYS, { minLength: 1 }).map((keys) => lazy(`getters throwing on ${keys.join(',')}`, () => throwingGetters(keys))),
  fc.constant(CYCLIC),
  fc
    .constantFrom('a', 'errors', 'error', 'message', '[]')
    .map((key) => {
      const levels = key === 'a' ? 10_000 : 300;
      return lazy(`${levels} levels of ${key}`, () => deeplyNested(levels, key, 'Invalid Campaign ID'));
    }),
  fc.constantFrom(10_000, 500).map((levels) => lazy(`JSON text, ${levels} levels of []`, () => `${'['.repeat(levels)}${']'.repeat(levels)}`)),
  fc.constant(lazy('JSON text, 10000 levels of {"error":', () => `${'{"error":'.repeat(10_000)}"x"${'}'.repeat(10_000)}`)),
  fc.constant(lazy('frozen Braze body', () => Object.freeze({ message: 'Access Denied', errors: Object.freeze(['x']) }))),
  fc.constant(
    lazy('sparse errors array', () => {
      const sparse: unknown[] = [];
      sparse[5_000] = { type: 'late' };
      return { message: 'success', errors: sparse };
    }),
  ),
);

/** Inputs with hostile values anywhere: the input itself, a member, or inside the body. */
const hostileInput: fc.Arbitrary<unknown> = fc.oneof(
  hostileValue,
  fc.record(
    {
      vendor: fc.oneof(vendor, hostileValue),
      status: fc.oneof(status, hostileValue),
      headers: fc.oneof(headers, hostileValue),
      body: fc.oneof(body, hostileValue),
      url,
      request: fc.oneof(request, hostileValue),
    },
    { requiredKeys: [] },
  ),
  fc.tuple(status, hostileValue, hostileValue).map(([s, a, b]) => ({ vendor: 'braze', status: s, body: { message: 'success', errors: [a, b, 'x'], error: a } })),
  fc
    .tuple(fc.constantFrom(...RESPONSE_KEYS), hostileValue, fc.constantFrom(...RESPONSE_EXAMPLES))
    .map(([key, value, example]) => objectFrom([...Object.entries(structuredClone(example as object)), [key, value]])),
);

/** Expensive inputs, run once per property (fast-check `examples`). */
const HEAVY_INPUTS: Lazy[] = [
  lazy('body nested 10,000 levels', () => ({ status: 400, body: deeplyNested(10_000, 'a', 'leaf') })),
  lazy('errors nested 10,000 levels', () => ({ status: 400, body: deeplyNested(10_000, 'errors', [{ field: 'x', message: 'y' }]) })),
  lazy('Braze success with 1e6 item errors', () => ({ vendor: 'braze', status: 201, body: { message: 'success', errors: new Array<unknown>(1_000_000).fill({ type: 'x' }) } })),
  lazy('Braze 400 with 1e6 numbers as errors', () => ({ vendor: 'braze', status: 400, body: { message: 'x', errors: new Array<unknown>(1_000_000).fill(7) } })),
  lazy('422 with 1e6 errors and details', () => ({
    status: 422,
    body: { errors: new Array<unknown>(1_000_000).fill(7), error: { details: new Array<unknown>(1_000_000).fill({ type: 'x' }) } },
  })),
  lazy('array body of 1e6 numbers', () => ({ status: 400, body: new Array<unknown>(1_000_000).fill(7) })),
  lazy('Retry-After with 1e6 values and 5,000 other headers', () => ({
    status: 429,
    headers: { 'retry-after': new Array<string>(1_000_000).fill('x'), ...Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`h${i}`, 'v'])) },
  })),
  lazy('JSON text of a 400,000-element array', () => ({ status: 400, body: `[${'1,'.repeat(400_000)}1]` })),
  lazy('JSON text nested 10,000 levels', () => ({ status: 400, body: `${'['.repeat(10_000)}${']'.repeat(10_000)}` })),
];

// ---------------------------------------------------------------------------------------
// Options

const options: fc.Arbitrary<ClassifyOptions> = fc.record(
  {
    vendor: fc.constantFrom<unknown>('braze', 'sinch', 'transformify', 'spotzee', 'acme', '', ' Braze ', undefined, 5, null) as fc.Arbitrary<string>,
    now: fc.oneof(
      fc.constantFrom(NOW, 0, -1, NaN, Infinity, 1e300, 1.5).map((value) => () => value),
      fc.constant(() => {
        throw new Error('clock failure');
      }),
      fc.constant((() => 'soon') as unknown as () => number),
    ),
    maxRetryAfterMs: fc.oneof(fc.nat(), fc.double(), fc.constantFrom(0, -1, NaN, Infinity, 1.5)),
    maxBodyBytes: fc.oneof(fc.nat(200), fc.double(), fc.constantFrom(0, -1, NaN, Infinity)),
    redactPii: fc.constantFrom<unknown>(true, false, undefined, 'yes') as fc.Arbitrary<boolean>,
  },
  { requiredKeys: [] },
);

// ---------------------------------------------------------------------------------------
// Thrown values for normalizeError

const errorName = fc.oneof(
  fc.constantFrom(...CATALOG_NAMES, 'Error', 'TypeError', 'AxiosError', 'HTTPError', 'RequestError', 'FetchError', 'AggregateError'),
  fc.string({ maxLength: 10 }),
);
const transportCode = fc.oneof(fc.constantFrom(...CATALOG_CODES, 'ERR_BAD_REQUEST', 'ERR_BAD_RESPONSE'), fc.string({ maxLength: 10 }), fc.integer());
const thrownMessage = fc.oneof(text, fc.constantFrom('fetch failed', 'connect ECONNREFUSED 127.0.0.1:443 https://user:pass@apix.spotzee.com', 'timeout of 100ms exceeded'));

type ThrownShape = { kind: string; name: unknown; code: unknown; message: unknown; cause: unknown; errors: unknown[] | undefined };

function buildThrown({ kind, name, code: c, message, cause, errors }: ThrownShape): unknown {
  let error: Record<string, unknown>;
  switch (kind) {
    case 'Error':
      error = new Error(typeof message === 'string' ? message : undefined) as unknown as Record<string, unknown>;
      break;
    case 'TypeError':
      error = new TypeError('fetch failed') as unknown as Record<string, unknown>;
      break;
    case 'AggregateError':
      error = new AggregateError(errors ?? [], typeof message === 'string' ? message : undefined) as unknown as Record<string, unknown>;
      break;
    case 'DOMException':
      return new DOMException(typeof message === 'string' ? message : 'aborted', typeof name === 'string' ? name : 'AbortError');
    case 'null-prototype':
      error = Object.create(null) as Record<string, unknown>;
      break;
    default:
      error = {};
  }
  const set = (key: string, value: unknown): void => {
    if (value !== undefined) Object.defineProperty(error, key, { value, enumerable: true, writable: true, configurable: true });
  };
  set('name', name);
  set('code', c);
  if (kind !== 'Error' && kind !== 'AggregateError') set('message', message);
  set('cause', cause);
  if (kind !== 'AggregateError') set('errors', errors);
  return error;
}

const thrownTree = fc.letrec<{ thrown: unknown; error: unknown }>((tie) => ({
  thrown: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    { weight: 4, arbitrary: tie('error') },
    { weight: 1, arbitrary: thrownMessage },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, 0, NaN, 42, true, 10n, Symbol('thrown'), () => 'f', []) },
  ),
  error: fc
    .record({
      kind: fc.constantFrom('Error', 'TypeError', 'AggregateError', 'DOMException', 'plain', 'null-prototype'),
      name: fc.option(fc.oneof(errorName, fc.constant<unknown>(5)), { nil: undefined }),
      code: fc.option(transportCode, { nil: undefined }),
      message: fc.option(fc.oneof(thrownMessage, fc.constant<unknown>({ toString: () => 'x' })), { nil: undefined }),
      cause: fc.option(tie('thrown'), { nil: undefined }),
      errors: fc.option(fc.array(tie('thrown'), { maxLength: 3 }), { nil: undefined }),
    })
    .map((shape) =>
      lazy(() => `${shape.kind} ${describeShape({ ...shape, kind: undefined })}`, () =>
        buildThrown({ ...shape, cause: materialize(shape.cause), errors: shape.errors?.map(materialize) }),
      ),
    ),
}));

/** HTTP client errors that carry a response or request config (axios, got, ky, a thrown Response). */
const clientError = fc.oneof(
  fc
    .record({
      message: thrownMessage,
      code: fc.option(fc.constantFrom('ERR_BAD_REQUEST', 'ERR_BAD_RESPONSE', 'ECONNABORTED', 'ERR_NETWORK', 'ETIMEDOUT'), { nil: undefined }),
      config: fc.record({ url, baseURL: fc.option(url, { nil: undefined }), method: fc.constantFrom('get', 'post', 'PATCH'), headers }, { requiredKeys: [] }),
      response: fc.option(fc.record({ status, headers, data: body }, { requiredKeys: [] }), { nil: undefined }),
    })
    .map((fields) => lazy(() => `AxiosError ${describeShape(fields)}`, () => Object.assign(new Error(fields.message), { name: 'AxiosError', isAxiosError: true, ...fields }))),
  fc
    .record({ statusCode: status, body, headers, url })
    .map(({ url: u, ...response }) =>
      lazy(() => `got HTTPError ${describeShape(response)}`, () => Object.assign(new Error('Response code 500'), { name: 'HTTPError', response, options: { url: u, method: 'POST', headers: {} } })),
    ),
  fc
    .record({ status, headers, body, url }, { requiredKeys: [] })
    .map((response) => lazy(() => `ky HTTPError ${describeShape(response)}`, () => Object.assign(new Error('Request failed'), { name: 'HTTPError', response, request: { url: response.url } }))),
  fc.record({ status, headers, body }, { requiredKeys: [] }),
);

/** Adds cycles to a thrown value: `cause` pointing at itself or back up the chain, AggregateErrors containing themselves. */
function withCycles(thrown: unknown, how: number): unknown {
  if (typeof thrown !== 'object' || thrown === null) return thrown;
  const target = thrown as Record<string, unknown>;
  try {
    if (how === 1) target.cause = thrown;
    if (how === 2) target.cause = { name: 'Error', message: 'inner', cause: thrown };
    if (how === 3) return new AggregateError([thrown, thrown], 'outer', { cause: thrown });
    if (how === 4) {
      const aggregate = new AggregateError([thrown], 'self');
      (aggregate.errors as unknown[]).push(aggregate);
      (aggregate as unknown as Record<string, unknown>).cause = aggregate;
      return aggregate;
    }
  } catch {
    // a frozen or exotic value: leave it as it is
  }
  return thrown;
}

const cyclicThrown = fc
  .tuple(thrownTree.thrown, fc.nat(6))
  .map(([thrown, how]) => (how === 0 || how > 4 ? thrown : lazy(() => `cycle #${how} around ${fc.stringify(thrown)}`, () => withCycles(materialize(thrown), how))));

const hostileThrown: fc.Arbitrary<unknown> = fc.oneof(
  hostileValue,
  fc
    .subarray(['name', 'message', 'code', 'cause', 'errors', 'response', 'config', 'status', 'statusCode', 'headers', 'options', 'request', 'data'], { minLength: 1 })
    .map((keys) => lazy(`getters throwing on ${keys.join(',')}`, () => throwingGetters(keys))),
  fc.constant(lazy('Error with a revoked cause', () => Object.assign(new Error('outer'), { cause: revokedProxy(), errors: [throwingProxy({}, ['get'])] }))),
  fc.constant(lazy('axios-like with hostile response and config', () => ({ name: 'AxiosError', message: 'x', response: throwingProxy({}, ['get']), config: revokedProxy() }))),
  fc.constant(
    lazy('prototype getters that throw', () => {
      const fail = (what: string) => () => {
        throw new Error(what);
      };
      const proto = Object.create(Error.prototype, { message: { get: fail('message') } }) as object;
      return Object.create(proto, { code: { get: fail('code') }, name: { get: fail('name') } }) as unknown;
    }),
  ),
);

const thrownValue = fc.oneof(
  { weight: 5, arbitrary: cyclicThrown },
  { weight: 3, arbitrary: clientError },
  { weight: 2, arbitrary: hostileThrown },
  { weight: 1, arbitrary: fc.constantFrom(...THROWN_EXAMPLES).map((thrown) => structuredClone(thrown)) },
);

// ---------------------------------------------------------------------------------------
// Snapshots for the no-mutation property

const INTRINSICS = new Map<unknown, string>([
  [Object.prototype, 'Object.prototype'],
  [Array.prototype, 'Array.prototype'],
  [Function.prototype, 'Function.prototype'],
  [Error.prototype, 'Error.prototype'],
  [TypeError.prototype, 'TypeError.prototype'],
  [AggregateError.prototype, 'AggregateError.prototype'],
  [Headers.prototype, 'Headers.prototype'],
  [Map.prototype, 'Map.prototype'],
  [Date.prototype, 'Date.prototype'],
  [RegExp.prototype, 'RegExp.prototype'],
  [Uint8Array.prototype, 'Uint8Array.prototype'],
  [ArrayBuffer.prototype, 'ArrayBuffer.prototype'],
  [DOMException.prototype, 'DOMException.prototype'],
]);

/**
 * A canonical description of everything reachable from `root` through own properties,
 * prototypes and the internal state of Headers / Map / bytes: equal snapshots mean
 * nothing was changed. Iterative and cycle-aware (inputs may be 10,000 levels deep).
 */
function snapshot(root: unknown): string {
  const ids = new Map<object, number>();
  const queue: object[] = [];
  const ref = (value: unknown): unknown => {
    if (INTRINSICS.has(value)) return INTRINSICS.get(value);
    if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
      let id = ids.get(value);
      if (id === undefined) {
        id = ids.size;
        ids.set(value, id);
        queue.push(value);
      }
      return ['#', id];
    }
    if (typeof value === 'number') return ['n', Object.is(value, -0) ? '-0' : String(value)];
    return [typeof value, String(value)];
  };
  const records: unknown[] = [ref(root)];
  for (let i = 0; i < queue.length; i++) {
    const value = queue[i]!;
    const record: unknown[] = [ref(Object.getPrototypeOf(value)), Object.isExtensible(value), Object.isFrozen(value)];
    for (const key of Reflect.ownKeys(value)) {
      const d = Object.getOwnPropertyDescriptor(value, key)!;
      record.push([String(key), d.enumerable, d.configurable, 'value' in d ? ['v', ref(d.value), d.writable] : ['a', ref(d.get), ref(d.set)]]);
    }
    if (value instanceof Headers) {
      const entries: string[][] = [];
      value.forEach((v, k) => entries.push([k, v]));
      record.push(['headers', entries]);
    }
    else if (value instanceof Map) record.push(['map', [...value.entries()].map(([k, v]) => [ref(k), ref(v)])]);
    else if (ArrayBuffer.isView(value)) record.push(['bytes', Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))]);
    else if (value instanceof ArrayBuffer) record.push(['buffer', Array.from(new Uint8Array(value))]);
    else if (value instanceof Date) record.push(['date', value.getTime()]);
    records.push(record);
  }
  return JSON.stringify(records);
}

/** Freezes everything reachable through own data properties (not intrinsics, not byte views). */
function deepFreeze(root: unknown): void {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (((typeof value !== 'object' || value === null) && typeof value !== 'function') || seen.has(value) || INTRINSICS.has(value)) continue;
    seen.add(value);
    if (!ArrayBuffer.isView(value)) Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) {
      const d = Object.getOwnPropertyDescriptor(value, key)!;
      if ('value' in d) stack.push(d.value);
    }
  }
}

/** Inputs a snapshot can describe: plain data (with cycles, deep nesting and dangerous keys), no traps. */
const snapshotableInput = fc.oneof(
  { weight: 8, arbitrary: plainInput },
  { weight: 1, arbitrary: status.map((s) => ({ status: s, body: CYCLIC })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(status, fc.constantFrom('a', 'errors', 'error', '[]'))
      .map(([s, key]) => ({ vendor: 'braze', status: s, body: lazy(`300 levels of ${key}`, () => deeplyNested(300, key, { message: 'x' })) })),
  },
);

// ---------------------------------------------------------------------------------------
// Properties

function check<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void, share: number, examples: NoInfer<T>[] = []): void {
  fc.assert(fc.property(arbitrary, predicate), { numRuns: runs(share), examples: examples.map((example) => [example] as [T]) });
}

const onDefault = (inputs: readonly unknown[]): [string, unknown][] => inputs.map((input) => ['createClassifier()', input]);

describe('classify', () => {
  it(
    'never throws and returns a valid Classification for arbitrary responses, with every classifier',
    () => {
      check(
        fc.tuple(classifierName, plainInput),
        ([name, input]) => assertContract(classifierOf(name).classify(materialize(input), FIXED_CLOCK)),
        RUNS.classifyArbitrary,
        onDefault(HEAVY_INPUTS),
      );
    },
    TIMEOUT,
  );

  it(
    'never throws and returns a valid Classification for hostile inputs (throwing traps and getters, revoked Proxies, cycles, deep nesting)',
    () => {
      check(
        fc.tuple(classifierName, hostileInput),
        ([name, input]) => assertContract(classifierOf(name).classify(materialize(input), FIXED_CLOCK)),
        RUNS.classifyHostile,
        [...onDefault([REVOKED, { status: 503, headers: REVOKED, body: REVOKED }, ...HEAVY_INPUTS]), ['vendor-errors/braze', { status: 200, body: CYCLIC }]],
      );
    },
    TIMEOUT,
  );

  it(
    'returns a valid Classification whatever the options (clock that throws or returns NaN, odd caps and limits)',
    () => {
      check(
        fc.tuple(classifierName, plainInput, options),
        ([name, input, opts]) => assertContract(classifierOf(name).classify(materialize(input), opts)),
        RUNS.classifyOptions,
        [['createClassifier()', { status: 429, headers: { 'retry-after': '5' } }, { maxRetryAfterMs: 1.5 }]],
      );
    },
    TIMEOUT,
  );

  it('keeps template numbers JSON-safe when the message holds a number too large for a double', () => {
    for (const [vendor, body] of [
      ['transformify', { error: 'x', message: `Maximum ${'9'.repeat(400)} recipients allowed per request` }],
      [undefined, `${'9'.repeat(400)} Backend fetch failed`],
    ] as const)
      assertContract(CLASSIFIERS['createClassifier()']!.classify({ vendor, status: 400, body }, FIXED_CLOCK));
  });

  it(
    'classifies plain data without falling into its internal safety net (no swallowed exception)',
    () => {
      check(
        fc.tuple(classifierName, plainInput),
        ([name, input]) => {
          const message = classifierOf(name).classify(materialize(input), FIXED_CLOCK).error?.message ?? '';
          expect(message).not.toMatch(MASKED_FAILURE);
        },
        RUNS.noMaskedFailures,
        onDefault(HEAVY_INPUTS),
      );
    },
    TIMEOUT,
  );

  it(
    'ignores headers it cannot read: the result is the same as with no headers',
    () => {
      const unreadable = fc.oneof(
        fc.constant(REVOKED),
        fc.subarray([...TRAPS], { minLength: 1 }).map((traps) => lazy(`Proxy throwing on ${traps.join(',')}`, () => throwingProxy({}, traps))),
        fc.subarray(HEADER_NAMES, { minLength: 1 }).map((keys) => lazy(`getters throwing on ${keys.join(',')}`, () => throwingGetters(keys))),
        fc.constant(
          lazy('get() that throws', () => ({
            get() {
              throw new Error('get');
            },
          })),
        ),
      );
      check(
        fc.tuple(classifierName, status, body, unreadable),
        ([name, s, b, h]) => {
          const classifier = classifierOf(name);
          const withHeaders = classifier.classify({ status: s, body: materialize(b), headers: materialize(h) }, FIXED_CLOCK);
          expect(withHeaders).toStrictEqual(classifier.classify({ status: s, body: materialize(b) }, FIXED_CLOCK));
        },
        RUNS.unreadableHeaders,
      );
    },
    TIMEOUT,
  );

  it(
    'is deterministic: the same input and clock give deep-equal results, from the same or another instance',
    () => {
      check(
        fc.oneof(plainInput, hostileInput),
        (raw) => {
          const input = materialize(raw);
          const classifier = CLASSIFIERS['createClassifier()']!;
          const first = classifier.classify(input, FIXED_CLOCK);
          expect(classifier.classify(input, FIXED_CLOCK)).toStrictEqual(first);
          expect(TWIN.classify(input, FIXED_CLOCK)).toStrictEqual(first);
        },
        RUNS.deterministic,
      );
    },
    TIMEOUT,
  );

  it(
    'does not mutate its input, and classifies a deeply frozen input exactly like the unfrozen one',
    () => {
      check(
        fc.tuple(classifierName, snapshotableInput),
        ([name, raw]) => {
          const classifier = classifierOf(name);
          const input = materialize(raw);
          const before = snapshot(input);
          const result = classifier.classify(input, FIXED_CLOCK);
          expect(snapshot(input)).toBe(before);
          deepFreeze(input);
          const frozen = classifier.classify(input, FIXED_CLOCK);
          expect(frozen.error?.message ?? '').not.toMatch(MASKED_FAILURE);
          expect(frozen).toStrictEqual(result);
        },
        RUNS.noMutation,
        onDefault([lazy('body nested 10,000 levels', () => ({ status: 400, body: deeplyNested(10_000, 'a', 'x') })), { vendor: 'braze', status: 201, body: CYCLIC }]),
      );
    },
    TIMEOUT,
  );
});

describe('normalizeError', () => {
  it(
    'never throws and returns a valid Classification for any thrown value, with every classifier',
    () => {
      check(
        fc.tuple(classifierName, thrownValue),
        ([name, thrown]) => assertContract(classifierOf(name).normalizeError(materialize(thrown), FIXED_CLOCK)),
        RUNS.normalizeError,
        onDefault([
          REVOKED,
          Symbol('s'),
          lazy('AggregateError containing itself', () => withCycles(new Error('x'), 4)),
          lazy('axios timeout with a 400-digit number', () => Object.assign(new Error(`timeout of ${'9'.repeat(400)}ms exceeded`), { code: 'ECONNABORTED_' })),
        ]),
      );
    },
    TIMEOUT,
  );

  it(
    'is deterministic and does not mutate the thrown value',
    () => {
      check(
        fc.tuple(classifierName, fc.oneof(cyclicThrown, clientError)),
        ([name, raw]) => {
          const classifier = classifierOf(name);
          const thrown = materialize(raw);
          const before = snapshot(thrown);
          const first = classifier.normalizeError(thrown, FIXED_CLOCK);
          expect(snapshot(thrown)).toBe(before);
          expect(classifier.normalizeError(thrown, FIXED_CLOCK)).toStrictEqual(first);
          expect(first.error?.message ?? '').not.toMatch(MASKED_FAILURE);
        },
        RUNS.normalizeErrorDeterministic,
      );
    },
    TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------
// A hostile environment: options, values that change between reads, null-prototype
// throws, a polluted Object.prototype, and credentials planted in every input member.

/** What a hostile trap or getter throws: an Error, or values `String()` cannot convert or should not be asked to. */
const thrownKind = fc.constantFrom('Error', 'null-prototype', 'revoked Proxy', 'undefined', 'Symbol', 'getter-message');

function thrownOf(kind: string): unknown {
  switch (kind) {
    case 'null-prototype':
      return Object.create(null) as object;
    case 'revoked Proxy':
      return revokedProxy();
    case 'undefined':
      return undefined;
    case 'Symbol':
      return Symbol('thrown');
    case 'getter-message':
      return Object.defineProperty({}, 'message', {
        get() {
          throw Object.create(null) as object;
        },
      });
    default:
      return new Error('thrown');
  }
}

/** A Proxy over `target` whose every trap in `traps` throws `thrown`. */
function proxyThrowing(target: object, traps: readonly string[], thrown: () => unknown): object {
  const handler: ProxyHandler<object> = {};
  for (const trap of traps)
    (handler as Record<string, unknown>)[trap] = () => {
      throw thrown();
    };
  return new Proxy(target, handler);
}

/** Null-prototype and other unconvertible throws, from traps and getters, anywhere in an input or a thrown value. */
const nullPrototypeThrow: fc.Arbitrary<Lazy> = fc
  .tuple(thrownKind, fc.constantFrom('object', 'array'), fc.subarray([...TRAPS], { minLength: 1 }), fc.subarray(RESPONSE_KEYS, { minLength: 1 }), fc.boolean())
  .map(([kind, target, traps, keys, asProxy]) =>
    lazy(`${asProxy ? `Proxy(${target}) throwing on ${traps.join(',')}` : `getters on ${keys.join(',')} of an object`} that throw ${kind}`, () => {
      if (asProxy) return proxyThrowing(target === 'array' ? [] : {}, traps, () => thrownOf(kind));
      // Getters go on an object: an array's `length` cannot be redefined.
      const out = {};
      for (const key of keys)
        Object.defineProperty(out, key, {
          enumerable: true,
          get() {
            throw thrownOf(kind);
          },
        });
      return out;
    }),
  );

/**
 * A Proxy whose members change between reads: each read of a key returns the next of its
 * values (a list's `length` grows or shrinks, a status flips from 200 to 500, a message
 * from text to an object), as an attacker's getter could.
 */
function stateful(target: object, values: Readonly<Record<string, readonly unknown[]>>): object {
  const reads = new Map<PropertyKey, number>();
  return new Proxy(target, {
    get(object, key, receiver) {
      const choices = typeof key === 'string' ? values[key] : undefined;
      if (choices === undefined || choices.length === 0) return Reflect.get(object, key, receiver) as unknown;
      const count = reads.get(key) ?? 0;
      reads.set(key, count + 1);
      return choices[count % choices.length];
    },
  });
}

const changingList = fc
  .tuple(fc.array(item, { minLength: 1, maxLength: 3 }), fc.array(fc.constantFrom<unknown>(0, 1, 2, 5, 1_000, 100_000, -1, NaN, '2'), { minLength: 2, maxLength: 4 }))
  .map(([items, lengths]) => lazy(`a list of ${items.length} whose length reads ${lengths.join(', ')}`, () => stateful([...(materialize(items) as unknown[])], { length: lengths })));

const statefulInput: fc.Arbitrary<unknown> = fc.oneof(
  // Error statuses: the lists become field errors. (A 2xx body's per-item list whose
  // length changes between reads can still give `partial` with no minor errors, and a
  // length near 2^32 is still walked element by element: reading each list once, by its
  // content, belongs to the rewrite of how bodies are read, src/items.ts and fields.ts.)
  fc
    .tuple(changingList, fc.constantFrom<unknown>(400, 422, 503), fc.constantFrom('braze', 'spotzee', 'sinch', undefined))
    .map(([list, s, v]) => ({ vendor: v, status: s, body: { message: 'success', errors: list, error: { code: 'x', details: list } } })),
  fc
    .tuple(fc.array(fc.oneof(status, fc.constant<unknown>(undefined)), { minLength: 2, maxLength: 3 }), fc.array(body, { minLength: 2, maxLength: 3 }), fc.array(vendor, { minLength: 2, maxLength: 3 }), fc.array(headers, { minLength: 1, maxLength: 2 }))
    .map(([statuses, bodies, vendors, headerList]) =>
      lazy('an input whose members change between reads', () => stateful({}, { status: statuses, body: bodies.map(materialize), vendor: vendors, headers: headerList.map(materialize) })),
    ),
  fc
    .tuple(fc.array(text, { minLength: 2, maxLength: 3 }), fc.array(code, { minLength: 2, maxLength: 3 }), fc.constantFrom<unknown>(400, 201, 422))
    .map(([messages, codes, s]) => ({ vendor: 'braze', status: s, body: lazy('a body whose message and code change between reads', () => stateful({}, { message: messages, code: codes, errors: [['x'], 'y', undefined] })) })),
);

const statefulThrown: fc.Arbitrary<unknown> = fc
  .tuple(fc.array(thrownMessage, { minLength: 2, maxLength: 3 }), fc.array(fc.oneof(transportCode, fc.constant<unknown>(undefined)), { minLength: 2, maxLength: 3 }), changingList)
  .map(([messages, codes, list]) =>
    lazy('a thrown error whose members change between reads', () =>
      stateful(new Error('x'), { message: messages, code: codes, errors: [materialize(list)], cause: [undefined, { code: 'ECONNRESET' }], response: [undefined, { status: 503 }, null] }),
    ),
  );

/** Options nobody should pass: null, primitives, revoked Proxies, throwing getters, and values that change between reads. */
const hostileOptions: fc.Arbitrary<unknown> = fc.oneof(
  options,
  fc.constantFrom<unknown>(null, 'braze', 42, true, [], () => ({})),
  fc.constant(REVOKED),
  nullPrototypeThrow,
  fc
    .tuple(fc.array(vendor, { minLength: 2, maxLength: 3 }), fc.array(fc.oneof(fc.nat(), fc.constantFrom(NaN, -1, Infinity)), { minLength: 2, maxLength: 3 }), fc.array(fc.constantFrom<unknown>(true, false, 'yes'), { minLength: 2, maxLength: 3 }))
    .map(([vendors, caps, pii]) => lazy('options that change between reads', () => stateful({}, { vendor: vendors, maxRetryAfterMs: caps, maxBodyBytes: caps, redactPii: pii, now: [() => NOW, 'x'] }))),
);

/** Keys an attacker may have set on `Object.prototype` (the input members read and the members of thrown errors). */
const POLLUTED_KEYS = ['cause', 'url', 'response', 'name', 'status', 'statusCode', 'config', 'data', 'message', 'code', 'errors', 'vendor', 'headers', 'body', 'request', 'error', 'details', 'detail', 'title', 'type', 'text', 'fields', 'input_array', 'index', 'retry-after', 'x-request-id', 'method', 'idempotencyKey', 'baseURL', 'options', 'redactPii', 'maxBodyBytes'];
const pollutionValue = fc.constantFrom<unknown>({ code: 'ECONNRESET' }, 'polluted', 503, 429, ['polluted'], { status: 503, data: { message: 'Invalid Campaign ID' } }, 'https://u:pw@h/', true, '5');
const pollution = fc.array(fc.tuple(fc.constantFrom(...POLLUTED_KEYS), pollutionValue), { minLength: 1, maxLength: 4 });

/**
 * Runs `action` with `Object.prototype` polluted by `entries` (as enumerable data, as a
 * JSON merge would leave it), and restores the prototype before returning or throwing.
 */
function whilePolluted<T>(entries: readonly (readonly [string, unknown])[], action: () => T): T {
  const proto = Object.prototype as Record<string, unknown>;
  const before = new Map(entries.map(([key]) => [key, Object.getOwnPropertyDescriptor(proto, key)]));
  try {
    for (const [key, value] of entries) Object.defineProperty(proto, key, { value, enumerable: true, writable: true, configurable: true });
    return action();
  } finally {
    for (const [key, descriptor] of before) {
      if (descriptor === undefined) delete proto[key];
      else Object.defineProperty(proto, key, descriptor);
    }
  }
}

const ALNUM = [...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'];
/** A distinctive credential: it cannot occur in a result unless it came from the input. */
const credential = fc.array(fc.constantFrom(...ALNUM), { minLength: 14, maxLength: 22 }).map((chars) => `plt${chars.join('')}`);

/** The forms credentials take in text, with the string that must not appear in any output. */
type Planted = { text: string; secret: string; marker: boolean };
const CREDENTIAL_FORMS: ((cred: string) => Planted)[] = [
  (c) => ({ text: `https://user:${c}@api.example.com/v1`, secret: c, marker: false }),
  (c) => ({ text: `https://u:pa/${c}@h.example/x`, secret: c, marker: false }),
  (c) => ({ text: `https://${c}@h.example/`, secret: c, marker: false }),
  (c) => ({ text: `user:${c}@proxy.example:443`, secret: c, marker: false }),
  (c) => ({ text: `https://h.example/v1?api_key=${c}&x=1`, secret: c, marker: false }),
  (c) => ({ text: `https://h.example/v1?a=1&access_token=${c}`, secret: c, marker: false }),
  (c) => ({ text: `/v1/send?token=${c}`, secret: c, marker: false }),
  (c) => ({ text: `Authorization: Bearer ${c}`, secret: c, marker: false }),
  (c) => ({ text: `bearer ${c}`, secret: c, marker: false }),
  (c) => ({ text: `Authorization: Basic ${btoa(`alice:${c}`)}`, secret: btoa(`alice:${c}`), marker: false }),
  (c) => ({ text: `Invalid API key: ${c}`, secret: c, marker: true }),
  (c) => ({ text: `Error: Invalid API key:${c}`, secret: c, marker: true }),
];

const planted = fc
  .tuple(credential, fc.nat(CREDENTIAL_FORMS.length - 1), fc.option(text, { nil: undefined }), fc.option(text, { nil: undefined }))
  .map(([cred, form, before, after]) => {
    const found = CREDENTIAL_FORMS[form]!(cred);
    return { ...found, text: [before, found.text, after].filter((part) => part !== undefined && part !== '').join(' ') };
  });

/** Every member of a response input a credential can be planted in. */
const RESPONSE_PLACES = ['url', 'vendor', 'x-request-id', 'request-id', 'authorization', 'body text', 'message', 'code', 'error', 'detail', 'title', 'text', 'item', 'item type', 'field message', 'field path', 'error.message', 'error.code', 'problem type', 'html title'] as const;
/** Every member of a thrown value a credential can be planted in. */
const THROWN_PLACES = ['message', 'cause.message', 'errors[0].message', 'code', 'name', 'config.url', 'config.baseURL', 'response.data.message', 'response.headers.x-request-id', 'string'] as const;

function plantInResponse(place: (typeof RESPONSE_PLACES)[number], value: string, s: unknown, v: unknown): unknown {
  const input: Record<string, unknown> = { vendor: v, status: s };
  switch (place) {
    case 'url':
    case 'vendor':
      input[place] = value;
      break;
    case 'x-request-id':
    case 'request-id':
    case 'authorization':
      input.headers = { [place]: value };
      break;
    case 'body text':
      input.body = value;
      break;
    case 'item':
      input.body = { message: 'success', errors: [value] };
      break;
    case 'item type':
      input.body = { message: 'success', errors: [{ type: value, input_array: 'attributes', index: 0 }] };
      break;
    case 'field message':
      input.body = { error: { code: 'validation_failed', message: 'invalid', details: { email: value } }, errors: { phone: value } };
      break;
    case 'field path':
      input.body = { errors: { [value]: 'is invalid' } };
      break;
    case 'error.message':
    case 'error.code':
      input.body = { error: { [place.slice(6)]: value } };
      break;
    case 'problem type':
      input.headers = { 'content-type': 'application/problem+json' };
      input.body = { type: `https://errors.example/${value}`, title: value, detail: value, status: 400 };
      break;
    case 'html title':
      input.body = `<html><head><title>${value}</title></head></html>`;
      break;
    default:
      input.body = { [place]: value };
  }
  return input;
}

function plantInThrown(place: (typeof THROWN_PLACES)[number], value: string): unknown {
  switch (place) {
    case 'string':
      return value;
    case 'cause.message':
      return new TypeError('fetch failed', { cause: Object.assign(new Error(value), { code: 'ECONNREFUSED' }) });
    case 'errors[0].message':
      return new AggregateError([new Error(value)], 'all failed');
    case 'code':
    case 'name':
      return Object.assign(new Error('failed'), { [place]: value });
    case 'config.url':
    case 'config.baseURL':
      return Object.assign(new Error(`timeout of 100ms exceeded`), { name: 'AxiosError', code: 'ECONNABORTED', config: { url: value, baseURL: value, method: 'post' } });
    case 'response.data.message':
      return Object.assign(new Error('Request failed with status code 400'), { name: 'AxiosError', response: { status: 400, headers: {}, data: { message: value, error: value } } });
    case 'response.headers.x-request-id':
      return Object.assign(new Error('Request failed with status code 503'), { name: 'AxiosError', response: { status: 503, headers: { 'x-request-id': value }, data: '' } });
    default:
      return new Error(value);
  }
}

/** Every string of a value, recursively (results are small plain data). */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const member of value) stringsOf(member, out);
  else if (typeof value === 'object' && value !== null) for (const [key, member] of Object.entries(value)) out.push(key, ...stringsOf(member));
  return out;
}

function expectNoCredential(where: string, value: unknown, secret: string): void {
  const lower = secret.toLowerCase();
  for (const found of stringsOf(value)) if (found.toLowerCase().includes(lower)) throw new Error(`${where}: the planted credential ${secret} is in ${JSON.stringify(found)}`);
}

/** Classifiers whose catalogs mark the secret that the marker forms plant (Braze's echoed API key). */
const WITH_BRAZE = ['createClassifier()', 'vendor-errors/braze'];
const CLI_CLASSIFIER = createClassifier({ redactPii: true });
const CLI_TABLE = createResultTable(undefined);
const CATALOG_MARKERS = CATALOGS.flatMap(secretMarkers);

describe('a hostile environment', () => {
  it(
    'never throws and follows the contract whatever the options (null, primitives, revoked Proxies, throwing getters, values that change between reads)',
    () => {
      check(
        fc.tuple(classifierName, fc.oneof(plainInput, thrownValue), hostileOptions, fc.boolean()),
        ([name, raw, rawOptions, thrown]) => {
          const classifier = classifierOf(name);
          const input = materialize(raw);
          const opts = materialize(rawOptions) as ClassifyOptions;
          const result = thrown ? classifier.normalizeError(input, opts) : classifier.classify(input, opts);
          assertContract(result);
          expect(result.error?.message ?? '').not.toMatch(/could not be classified: (getter|trap)/);
        },
        RUNS.hostileOptions,
        [['createClassifier()', { status: 500 }, null, false], ['createClassifier()', { status: 500 }, REVOKED, true]],
      );
    },
    TIMEOUT,
  );

  it(
    'never throws and follows the contract when members and list lengths change between reads',
    () => {
      check(
        fc.tuple(classifierName, fc.oneof(statefulInput, statefulThrown), fc.boolean()),
        ([name, raw, asThrown]) => {
          const classifier = classifierOf(name);
          const input = materialize(raw);
          assertContract(asThrown ? classifier.normalizeError(input, FIXED_CLOCK) : classifier.classify(input, FIXED_CLOCK));
        },
        RUNS.statefulProxies,
      );
    },
    TIMEOUT,
  );

  it(
    'never throws and follows the contract when traps and getters throw null-prototype objects, revoked Proxies or symbols',
    () => {
      check(
        fc.tuple(classifierName, nullPrototypeThrow, fc.constantFrom(...RESPONSE_KEYS), fc.constantFrom('input', 'member', 'body member', 'item', 'thrown', 'cause', 'errors')),
        ([name, hostile, key, where]) => {
          const classifier = classifierOf(name);
          const value = materialize(hostile);
          switch (where) {
            case 'input':
              return assertContract(classifier.classify(value, FIXED_CLOCK));
            case 'member':
              return assertContract(classifier.classify(objectFrom([['status', 400], [key, value]]), FIXED_CLOCK));
            case 'body member':
              return assertContract(classifier.classify({ vendor: 'braze', status: 400, body: objectFrom([['message', 'x'], [key, value]]) }, FIXED_CLOCK));
            case 'item':
              return assertContract(classifier.classify({ vendor: 'braze', status: 201, body: { message: 'success', errors: [value, 'x'] } }, FIXED_CLOCK));
            case 'thrown':
              return assertContract(classifier.normalizeError(value, FIXED_CLOCK));
            case 'cause':
              return assertContract(classifier.normalizeError(Object.assign(new Error('fetch failed'), { cause: value }), FIXED_CLOCK));
            default:
              return assertContract(classifier.normalizeError({ message: 'fetch failed', errors: value }, FIXED_CLOCK));
          }
        },
        RUNS.nullPrototypeThrows,
      );
    },
    TIMEOUT,
  );

  it(
    'never throws and follows the contract with a polluted Object.prototype (restored after each case); classify results do not change',
    () => {
      check(
        fc.tuple(classifierName, fc.oneof(plainInput, clientError, cyclicThrown), pollution, fc.boolean()),
        ([name, raw, entries, asThrown]) => {
          const classifier = classifierOf(name);
          const input = materialize(raw);
          const clean = asThrown ? undefined : classifier.classify(input, FIXED_CLOCK);
          const polluted = whilePolluted(entries, () => (asThrown ? classifier.normalizeError(input, FIXED_CLOCK) : classifier.classify(input, FIXED_CLOCK)));
          assertContract(polluted);
          if (clean !== undefined) expect(polluted).toStrictEqual(clean);
        },
        RUNS.pollutedPrototypes,
      );
    },
    TIMEOUT,
  );

  it(
    'never outputs a planted credential: in any result string, the CLI NDJSON and table output, or an explained example input',
    () => {
      check(
        fc.tuple(
          classifierName,
          planted,
          fc.oneof(fc.constantFrom(...RESPONSE_PLACES).map((place) => ({ kind: 'response' as const, place })), fc.constantFrom(...THROWN_PLACES).map((place) => ({ kind: 'thrown' as const, place }))),
          fc.constantFrom<unknown>(400, 401, 422, 201, 503, null),
          fc.constantFrom<unknown>('braze', 'spotzee', 'sinch', 'transformify', undefined),
          fc.boolean(),
        ),
        ([name, plant, where, s, v, pii]) => {
          const classifierName = plant.marker && !WITH_BRAZE.includes(name) ? 'createClassifier()' : name;
          const classifier = classifierOf(classifierName);
          const opts = { ...FIXED_CLOCK, redactPii: pii };
          if (where.kind === 'thrown') {
            const thrown = plantInThrown(where.place, plant.text);
            const result = classifier.normalizeError(thrown, opts);
            assertContract(result);
            expectNoCredential(`normalizeError (${where.place})`, result, plant.secret);
            return;
          }
          const input = plantInResponse(where.place, plant.text, s, v);
          const result = classifier.classify(input, opts);
          assertContract(result);
          expectNoCredential(`classify (${where.place})`, result, plant.secret);
          // The CLI: one NDJSON line in, its NDJSON and table renderings out.
          const line = classifyLine(CLI_CLASSIFIER, JSON.stringify(input), 1, undefined);
          expectNoCredential('CLI ndjson', JSON.stringify(line.ok ? line.result : line.invalid), plant.secret);
          expectNoCredential('CLI table', CLI_TABLE.row(line, 1), plant.secret);
          // `explain` prints a catalog example's input: masked the same way.
          expectNoCredential('explain input', JSON.stringify(maskExampleInput(input, CATALOG_MARKERS)), plant.secret);
        },
        RUNS.plantedCredentials,
      );
    },
    TIMEOUT,
  );
});
