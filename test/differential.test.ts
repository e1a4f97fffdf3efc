/**
 * The Python port (python/vendor_errors) against the TypeScript classifier: random
 * responses and thrown errors, built from the catalogs' own codes, messages, templates,
 * hosts and headers mixed with noise, go through both; every result must be identical.
 * One python3 process classifies every case, written in batches (JSON lines in, JSON lines out).
 *
 * `npm test` runs a small batch; `npm run fuzz` (FUZZ_RUNS) runs at least 100,000.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, normalizeError } from '../src/index.js';
import { readShippedCatalogs } from '../scripts/generate.js';
import type { Catalog, ShapeDeclaration } from '../src/generated/catalog-types.js';

const root = join(import.meta.dirname, '..');
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 0;
/** At least 100,000 inputs in `npm run fuzz`; a thousand in `npm test`. */
const RUNS = FUZZ_RUNS > 0 ? Math.max(100_000, Math.floor(FUZZ_RUNS / 10)) : 1000;
const NOW = Date.UTC(2025, 0, 1);

const catalogs: Catalog[] = readShippedCatalogs();
const entries = catalogs.flatMap((catalog) => catalog.entries);
const toList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** A template with its holes filled by sample values. */
function fill(template: string, pick: number): string {
  const samples = ['42', '-7', '3.25', 'Word', 'two words', 'x', '9007199254740993', ''];
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)(?::(text|int|number|word))?\}/g, (_all, _name: string, type: string | undefined) => {
    if (type === 'int') return samples[pick % 2 === 0 ? 0 : 1]!;
    if (type === 'number') return samples[pick % 3 === 0 ? 2 : 0]!;
    if (type === 'word') return samples[3 + (pick % 2) * 2]!;
    return samples[3 + (pick % 5)]!;
  });
}

const codes = [...new Set(entries.flatMap((entry) => toList(entry.match?.code)))];
const texts = [...new Set(entries.flatMap((entry) => toList(entry.match?.message)))];
const messages = texts.flatMap((text, index) => (text.includes('{') ? [fill(text, index), fill(text, index + 1)] : [text]));
const names = [...new Set(entries.flatMap((entry) => toList(entry.match?.name)))];
const hosts = catalogs.flatMap((catalog) => catalog.hosts.map((host) => host.replace('*.', 'api.')));
const headerNames = ['Retry-After', 'retry-after', 'RateLimit-Reset', 'X-RateLimit-Reset', 'RateLimit', 'Content-Type', 'X-Request-Id', 'request-id', 'cf-ray', ...catalogs.flatMap((catalog) => catalog.requestIdHeaders)];
/** Member names the shapes read, so generated bodies fit the recognisers. */
const memberNames = [
  ...new Set(
    catalogs.flatMap((catalog) =>
      catalog.shapes.flatMap((shape) => {
        if (typeof shape === 'string') return [];
        const declared = shape as ShapeDeclaration;
        const whens = declared.when === undefined ? [] : Array.isArray(declared.when) ? declared.when : [declared.when];
        const paths = [...whens.flatMap((when) => Object.keys(when)), ...[...(declared.code ?? []), ...(declared.message ?? []), ...(declared.fields ?? [])].map((reader) => (typeof reader === 'string' ? reader : (reader.path ?? '')))];
        return paths.flatMap((path) => path.split('.')).filter((segment) => segment !== '' && segment !== '*');
      }),
    ),
  ),
  'retryAfterSeconds',
  'input_array',
  'index',
  'field',
];

const noise = fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'B', ' ', '\t', '\n', '{', '}', ':', '.', '/', '0', '7', '-', 'é', '\u00a0', 'İ', '<', '@', '\u{1f600}', '\ufeff') });
/** Long texts cross the clipping limits (200 for codes and request ids, 500 for titles and lines, 2,000 for messages), with astral characters at the cut. */
const longText = fc.tuple(fc.integer({ min: 60, max: 1100 }), fc.constantFrom('x\u{1f600}', 'ab ', 'x')).map(([count, unit]) => unit.repeat(count));
const text = fc.oneof(fc.constantFrom(...messages), fc.constantFrom(...codes), noise, fc.constantFrom(...messages).map((message) => `  ${message.toUpperCase()}  `), longText);
const scalar = fc.oneof(text, fc.integer({ min: -5, max: 2_000_000_000 }), fc.constantFrom(0, 1.5, 400, 429, 503, true, false, null));

const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...memberNames), fc.constantFrom('0', '1', '__proto__', 'constructor')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

const bodyObject = fc.dictionary(fc.constantFrom(...memberNames), value, { minKeys: 1, maxKeys: 5 });

/** Sets `path` (dot-separated) in `target`, making objects (or arrays, for an index) on the way. */
function setPath(target: Record<string, unknown>, path: string, leaf: unknown): void {
  const segments = path.split('.').filter((segment) => segment !== '*');
  let current: Record<string, unknown> = target;
  segments.forEach((segment, index) => {
    if (index === segments.length - 1) {
      current[segment] = leaf;
      return;
    }
    const next = current[segment];
    if (next === null || typeof next !== 'object') current[segment] = /^\d+$/.test(segments[index + 1]!) ? [] : {};
    current = current[segment] as Record<string, unknown>;
  });
}

const declaredShapes = catalogs.flatMap((catalog) => catalog.shapes.filter((shape): shape is ShapeDeclaration => typeof shape !== 'string' && (shape.body ?? 'json') === 'json'));
const leafOf: Record<string, fc.Arbitrary<unknown>> = {
  string: text,
  number: fc.oneof(fc.integer({ min: -2, max: 600 }), fc.constant(1.5)),
  integer: fc.integer({ min: 0, max: 600 }),
  boolean: fc.boolean(),
  object: fc.constant({}),
  array: fc.constant([]),
  present: scalar,
};
const readerPaths = (readers: ShapeDeclaration['code']): string[] => (readers ?? []).flatMap((reader) => (typeof reader === 'string' ? [reader] : reader.path === undefined ? [] : [reader.path]));

/** A body in the envelope of a declared shape: its conditions hold, its readers find codes and messages. */
const shapedBody: fc.Arbitrary<unknown> = fc
  .constantFrom(...declaredShapes)
  .chain((shape) => {
    const whens = shape.when === undefined ? [{}] : Array.isArray(shape.when) ? shape.when : [shape.when];
    return fc.constantFrom(...whens).chain((when) => {
      const conditions = Object.entries(when).map(([path, type]) => leafOf[type]!.map((leaf) => [path, leaf] as const));
      const code = fc.option(fc.tuple(fc.constantFrom(...(readerPaths(shape.code).length > 0 ? readerPaths(shape.code) : ['code'])), fc.oneof(fc.constantFrom(...codes), fc.integer({ min: 1, max: 30 }))), { nil: undefined });
      const message = fc.option(fc.tuple(fc.constantFrom(...(readerPaths(shape.message).length > 0 ? readerPaths(shape.message) : ['message'])), text), { nil: undefined });
      const items = shape.items === undefined ? fc.constant(undefined) : fc.option(fc.array(fc.oneof(text, fc.record({ type: text, code: fc.constantFrom(...codes), input_array: fc.constantFrom('attributes', 'events'), index: fc.nat(3), field: fc.constantFrom('email', 'phone') }, { requiredKeys: [] })), { minLength: 1, maxLength: 3 }), { nil: undefined });
      return fc.tuple(fc.tuple(...conditions), code, message, items, fc.option(fc.constantFrom('success', 'queued'), { nil: undefined }), fc.option(fc.integer({ min: -3, max: 90 }), { nil: undefined })).map(([set, codeAt, messageAt, list, okMessage, retry]) => {
        const out: Record<string, unknown> = {};
        for (const [path, leaf] of set) setPath(out, path, leaf);
        if (codeAt !== undefined) setPath(out, codeAt[0], codeAt[1]);
        if (messageAt !== undefined) setPath(out, messageAt[0], messageAt[1]);
        if (okMessage !== undefined) out['message'] = okMessage;
        if (list !== undefined && shape.items !== undefined) setPath(out, shape.items.at, list);
        if (retry !== undefined) out['retryAfterSeconds'] = retry;
        return out;
      });
    });
  });

const html = fc.tuple(text, fc.constantFrom('title', 'h1', 'TITLE')).map(([title, tag]) => `<html><head><${tag}> ${title} &amp; </${tag}></head></html>`);
const body = fc.oneof(
  { arbitrary: shapedBody, weight: 6 },
  { arbitrary: shapedBody.map((object) => JSON.stringify(object)), weight: 2 },
  bodyObject,
  bodyObject.map((object) => JSON.stringify(object)),
  bodyObject.map((object) => `\ufeff ${JSON.stringify(object, null, 2)}`),
  fc.array(bodyObject, { maxLength: 2 }),
  html,
  text,
  fc.constantFrom('', '   ', null, '{"message": "Invalid', '[]', '{}'),
  scalar,
);
const headerValue = fc.oneof(
  fc.constantFrom('120', '0', '1.5', 'Wed, 01 Jan 2025 00:01:00 GMT', 'Wednesday, 01-Jan-25 00:00:30 GMT', 'Wed Jan  1 00:00:45 2025', '1735689660', '"default";r=0;t=42', 'application/json', 'application/problem+json; charset=utf-8', 'req-1'),
  noise,
  fc.integer({ min: 0, max: 2_000_000_000 }),
  fc.array(fc.oneof(noise, fc.constantFrom('30', '1735689630')), { maxLength: 2 }),
);
const headers = fc.dictionary(fc.constantFrom(...headerNames), headerValue, { maxKeys: 4 });
const someHeaders = fc.oneof(
  headers,
  fc.record({ 'Content-Type': fc.constantFrom('application/json', 'application/problem+json') }),
  fc.record({ 'Retry-After': headerValue, 'X-RateLimit-Reset': headerValue, 'RateLimit-Reset': headerValue, RateLimit: headerValue }, { requiredKeys: [] }),
);
const vendor = fc.oneof(fc.constantFrom(...catalogs.map((catalog) => catalog.vendor)), fc.constantFrom('Braze ', 'acme', '', null, 7));
const status = fc.oneof(
  { arbitrary: fc.constantFrom(200, 201, 202, 400, 401, 404, 429, 500, 503), weight: 4 },
  fc.constantFrom(200, 201, 202, 204, 299, 302, 400, 401, 403, 404, 409, 413, 418, 422, 429, 477, 499, 500, 502, 503, 504, 507, 520, 599),
  fc.constantFrom(0, null, 600, 99, 404.5, '503', ' 429 ', 'abc', true),
);
const url = fc.oneof(fc.constantFrom(...hosts).map((host) => `https://${host}/v1/x`), fc.constantFrom('https://example.com/x', '/relative', 'https://user:pw@apix.spotzee.com:443/v1'));
const request = fc.record({ method: fc.constantFrom('GET', 'post', 'PATCH', 'DELETE'), idempotencyKey: fc.constantFrom('k1', ' ', '') }, { requiredKeys: [] });

const response = fc.record(
  { vendor, status, headers: someHeaders, body, url, request },
  { requiredKeys: ['status', 'body'] },
);

const errorLike: fc.Arbitrary<unknown> = fc.letrec<{ error: unknown }>((tie) => ({
  error: fc.oneof(
    { depthSize: 'small' },
    { weight: 8, arbitrary: fc.record(
      {
        name: fc.oneof(fc.constantFrom(...names, 'TypeError', 'Error', 'AxiosError', 'HTTPError'), noise),
        code: fc.oneof(fc.constantFrom(...codes), noise, fc.integer()),
        message: text,
        cause: tie('error'),
        errors: fc.array(tie('error'), { maxLength: 3 }),
        config: fc.record({ url: fc.oneof(url, fc.constantFrom('/v1/x')), baseURL: url, method: fc.constantFrom('post', 'get'), headers: fc.dictionary(fc.constantFrom('Idempotency-Key', 'idempotency-key', 'X-Other'), fc.constantFrom('abc', ' ')) }, { requiredKeys: [] }),
        response: fc.record({ status, statusCode: status, headers, data: body, body }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ) },
    { arbitrary: text, weight: 1 },
    { arbitrary: fc.constantFrom(null, 3, true), weight: 1 },
  ),
})).error;

const input = fc.oneof({ arbitrary: response, weight: 3 }, { arbitrary: errorLike.map((thrown) => ({ thrown })), weight: 1 });
const options = fc.record({ now: fc.constantFrom(NOW, NOW + 1234), vendor: fc.constantFrom('spotzee', 'braze', ' Sinch'), maxRetryAfterMs: fc.constantFrom(0, 60_000) }, { requiredKeys: ['now'] });

interface Case {
  input: unknown;
  options: { now: number; vendor?: string; maxRetryAfterMs?: number };
}

function typescriptResult({ input: given, options: opts }: Case): string {
  const settings = { ...opts, now: () => opts.now };
  const result = given !== null && typeof given === 'object' && Object.prototype.hasOwnProperty.call(given, 'thrown') ? normalizeError((given as { thrown: unknown }).thrown, settings) : classify(given, settings);
  return canonical(result);
}

/** JSON with object members sorted: equality that ignores member order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner,
  );
}

function pythonResults(cases: readonly Case[]): string[] {
  const run = spawnSync('python3', ['-m', 'vendor_errors'], {
    cwd: join(root, 'python'),
    input: cases.map((one) => JSON.stringify(one)).join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout.trimEnd().split('\n').map((line) => canonical(JSON.parse(line)));
}

/** One python3 process that classifies batches of cases as they are written: memory stays bounded however many cases run. */
function pythonSession(): { classify(cases: readonly Case[]): Promise<string[]>; close(): Promise<number | null> } {
  const child = spawn('python3', ['-m', 'vendor_errors'], { cwd: join(root, 'python'), stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    async classify(cases) {
      child.stdin.write(cases.map((one) => JSON.stringify(one)).join('\n') + '\n');
      const out: string[] = [];
      for (let i = 0; i < cases.length; i++) {
        const next = await lines.next();
        if (next.done === true) throw new Error('python3 stopped early');
        out.push(canonical(JSON.parse(next.value)));
      }
      return out;
    },
    close() {
      child.stdin.end();
      return exited;
    },
  };
}

/** Cases per batch written to the Python process. */
const BATCH = 2000;

/** Generated cases, JSON round-tripped: both sides see plain JSON with no shared objects. */
function sampleCases(runs: number, seed: number): Case[] {
  return (fc.sample(fc.record({ input, options }), { numRuns: runs, seed }) as Case[]).map((one) => JSON.parse(JSON.stringify(one)) as Case);
}

describe('the Python port agrees with the TypeScript classifier', () => {
  it(`on ${RUNS} generated responses and thrown errors`, async () => {
    const seed = Number(process.env.FUZZ_SEED ?? 0) || 20250101;
    const python = pythonSession();
    const differences: string[] = [];
    const seen = new Set<string>();
    try {
      for (let done = 0, batch = 0; done < RUNS; done += BATCH, batch++) {
        const cases = sampleCases(Math.min(BATCH, RUNS - done), seed + batch);
        const results = await python.classify(cases);
        cases.forEach((one, index) => {
          const expected = typescriptResult(one);
          if (results[index] !== expected && differences.length < 5) differences.push(`input ${JSON.stringify(one)}\n  typescript ${expected}\n  python     ${results[index]}`);
          const result = JSON.parse(results[index]!) as { outcome: string; error: { matchedBy: string; retryAfterMs?: number } | null };
          for (const kind of [result.outcome, result.error?.matchedBy, result.error?.retryAfterMs === undefined ? undefined : 'retryAfterMs']) if (kind !== undefined) seen.add(kind);
        });
      }
    } finally {
      expect(await python.close()).toBe(0);
    }
    expect(differences).toEqual([]);
    // The batches reach every way of matching and every outcome, and retry hints.
    expect([...seen].sort()).toEqual(['code', 'error', 'message', 'none', 'partial', 'queued', 'retryAfterMs', 'status', 'status_class', 'success', 'transport']);
  }, FUZZ_RUNS > 0 ? 60 * 60_000 : 60_000);

  it('agrees on the conformance suite read from disk', () => {
    const cases = (JSON.parse(readFileSync(join(root, 'conformance/fixtures.json'), 'utf8')) as Case[]).slice(0, 50);
    const python = pythonResults(cases);
    expect(python).toEqual(cases.map((one) => typescriptResult(one)));
  });
});
