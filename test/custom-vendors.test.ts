/**
 * A vendor is data: vendors this package does not ship, each only a catalog object passed
 * to `createClassifier`, read in their own envelopes (docs/catalog-format.md "Shapes").
 * Each is classified by code (kept as received), detected by host and by its own shape,
 * with request ids and retry hints.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier, shippedCatalogs } from '../src/create-classifier.js';
import type { Catalog, CatalogEntry } from '../src/generated/catalog-types.js';
import type { Classification, NormalizedError } from '../src/types.js';

const NOW = Date.UTC(2025, 0, 1);

function errorOf(result: Classification): NormalizedError {
  if (result.outcome !== 'error') throw new Error(`expected an error, got ${result.outcome}: ${JSON.stringify(result)}`);
  return result.error;
}

/** An entry; its example is the first test of it, run by the lint test below. */
function entry(id: string, match: NonNullable<CatalogEntry['match']>, rest: Partial<CatalogEntry> & Pick<CatalogEntry, 'examples'>): CatalogEntry {
  return { id, category: 'bad_request', retryable: false, fatal: true, description: `description of ${id}`, match, ...rest };
}

/** A voice API answering `{"code": 20003, "message", "more_info", "status"}`: a numeric code. */
const ringo: Catalog = {
  vendor: 'ringo',
  name: 'Ringo Voice API',
  docs: 'https://docs.ringo.example/errors',
  shapes: [{ name: 'ringo', when: { code: 'integer', message: 'string', more_info: 'string' }, code: ['code'], message: ['message'] }],
  hosts: ['api.ringo.example'],
  requestIdHeaders: ['x-ringo-request-id'],
  retryHints: { resetUnit: 'delta-seconds' },
  entries: [
    entry(
      'ringo.authenticate',
      { code: '20003' },
      {
        category: 'authentication',
        examples: [
          {
            name: 'a bad account key, no vendor given',
            input: { status: 401, body: { code: 20003, message: 'Authenticate', more_info: 'https://docs.ringo.example/20003', status: 401 } },
            expect: { outcome: 'error', id: 'ringo.authenticate', vendor: 'ringo', code: '20003', matchedBy: 'code' },
          },
        ],
      },
    ),
    entry(
      'ringo.too_many_requests',
      { code: '20429' },
      {
        category: 'rate_limit',
        retryable: true,
        examples: [
          {
            name: 'throttled',
            input: { vendor: 'ringo', status: 429, headers: { 'retry-after': '3' }, body: { code: 20429, message: 'Too Many Requests', more_info: 'x', status: 429 } },
            expect: { outcome: 'error', id: 'ringo.too_many_requests', retryAfterMs: 3000 },
          },
        ],
      },
    ),
  ],
};

/** A messaging API that nests its error three levels down, and lists id-coded errors. */
const nesto: Catalog = {
  vendor: 'nesto',
  name: 'Nesto Messaging API',
  docs: 'https://nesto.example/docs/errors',
  shapes: [
    {
      name: 'nesto_envelope',
      when: { 'response.status.error.reason': 'string' },
      code: ['response.status.error.reason'],
      message: ['response.status.error.text'],
    },
    { name: 'nesto_errors', when: { 'errors.0.id': 'string', 'errors.0.message': 'string' }, code: ['errors.0.id'], message: ['errors.0.message'] },
  ],
  hosts: ['*.nesto.example'],
  requestIdHeaders: ['x-nesto-trace'],
  retryHints: { bodyFields: [{ path: 'response.status.error.retryInMs', unit: 'milliseconds' }] },
  entries: [
    entry(
      'nesto.quota_exceeded',
      { code: 'E_QUOTA' },
      {
        category: 'rate_limit',
        retryable: true,
        examples: [
          {
            name: 'deep code with a retry hint in the body',
            input: { vendor: 'nesto', status: 429, body: { response: { status: { error: { reason: 'E_QUOTA', text: 'Slow down', retryInMs: 1500 } } } } },
            expect: { outcome: 'error', id: 'nesto.quota_exceeded', code: 'E_QUOTA', retryAfterMs: 1500 },
          },
        ],
      },
    ),
    entry(
      'nesto.catalog_not_found',
      { code: 'catalog-not-found' },
      {
        category: 'not_found',
        examples: [
          {
            name: 'an id-coded error list',
            input: { vendor: 'nesto', status: 404, body: { errors: [{ id: 'catalog-not-found', message: 'Could not find catalog' }], message: 'Invalid Request' } },
            expect: { outcome: 'error', id: 'nesto.catalog_not_found', code: 'catalog-not-found', message: 'Could not find catalog' },
          },
        ],
      },
    ),
  ],
};

/** A bulk API that answers 200 with a result per recipient, some of them failed. */
const batchy: Catalog = {
  vendor: 'batchy',
  name: 'Batchy Bulk SMS',
  docs: 'https://batchy.example/api',
  shapes: [
    {
      name: 'batchy_results',
      when: { batch_id: 'string', results: 'array' },
      message: ['summary'],
      items: { at: 'results', when: { error: 'object' }, code: ['error.code'], message: ['error.message'], path: ['to'] },
    },
  ],
  hosts: ['api.batchy.example'],
  requestIdHeaders: [],
  entries: [
    entry(
      'batchy.invalid_number',
      { code: 'INVALID_NUMBER' },
      {
        category: 'validation',
        fatal: false,
        examples: [
          {
            name: 'one recipient of three rejected',
            input: {
              vendor: 'batchy',
              status: 200,
              body: { batch_id: 'b1', results: [{ to: '+15550001', status: 'sent' }, { to: 'abc', error: { code: 'INVALID_NUMBER', message: 'abc is not a number' } }, { to: '+15550002', status: 'sent' }] },
            },
            expect: { outcome: 'partial', minor: ['batchy.invalid_number'] },
          },
        ],
      },
    ),
  ],
};

/** A Rails-style API: `{"error_code": "...", "errors": {"email": ["is invalid"]}}`. */
const railsy: Catalog = {
  vendor: 'railsy',
  name: 'Railsy CRM',
  docs: 'https://railsy.example/docs',
  shapes: [{ name: 'railsy', when: { error_code: 'string', errors: 'object' }, code: ['error_code'], message: ['error_message'], fields: ['errors'] }],
  hosts: ['crm.railsy.example'],
  requestIdHeaders: ['x-railsy-id'],
  entries: [
    entry(
      'railsy.record_invalid',
      { code: 'record_invalid' },
      {
        category: 'validation',
        examples: [
          {
            name: 'a field map',
            input: { vendor: 'railsy', status: 422, body: { error_code: 'record_invalid', error_message: 'Validation failed', errors: { email: ['is invalid'] } } },
            expect: { outcome: 'error', id: 'railsy.record_invalid', fields: [{ path: 'email', message: 'is invalid' }] },
          },
        ],
      },
    ),
  ],
};

const customs = [ringo, nesto, batchy, railsy];
const classifier = createClassifier({ catalogs: [...shippedCatalogs, ...customs], now: () => NOW });

describe('a numeric-code envelope (ringo)', () => {
  const body = '{"code":20003,"message":"Authenticate","more_info":"https://docs.ringo.example/20003","status":401}';

  it('is detected by its own shape with no vendor and no URL, its code kept as received', () => {
    const result = classifier.classify({ status: 401, headers: { 'X-Ringo-Request-Id': 'RQ1' }, body });
    expect(result).toMatchObject({ outcome: 'error', vendor: 'ringo', status: 401, requestId: 'RQ1' });
    expect(errorOf(result)).toMatchObject({ id: 'ringo.authenticate', category: 'authentication', code: '20003', message: 'Authenticate', matchedBy: 'code' });
  });

  it('is detected by host', () => {
    const result = classifier.classify({ url: 'https://api.ringo.example/2010-04-01/Calls.json', status: 401, body });
    expect(errorOf(result)).toMatchObject({ id: 'ringo.authenticate', vendor: 'ringo', code: '20003' });
  });

  it('honours Retry-After in the unit its catalog names', () => {
    const result = classifier.classify({
      url: 'https://api.ringo.example/x',
      status: 429,
      headers: { 'retry-after': '3' },
      body: { code: 20429, message: 'Too Many Requests', more_info: 'x', status: 429 },
    });
    expect(errorOf(result)).toMatchObject({ id: 'ringo.too_many_requests', retryable: true, retryAfterMs: 3000, code: '20429' });
  });

  it('without its catalog, the same body is read by the standard code_message shape and keeps its code', () => {
    const plain = createClassifier({ now: () => NOW });
    expect(errorOf(plain.classify({ status: 401, body }))).toMatchObject({ id: 'http.401', vendor: null, code: '20003' });
  });
});

describe('a code several levels deep, and an id-coded error list (nesto)', () => {
  it('reads the deep code and the retry hint beside it, detected by its shape', () => {
    const result = classifier.classify({ status: 429, headers: { 'x-nesto-trace': 'T-9' }, body: { response: { status: { error: { reason: 'E_QUOTA', text: 'Slow down', retryInMs: 1500 } } } } });
    expect(result).toMatchObject({ vendor: 'nesto', requestId: 'T-9' });
    expect(errorOf(result)).toMatchObject({ id: 'nesto.quota_exceeded', code: 'E_QUOTA', message: 'Slow down', retryAfterMs: 1500, matchedBy: 'code' });
  });

  it('matches a code in errors[0].id, detected by host', () => {
    const result = classifier.classify({ url: 'https://eu.nesto.example/catalogs/x', status: 404, body: { errors: [{ id: 'catalog-not-found', message: 'Could not find catalog' }], message: 'Invalid Request' } });
    expect(errorOf(result)).toMatchObject({ id: 'nesto.catalog_not_found', vendor: 'nesto', category: 'not_found', code: 'catalog-not-found' });
  });
});

describe('a 200 bulk response with per-item errors (batchy)', () => {
  const body = {
    batch_id: 'b1',
    summary: '1 of 3 failed',
    results: [
      { to: '+15550001', status: 'sent' },
      { to: 'abc', error: { code: 'INVALID_NUMBER', message: 'abc is not a number' } },
      { to: '+15550002', status: 'sent' },
    ],
  };

  it('is partial, with one minor error per failed item, detected by host', () => {
    const result = classifier.classify({ url: 'https://api.batchy.example/v1/batches', status: 200, body });
    expect(result).toMatchObject({ outcome: 'partial', vendor: 'batchy', error: null });
    expect(result.minor).toEqual([
      expect.objectContaining({ id: 'batchy.invalid_number', category: 'validation', fatal: false, code: 'INVALID_NUMBER', matchedBy: 'code', fields: [{ path: 'abc', message: 'abc is not a number' }] }),
    ]);
  });

  it('is detected by its own shape when an item matches its item entries', () => {
    expect(classifier.classify({ status: 200, body })).toMatchObject({ outcome: 'partial', vendor: 'batchy', minor: [{ id: 'batchy.invalid_number' }] });
  });

  it('a batch with no failed item is a success', () => {
    const ok = { batch_id: 'b2', results: [{ to: '+15550001', status: 'sent' }] };
    expect(classifier.classify({ vendor: 'batchy', status: 200, body: ok })).toMatchObject({ outcome: 'success', minor: [] });
  });
});

describe('a field map (railsy)', () => {
  it('reads {"errors": {"email": ["is invalid"]}} as fields, detected by its shape', () => {
    const result = classifier.classify({ status: 422, headers: { 'x-railsy-id': 'R-1' }, body: { error_code: 'record_invalid', error_message: 'Validation failed', errors: { email: ['is invalid'] } } });
    expect(result).toMatchObject({ vendor: 'railsy', requestId: 'R-1' });
    expect(errorOf(result)).toMatchObject({ id: 'railsy.record_invalid', code: 'record_invalid', message: 'Validation failed', fields: [{ path: 'email', message: 'is invalid' }] });
  });

  it('is detected by host', () => {
    const result = classifier.classify({ url: 'https://crm.railsy.example/contacts', status: 422, body: { error_code: 'record_invalid', errors: { email: ['is invalid'] } } });
    expect(errorOf(result)).toMatchObject({ id: 'railsy.record_invalid', vendor: 'railsy' });
  });
});

describe('catalog checks on custom shapes', () => {
  it('the custom catalogs lint clean, their examples included', async () => {
    const { lintCatalogs } = await import('../src/lint.js');
    const { genericCatalog } = await import('../src/generated/catalogs/generic.js');
    expect(lintCatalogs(customs, { generic: genericCatalog, includeGeneric: false })).toEqual([]);
  });

  it('a shape name used twice is a CatalogError', () => {
    const twin: Catalog = { ...railsy, vendor: 'twin', hosts: [], entries: [] };
    expect(() => createClassifier({ catalogs: [railsy, twin] })).toThrow(/shape "railsy" is declared twice/);
  });

  it('listing a shape nobody declares is a CatalogError', () => {
    expect(() => createClassifier({ catalogs: [{ ...railsy, shapes: ['xml'] }] })).toThrow(/lists shape "xml"/);
  });

  it('a path with an empty segment is a CatalogError', () => {
    expect(() => createClassifier({ catalogs: [{ ...railsy, shapes: [{ name: 'bad', code: ['error..code'] }] }] })).toThrow(/invalid shapes/);
  });

  it('two shapes that pin the same members are a lint error', async () => {
    const { lintCatalogs } = await import('../src/lint.js');
    const { genericCatalog } = await import('../src/generated/catalogs/generic.js');
    const copy: Catalog = { ...ringo, vendor: 'copy', hosts: [], shapes: [{ name: 'copy', when: { code: 'number', message: 'string', more_info: 'present' } }], entries: [] };
    const problems = lintCatalogs([ringo, copy], { generic: genericCatalog, includeGeneric: false });
    expect(problems.filter((problem) => problem.rule === 'shape').map((problem) => problem.message)).toEqual([
      expect.stringContaining('"ringo" (code: integer, message: string, more_info: string) and "copy" (code: number, message: string, more_info: present)'),
    ]);
    // A type that no value can share tells them apart.
    const apart: Catalog = { ...copy, shapes: [{ name: 'copy', when: { code: 'string', message: 'string', more_info: 'present' } }] };
    expect(lintCatalogs([ringo, apart], { generic: genericCatalog, includeGeneric: false }).filter((problem) => problem.rule === 'shape')).toEqual([]);
  });
});
