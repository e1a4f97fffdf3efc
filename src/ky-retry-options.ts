/**
 * `kyRetryOptions`: ky options (ky 1 and ky 2) that retry what the classification calls
 * retryable, any method, after the vendor's hint or backoff, and reject with a
 * {@link VendorError} that carries the vendor's id.
 *
 * ky's `retry.delay(attemptCount)` cannot see the error, so ky's own delay is 0 and the
 * `beforeRetry` hook waits (https://github.com/sindresorhus/ky#hooks). The two majors
 * differ in where the body can be read:
 *
 * - ky 1 calls `afterResponse(request, options, response)` and retries what a hook
 *   throws; its `HTTPError` has no body. The hook classifies the response (its body is
 *   still readable there) and throws the `VendorError`; `shouldRetry` decides.
 * - ky 2 calls `afterResponse({ request, options, response, retryCount })` and treats an
 *   error thrown there as fatal, but its `HTTPError` carries the parsed body as `data`.
 *   The hook only throws for an error in a 2xx body (which ky would accept); an error
 *   status becomes ky's `HTTPError`, `shouldRetry` classifies it, and `beforeError`
 *   turns the final one into a `VendorError`.
 */
import { classifyResponse } from './classify-response.js';
import { readHeaders } from './headers.js';
import { resolveRetryOptions, type RetryHelperOptions } from './retry-options.js';
import { shouldRetry } from './retry.js';
import { prop } from './safe.js';
import { isVendorError, toVendorError, VendorError } from './vendor-error.js';

/** ky's `retry` option, as {@link kyRetryOptions} returns it. */
export interface KyRetrySettings {
  /** Retries after the first attempt. */
  limit: number;
  /** Every method: whether a request may be repeated is the classification's call (request-aware). */
  methods: string[];
  /** 0: ky's own backoff is off; `beforeRetry` waits. */
  delay(attemptCount: number): number;
  /** Exactly true or false, so ky's status and Retry-After rules do not apply on top. */
  shouldRetry(state: { error: unknown; retryCount: number }): boolean;
}

/** ky hooks as {@link kyRetryOptions} returns them; each accepts the ky 1 and the ky 2 call. */
export interface KyRetryHooks {
  /** Classifies the response while its body is readable (see the module comment). */
  afterResponse: ((...args: unknown[]) => Promise<void>)[];
  /** Waits the vendor's hint or the backoff. */
  beforeRetry: ((state: unknown) => Promise<void>)[];
  /**
   * Turns a final ky 2 `HTTPError` into a {@link VendorError}. The return type is `any`
   * on purpose: it must fit ky 1's hook (returns the `HTTPError` class it was given) and
   * ky 2's (an `Error`, or nothing to keep ky's), and no other type fits both.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  beforeError: ((...args: unknown[]) => any)[];
}

/** The options {@link kyRetryOptions} returns; spread them into `ky.create` or `ky.extend`. */
export interface KyRetryOptions {
  /** ky's `retry` option. */
  retry: KyRetrySettings;
  /** ky's `hooks` option. */
  hooks: KyRetryHooks;
}

const ALL_METHODS = ['get', 'head', 'options', 'trace', 'put', 'delete', 'post', 'patch'];

/** A fetch `Request`, duck-typed (another realm's counts). */
function isRequestLike(value: unknown): boolean {
  return typeof prop(value, 'method') === 'string' && typeof prop(value, 'url') === 'string';
}

/** Method and Idempotency-Key of a fetch `Request`, for request-aware advice. */
function requestInfo(request: unknown): { method?: string; idempotencyKey?: string } {
  const info: { method?: string; idempotencyKey?: string } = {};
  const method = prop(request, 'method');
  if (typeof method === 'string') info.method = method;
  const key = readHeaders(prop(request, 'headers')).get('idempotency-key');
  if (key !== undefined) info.idempotencyKey = key;
  return info;
}

/**
 * ky options that retry what the classification calls retryable and reject with a
 * {@link VendorError} (vendor id and all) for an error response. Spread them into
 * `ky.create`; merging hooks of your own with `ky.extend` keeps these.
 *
 * @example
 * const client = ky.create({ ...kyRetryOptions({ vendor: 'braze', maxRetries: 3 }) });
 */
export function kyRetryOptions(options: RetryHelperOptions = {}): KyRetryOptions {
  const { maxRetries, classificationOf, delayFor, wait, vendor, maxRetryAfterMs } = resolveRetryOptions(options);
  const classifyOptions = { ...(vendor === undefined ? {} : { vendor }), ...(maxRetryAfterMs === undefined ? {} : { maxRetryAfterMs }) };

  /** ky 1: `(request, options, response, state)`; ky 2: `({ request, options, response, retryCount })`. */
  async function afterResponse(...args: unknown[]): Promise<void> {
    const [first] = args;
    const isKy1 = isRequestLike(first);
    const request = isKy1 ? first : prop(first, 'request');
    const response = (isKy1 ? args[2] : prop(first, 'response')) as Response | undefined;
    if (response === undefined) return;
    // ky 2 builds an HTTPError with the parsed body for an error status; leave those to it.
    if (!isKy1 && response.ok !== true) return;
    const result = await classifyResponse(response, { ...classifyOptions, request: requestInfo(request) });
    if (result.outcome === 'error') throw new VendorError(result, { cause: response });
  }

  return {
    retry: {
      limit: maxRetries,
      methods: ALL_METHODS,
      delay: () => 0,
      shouldRetry: ({ error }) => shouldRetry(classificationOf(error)),
    },
    hooks: {
      afterResponse: [afterResponse],
      beforeRetry: [
        async (state) => {
          const retryCount = prop(state, 'retryCount');
          // ky 1 and ky 2 both count the coming retry from 1.
          await wait(delayFor(classificationOf(prop(state, 'error')), typeof retryCount === 'number' ? retryCount - 1 : 0));
        },
      ],
      beforeError: [
        (...args: unknown[]) => {
          // ky 1 passes the error and must get one back; ky 2 passes `{ error }` and keeps its own when given nothing.
          const [first] = args;
          const isKy1 = first instanceof Error;
          const error = isKy1 ? first : prop(first, 'error');
          const hasResponse = prop(error, 'response') !== undefined;
          const replaced = hasResponse && !isVendorError(error) ? toVendorError(classificationOf(error), error) : null;
          return replaced ?? (isKy1 ? first : undefined);
        },
      ],
    },
  };
}
