// fetch + vendor-errors: retry only what the vendor's error allows, after its Retry-After or backoff.
import { classifyResponse, normalizeError, retryDelay, shouldRetry, throwIfError } from '../../src/index.js';

const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Returns the first accepted `Response`; throws a `VendorError` for a final or non-retryable failure. */
export async function fetchWithRetry(url: string, init: RequestInit = {}, maxAttempts = 3, { vendor = 'braze', sleep = timer } = {}): Promise<Response> {
  const key = new Headers(init.headers).get('idempotency-key') ?? undefined;
  const request = { method: init.method ?? 'GET', ...(key === undefined ? {} : { idempotencyKey: key }) };
  for (let attempt = 1; ; attempt++) {
    // A network failure rejects; keep the rejection as the value to classify.
    const outcome: unknown = await fetch(url, init).catch((error: unknown) => error);
    const response = outcome instanceof Response ? outcome : undefined;
    const result = response ? await classifyResponse(response, { vendor, request }) : normalizeError(outcome, { vendor, request });
    if (result.outcome !== 'error' || !shouldRetry(result) || attempt >= maxAttempts) {
      throwIfError(result, outcome);
      return outcome as Response; // only a Response can be accepted
    }
    await response?.body?.cancel(); // release the connection before waiting
    await sleep(retryDelay(result, attempt - 1));
  }
}
