/**
 * The example runner (src/examples.ts): how catalog examples and fixtures are classified
 * and compared, the contract SDKs in other languages reuse.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../src/create-classifier.js';
import { EXAMPLE_NOW, exampleMismatches, observed, runExample } from '../src/examples.js';
import type { Classification } from '../src/types.js';

const classifier = createClassifier();

describe('EXAMPLE_NOW', () => {
  it('is Wed, 01 Jan 2025 00:00:00 GMT', () => {
    expect(EXAMPLE_NOW).toBe(1_735_689_600_000);
    expect(new Date(EXAMPLE_NOW).toUTCString()).toBe('Wed, 01 Jan 2025 00:00:00 GMT');
  });
});

describe('runExample', () => {
  it('classifies a raw response with classify', () => {
    const result = runExample(classifier, { input: { vendor: 'braze', status: 400, body: { message: 'Invalid Campaign ID' } } });
    expect(result.error?.id).toBe('braze.invalid_campaign_id');
  });

  it('sends {"thrown": ...} to normalizeError', () => {
    const result = runExample(classifier, { input: { thrown: { name: 'Error', message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' } } });
    expect(result.error?.id).toBe('network.econnrefused');
  });

  it('uses the fixed clock for dates and epoch resets', () => {
    const viaDate = runExample(classifier, { input: { vendor: 'sinch', status: 429, headers: { 'retry-after': 'Wed, 01 Jan 2025 00:00:30 GMT' } } });
    const viaEpoch = runExample(classifier, { input: { vendor: 'braze', status: 429, headers: { 'x-ratelimit-reset': String(EXAMPLE_NOW / 1000 + 20) } } });
    expect(viaDate.error?.retryAfterMs).toBe(30_000);
    expect(viaEpoch.error?.retryAfterMs).toBe(20_000);
  });

  it('classifies non-object inputs without throwing', () => {
    expect(runExample(classifier, { input: 'nonsense' }).error?.id).toBe('generic.unknown');
    expect(runExample(classifier, { input: null }).error?.id).toBe('generic.unknown');
  });
});

describe('observed', () => {
  const result: Classification = {
    outcome: 'error',
    vendor: 'braze',
    status: 401,
    requestId: 'r-1',
    error: {
      id: 'braze.invalid_api_key',
      vendor: 'braze',
      category: 'authentication',
      status: 401,
      code: null,
      message: 'Invalid API key: [REDACTED]',
      retryable: false,
      fatal: true,
      params: { key: '[REDACTED]' },
      matchedBy: 'message',
    },
    minor: [],
  };

  it('returns exactly the members the expectation names', () => {
    expect(observed(result, { outcome: 'error', id: 'x' })).toEqual({ outcome: 'error', id: 'braze.invalid_api_key' });
  });

  it('maps every expectation member to the classification', () => {
    expect(
      observed(result, {
        outcome: 'error',
        id: '',
        category: 'unknown',
        retryable: true,
        matchedBy: 'none',
        code: null,
        message: '',
        params: {},
        requestId: '',
        vendor: null,
        minor: [],
      }),
    ).toEqual({
      outcome: 'error',
      id: 'braze.invalid_api_key',
      category: 'authentication',
      retryable: false,
      matchedBy: 'message',
      code: null,
      message: 'Invalid API key: [REDACTED]',
      params: { key: '[REDACTED]' },
      requestId: 'r-1',
      vendor: 'braze',
      minor: [],
    });
  });

  it('reads minor errors as their ids, in order, and error members as undefined without an error', () => {
    const partial = classifier.classify({ vendor: 'braze', status: 201, body: { message: 'success', errors: [{ type: 'x' }, { type: "'email' is not valid" }] } });
    expect(observed(partial, { outcome: 'partial', minor: [], id: 'x' })).toEqual({
      outcome: 'partial',
      minor: ['braze.minor_error', 'braze.item_value_not_valid'],
      id: undefined,
    });
  });
});

describe('exampleMismatches', () => {
  const result = classifier.classify({ vendor: 'braze', status: 429, headers: { 'retry-after': '5' } });

  it('is empty when every named member matches', () => {
    expect(exampleMismatches(result, { outcome: 'error', id: 'braze.rate_limited', retryable: true, retryAfterMs: 5000 })).toEqual([]);
  });

  it('describes each mismatch with expected and actual values', () => {
    expect(exampleMismatches(result, { outcome: 'error', id: 'braze.server_error', retryAfterMs: 6000, category: 'rate_limit' })).toEqual([
      'id: expected "braze.server_error", got "braze.rate_limited"',
      'retryAfterMs: expected 6000, got 5000',
    ]);
  });

  it('compares params and fields exactly, including member order', () => {
    const withParams = classifier.classify({ vendor: 'transformify', status: 400, body: { error: 'Bad Request', message: 'Maximum 5 recipients allowed per request' } });
    expect(exampleMismatches(withParams, { outcome: 'error', params: { max: 5 } })).toEqual([]);
    expect(exampleMismatches(withParams, { outcome: 'error', params: { max: 5, extra: 1 } })).toHaveLength(1);
    expect(exampleMismatches(withParams, { outcome: 'error', params: { max: '5' } })).toHaveLength(1);
  });

  it('treats an expected absent member as a mismatch when the result has one', () => {
    expect(exampleMismatches(result, { outcome: 'error', requestId: 'r' })).toEqual(['requestId: expected "r", got undefined']);
  });
});
