/**
 * `pRetryOptions`: options for p-retry (v7 and v9; v6 too, which passes the error itself
 * instead of a context) that retry exactly what the classification calls retryable and
 * wait the vendor's hint once.
 *
 * p-retry waits `minTimeout * factor ** n` after `shouldRetry` resolves true. That wait
 * cannot depend on the error, so these options set it to 0 and `shouldRetry` does the
 * waiting: p-retry calls it only when a retry follows (retries left, the error is not a
 * non-network `TypeError`; https://github.com/sindresorhus/p-retry#shouldretry), so no
 * wait is spent on an attempt that is not retried. Before, the vendor's `Retry-After: 1`
 * was followed by p-retry's own second: 2 s, then 3 s.
 */
import { prop } from './safe.js';
import { resolveRetryOptions, type RetryHelperOptions } from './retry-options.js';
import { shouldRetry } from './retry.js';

/** The options {@link pRetryOptions} returns; spread them into p-retry's options. */
export interface PRetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  /** 0: p-retry's own backoff is off, the wait happens in `shouldRetry`. */
  minTimeout: number;
  /** Retries only what the classification calls retryable, after waiting the vendor's hint or the backoff. */
  shouldRetry(context: unknown): Promise<boolean>;
}

/**
 * p-retry v7 and later pass `{ error, attemptNumber, retriesLeft, retriesConsumed }`; v6
 * passes the error itself, decorated with `attemptNumber` and `retriesLeft`. An object with
 * `error` and no `message` of its own is the context.
 */
function unwrapAttempt(argument: unknown): { error: unknown; retriesMade: number } {
  const inner = prop(argument, 'error');
  const isContext = inner !== undefined && typeof prop(argument, 'message') !== 'string';
  const consumed = prop(argument, 'retriesConsumed');
  const attemptNumber = prop(argument, 'attemptNumber');
  const retriesMade = typeof consumed === 'number' ? consumed : typeof attemptNumber === 'number' ? attemptNumber - 1 : 0;
  return { error: isContext ? inner : argument, retriesMade };
}

/**
 * p-retry options that retry exactly what the classification calls retryable and wait
 * the vendor's `retryAfterMs` (else exponential backoff with full jitter) once. A thrown
 * {@link VendorError} (from `throwIfError`) is used as is; anything else is classified
 * with `normalizeError` for `options.vendor`.
 *
 * Pass the AbortSignal given to p-retry as `options.signal` too: the wait happens in
 * `shouldRetry`, where p-retry's own signal does not reach.
 *
 * @example
 * await pRetry(async () => {
 *   const response = await fetch(url, init);
 *   throwIfError(await classifyResponse(response, { vendor: 'braze' }), response);
 *   return response.json();
 * }, pRetryOptions({ vendor: 'braze', maxRetries: 3 }));
 */
export function pRetryOptions(options: RetryHelperOptions = {}): PRetryOptions {
  const { maxRetries, classificationOf, delayFor, wait } = resolveRetryOptions(options);
  return {
    retries: maxRetries,
    minTimeout: 0,
    async shouldRetry(context) {
      const { error, retriesMade } = unwrapAttempt(context);
      const result = classificationOf(error);
      if (!shouldRetry(result)) return false;
      await wait(delayFor(result, retriesMade));
      return true;
    },
  };
}
