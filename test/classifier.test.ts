/**
 * The classification pipeline (src/classifier.ts) through `createClassifier`, with the
 * shipped catalogs and with small custom catalogs: outcomes, vendor detection, precedence,
 * request-aware retry advice, redaction, bounds, and "never throws".
 */
import { genericCatalog } from '../src/generated/catalogs/generic.js';
import { describe, expect, it } from 'vitest';
import { CatalogError, isCatalogError } from '../src/compile-catalog.js';
import { createClassifier, shippedCatalogs } from '../src/create-classifier.js';
import type { Catalog, CatalogEntry } from '../src/generated/catalog-types.js';
import type { Classification, NormalizedError } from '../src/types.js';

const NOW = Date.UTC(2025, 0, 1);
const classifier = createClassifier({ now: () => NOW });

function errorOf(result: Classification): NormalizedError {
  if (result.outcome !== 'error') throw new Error(`expected an error, got ${result.outcome}`);
  return result.error;
}

const example = [{ name: 'x', input: {}, expect: { outcome: 'error' as const } }];
function entry(id: string, match: NonNullable<CatalogEntry['match']>, extra: Partial<CatalogEntry> = {}): CatalogEntry {
  return { id, category: 'server', retryable: false, fatal: true, description: `description of ${id}`, match, examples: example, ...extra };
}

describe('outcomes with the shipped catalogs', () => {
  it('success: a Braze "success" body', () => {
    expect(classifier.classify({ vendor: 'braze', status: 201, body: '{"message":"success"}' })).toEqual({
      outcome: 'success',
      vendor: 'braze',
      status: 201,
      error: null,
      minor: [],
    });
  });

  it('success: a Sinch 200 by status', () => {
    expect(classifier.classify({ vendor: 'sinch', status: 200, body: { id: 'batch-1' } })).toMatchObject({ outcome: 'success', error: null, minor: [] });
  });

  it('queued: a Braze 202 "queued" body', () => {
    expect(classifier.classify({ vendor: 'braze', status: 202, body: { message: 'queued' } })).toMatchObject({ outcome: 'queued', error: null, minor: [] });
  });

  it('partial: a Braze success with per-item errors, each a non-fatal minor error', () => {
    const result = classifier.classify({
      vendor: 'braze',
      status: 201,
      body: { message: 'success', errors: [{ type: "'external_id' or 'braze_id' or 'user_alias' is required", input_array: 'attributes', index: 1 }, { type: 'something new' }] },
    });
    expect(result.outcome).toBe('partial');
    expect(result.error).toBeNull();
    expect(result.minor.map((minor) => [minor.id, minor.fatal, minor.retryable, minor.matchedBy])).toEqual([
      ['braze.user_identifier_required', false, false, 'message'],
      ['braze.minor_error', false, false, 'none'],
    ]);
    expect(result.minor[0]?.fields).toEqual([{ path: 'attributes[1]', message: "'external_id' or 'braze_id' or 'user_alias' is required" }]);
  });

  it('error: a documented Braze message', () => {
    expect(errorOf(classifier.classify({ vendor: 'braze', status: 400, body: '{"message":"Invalid Campaign ID"}' }))).toEqual({
      id: 'braze.invalid_campaign_id',
      vendor: 'braze',
      category: 'not_found',
      status: 400,
      code: null,
      message: 'Invalid Campaign ID',
      retryable: false,
      fatal: true,
      matchedBy: 'message',
      docs: expect.stringContaining('braze.com') as string,
    });
  });

  it('error: a Braze 2xx whose message is a fatal error', () => {
    const result = classifier.classify({ vendor: 'braze', status: 200, body: { message: 'Invalid Campaign ID' } });
    expect(result.outcome).toBe('error');
    expect(errorOf(result)).toMatchObject({ id: 'braze.invalid_campaign_id', status: 200 });
  });

  it('error: a Braze 2xx with an unknown message (errorsIn2xx)', () => {
    expect(errorOf(classifier.classify({ vendor: 'braze', status: 200, body: { message: 'brand new problem' } }))).toMatchObject({
      id: 'braze.unknown',
      category: 'unknown',
      matchedBy: 'none',
      message: 'brand new problem',
    });
  });

  it('success: a 2xx of a vendor without errorsIn2xx, whatever its message', () => {
    expect(classifier.classify({ vendor: 'sinch', status: 201, body: { message: 'brand new problem' } }).outcome).toBe('success');
  });

  it('a success body with an error status is an error', () => {
    expect(errorOf(classifier.classify({ vendor: 'braze', status: 500, body: { message: 'success' } })).id).toBe('braze.server_error');
  });

  it('a minor error list on a failed request goes to error.fields', () => {
    const error = errorOf(
      classifier.classify({ vendor: 'braze', status: 400, body: { message: 'Bad Request', errors: [{ type: "'email' is not valid", input_array: 'attributes', index: 0 }] } }),
    );
    expect(error.fields).toEqual([{ path: 'attributes[0]', message: "'email' is not valid" }]);
  });

  it('no response and no body: network.no_response', () => {
    expect(errorOf(classifier.classify({ status: null }))).toMatchObject({ id: 'network.no_response', category: 'network', retryable: true, status: null });
    expect(errorOf(classifier.classify({ status: 0 })).id).toBe('network.no_response');
  });

  it('an HTML gateway page: its title is the message', () => {
    expect(
      errorOf(classifier.classify({ status: 502, body: '<html><head><title>502 Bad Gateway</title></head><body></body></html>' })),
    ).toMatchObject({ id: 'gateway.html_502', category: 'unavailable', retryable: true, message: '502 Bad Gateway' });
  });

  it('a Cloudflare page: the generic message template wins over the status', () => {
    expect(errorOf(classifier.classify({ status: 502, body: '<title>api.example.com | 502: Bad gateway</title>' }))).toMatchObject({
      id: 'gateway.cloudflare_bad_gateway',
      matchedBy: 'message',
      params: { host: 'api.example.com' },
    });
  });

  it('a template captures params (Transformify maximum recipients)', () => {
    expect(
      errorOf(classifier.classify({ vendor: 'transformify', status: 400, body: { error: 'Bad Request', message: 'Maximum   1000 recipients allowed per request' } })),
    ).toMatchObject({ id: 'transformify.too_many_recipients', category: 'quota', code: 'Bad Request', params: { max: 1000 }, matchedBy: 'message' });
  });

  it('a Sinch AIP-193 body matches its status code', () => {
    expect(
      errorOf(classifier.classify({ vendor: 'sinch', status: 400, body: { error: { code: 400, status: 'INVALID_ARGUMENT', message: 'bad', details: [] } } })),
    ).toMatchObject({ id: 'sinch.invalid_argument', code: 'INVALID_ARGUMENT', matchedBy: 'code' });
  });

  it('the result contains no unknown members', () => {
    const result = classifier.classify({ vendor: 'braze', status: 429, headers: { 'retry-after': '2', 'x-request-id': 'r1' }, body: '' });
    expect(Object.keys(result).sort()).toEqual(['error', 'minor', 'outcome', 'requestId', 'status', 'vendor']);
  });
});

describe('vendor detection: explicit, then url, then shape', () => {
  it('an explicit vendor wins over the url and the shape', () => {
    const result = classifier.classify({ vendor: 'sinch', url: 'https://rest.iad-01.braze.com/x', status: 404, body: { message: 'Invalid Campaign ID' } });
    expect(result.vendor).toBe('sinch');
    expect(errorOf(result).id).toBe('sinch.not_found');
  });

  it('the url host picks the vendor when none is given', () => {
    const result = classifier.classify({ url: 'https://rest.iad-01.braze.com/messages/send', status: 404, body: { message: 'x' } });
    expect(result.vendor).toBe('braze');
    expect(errorOf(result).id).toBe('braze.unknown_api_key');
  });

  it('a vendor-specific shape picks the vendor when its code or message matches', () => {
    const result = classifier.classify({ status: 400, body: { code: 'unknown_group', text: 'Group not found' } });
    expect(result.vendor).toBe('sinch');
    expect(errorOf(result)).toMatchObject({ id: 'sinch.unknown_group', matchedBy: 'code' });
    expect(classifier.classify({ status: 400, body: { message: 'Invalid Campaign ID' } }).vendor).toBe('braze');
  });

  it('a shape alone never picks a vendor status entry', () => {
    const result = classifier.classify({ status: 404, body: '{"message":"Not Found"}' });
    expect(result.vendor).toBeNull();
    expect(errorOf(result)).toMatchObject({ id: 'http.404', vendor: null, matchedBy: 'status', message: 'Not Found' });
  });

  it('an explicit vendor without a catalog keeps its name and uses the generic catalog', () => {
    const result = classifier.classify({ vendor: '  ACME ', status: 503, body: { message: 'x' } });
    expect(result.vendor).toBe('acme');
    expect(errorOf(result)).toMatchObject({ id: 'http.503', vendor: 'acme' });
  });

  it('options.vendor overrides input.vendor', () => {
    const result = classifier.classify({ vendor: 'braze', status: 400, body: { code: 'unknown_group', text: 'x' } }, { vendor: 'sinch' });
    expect(result.vendor).toBe('sinch');
    expect(errorOf(result).id).toBe('sinch.unknown_group');
  });

  it('a vendor preset on the classifier applies to every call', () => {
    const sinch = createClassifier({ vendor: 'sinch' });
    expect(errorOf(sinch.classify({ status: 401, body: '' })).id).toBe('sinch.unauthorized');
  });
});

describe('unknown vendor codes', () => {
  it('fall back to the vendor status entry, matchedBy status, with the code as received', () => {
    expect(errorOf(classifier.classify({ vendor: 'spotzee', status: 400, body: { error: { code: 'Brand_New_Code', message: 'new' } } }))).toMatchObject({
      id: 'spotzee.http_400',
      matchedBy: 'status',
      code: 'Brand_New_Code',
      message: 'new',
    });
  });

  it('fall back to <vendor>.unknown when the status has no entry either', () => {
    expect(errorOf(classifier.classify({ vendor: 'spotzee', status: 302, body: { error: { code: 'moved', message: 'x' } } }))).toMatchObject({
      id: 'spotzee.unknown',
      matchedBy: 'none',
      code: 'moved',
    });
  });
});

describe('precedence across tiers (custom catalogs)', () => {
  const acme: Catalog = {
    vendor: 'acme',
    name: 'Acme',
    docs: 'https://acme.example',
    shapes: ['json'],
    hosts: ['api.acme.example'],
    requestIdHeaders: ['x-acme-id'],
    entries: [
      entry('acme.by_code', { code: 'E1' }),
      entry('acme.by_message', { message: 'Boom happened' }),
      entry('acme.s500', { status: 500 }),
      entry('acme.c5xx', { status: '5xx' }),
    ],
  };
  const generic: Catalog = {
    vendor: 'generic',
    name: 'Generic',
    docs: 'https://generic.example',
    // The standard shapes, as the shipped generic catalog declares them.
    shapes: genericCatalog.shapes,
    hosts: [],
    requestIdHeaders: ['x-request-id'],
    namespaces: ['http', 'gateway', 'network'],
    entries: [
      entry('gateway.boom', { message: 'Boom happened' }),
      entry('gateway.exploded', { message: 'Gateway exploded' }),
      entry('gateway.html_502', { shape: 'html', status: 502 }),
      entry('http.404', { status: 404 }, { category: 'not_found' }),
      entry('http.500', { status: 500 }),
      entry('http.503', { status: 503 }),
      entry('http.4xx', { status: '4xx' }, { category: 'bad_request' }),
      entry('http.5xx', { status: '5xx' }),
    ],
  };
  const custom = createClassifier({ catalogs: [acme], generic });
  const id = (input: unknown) => errorOf(custom.classify(input)).id;

  it('vendor code before vendor message', () => {
    expect(id({ vendor: 'acme', status: 500, body: { code: 'E1', message: 'Boom happened' } })).toBe('acme.by_code');
  });

  it('vendor message before generic message', () => {
    expect(id({ vendor: 'acme', status: 500, body: { message: 'Boom happened' } })).toBe('acme.by_message');
  });

  it('generic message before shape and vendor status', () => {
    expect(id({ vendor: 'acme', status: 500, body: { message: 'Gateway exploded' } })).toBe('gateway.exploded');
    expect(id({ vendor: 'acme', status: 502, body: '<title>Gateway exploded</title>' })).toBe('gateway.exploded');
  });

  it('shape before vendor status', () => {
    expect(id({ vendor: 'acme', status: 502, body: '<title>Something else</title>' })).toBe('gateway.html_502');
  });

  it('vendor status (exact, then class) before generic status', () => {
    expect(id({ vendor: 'acme', status: 500, body: { message: 'x' } })).toBe('acme.s500');
    expect(id({ vendor: 'acme', status: 503, body: { message: 'x' } })).toBe('acme.c5xx');
  });

  it('generic status, then generic status class', () => {
    expect(id({ vendor: 'acme', status: 404, body: { message: 'x' } })).toBe('http.404');
    expect(id({ vendor: 'acme', status: 418, body: { message: 'x' } })).toBe('http.4xx');
    expect(id({ status: 503, body: { message: 'x' } })).toBe('http.503');
  });

  it('nothing: <vendor>.unknown, else generic.unknown, matchedBy none', () => {
    expect(errorOf(custom.classify({ vendor: 'acme', status: 302, body: { message: 'x' } }))).toMatchObject({ id: 'acme.unknown', matchedBy: 'none' });
    expect(errorOf(custom.classify({ status: 302, body: { message: 'x' } }))).toMatchObject({ id: 'generic.unknown', matchedBy: 'none' });
  });

  it('matchedBy names the rule that matched', () => {
    expect(errorOf(custom.classify({ vendor: 'acme', status: 500, body: { code: 'E1' } })).matchedBy).toBe('code');
    expect(errorOf(custom.classify({ vendor: 'acme', status: 503 })).matchedBy).toBe('status_class');
    expect(errorOf(custom.classify({ vendor: 'acme', status: 500 })).matchedBy).toBe('status');
  });

  it('lists its vendors', () => {
    expect(custom.vendors).toEqual(['acme']);
    expect(classifier.vendors).toEqual(shippedCatalogs.map((catalog) => catalog.vendor));
  });
});

describe('createClassifier: invalid catalogs', () => {
  it('throws a CatalogError with the path of each problem', () => {
    let thrown: unknown;
    try {
      createClassifier({ catalogs: [{ vendor: 'Bad Name', name: 'x', docs: 'x', shapes: [], hosts: [], requestIdHeaders: [], entries: [] }] });
    } catch (error) {
      thrown = error;
    }
    expect(isCatalogError(thrown)).toBe(true);
    expect((thrown as CatalogError).issues).toEqual([expect.stringMatching(/^vendor: "Bad Name" is not a lowercase vendor name/)]);
  });

  it('rejects a vendor catalog named "generic"', () => {
    expect(() => createClassifier({ catalogs: [{ vendor: 'generic', name: 'x', docs: 'x', shapes: [], hosts: [], requestIdHeaders: [], entries: [] }] })).toThrow(
      CatalogError,
    );
  });
});

describe('invalid input never throws', () => {
  it.each([null, undefined, 'x', 42, true, [], [1, 2], () => 1, Symbol('s')])('non-object input %s → generic.unknown with the reason', (input) => {
    const result = classifier.classify(input as unknown);
    expect(errorOf(result)).toMatchObject({ id: 'generic.unknown', category: 'unknown', matchedBy: 'none' });
    expect(errorOf(result).message).toMatch(/^input is not a response object/);
  });

  it.each([600, 99, -1, 200.5, Number.NaN, Number.POSITIVE_INFINITY, 'abc', '', true, {}])('status %s → generic.unknown naming the invalid status', (status) => {
    const result = classifier.classify({ vendor: 'braze', status, body: { message: 'Invalid Campaign ID' } } as unknown);
    expect(result.status).toBeNull();
    expect(result.vendor).toBe('braze');
    expect(errorOf(result)).toMatchObject({ id: 'generic.unknown', message: expect.stringMatching(/^invalid HTTP status/) as string });
  });

  it('reads a numeric string status', () => {
    expect(errorOf(classifier.classify({ status: ' 404 ' }))).toMatchObject({ id: 'http.404', status: 404 });
  });

  it('reads status 0 (browsers: no response) as no status', () => {
    expect(classifier.classify({ status: 0 }).status).toBeNull();
  });

  it('survives hostile objects anywhere in the input', () => {
    const trap = () => {
      throw new Error('trap');
    };
    const hostile = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap });
    for (const input of [
      hostile,
      { status: 500, headers: hostile, body: hostile, request: hostile, url: hostile, vendor: hostile },
      {
        get status(): number {
          throw new Error('getter');
        },
      },
    ]) {
      expect(() => classifier.classify(input)).not.toThrow();
    }
  });

  it('reads the other members when one member getter throws', () => {
    const input = {
      get vendor(): string {
        throw new Error('getter');
      },
      status: 400,
      headers: { 'x-request-id': 'req-9' },
      body: '{"message":"Invalid Campaign ID"}',
    };
    const result = classifier.classify(input);
    expect(result).toMatchObject({ status: 400, requestId: 'req-9' });
    // No vendor could be read: the message is still matched, through the generic tiers.
    expect(errorOf(result)).toMatchObject({ status: 400, message: 'Invalid Campaign ID' });
    const viaProxy = new Proxy({ vendor: 'braze', status: 400, body: '{"message":"Invalid Campaign ID"}' }, {});
    expect(errorOf(classifier.classify(viaProxy)).id).toBe('braze.invalid_campaign_id');
  });

  it('does not read members inherited by the input', () => {
    const inherited = Object.create({ vendor: 'braze', body: '{"message":"Invalid Campaign ID"}' }) as Record<string, unknown>;
    inherited['status'] = 400;
    expect(classifier.classify(inherited)).toMatchObject({ vendor: null, status: 400 });
    expect(errorOf(classifier.classify(inherited)).id).toBe('http.400');
  });

  it('does not read members from a polluted Object.prototype, even after many plain inputs', () => {
    const plain = { status: 400, body: '{"message":"Invalid Campaign ID"}' };
    // Warm the classifier on plain objects first, so the polluted case runs code that was
    // optimized for a clean prototype.
    for (let i = 0; i < 20_000; i++) classifier.classify({ ...plain, status: 400 + (i % 5) });
    const prototype = Object.prototype as Record<string, unknown>;
    try {
      prototype['vendor'] = 'sinch';
      prototype['headers'] = { 'x-request-id': 'polluted' };
      prototype['body'] = '{"code":"syntax_invalid_json","text":"polluted"}';
      const result = classifier.classify({ ...plain });
      // The Braze body shape names the vendor; a polluted `vendor` would have said Sinch.
      expect(result).toMatchObject({ vendor: 'braze', status: 400 });
      expect(result.requestId).toBeUndefined();
      expect(errorOf(result).id).toBe('braze.invalid_campaign_id');
      expect(errorOf(classifier.classify({ status: 400 })).id).toBe('http.400');
    } finally {
      delete prototype['vendor'];
      delete prototype['headers'];
      delete prototype['body'];
    }
    expect(classifier.classify({ ...plain, vendor: 'sinch' }).vendor).toBe('sinch');
  });

  it('reads the members of a null-prototype input', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { vendor: 'braze', status: 400, body: '{"message":"Invalid Campaign ID"}' });
    expect(errorOf(classifier.classify(bare)).id).toBe('braze.invalid_campaign_id');
  });

  it('keeps the status when the headers are a revoked Proxy', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const result = classifier.classify({ status: 500, headers: proxy, body: '' });
    expect(result.status).toBe(500);
    expect(errorOf(result).category).toBe('server');
  });

  it('never mutates its input', () => {
    const input = {
      vendor: 'braze',
      status: 201,
      headers: { 'X-Request-Id': 'r' },
      body: { message: 'success', errors: [{ type: "'email' is not valid", input_array: 'attributes', index: 0 }] },
      request: { method: 'POST' },
    };
    const before = structuredClone(input);
    classifier.classify(input);
    expect(input).toEqual(before);
  });

  it('treats "__proto__" and "constructor" members as data', () => {
    const result = classifier.classify({ vendor: 'braze', status: 400, body: '{"__proto__":{"message":"Invalid Campaign ID"},"message":"Access Denied"}' });
    expect(errorOf(result).id).toBe('braze.access_denied');
    expect(({} as Record<string, unknown>)['message']).toBeUndefined();
  });

  it('is deterministic', () => {
    const input = { vendor: 'braze', status: 429, headers: { 'x-ratelimit-reset': String(NOW / 1000 + 30) }, body: '' };
    expect(classifier.classify(input)).toEqual(classifier.classify(input));
  });
});

describe('request-aware retry advice (Spotzee retryPolicy)', () => {
  const response = { vendor: 'spotzee', status: 503, headers: { 'retry-after': '5' }, body: { error: { code: 'service_unavailable', message: 'down' } } };

  it('a POST without an Idempotency-Key is not retryable', () => {
    const error = errorOf(classifier.classify({ ...response, request: { method: 'POST' } }));
    expect(error).toMatchObject({ id: 'spotzee.service_unavailable', retryable: false });
    expect(error.retryAfterMs).toBeUndefined();
    // Methods in any case.
    for (const method of ['post', 'Post']) expect(errorOf(classifier.classify({ ...response, request: { method } })).retryable).toBe(false);
    expect(errorOf(classifier.classify({ ...response, request: { method: 'get' } })).retryable).toBe(true);
  });

  it('a POST with an Idempotency-Key is retryable', () => {
    expect(errorOf(classifier.classify({ ...response, request: { method: 'post', idempotencyKey: 'key-1' } }))).toMatchObject({ retryable: true, retryAfterMs: 5000 });
  });

  it('a blank Idempotency-Key does not count', () => {
    expect(errorOf(classifier.classify({ ...response, request: { method: 'PATCH', idempotencyKey: '  ' } })).retryable).toBe(false);
  });

  it('a GET is retryable, and so is a request of unknown method', () => {
    expect(errorOf(classifier.classify({ ...response, request: { method: 'GET' } })).retryable).toBe(true);
    expect(errorOf(classifier.classify(response)).retryable).toBe(true);
  });

  it('applies only to vendors whose catalog asks for it', () => {
    expect(errorOf(classifier.classify({ vendor: 'sinch', status: 503, request: { method: 'POST' } })).retryable).toBe(true);
  });
});

describe('retry hints', () => {
  it('retryAfterMs is set on retryable errors', () => {
    expect(errorOf(classifier.classify({ vendor: 'braze', status: 429, headers: { 'Retry-After': '30' } })).retryAfterMs).toBe(30_000);
  });

  it('retryAfterMs is never set on errors that are not retryable', () => {
    const error = errorOf(classifier.classify({ vendor: 'braze', status: 400, headers: { 'retry-after': '30' }, body: { message: 'Invalid Campaign ID' } }));
    expect(error.retryable).toBe(false);
    expect('retryAfterMs' in error).toBe(false);
  });

  it("reads reset headers in the catalog's unit (Braze: epoch seconds)", () => {
    expect(errorOf(classifier.classify({ vendor: 'braze', status: 429, headers: { 'x-ratelimit-reset': String(NOW / 1000 + 45) } })).retryAfterMs).toBe(45_000);
  });

  it("reads the vendor's body fields (Transformify retryAfterSeconds)", () => {
    expect(
      errorOf(classifier.classify({ vendor: 'transformify', status: 429, body: { error: 'Too Many Requests', message: 'slow down', retryAfterSeconds: 12 } }))
        .retryAfterMs,
    ).toBe(12_000);
  });

  it('clamps to maxRetryAfterMs, per call or per classifier', () => {
    expect(errorOf(classifier.classify({ vendor: 'sinch', status: 429, headers: { 'retry-after': '99999' } }, { maxRetryAfterMs: 1000 })).retryAfterMs).toBe(1000);
    const capped = createClassifier({ maxRetryAfterMs: 2000 });
    expect(errorOf(capped.classify({ vendor: 'sinch', status: 429, headers: { 'retry-after': '99999' } })).retryAfterMs).toBe(2000);
  });

  it('uses the injected clock', () => {
    const input = { vendor: 'sinch', status: 429, headers: { 'retry-after': 'Wed, 01 Jan 2025 00:01:00 GMT' } };
    expect(errorOf(classifier.classify(input, { now: () => NOW })).retryAfterMs).toBe(60_000);
    expect(errorOf(classifier.classify(input, { now: () => NOW + 50_000 })).retryAfterMs).toBe(10_000);
  });

  it('survives a throwing clock', () => {
    const result = classifier.classify(
      { vendor: 'sinch', status: 429, headers: { 'retry-after': '5' } },
      {
        now: () => {
          throw new Error('clock');
        },
      },
    );
    expect(errorOf(result).retryAfterMs).toBe(5000);
  });
});

describe('request id', () => {
  it("reads the catalog's request-id headers, then the generic ones", () => {
    expect(classifier.classify({ vendor: 'spotzee', status: 400, headers: { 'Request-Id': 'req_123', 'x-request-id': 'other' } }).requestId).toBe('req_123');
    expect(classifier.classify({ status: 400, headers: { 'cf-ray': '8abc-FRA' } }).requestId).toBe('8abc-FRA');
  });

  it('is present on successes too', () => {
    expect(classifier.classify({ vendor: 'braze', status: 201, headers: { 'x-request-id': 'ok-1' }, body: { message: 'success' } })).toMatchObject({
      outcome: 'success',
      requestId: 'ok-1',
    });
  });

  it('is absent when no header carries one, and blank values do not count', () => {
    expect('requestId' in classifier.classify({ status: 400, headers: { 'x-request-id': '  ' } })).toBe(false);
  });

  it('is trimmed and clipped', () => {
    expect(classifier.classify({ status: 400, headers: { 'x-request-id': ` ${'r'.repeat(1000)} ` } }).requestId).toHaveLength(200);
  });
});

describe('bounds', () => {
  it('marks a body over maxBodyBytes as truncated and does not parse it', () => {
    const result = classifier.classify({ vendor: 'braze', status: 400, body: JSON.stringify({ message: 'Invalid Campaign ID' }) }, { maxBodyBytes: 10 });
    expect(result.truncated).toBe(true);
    expect(errorOf(result).id).toBe('braze.bad_request');
  });

  it('does not mark bodies within the limit', () => {
    expect('truncated' in classifier.classify({ vendor: 'braze', status: 400, body: '{"message":"x"}' })).toBe(false);
  });

  it('does not describe an oversized body as an empty body', () => {
    const result = classifier.classify({ status: 500, body: JSON.stringify({ message: 'x'.repeat(2_000_000) }) });
    expect(result.truncated).toBe(true);
    expect(errorOf(result).id).toBe('http.500');
  });

  it('classifies at most 1000 minor errors', () => {
    const errors = Array.from({ length: 5000 }, () => ({ type: 'x' }));
    expect(classifier.classify({ vendor: 'braze', status: 201, body: { message: 'success', errors } }).minor).toHaveLength(1000);
  });
});

describe('redaction', () => {
  it('redacts a Braze API key echoed in a 401 message, in message and params', () => {
    const error = errorOf(classifier.classify({ vendor: 'braze', status: 401, body: { message: 'Invalid API key: 5f2c-SECRET-91ab' } }));
    expect(error).toMatchObject({ id: 'braze.invalid_api_key', message: 'Invalid API key: [REDACTED]', params: { key: '[REDACTED]' } });
    expect(JSON.stringify(error)).not.toContain('SECRET');
  });

  it('redacts the API key even when the message holds a character whose lower case is longer', () => {
    const error = errorOf(classifier.classify({ vendor: 'braze', status: 401, body: { message: 'Invalid API key: ABCDEF-SECRET-İ' } }));
    expect(error.id).toBe('braze.invalid_api_key');
    expect(JSON.stringify(error)).not.toContain('SECRET');
  });

  it('leaves e-mail addresses and phone numbers alone by default', () => {
    expect(errorOf(classifier.classify({ status: 400, body: { error_description: 'no user jane@example.com' } })).message).toBe('no user jane@example.com');
  });

  it('redacts e-mail addresses and phone numbers with redactPii, in messages and fields', () => {
    const error = errorOf(
      classifier.classify(
        { vendor: 'transformify', status: 400, body: { error: 'Bad Request', message: 'Invalid number +1 415 555 0100 for jane@example.com', validationErrors: { to: 'jane@example.com is blocked' } } },
        { redactPii: true },
      ),
    );
    expect(error.message).toBe('Invalid number [PHONE] for [EMAIL]');
    expect(error.fields).toEqual([{ path: 'to', message: '[EMAIL] is blocked' }]);
  });

  it('does not redact catalog descriptions', () => {
    expect(errorOf(classifier.classify({ vendor: 'sinch', status: 503 }, { redactPii: true })).message).not.toContain('[PHONE]');
  });
});

describe('retry cap', () => {
  it('keeps retryAfterMs a safe integer whatever maxRetryAfterMs says', async () => {
    const { createClassifier: create } = await import('../src/create-classifier.js');
    const result = create().classify({ status: 429, headers: { 'retry-after': '999999999999' } }, { maxRetryAfterMs: 2 ** 60 });
    expect(result.error?.retryAfterMs).toBe(999_999_999_999_000);
    const capped = create().classify({ status: 429, headers: { 'retry-after': '5' } }, { maxRetryAfterMs: 2.9 });
    expect(capped.error?.retryAfterMs).toBe(2);
  });
});
