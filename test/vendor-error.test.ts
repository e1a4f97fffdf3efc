import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { classify } from '../src/create-classifier.js';
import type { Classification, ErrorClassification } from '../src/types.js';
import { isVendorError, throwIfError, toVendorError, VendorError } from '../src/vendor-error.js';

const rateLimited = classify({ vendor: 'braze', status: 429, headers: { 'retry-after': '3' }, body: {} });
const success = classify({ vendor: 'braze', status: 201, body: { message: 'success' } });
const partial = classify({ vendor: 'braze', status: 201, body: { message: 'success', errors: ['minor error message'] } });

function failed(result: Classification): ErrorClassification {
  if (result.outcome !== 'error') throw new Error(`expected an error, got ${result.outcome}`);
  return result;
}

describe('VendorError', () => {
  it('is an Error (not a TypeError) with a literal name, the classification and getters', () => {
    const error = new VendorError(failed(rateLimited));
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TypeError);
    expect(error.name).toBe('VendorError');
    expect(error.message).toBe(`braze.rate_limited: ${rateLimited.error?.message}`);
    expect(error.classification).toBe(rateLimited);
    expect(error.id).toBe('braze.rate_limited');
    expect(error.category).toBe('rate_limit');
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(3000);
    expect(error.status).toBe(429);
  });

  it('sets cause to the original value only when one is given', () => {
    const response = new Response('{}', { status: 429 });
    expect(new VendorError(failed(rateLimited), { cause: response }).cause).toBe(response);
    expect('cause' in new VendorError(failed(rateLimited))).toBe(false);
  });
});

describe('isVendorError', () => {
  it('recognises a VendorError and rejects look-alikes', () => {
    expect(isVendorError(new VendorError(failed(rateLimited)))).toBe(true);
    expect(isVendorError(new Error('x'))).toBe(false);
    expect(isVendorError({ name: 'VendorError', message: 'x' })).toBe(false);
    expect(isVendorError({ name: 'VendorError', message: 'x', classification: success })).toBe(false);
    expect(isVendorError(null)).toBe(false);
    expect(isVendorError('VendorError')).toBe(false);
  });

  it('recognises one from another realm or another copy of the library (by name and shape)', () => {
    const foreign: unknown = runInNewContext(
      `(() => { const e = new Error('braze.rate_limited: slow down'); e.name = 'VendorError'; e.classification = c; return e; })()`,
      { c: rateLimited },
    );
    expect(foreign instanceof Error).toBe(false);
    expect(isVendorError(foreign)).toBe(true);
  });

  it('never throws on hostile values', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const throwing = Object.defineProperty({}, 'name', {
      get() {
        throw new Error('boom');
      },
    });
    expect(isVendorError(proxy)).toBe(false);
    expect(isVendorError(throwing)).toBe(false);
  });
});

describe('toVendorError', () => {
  it('makes a VendorError with cause for an error result', () => {
    const cause = new Error('original');
    const error = toVendorError(rateLimited, cause);
    expect(error?.id).toBe('braze.rate_limited');
    expect(error?.cause).toBe(cause);
  });

  it('returns null for accepted results', () => {
    expect(toVendorError(success)).toBeNull();
    expect(toVendorError(partial)).toBeNull();
  });
});

describe('throwIfError', () => {
  it('throws a VendorError for an error result, with the cause', () => {
    const response = new Response('{}', { status: 429 });
    let caught: unknown;
    try {
      throwIfError(rateLimited, response);
    } catch (error) {
      caught = error;
    }
    expect(isVendorError(caught)).toBe(true);
    expect((caught as VendorError).cause).toBe(response);
    expect((caught as VendorError).classification).toBe(rateLimited);
  });

  it('returns for accepted results and narrows the type', () => {
    expect(() => throwIfError(success)).not.toThrow();
    const result: Classification = partial;
    throwIfError(result);
    const outcome: 'success' | 'queued' | 'partial' = result.outcome;
    expect(outcome).toBe('partial');
  });
});
