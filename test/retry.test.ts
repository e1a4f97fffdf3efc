import { describe, expect, it, vi } from 'vitest';
import { classify, normalizeError } from '../src/create-classifier.js';
import { axiosRetryOptions } from '../src/axios-retry-options.js';
import { gotRetryOptions } from '../src/got-retry-options.js';
import { kyRetryOptions } from '../src/ky-retry-options.js';
import { pRetryOptions } from '../src/p-retry-options.js';
import { rethrowForPRetry, retryDelay, shouldRetry } from '../src/retry.js';
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
  const noWait = { sleep: async () => {} };

  it("turns p-retry's own backoff off (the wait happens once, in shouldRetry)", () => {
    expect(pRetryOptions()).toMatchObject({ retries: 3, minTimeout: 0 });
    expect(pRetryOptions({ maxRetries: 5 }).retries).toBe(5);
  });

  it('reads the error from a p-retry v7/v9 context', async () => {
    const { shouldRetry: decide } = pRetryOptions(noWait);
    await expect(decide({ error: refused, attemptNumber: 1, retriesLeft: 3, retriesConsumed: 0 })).resolves.toBe(true);
    await expect(decide({ error: new Error('Invalid Campaign ID'), attemptNumber: 1, retriesLeft: 3, retriesConsumed: 0 })).resolves.toBe(false);
  });

  it('reads a p-retry v6 decorated error directly', async () => {
    const { shouldRetry: decide } = pRetryOptions(noWait);
    await expect(decide(Object.assign(refused, { attemptNumber: 1, retriesLeft: 3 }))).resolves.toBe(true);
  });

  it('uses the classification of a thrown VendorError as is', async () => {
    const classifyThrown = vi.fn(normalizeError);
    const { shouldRetry: decide } = pRetryOptions({ classifyThrown, ...noWait });
    await expect(decide({ error: toVendorError(failed(invalidCampaign)), attemptNumber: 1, retriesLeft: 3 })).resolves.toBe(false);
    await expect(decide({ error: new VendorError(failed(rateLimited)), attemptNumber: 1, retriesLeft: 3 })).resolves.toBe(true);
    expect(classifyThrown).not.toHaveBeenCalled();
  });

  it('classifies each thrown object once', async () => {
    const classifyThrown = vi.fn(normalizeError);
    const options = pRetryOptions({ classifyThrown, ...noWait });
    const context = { error: refused, attemptNumber: 1, retriesLeft: 3, retriesConsumed: 0 };
    await options.shouldRetry(context);
    await options.shouldRetry(context);
    expect(classifyThrown).toHaveBeenCalledTimes(1);
  });

  it('classifies with the vendor given (a Spotzee POST without Idempotency-Key is not retried)', async () => {
    const error = Object.assign(axiosError(503, {}, {}), { config: { url: 'http://127.0.0.1/contacts', method: 'post', headers: {} } });
    await expect(pRetryOptions({ vendor: 'spotzee', ...noWait }).shouldRetry({ error, retriesConsumed: 0 })).resolves.toBe(false);
    await expect(pRetryOptions({ vendor: 'braze', ...noWait }).shouldRetry({ error, retriesConsumed: 0 })).resolves.toBe(true);
  });

  it('accepts a per-vendor normalizeError', async () => {
    const { shouldRetry: decide } = pRetryOptions({ classifyThrown: braze.normalizeError, ...noWait });
    await expect(decide({ error: axiosError(500, {}, {}), attemptNumber: 1, retriesLeft: 1 })).resolves.toBe(true);
  });

  it("waits the vendor's retryAfterMs (and only it) before answering true", async () => {
    vi.useFakeTimers();
    try {
      const { shouldRetry: decide } = pRetryOptions();
      const error = axiosError(429, { 'retry-after': '3' }, {});
      let answer: boolean | undefined;
      const waiting = decide({ error, attemptNumber: 1, retriesLeft: 2, retriesConsumed: 0 }).then((value) => (answer = value));
      await vi.advanceTimersByTimeAsync(2999);
      expect(answer).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      await waiting;
      expect(answer).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits full-jitter backoff from retriesConsumed without a hint, and nothing for an error it does not retry', async () => {
    const waits: number[] = [];
    const { shouldRetry: decide } = pRetryOptions({ baseMs: 100, random: () => 0.5, sleep: async (ms) => void waits.push(ms) });
    await decide({ error: refused, attemptNumber: 3, retriesLeft: 1, retriesConsumed: 2 });
    await decide({ error: axiosError(400, {}, { message: 'Invalid Campaign ID' }), retriesConsumed: 0 });
    expect(waits).toEqual([200]);
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
    expect(axiosRetryOptions({ maxRetries: 5 }).retries).toBe(5);
    expect(axiosRetryOptions({ maxRetries: -1 }).retries).toBe(3);
  });

  it("gives every retry the whole axios timeout, so a vendor's wait longer than it is still retried", () => {
    expect(axiosRetryOptions().shouldResetTimeout).toBe(true);
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

describe('gotRetryOptions', () => {
  /** A got HTTPError as got builds it (duck-typed): the response has statusCode, headers and the parsed body. */
  const gotError = (statusCode: number, headers: Record<string, string>, body: unknown, method = 'POST', requestHeaders: Record<string, string> = {}) =>
    Object.assign(new Error(`Response code ${statusCode}`), { name: 'HTTPError', code: 'ERR_NON_2XX_3XX_RESPONSE', response: { statusCode, headers, body }, options: { url: new URL(BRAZE_URL), method, headers: requestHeaders } });

  it("turns got 16's enforceRetryRules off and allows every method: the classification decides", () => {
    const options = gotRetryOptions({ maxRetries: 2 });
    expect(options).toMatchObject({ limit: 2, enforceRetryRules: false });
    expect(options.methods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']));
  });

  it('answers the Retry-After in milliseconds, 0 (stop) for a non-retryable error, and 0 past the limit', () => {
    const options = gotRetryOptions({ maxRetries: 2 });
    expect(options.calculateDelay({ attemptCount: 1, error: gotError(429, { 'retry-after': '2' }, { message: 'Rate limit exceeded' }) })).toBe(2000);
    expect(options.calculateDelay({ attemptCount: 1, error: gotError(400, {}, { message: 'Invalid Campaign ID' }) })).toBe(0);
    expect(options.calculateDelay({ attemptCount: 3, error: gotError(500, {}, {}) })).toBe(0);
  });

  it('answers 1 ms for `Retry-After: 0`, since got reads 0 as "do not retry"', () => {
    expect(gotRetryOptions().calculateDelay({ attemptCount: 1, error: gotError(429, { 'retry-after': '0' }, {}) })).toBe(1);
  });

  it('reads the Idempotency-Key from the got options (Spotzee)', () => {
    const options = gotRetryOptions({ vendor: 'spotzee', baseMs: 100, random: () => 0.5 });
    expect(options.calculateDelay({ attemptCount: 1, error: gotError(503, {}, {}, 'POST') })).toBe(0);
    expect(options.calculateDelay({ attemptCount: 1, error: gotError(503, {}, {}, 'POST', { 'idempotency-key': 'k' }) })).toBe(50);
  });
});

describe('kyRetryOptions', () => {
  const kyHttpError = (status: number, data: unknown, method = 'POST') =>
    Object.assign(new Error(`Request failed with status code ${status}`), {
      name: 'HTTPError',
      response: new Response(null, { status }),
      request: new Request(BRAZE_URL, { method }),
      options: { method },
      data,
    });

  it("sets ky's own delay to 0, allows every method, and answers shouldRetry with exact booleans", () => {
    const { retry } = kyRetryOptions({ maxRetries: 4 });
    expect(retry.limit).toBe(4);
    expect(retry.delay(1)).toBe(0);
    expect(retry.methods).toEqual(expect.arrayContaining(['get', 'post', 'put', 'patch', 'delete']));
    expect(retry.shouldRetry({ error: kyHttpError(500, {}), retryCount: 1 })).toBe(true);
    expect(retry.shouldRetry({ error: kyHttpError(400, { message: 'Invalid Campaign ID' }), retryCount: 1 })).toBe(false);
  });

  it('ky 1: afterResponse(request, options, response) throws the VendorError read from the body', async () => {
    const [afterResponse] = kyRetryOptions({ vendor: 'braze' }).hooks.afterResponse;
    const response = new Response('{"message":"Invalid Campaign ID"}', { status: 400, headers: { 'content-type': 'application/json' } });
    const thrown = await afterResponse!(new Request(BRAZE_URL, { method: 'POST' }), {}, response, { retryCount: 0 }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(VendorError);
    expect((thrown as VendorError).id).toBe('braze.invalid_campaign_id');
  });

  it('ky 2: afterResponse({ response }) leaves an error status to ky (an error thrown there is fatal in ky 2)', async () => {
    const [afterResponse] = kyRetryOptions({ vendor: 'braze' }).hooks.afterResponse;
    const response = new Response('{}', { status: 503 });
    await expect(afterResponse!({ request: new Request(BRAZE_URL), options: {}, response, retryCount: 0 })).resolves.toBeUndefined();
  });

  it('beforeError: ky 2 gets a VendorError for an HTTPError with the parsed body; ky 1 gets its error back', () => {
    const [beforeError] = kyRetryOptions({ vendor: 'braze' }).hooks.beforeError;
    const error = kyHttpError(400, { message: 'Invalid Campaign ID' });
    const replaced = beforeError!({ error, request: error.request, options: {}, retryCount: 0 });
    expect(replaced).toBeInstanceOf(VendorError);
    expect((replaced as VendorError).id).toBe('braze.invalid_campaign_id');
    expect((replaced as VendorError).cause).toBe(error);
    const network = new TypeError('fetch failed');
    expect(beforeError!({ error: network })).toBeUndefined();
    expect(beforeError!(network, { retryCount: 0 })).toBe(network);
  });

  it("beforeRetry waits the vendor's hint, else the backoff for the retry count", async () => {
    const waits: number[] = [];
    const { beforeRetry } = kyRetryOptions({ baseMs: 100, random: () => 0.5, sleep: async (ms) => void waits.push(ms) }).hooks;
    await beforeRetry[0]!({ error: new VendorError(failed(rateLimited)), retryCount: 1 });
    await beforeRetry[0]!({ error: refused, retryCount: 2 });
    expect(waits).toEqual([3000, 100]);
  });
});
