import { describe, expect, it, vi } from 'vitest';
import { classify, normalizeError } from '../src/create-classifier.js';
import { axiosRetryOptions, pRetryOptions, rethrowForPRetry, retryDelay, shouldRetry } from '../src/retry.js';
import { toVendorError, VendorError } from '../src/vendor-error.js';
import type { Classification, ErrorClassification } from '../src/types.js';
import * as braze from '../src/generated/vendors/braze.js';

const BRAZE_URL = 'https://rest.iad-01.braze.com/messages/send';

const rateLimited = classify({ vendor: 'braze', status: 429, headers: { 'retry-after': '3' }, body: {} });
const serverError = classify({ vendor: 'braze', status: 500, body: {} });
const invalidCampaign = classify({ vendor: 'braze', status: 400, body: { message: 'Invalid Campaign ID' } });
const success = classify({ vendor: 'braze', status: 201, body: { message: 'success' } });
const partial = classify({ vendor: 'braze', status: 201, body: { message: 'success', errors: ['minor error message'] } });

function failed(result: Classification): ErrorClassification {
  if (result.outcome !== 'error') throw new Error(`expected an error, got ${result.outcome}`);
  return result;
}

/** An axios error as axios builds it (duck-typed: no axios dependency). */
function axiosError(status: number, headers: Record<string, string>, data: unknown, method = 'post') {
  return Object.assign(new Error(`Request failed with status code ${status}`), {
    name: 'AxiosError',
    isAxiosError: true,
    code: status >= 500 ? 'ERR_BAD_RESPONSE' : 'ERR_BAD_REQUEST',
    response: { status, headers, data },
    config: { url: BRAZE_URL, method },
  });
}

const refused = Object.assign(new TypeError('fetch failed'), {
  cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }),
});

/** p-retry's AbortError, as p-retry defines it (name, originalError). */
class FakeAbortError extends Error {
  override readonly name = 'AbortError';
  readonly originalError: Error;
  constructor(message: string | Error) {
    super(typeof message === 'string' ? message : message.message);
    this.originalError = typeof message === 'string' ? new Error(message) : message;
  }
}

describe('shouldRetry', () => {
  it('is true for a retryable error', () => {
    expect(shouldRetry(rateLimited)).toBe(true);
    expect(shouldRetry(serverError)).toBe(true);
  });

  it('is false for a non-retryable error', () => {
    expect(shouldRetry(invalidCampaign)).toBe(false);
  });

  it('is false for accepted requests, including partial successes', () => {
    expect(shouldRetry(success)).toBe(false);
    expect(shouldRetry(partial)).toBe(false);
  });

  it('follows request-aware advice (Spotzee POST without Idempotency-Key is not retryable)', () => {
    const post = classify({ vendor: 'spotzee', status: 503, body: {}, request: { method: 'POST' } });
    const get = classify({ vendor: 'spotzee', status: 503, body: {}, request: { method: 'GET' } });
    expect(shouldRetry(post)).toBe(false);
    expect(shouldRetry(get)).toBe(true);
  });
});

describe('retryDelay', () => {
  it("honours the vendor's retryAfterMs whatever the attempt and backoff cap", () => {
    expect(retryDelay(rateLimited, 0)).toBe(3000);
    expect(retryDelay(rateLimited, 7, { maxMs: 100 })).toBe(3000);
  });

  it('uses full jitter over base * 2^attempt without a hint', () => {
    const half = () => 0.5;
    expect(retryDelay(serverError, 0, { random: half })).toBe(250);
    expect(retryDelay(serverError, 1, { random: half })).toBe(500);
    expect(retryDelay(serverError, 3, { random: half })).toBe(2000);
  });

  it('spans [0, min(maxMs, base * 2^attempt)) with random at its bounds', () => {
    expect(retryDelay(serverError, 2, { random: () => 0 })).toBe(0);
    expect(retryDelay(serverError, 2, { random: () => 0.999999 })).toBe(1999);
  });

  it('caps the backoff at maxMs (default 30 s)', () => {
    expect(retryDelay(serverError, 10, { random: () => 0.5 })).toBe(15_000);
    expect(retryDelay(serverError, 10_000, { random: () => 0.5 })).toBe(15_000);
    expect(retryDelay(serverError, 4, { baseMs: 100, maxMs: 1000, random: () => 0.5 })).toBe(500);
  });

  it('stays within bounds for every attempt with the default random', () => {
    for (let attempt = 0; attempt < 40; attempt++) {
      const delay = retryDelay(serverError, attempt);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(Math.min(30_000, 500 * 2 ** attempt));
    }
  });

  it('treats negative, fractional and non-finite attempts and broken random sources safely', () => {
    expect(retryDelay(serverError, -3, { random: () => 0.5 })).toBe(250);
    expect(retryDelay(serverError, 1.9, { random: () => 0.5 })).toBe(500);
    expect(retryDelay(serverError, Number.NaN, { random: () => 0.5 })).toBe(250);
    expect(retryDelay(serverError, 0, { random: () => Number.NaN })).toBe(0);
    expect(retryDelay(serverError, 0, { random: () => 7 })).toBe(500);
    expect(retryDelay(serverError, 0, { baseMs: -1, random: () => 0.5 })).toBe(250);
  });
});

describe('pRetryOptions', () => {
  it('reads the error from a p-retry v7 context', () => {
    const { shouldRetry: decide } = pRetryOptions();
    expect(decide({ error: refused, attemptNumber: 1, retriesLeft: 3 })).toBe(true);
    expect(decide({ error: new Error('Invalid Campaign ID'), attemptNumber: 1, retriesLeft: 3 })).toBe(false);
  });

  it('reads a p-retry v6 decorated error directly', () => {
    const { shouldRetry: decide } = pRetryOptions();
    expect(decide(Object.assign(refused, { attemptNumber: 1, retriesLeft: 3 }))).toBe(true);
  });

  it('uses the classification of a thrown VendorError as is', () => {
    const classifyThrown = vi.fn(normalizeError);
    const { shouldRetry: decide } = pRetryOptions(classifyThrown);
    expect(decide({ error: toVendorError(failed(invalidCampaign)), attemptNumber: 1, retriesLeft: 3 })).toBe(false);
    expect(decide({ error: new VendorError(failed(rateLimited)), attemptNumber: 1, retriesLeft: 3 })).toBe(true);
    expect(classifyThrown).not.toHaveBeenCalled();
  });

  it('classifies each thrown object once across hooks', async () => {
    const classifyThrown = vi.fn(normalizeError);
    const options = pRetryOptions(classifyThrown);
    const context = { error: refused, attemptNumber: 1, retriesLeft: 3 };
    await options.onFailedAttempt(context);
    options.shouldRetry(context);
    expect(classifyThrown).toHaveBeenCalledTimes(1);
  });

  it('accepts a per-vendor normalizeError', () => {
    const { shouldRetry: decide } = pRetryOptions(braze.normalizeError);
    expect(decide({ error: axiosError(500, {}, {}), attemptNumber: 1, retriesLeft: 1 })).toBe(true);
  });

  it("waits the vendor's retryAfterMs in onFailedAttempt while retries remain", async () => {
    vi.useFakeTimers();
    try {
      const { onFailedAttempt } = pRetryOptions();
      const error = axiosError(429, { 'retry-after': '3' }, {});
      let done = false;
      const waiting = onFailedAttempt({ error, attemptNumber: 1, retriesLeft: 2 }).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(2999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await waiting;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not wait when no retries remain or there is no hint', async () => {
    vi.useFakeTimers();
    try {
      const { onFailedAttempt } = pRetryOptions();
      await onFailedAttempt({ error: axiosError(429, { 'retry-after': '3' }, {}), attemptNumber: 3, retriesLeft: 0 });
      await onFailedAttempt({ error: refused, attemptNumber: 1, retriesLeft: 2 });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('rethrowForPRetry', () => {
  it("wraps a non-retryable error in p-retry's AbortError, keeping the original", () => {
    const thrown = axiosError(400, {}, { message: 'Invalid Campaign ID' });
    let caught: unknown;
    try {
      rethrowForPRetry(thrown, FakeAbortError);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FakeAbortError);
    expect((caught as FakeAbortError).originalError).toBe(thrown);
  });

  it('rethrows a retryable error unchanged', () => {
    expect(() => rethrowForPRetry(refused, FakeAbortError)).toThrow(refused);
  });

  it('turns a thrown non-Error into a VendorError (p-retry rejects non-Error throws)', () => {
    let caught: unknown;
    try {
      rethrowForPRetry('connect ECONNREFUSED', FakeAbortError);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FakeAbortError);
    expect((caught as FakeAbortError).originalError).toBeInstanceOf(VendorError);
  });
});

describe('axiosRetryOptions', () => {
  it('honours Retry-After from an axios 429 error (3 s → 3000 ms)', () => {
    const error = {
      isAxiosError: true,
      response: { status: 429, headers: { 'retry-after': '3' }, data: { message: 'Rate limit exceeded' } },
      config: { url: BRAZE_URL, method: 'post' },
    };
    const options = axiosRetryOptions();
    expect(options.retryCondition(error)).toBe(true);
    expect(options.retryDelay(1, error)).toBe(3000);
  });

  it('does not retry a non-retryable vendor error', () => {
    expect(axiosRetryOptions().retryCondition(axiosError(400, {}, { message: 'Invalid Campaign ID' }))).toBe(false);
  });

  it('retries network errors without a response', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { isAxiosError: true, code: 'ECONNREFUSED', config: { url: BRAZE_URL } });
    expect(axiosRetryOptions().retryCondition(error)).toBe(true);
  });

  it('backs off with full jitter from retryCount 1 when there is no hint', () => {
    const options = axiosRetryOptions({ random: () => 0.5, baseMs: 1000 });
    const error = axiosError(500, {}, {});
    expect(options.retryDelay(1, error)).toBe(500);
    expect(options.retryDelay(2, error)).toBe(1000);
    expect(options.retryDelay(3, error)).toBe(2000);
  });

  it('defaults to 3 retries and accepts another count', () => {
    expect(axiosRetryOptions().retries).toBe(3);
    expect(axiosRetryOptions({ retries: 5 }).retries).toBe(5);
    expect(axiosRetryOptions({ retries: -1 }).retries).toBe(3);
  });

  it('uses the Idempotency-Key of the axios request config (Spotzee)', () => {
    const base = { isAxiosError: true, response: { status: 503, headers: {}, data: {} } };
    const url = 'https://apix.spotzee.com/api/client/contacts';
    const withoutKey = { ...base, config: { url, method: 'post', headers: {} } };
    const withKey = { ...base, config: { url, method: 'post', headers: { 'Idempotency-Key': 'k-1' } } };
    const options = axiosRetryOptions();
    expect(options.retryCondition(withoutKey)).toBe(false);
    expect(options.retryCondition(withKey)).toBe(true);
  });
});
