/** Assembling normalized errors: optional members only when present, secrets and PII redacted. */
import { describe, expect, it } from 'vitest';
import { buildError, invalidInput } from '../src/assemble.js';
import { compileCatalog } from '../src/compile-catalog.js';
import { buildEngine } from '../src/engine.js';
import { brazeCatalog } from '../src/generated/catalogs/braze.js';
import { genericCatalog } from '../src/generated/catalogs/generic.js';

const braze = compileCatalog(brazeCatalog);
const invalidKey = braze.entries.find((entry) => entry.id === 'braze.invalid_api_key')!;
const base = { vendor: 'braze', status: 401, code: null, fields: undefined, retryable: false, fatal: true, retryAfterMs: undefined };

describe('buildError', () => {
  it('redacts secret params in the message and in params', () => {
    const error = buildError(invalidKey, { ...base, message: 'Invalid API key: abc-123', params: { key: 'abc-123' } }, false);
    expect([error.message, error.params]).toEqual(['Invalid API key: [REDACTED]', { key: '[REDACTED]' }]);
  });

  it('falls back to the catalog description when the vendor said nothing', () => {
    const error = buildError(invalidKey, { ...base, message: null, params: undefined }, false);
    expect(error.message).toBe(invalidKey.description);
    expect(Object.keys(error)).toEqual(['id', 'vendor', 'category', 'status', 'code', 'message', 'retryable', 'fatal', 'matchedBy', 'docs']);
  });

  it('adds retryAfterMs, fields and params only when they have a value', () => {
    const error = buildError(invalidKey, { ...base, message: 'x', params: {}, fields: [{ path: 'a', message: 'b' }], retryAfterMs: 0 }, false);
    expect(error).toMatchObject({ retryAfterMs: 0, fields: [{ path: 'a', message: 'b' }] });
    expect('params' in error).toBe(false);
  });

  it('redacts e-mail addresses in messages and field messages when asked', () => {
    const error = buildError(invalidKey, { ...base, message: 'key of ops@example.com', params: undefined, fields: [{ path: 'email', message: 'ops@example.com is taken' }] }, true);
    expect([error.message, error.fields]).toEqual(['key of [EMAIL]', [{ path: 'email', message: '[EMAIL] is taken' }]]);
  });
});

describe('invalidInput', () => {
  it('is an unknown error with the reason as its message', () => {
    const engine = buildEngine({ catalogs: [], generic: genericCatalog });
    const result = invalidInput(engine, 'input is not a response object (got 42)');
    expect(result).toMatchObject({ outcome: 'error', vendor: null, status: null, error: { id: 'generic.unknown', category: 'unknown', matchedBy: 'none', message: 'input is not a response object (got 42)' } });
  });
});
