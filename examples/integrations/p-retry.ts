// p-retry + vendor-errors: p-retry retries what the classification calls retryable and waits Retry-After.
import pRetry from 'p-retry';
import { classifyResponse, normalizeError, pRetryOptions, throwIfError } from '../../src/index.js';

type Sleep = (ms: number) => Promise<void>;

/** Sends `init` to `baseUrl + path` with p-retry; resolves with the parsed JSON body, or rejects with a `VendorError` or the network error. */
export function sendWithPRetry(baseUrl: string, path: string, init: RequestInit = {}, { vendor = 'braze', retries = 3, minTimeout = 500, sleep }: { vendor?: string; retries?: number; minTimeout?: number; sleep?: Sleep } = {}): Promise<unknown> {
  const key = new Headers(init.headers).get('idempotency-key') ?? undefined;
  const request = { method: init.method ?? 'GET', ...(key === undefined ? {} : { idempotencyKey: key }) };
  const retry = pRetryOptions((error) => normalizeError(error, { vendor }), sleep === undefined ? {} : { sleep });
  return pRetry(
    async () => {
      const response = await fetch(`${baseUrl}${path}`, init);
      throwIfError(await classifyResponse(response, { vendor, request }), response);
      return response.json();
    },
    // p-retry adds its own backoff (minTimeout * 2^n) after the vendor's Retry-After wait.
    { retries, minTimeout, ...retry },
  );
}
