// got + vendor-errors: gotRetryOptions is got's `retry` option; got waits what calculateDelay returns.
import got, { type Got } from 'got';
import { gotRetryOptions, type BackoffOptions } from '../../src/index.js';

/** A got instance that retries (any method) only what the vendor's error allows; Retry-After is capped at `maxRetryAfterMs`. */
export function createGotClient(baseUrl: string, { vendor = 'braze', maxRetries = 3, maxRetryAfterMs = 60_000, backoff = {} }: { vendor?: string; maxRetries?: number; maxRetryAfterMs?: number; backoff?: BackoffOptions } = {}): Got {
  return got.extend({ prefixUrl: baseUrl, retry: gotRetryOptions({ vendor, maxRetries, maxRetryAfterMs, ...backoff }) });
}
