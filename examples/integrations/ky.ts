// ky + vendor-errors: kyRetryOptions classifies with the body, retries what is retryable, rejects with a VendorError.
import ky, { type KyInstance } from 'ky';
import { kyRetryOptions } from '../../src/index.js';

const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A ky instance that retries (any method) only what the vendor's error allows, after its Retry-After or backoff. */
export function createKyClient(baseUrl: string, { vendor = 'braze', maxRetries = 3, sleep = timer } = {}): KyInstance {
  return ky.create({ prefixUrl: baseUrl, ...kyRetryOptions({ vendor, maxRetries, sleep }) });
}
