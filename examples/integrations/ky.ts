// ky + vendor-errors: afterResponse classifies (body still readable) and throws a VendorError; ky retries it.
import ky, { type KyInstance } from 'ky';
import { classifyResponse, isVendorError, normalizeError, retryDelay, shouldRetry, throwIfError } from '../../src/index.js';

const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A ky instance that retries (any method) only what the vendor's error allows, after its Retry-After or backoff. */
export function createKyClient(baseUrl: string, { vendor = 'braze', limit = 3, sleep = timer } = {}): KyInstance {
  const classificationOf = (error: unknown) => (isVendorError(error) ? error.classification : normalizeError(error, { vendor }));
  return ky.create({
    prefixUrl: baseUrl,
    // The classification decides, not the method or status lists; ky's own delay is 0, see beforeRetry.
    retry: { limit, methods: ['get', 'post', 'put', 'patch', 'delete'], delay: () => 0, shouldRetry: ({ error }) => shouldRetry(classificationOf(error)) },
    hooks: {
      afterResponse: [
        async (request, _options, response) => {
          const key = request.headers.get('idempotency-key') ?? undefined;
          const result = await classifyResponse(response, { vendor, request: { method: request.method, ...(key === undefined ? {} : { idempotencyKey: key }) } });
          throwIfError(result, response);
        },
      ],
      beforeRetry: [({ error, retryCount }) => sleep(retryDelay(classificationOf(error), retryCount - 1))],
    },
  });
}
