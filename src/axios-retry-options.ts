/**
 * `axiosRetryOptions`: options for `axiosRetry(client, options)` (axios-retry 3 and 4 on
 * axios 0.x and 1.x) that retry what the classification calls retryable instead of
 * axios-retry's method-based default, and wait the vendor's hint once.
 */
import { resolveRetryOptions, type RetryHelperOptions } from './retry-options.js';
import { shouldRetry } from './retry.js';

/** Options for axios-retry, as {@link axiosRetryOptions} returns them. */
export interface AxiosRetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  /**
   * True: each retry gets the whole axios `timeout`. With false (axios-retry's default)
   * axios-retry shrinks the timeout by the time spent and drops a retry whose wait would
   * overrun it, so a `Retry-After: 1` under a 500 ms timeout would never be retried
   * (https://github.com/softonic/axios-retry#options).
   */
  shouldResetTimeout: boolean;
  /** Retry only what the classification calls retryable. */
  retryCondition(error: unknown): boolean;
  /** The vendor's `retryAfterMs`, else backoff with full jitter; axios-retry waits it. `retryCount` starts at 1. */
  retryDelay(retryCount: number, error: unknown): number;
}

/**
 * Options for `axiosRetry(client, options)`: retry what the classification calls
 * retryable (request-aware: axios errors carry the request's method and headers), wait
 * `retryAfterMs` when the vendor gave one, else exponential backoff with full jitter.
 *
 * @example
 * axiosRetry(client, axiosRetryOptions({ vendor: 'braze', maxRetries: 3 }));
 */
export function axiosRetryOptions(options: RetryHelperOptions = {}): AxiosRetryOptions {
  const { maxRetries, classificationOf, delayFor } = resolveRetryOptions(options);
  return {
    retries: maxRetries,
    shouldResetTimeout: true,
    retryCondition: (error) => shouldRetry(classificationOf(error)),
    // axios-retry counts retries from 1; delayFor counts retries already made from 0.
    retryDelay: (retryCount, error) => delayFor(classificationOf(error), retryCount - 1),
  };
}
