/**
 * Reliability: the promises "never throws" and "the result follows the contract" under
 * hostile values (DESIGN.md "Never"), grouped by the class of fault:
 *
 * - caught values are formatted by one guarded formatter (`describeCaught`);
 * - options are read defensively, inside the guard;
 * - catalog validation and lint never throw, and `createClassifier` throws only
 *   `CatalogError`;
 * - catalogs that lint calls wrong are refused by `createClassifier`;
 * - retry hints too large for a double become the cap, never "retry now".
 *
 * Each test reproduces a fault that was found by attacking the library from outside.
 */
import { describe, expect, it } from 'vitest';
import { genericCatalog } from '../src/generated/catalogs/generic.js';
import { validateCatalog } from '../src/catalog-schema.js';
import { classifyResponse, type ClassifyResponseOptions } from '../src/classify-response.js';
import { CatalogError, isCatalogError } from '../src/compile-catalog.js';
import { classify, createClassifier, normalizeError, shippedCatalogs } from '../src/create-classifier.js';
import type { Catalog, CatalogEntry } from '../src/generated/catalog-types.js';
import { lintCatalogs } from '../src/lint.js';
import { describeCaught } from '../src/safe.js';
import type { ClassifyOptions } from '../src/types.js';
import { assertContract } from './support/contract.js';

const NOW = Date.UTC(2025, 0, 1);
const classifier = createClassifier({ now: () => NOW });

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function throwingGetter<T extends object>(target: T, key: string, thrown: unknown = new Error(`getter ${key}`)): T {
  Object.defineProperty(target, key, {
    enumerable: true,
    get() {
      throw thrown;
    },
  });
  return target;
}

/** A value no `String()` can convert: it has no `toString` and no `Symbol.toPrimitive`. */
const nullPrototype = (): object => Object.create(null) as object;

/** A list whose `length` getter throws a null-prototype object. */
function listWithThrowingLength(): unknown[] {
  return new Proxy([], {
    get(target, key, receiver) {
      if (key === 'length') throw nullPrototype();
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

function catalog(entries: CatalogEntry[], extra: Partial<Catalog> = {}): Catalog {
  return { vendor: 'acme', name: 'Acme', docs: 'https://acme.test/errors', shapes: [{ name: 'acme', when: { 'error.code': 'string' }, code: ['error.code'], message: ['error.message'] }], hosts: ['api.acme.test'], requestIdHeaders: [], entries, ...extra };
}

function entry(id: string, overrides: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    id,
    category: 'validation',
    retryable: false,
    fatal: true,
    description: id,
    match: { code: id.slice(id.indexOf('.') + 1) },
    examples: [{ name: 'example', input: { vendor: 'acme', status: 400, body: { error: { code: id.slice(id.indexOf('.') + 1), message: 'x' } } }, expect: { outcome: 'error', id } }],
    ...overrides,
  };
}

/** Runs `make` and returns what it threw (failing when it did not throw). */
function thrownBy(make: () => unknown): unknown {
  try {
    make();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

// ---------------------------------------------------------------------------------------

describe('caught values are formatted by one guarded formatter', () => {
  it('describeCaught never throws, whatever was thrown', () => {
    expect(describeCaught(new Error('boom'))).toBe('boom');
    expect(describeCaught('text')).toBe('text');
    expect(describeCaught(nullPrototype())).toBe('a thrown object');
    expect(describeCaught(revokedProxy())).toBe('a thrown object');
    expect(describeCaught(throwingGetter({}, 'message', nullPrototype()))).toBe('a thrown object');
    expect(describeCaught(Symbol('s'))).toBe('Symbol(s)');
    expect(describeCaught(10n)).toBe('10');
    expect(describeCaught(null)).toBe('null');
    expect(describeCaught(undefined)).toBe('undefined');
    expect(describeCaught({ message: 42 })).toBe('a thrown object');
  });

  it('normalizeError of "fetch failed" whose errors list throws a null-prototype object on length', () => {
    const result = normalizeError({ message: 'fetch failed', errors: listWithThrowingLength() });
    assertContract(result);
    expect(result.outcome).toBe('error');
  });

  it('classify of a Braze 2xx whose errors.length throws a null-prototype object on its second read', () => {
    let reads = 0;
    const errors = new Proxy(['x'], {
      get(target, key, receiver) {
        if (key === 'length' && ++reads > 1) throw nullPrototype();
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const result = classifier.classify({ vendor: 'braze', status: 201, body: { message: 'success', errors } });
    assertContract(result);
  });
});

// ---------------------------------------------------------------------------------------

describe('options are read defensively, inside the guard', () => {
  const hostileOptions: [string, () => unknown][] = [
    ['null', () => null],
    ['a string', () => 'braze'],
    ['a number', () => 42],
    ['a revoked Proxy', revokedProxy],
    ['a Proxy whose every read throws', () => new Proxy({}, { get: () => { throw nullPrototype(); } })],
    ['throwing getters on every option', () => ['vendor', 'now', 'maxRetryAfterMs', 'maxBodyBytes', 'redactPii', 'request'].reduce<object>((o, key) => throwingGetter(o, key), {})],
  ];

  it.each(hostileOptions)('classify({ status: 500 }, %s) gives the result of no options', (_label, make) => {
    const result = classify({ status: 500 }, make() as ClassifyOptions);
    assertContract(result);
    expect(result).toStrictEqual(classify({ status: 500 }));
    expect(result.error?.id).toBe('gateway.empty_500');
  });

  it.each(hostileOptions)('normalizeError(error, %s) gives the result of no options', (_label, make) => {
    const thrown = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' });
    const result = normalizeError(thrown, make() as ClassifyOptions);
    assertContract(result);
    expect(result.error?.id).toBe('network.econnrefused');
  });

  it.each(hostileOptions)('classifyResponse(response, %s) resolves to the result of no options', async (_label, make) => {
    const result = await classifyResponse(new Response('', { status: 503 }), make() as ClassifyResponseOptions);
    assertContract(result);
    expect(result).toStrictEqual(await classifyResponse(new Response('', { status: 503 })));
    expect(result.error?.id).toBe('gateway.empty_503');
  });

  it('options inherited from a polluted Object.prototype are not options', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.vendor = 'braze';
    try {
      const result = classify({ status: 400, body: 'Bad Request' }, {});
      expect(result.vendor).toBeNull();
      expect(result.error?.id).toBe('http.400');
    } finally {
      delete proto.vendor;
    }
  });

  it('wrong-typed options keep their defaults', () => {
    const result = classify({ status: 429, headers: { 'retry-after': '5' } }, { redactPii: 'yes', maxRetryAfterMs: Number.NaN, now: 5 } as unknown as ClassifyOptions);
    expect(result.error?.retryAfterMs).toBe(5000);
  });
});

// ---------------------------------------------------------------------------------------

describe('catalog validation and lint never throw; createClassifier throws only CatalogError', () => {
  const hostileCatalogs: [string, () => unknown][] = [
    ['a revoked Proxy', revokedProxy],
    ['a catalog with a throwing getter', () => throwingGetter({ ...catalog([entry('acme.bad')]) }, 'entries', nullPrototype())],
    ['a catalog whose entries throw on read', () => catalog([throwingGetter({ ...entry('acme.bad') }, 'match')])],
    ['a cyclic catalog', () => {
      const value: Record<string, unknown> = { ...catalog([]) };
      value.self = value;
      return value;
    }],
  ];

  it.each(hostileCatalogs)('validateCatalog(%s) returns issues', (_label, make) => {
    const result = validateCatalog(make());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toMatch(/could not be read/);
  });

  it.each(hostileCatalogs)('lintCatalogs([%s]) returns a schema problem', (_label, make) => {
    const problems = lintCatalogs([make()], { generic: genericCatalog });
    expect(problems.map((problem) => problem.rule)).toContain('schema');
  });

  it.each(hostileCatalogs)('createClassifier with %s throws a CatalogError', (_label, make) => {
    expect(isCatalogError(thrownBy(() => createClassifier({ catalogs: [make()] })))).toBe(true);
  });

  it('lintCatalogs of a revoked Proxy list, or with revoked options, reports instead of throwing', () => {
    expect(lintCatalogs(revokedProxy() as unknown[]).map((problem) => problem.rule)).toEqual(['schema']);
    expect(lintCatalogs('acme' as unknown as unknown[]).map((problem) => problem.message)).toEqual(['expected an array of catalogs, got string']);
    expect(lintCatalogs([catalog([entry('acme.bad')])], revokedProxy() as object)).toEqual([]);
  });

  it('a stateful catalog is read once: what was validated is what is compiled', () => {
    let reads = 0;
    const acme = catalog([entry('acme.bad')]);
    const changing = new Proxy(acme, {
      get(target, key, receiver) {
        if (key === 'entries' && ++reads > 1) return 'changed after validation';
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const custom = createClassifier({ catalogs: [changing] });
    expect(custom.classify({ vendor: 'acme', status: 400, body: { error: { code: 'bad', message: 'x' } } }).error?.id).toBe('acme.bad');
  });

  it.each([
    ['a vendor name', 'acme'],
    ['null', null],
    ['an object', { acme: {} }],
    ['a revoked Proxy', revokedProxy()],
  ])('createClassifier({ catalogs: %s }) throws a CatalogError, not a TypeError', (_label, catalogs) => {
    const error = thrownBy(() => createClassifier({ catalogs: catalogs as unknown as Catalog[] }));
    expect(error).toBeInstanceOf(CatalogError);
    expect(error).not.toBeInstanceOf(TypeError);
  });

  it('createClassifier with null or revoked options uses the defaults', () => {
    for (const options of [null, revokedProxy()]) {
      const custom = createClassifier(options as object);
      expect(custom.vendors).toEqual(shippedCatalogs.map((shipped) => shipped.vendor));
    }
  });
});

// ---------------------------------------------------------------------------------------

describe('createClassifier refuses what lint calls an error', () => {
  const broken: [string, () => unknown[], string][] = [
    ['the same id twice in one catalog', () => [catalog([entry('acme.bad'), entry('acme.bad', { match: { code: 'other' } })])], 'duplicate-id'],
    ['the same vendor twice (the second would silently replace the first)', () => [catalog([entry('acme.one')]), catalog([entry('acme.two')])], 'duplicate-vendor'],
    ['a shipped vendor given again', () => [...shippedCatalogs, { ...catalog([entry('braze.mine')]), vendor: 'braze' }], 'duplicate-vendor'],
    ['an id outside the catalog namespace', () => [catalog([entry('other.bad')])], 'namespace'],
    ['an id ending in .unknown', () => [catalog([entry('acme.unknown')])], 'namespace'],
    ['a secret naming no template hole', () => [catalog([entry('acme.bad', { match: { message: 'Invalid key {key}' }, secret: ['token'] })])], 'entry'],
    ['category unknown on a matched entry', () => [catalog([entry('acme.bad', { category: 'unknown' })])], 'entry'],
    ['an error entry without a category', () => [catalog([Object.fromEntries(Object.entries(entry('acme.bad')).filter(([key]) => key !== 'category')) as unknown as CatalogEntry])], 'entry'],
  ];

  it.each(broken)('%s', (_label, make, rule) => {
    const catalogs = make();
    const error = thrownBy(() => createClassifier({ catalogs }));
    expect(isCatalogError(error)).toBe(true);
    expect((error as CatalogError).issues.join('\n')).toContain(`lint rule ${rule}`);
    expect(lintCatalogs(catalogs, { generic: genericCatalog }).map((problem) => problem.rule)).toContain(rule);
  });

  it('accepts a clean custom catalog beside the shipped ones', () => {
    const custom = createClassifier({ catalogs: [...shippedCatalogs, catalog([entry('acme.bad')])] });
    expect(custom.classify({ vendor: 'acme', status: 400, body: { error: { code: 'bad', message: 'x' } } }).error?.id).toBe('acme.bad');
  });
});

// ---------------------------------------------------------------------------------------

describe('retry hints too large for a double become the cap', () => {
  const body = (seconds: unknown): unknown => ({ error: 'rate_limited', message: 'Too many pending messages', retryAfterSeconds: seconds });

  it.each([1e306, 1e308, Number.MAX_VALUE, Infinity, 1e20])('retryAfterSeconds %s in a body gives the cap, not 0', (seconds) => {
    const result = classifier.classify({ vendor: 'transformify', status: 429, body: body(seconds) });
    expect(result.error?.retryable).toBe(true);
    expect(result.error?.retryAfterMs).toBe(86_400_000);
    const capped = classifier.classify({ vendor: 'transformify', status: 429, body: body(seconds) }, { maxRetryAfterMs: 60_000 });
    expect(capped.error?.retryAfterMs).toBe(60_000);
  });

  it('the same as JSON text: "1e306" seconds', () => {
    const result = classifier.classify({ vendor: 'transformify', status: 429, body: '{"error":"rate_limited","message":"slow down","retryAfterSeconds":1e306}' });
    expect(result.error?.retryAfterMs).toBe(86_400_000);
  });

  it('headers with the largest accepted values give the cap', () => {
    const result = classifier.classify({ status: 429, headers: { 'retry-after': '999999999999' } });
    expect(result.error?.retryAfterMs).toBe(86_400_000);
  });

  it('NaN and negative hints do not say "wait for the cap"', () => {
    expect(classifier.classify({ vendor: 'transformify', status: 429, body: body(Number.NaN) }).error?.retryAfterMs).toBeUndefined();
    expect(classifier.classify({ vendor: 'transformify', status: 429, body: body(-5) }).error?.retryAfterMs).toBeUndefined();
    expect(classifier.classify({ vendor: 'transformify', status: 429, body: body(0) }).error?.retryAfterMs).toBe(0);
  });
});
