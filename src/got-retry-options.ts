/**
 * `gotRetryOptions`: got's `retry` option (got 14.6 and later, got 16) that retries what
 * the classification calls retryable, any method, after the vendor's hint or backoff.
 *
 * got calls `retry.calculateDelay` and waits what it returns; 0 means "do not retry"
 * (https://github.com/sindresorhus/got/blob/main/documentation/7-retry.md). got 16
 * defaults to `enforceRetryRules: true`, which applies got's own method and status lists
 * before asking, so a 429 on a POST or an Idempotency-Key'd POST was never retried; these
 * options set it to false, and the classification decides alone.
 */
import { resolveRetryOptions, type RetryHelperOptions } from './retry-options.js';
import { shouldRetry } from './retry.js';

/** What got passes to `retry.calculateDelay` (the members used here). */
export interface GotRetryObject {
  /** 1 for the first retry. */
  attemptCount: number;
  /** got's `RequestError` (or `HTTPError`), with `response` and `options`. */
  error: unknown;
}

/** The methods got's `retry.methods` accepts (uppercase, as got compares them). */
export type GotMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'TRACE' | 'PUT' | 'DELETE' | 'POST' | 'PATCH';

/** got's `retry` option, as {@link gotRetryOptions} returns it. */
export interface GotRetryOptions {
  /** Retries after the first attempt. */
  limit: number;
  /** Every method: whether a request may be repeated is the classification's call (request-aware). */
  methods: GotMethod[];
  /** False: got 16's default (true) would apply got's own lists before `calculateDelay`. */
  enforceRetryRules: boolean;
  /** The wait before the next attempt, or 0 to stop. */
  calculateDelay(retryObject: GotRetryObject): number;
}

/** got's `calculateDelay` reads 0 as "stop"; a vendor's "retry now" waits the smallest timer instead. */
const SMALLEST_DELAY_MS = 1;

/**
 * got's `retry` option: retry what the classification calls retryable, wait the vendor's
 * `retryAfterMs` (else exponential backoff with full jitter) once; got's own `Retry-After`
 * handling and backoff are overridden.
 *
 * @example
 * const client = got.extend({ retry: gotRetryOptions({ vendor: 'braze', maxRetries: 3 }) });
 */
export function gotRetryOptions(options: RetryHelperOptions = {}): GotRetryOptions {
  const { maxRetries, classificationOf, delayFor } = resolveRetryOptions(options);
  return {
    limit: maxRetries,
    methods: ['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE', 'POST', 'PATCH'],
    enforceRetryRules: false,
    calculateDelay({ attemptCount, error }) {
      if (attemptCount > maxRetries) return 0;
      const result = classificationOf(error);
      return shouldRetry(result) ? Math.max(SMALLEST_DELAY_MS, delayFor(result, attemptCount - 1)) : 0;
    },
  };
}
