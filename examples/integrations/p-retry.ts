// p-retry + vendor-errors: pRetryOptions retries what the classification calls retryable and waits Retry-After once.
import pRetry from 'p-retry';
import { classifyResponse, pRetryOptions, throwIfError } from '../../src/index.js';

type Sleep = (ms: number) => Promise<void>;

/** Sends `init` to `baseUrl + path` with p-retry; resolves with the parsed JSON body, or rejects with a `VendorError` or the network error. */
export function sendWithPRetry(baseUrl: string, path: string, init: RequestInit = {}, { vendor = 'braze', maxRetries = 3, sleep }: { vendor?: string; maxRetries?: number; sleep?: Sleep } = {}): Promise<unknown> {
  const key = new Headers(init.headers).get('idempotency-key') ?? undefined;
  const request = { method: init.method ?? 'GET', ...(key === undefined ? {} : { idempotencyKey: key }) };
  return pRetry(
    async () => {
      const response = await fetch(`${baseUrl}${path}`, init);
      throwIfError(await classifyResponse(response, { vendor, request }), response);
      return response.json();
    },
    // The only wait is the vendor's Retry-After (or the backoff): p-retry's own is set to 0.
    pRetryOptions({ vendor, maxRetries, ...(sleep === undefined ? {} : { sleep }) }),
  );
}
