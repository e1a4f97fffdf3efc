/**
 * The one options object every retry helper takes (`axiosRetryOptions`, `gotRetryOptions`,
 * `kyRetryOptions`, `pRetryOptions`), and what the helpers share: how a thrown value is
 * classified (each object once), and the wait that honours the vendor's hint exactly once.
 *
 * Each helper turns the client's own backoff off (or overrides it) and waits
 * {@link retryDelay}: the vendor's `retryAfterMs` (RFC 9110 §10.2.3 `Retry-After`,
 * `RateLimit-Reset`, vendor body fields) when it gave one, else exponential backoff with
 * full jitter. Adding the vendor's wait on top of the client's backoff would wait too long.
 */
import { normalizeError } from './create-classifier.js';
import { retryDelay, type BackoffOptions, type ClassifyThrown } from './retry.js';
import { isVendorError } from './vendor-error.js';
import type { Classification } from './types.js';

/** Options of every retry helper. */
export interface RetryHelperOptions extends BackoffOptions {
  /**
   * The vendor whose catalog classifies a failure when the URL does not name it (a
   * proxy, a test server): `'braze'`, `'spotzee'`, …. Ignored when `classifyThrown` is given.
   */
  vendor?: string;
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** Cap for the vendor's `retryAfterMs`, in milliseconds (`classify`'s option of the same name). Ignored when `classifyThrown` is given. */
  maxRetryAfterMs?: number;
  /**
   * Classifies what the client threw. Default `normalizeError` with `vendor` and
   * `maxRetryAfterMs`; pass a per-vendor one (`import { normalizeError } from 'vendor-errors/braze'`)
   * or a classifier's. A thrown {@link VendorError} always carries its own classification.
   */
  classifyThrown?: ClassifyThrown;
  /**
   * Where the helper waits itself (p-retry, ky): aborting this signal ends the wait, and
   * the attempt then rejects with the signal's reason. Pass the signal given to the client.
   */
  signal?: AbortSignal;
  /** Where the helper waits itself (p-retry, ky): the timer. Default `setTimeout`, honouring `signal`. Inject one for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Retries when `maxRetries` is not given. */
export const DEFAULT_MAX_RETRIES = 3;

/** A helper's options with the defaults filled in. */
export interface ResolvedRetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** The classification of a thrown value, computed once per object. */
  classificationOf: (thrown: unknown) => Classification;
  /** Milliseconds before retry number `retriesMade + 1`: the vendor's hint, else backoff. */
  delayFor: (result: Classification, retriesMade: number) => number;
  /** Waits `ms`, ending early (rejecting) when `signal` aborts. */
  wait: (ms: number) => Promise<void>;
  /** The vendor given in the options, for classifying a response inside a client hook. */
  vendor: string | undefined;
  /** `maxRetryAfterMs` given in the options. */
  maxRetryAfterMs: number | undefined;
}

function retriesOf(value: number | undefined): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : DEFAULT_MAX_RETRIES;
}

/**
 * Classifies thrown values, each object once: retry libraries ask about the same error
 * from two hooks (condition, then delay). A {@link VendorError} carries its own result.
 */
function memoizedClassifier(classifyThrown: ClassifyThrown): (thrown: unknown) => Classification {
  const cache = new WeakMap<object, Classification>();
  return (thrown) => {
    if (isVendorError(thrown)) return thrown.classification;
    const key = typeof thrown === 'object' && thrown !== null ? thrown : undefined;
    const cached = key === undefined ? undefined : cache.get(key);
    if (cached !== undefined) return cached;
    const result = classifyThrown(thrown);
    if (key !== undefined) cache.set(key, result);
    return result;
  };
}

/** Waits `ms` milliseconds; rejects with `signal.reason` as soon as `signal` aborts. */
export function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted === true) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Fills in the defaults of {@link RetryHelperOptions}. */
export function resolveRetryOptions(options: RetryHelperOptions = {}): ResolvedRetryOptions {
  const { vendor, maxRetries, maxRetryAfterMs, classifyThrown, signal, sleep = sleepFor, ...backoff } = options;
  const classifyOptions = { ...(vendor === undefined ? {} : { vendor }), ...(maxRetryAfterMs === undefined ? {} : { maxRetryAfterMs }) };
  const classify: ClassifyThrown = classifyThrown ?? ((thrown) => normalizeError(thrown, classifyOptions));
  return {
    maxRetries: retriesOf(maxRetries),
    classificationOf: memoizedClassifier(classify),
    delayFor: (result, retriesMade) => retryDelay(result, retriesMade, backoff),
    wait: (ms) => (ms > 0 ? sleep(ms, signal) : Promise.resolve()),
    vendor,
    maxRetryAfterMs,
  };
}
