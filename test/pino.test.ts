import { describe, expect, it } from 'vitest';
import { classify } from '../src/create-classifier.js';
import { pinoSerializer, pinoSerializers } from '../src/pino.js';
import { toVendorError } from '../src/vendor-error.js';

const SECRET = 'sk_live_8f3a1c9e';
const COOKIE = 'session=abc123';

/** A Braze 401 carrying secrets in headers and a body field nobody should log. */
const unauthorized = classify({
  vendor: 'braze',
  status: 401,
  headers: { authorization: `Bearer ${SECRET}`, 'set-cookie': COOKIE, 'x-request-id': 'req-7', 'content-type': 'application/json' },
  body: JSON.stringify({ message: 'Unknown or missing REST API Key.', debug: { token: SECRET, email: 'jane@example.com' } }),
});

describe('pinoSerializer', () => {
  it('logs the safe fields of an error', () => {
    expect(pinoSerializer(unauthorized)).toEqual({
      outcome: 'error',
      vendor: 'braze',
      status: 401,
      requestId: 'req-7',
      id: 'braze.unauthorized',
      category: 'authentication',
      retryable: false,
      message: 'Unknown or missing REST API Key.',
      matchedBy: 'status',
    });
  });

  it('never outputs header or body values', () => {
    const line = JSON.stringify(pinoSerializer(unauthorized));
    expect(line).not.toContain(SECRET);
    expect(line).not.toContain(COOKIE);
    expect(line).not.toContain('jane@example.com');
    expect(line).not.toContain('debug');
  });

  it('leaves out field messages and params', () => {
    const result = classify({
      vendor: 'spotzee',
      status: 400,
      body: { error: { code: 'validation_failed', message: 'Validation failed', details: { email: 'jane@example.com is invalid' } } },
    });
    const log = pinoSerializer(result);
    expect(JSON.stringify(log)).not.toContain('jane@example.com');
    expect(log.code).toBe('validation_failed');
    expect(Object.keys(log)).not.toContain('fields');
  });

  it('logs the retry hint and the minor count', () => {
    expect(pinoSerializer(classify({ vendor: 'braze', status: 429, headers: { 'retry-after': '3' }, body: {} })).retryAfterMs).toBe(3000);
    const partial = classify({ vendor: 'braze', status: 201, body: { message: 'success', errors: ['minor error message'] } });
    expect(pinoSerializer(partial)).toEqual({ outcome: 'partial', vendor: 'braze', status: 201, minorCount: 1 });
  });

  it('accepts a VendorError', () => {
    const error = toVendorError(unauthorized, new Error(`request with ${SECRET} failed`));
    const log = pinoSerializer(error);
    expect(log.id).toBe('braze.unauthorized');
    expect(JSON.stringify(log)).not.toContain(SECRET);
  });

  it('classifies any other thrown value', () => {
    const log = pinoSerializer(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(log).toMatchObject({ outcome: 'error', id: 'network.econnrefused', category: 'network', retryable: true, status: null });
  });

  it('is registered under the vendorError key', () => {
    expect(pinoSerializers.vendorError).toBe(pinoSerializer);
  });
});
