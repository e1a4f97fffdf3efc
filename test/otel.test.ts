import { describe, expect, it } from 'vitest';
import { classify, normalizeError } from '../src/create-classifier.js';
import { toOtelAttributes } from '../src/otel.js';

describe('toOtelAttributes', () => {
  it('sets error.type to the id, the status, and the vendor_errors namespace for an error', () => {
    const result = classify({
      vendor: 'braze',
      status: 429,
      headers: { 'retry-after': '3', 'x-request-id': 'req-9' },
      body: {},
    });
    expect(toOtelAttributes(result)).toEqual({
      'error.type': 'braze.rate_limited',
      'http.response.status_code': 429,
      'vendor_errors.outcome': 'error',
      'vendor_errors.vendor': 'braze',
      'vendor_errors.category': 'rate_limit',
      'vendor_errors.retryable': true,
      'vendor_errors.matched_by': 'status',
      'vendor_errors.retry_after_ms': 3000,
      'vendor_errors.request_id': 'req-9',
      'vendor_errors.minor_count': 0,
    });
  });

  it('sets no error.type on success (semconv: SHOULD NOT set it when the operation succeeded)', () => {
    const result = classify({ vendor: 'braze', status: 201, body: { message: 'success' } });
    expect(toOtelAttributes(result)).toEqual({
      'http.response.status_code': 201,
      'vendor_errors.outcome': 'success',
      'vendor_errors.vendor': 'braze',
      'vendor_errors.minor_count': 0,
    });
  });

  it('counts the minor errors of a partial success and sets no error.type', () => {
    const result = classify({ vendor: 'braze', status: 201, body: { message: 'success', errors: ['minor error message', 'another'] } });
    const attributes = toOtelAttributes(result);
    expect(attributes['vendor_errors.outcome']).toBe('partial');
    expect(attributes['vendor_errors.minor_count']).toBe(2);
    expect(attributes).not.toHaveProperty('error.type');
  });

  it('carries the vendor code and leaves out the status without a response', () => {
    const spotzee = classify({ vendor: 'spotzee', status: 409, body: { error: { code: 'duplicate', message: 'A contact with this email already exists' } } });
    expect(toOtelAttributes(spotzee)['vendor_errors.code']).toBe('duplicate');
    const network = normalizeError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const attributes = toOtelAttributes(network);
    expect(attributes['error.type']).toBe('network.econnrefused');
    expect(attributes['vendor_errors.matched_by']).toBe('transport');
    expect(attributes).not.toHaveProperty('http.response.status_code');
    expect(attributes).not.toHaveProperty('vendor_errors.vendor');
  });

  it('leaves out per-request values for metrics', () => {
    const result = classify({ vendor: 'braze', status: 429, headers: { 'retry-after': '3', 'x-request-id': 'req-9' }, body: {} });
    const attributes = toOtelAttributes(result, { forMetrics: true });
    expect(attributes).not.toHaveProperty('vendor_errors.request_id');
    expect(attributes).not.toHaveProperty('vendor_errors.retry_after_ms');
    expect(attributes['error.type']).toBe('braze.rate_limited');
  });

  it('holds primitive values only', () => {
    const result = classify({ vendor: 'spotzee', status: 400, body: { error: { code: 'validation_failed', message: 'Validation failed', details: { email: 'is invalid' } } } });
    for (const value of Object.values(toOtelAttributes(result))) expect(['string', 'number', 'boolean']).toContain(typeof value);
  });
});
