// got + vendor-errors: retry.calculateDelay returns the vendor's Retry-After or backoff, or 0 to stop.
import got, { type Got } from 'got';
import { normalizeError, retryDelay, shouldRetry, type BackoffOptions } from '../../src/index.js';

/** A got instance that retries (any method) only what the vendor's error allows; Retry-After is capped at `maxRetryAfterMs`. */
export function createGotClient(baseUrl: string, { vendor = 'braze', limit = 3, maxRetryAfterMs = 60_000, backoff = {} }: { vendor?: string; limit?: number; maxRetryAfterMs?: number; backoff?: BackoffOptions } = {}): Got {
  return got.extend({
    prefixUrl: baseUrl,
    retry: {
      limit,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      // got (enforceRetryRules: false) leaves the limit, methods and status codes to this function.
      calculateDelay: ({ attemptCount, error }) => {
        if (attemptCount > limit) return 0;
        const result = normalizeError(error, { vendor, maxRetryAfterMs });
        // got reads 0 as "do not retry"; `Retry-After: 0` means "retry now", so wait 1 ms.
        return shouldRetry(result) ? Math.max(1, retryDelay(result, attemptCount - 1, backoff)) : 0;
      },
    },
  });
}
