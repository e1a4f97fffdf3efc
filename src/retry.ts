/**
 * Retry decisions from a classification, and adapters for retry libraries. The
 * libraries are duck-typed (none is a dependency): p-retry (v6 passes the error, v7 a
 * context `{ error, attemptNumber, retriesLeft }`) and axios-retry (`retryCondition`,
 * `retryDelay(retryCount, error)`). ky and got need no adapter: see the README.
 *
 * The delay policy: the vendor's own hint (`retryAfterMs`, from `Retry-After` (RFC 9110
 * §10.2.3), `RateLimit-Reset` and vendor body fields) wins; without one, exponential
 * backoff with full jitter, so clients that failed together do not retry together.
 */
import { normalizeError } from './create-classifier.js';
import { isVendorError, VendorError } from './vendor-error.js';
import { prop } from './safe.js';
import type { Classification } from './types.js';

/** Backoff settings used when the vendor gave no retry hint. */
export interface BackoffOptions {
  /** Delay scale of the first retry, in milliseconds. Default 500. */
  baseMs?: number;
  /** Upper bound of the backoff (not of a vendor's `retryAfterMs`), in milliseconds. Default 30,000. */
  maxMs?: number;
  /** Random source in [0, 1). Default `Math.random`; inject one for deterministic tests. */
  random?: () => number;
}

/**
 * Turns a thrown value into a classification: `normalizeError` by default, or a
 * per-vendor one (`import { normalizeError } from 'vendor-errors/braze'`).
 */
export type ClassifyThrown = (thrown: unknown) => Classification;

const DEFAULT_BASE_MS = 500;
const DEFAULT_MAX_MS = 30_000;

/**
 * True when the same request may succeed if sent again later: the outcome is `error` and
 * the catalog marks it retryable (request-aware: a Spotzee POST without an
 * Idempotency-Key is not).
 */
export function shouldRetry(result: Classification): boolean {
  return result.outcome === 'error' && result.error.retryable;
}

function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** A draw from `random`, forced into [0, 1] so a broken source cannot yield a negative or endless delay. */
function draw(random: (() => number) | undefined): number {
  const value = (random ?? Math.random)();
  if (!Number.isFinite(value) || value < 0) return 0;
  return value > 1 ? 1 : value;
}

/**
 * Milliseconds to wait before retrying. The vendor's `retryAfterMs` is honoured as is
 * (cap it with `classify`'s `maxRetryAfterMs`); without it, exponential backoff with full
 * jitter: `random() * min(maxMs, baseMs * 2 ** attempt)`.
 *
 * @param attempt - retries already made: 0 before the first retry.
 *
 * @example
 * retryDelay(result, 0); // a 429 with `Retry-After: 3` → 3000; a 503 without a hint → 0..500
 */
export function retryDelay(result: Classification, attempt: number, options: BackoffOptions = {}): number {
  const hint = result.error?.retryAfterMs;
  if (typeof hint === 'number' && Number.isFinite(hint) && hint >= 0) return hint;
  const base = positive(options.baseMs, DEFAULT_BASE_MS);
  const max = positive(options.maxMs, DEFAULT_MAX_MS);
  const step = Number.isFinite(attempt) && attempt > 0 ? Math.floor(attempt) : 0;
  // 2 ** step overflows to Infinity for a huge step; min() still gives `max`.
  return Math.floor(draw(options.random) * Math.min(max, base * 2 ** step));
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

/**
 * p-retry v7 passes `{ error, attemptNumber, retriesLeft }`; v6 passes the error itself,
 * decorated with `attemptNumber` and `retriesLeft`. An object with `error` and no
 * `message` of its own is the v7 context.
 */
function unwrapAttempt(argument: unknown): { error: unknown; retriesLeft: number | undefined } {
  const inner = prop(argument, 'error');
  const isContext = inner !== undefined && typeof prop(argument, 'message') !== 'string';
  const retriesLeft = prop(argument, 'retriesLeft');
  return { error: isContext ? inner : argument, retriesLeft: typeof retriesLeft === 'number' ? retriesLeft : undefined };
}

/** The options {@link pRetryOptions} returns; spread them into p-retry's options. */
export interface PRetryOptions {
  /** Retry only what the classification calls retryable. */
  shouldRetry(context: unknown): boolean;
  /** Waits the vendor's `retryAfterMs` (when given and retries remain) before p-retry's own backoff. */
  onFailedAttempt(context: unknown): Promise<void>;
}

/** Waits `ms` milliseconds; rejects with `signal.reason` as soon as `signal` aborts. */
function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
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

/**
 * p-retry options that retry exactly what the classification calls retryable and honour
 * the vendor's retry hint. Works with p-retry v6 and v7. A thrown {@link VendorError}
 * (from `throwIfError`) is used as is; anything else goes through `classifyThrown`.
 *
 * p-retry still applies its own backoff (`minTimeout`, `factor`) after the wait for
 * `retryAfterMs`; if you pass your own `onFailedAttempt`, call this one from it.
 *
 * The wait happens inside `onFailedAttempt`, where p-retry's own `signal` does not reach
 * (p-retry only aborts its backoff timer): pass the same `signal` here so an abort also
 * ends a wait that a vendor may have set to minutes. `sleep` replaces the timer (tests).
 *
 * @param classifyThrown - classifies what the attempt threw (default `normalizeError`).
 * @param options - `signal`: the AbortSignal also given to p-retry; `sleep`: the wait.
 *
 * @example
 * await pRetry(async () => { const r = await fetch(url); throwIfError(await classifyResponse(r), r); return r.json(); },
 *   { retries: 4, signal, ...pRetryOptions(normalizeError, { signal }) });
 */
export function pRetryOptions(
  classifyThrown: ClassifyThrown = normalizeError,
  options: {
    /** The AbortSignal given to p-retry: aborting it ends the wait for `retryAfterMs` (the attempt then rejects with its reason). */
    signal?: AbortSignal;
    /** Waits `ms` milliseconds; default a timer that honours `signal`. Inject one for deterministic tests. */
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  } = {},
): PRetryOptions {
  const { signal, sleep = sleepFor } = options;
  const classificationOf = memoizedClassifier(classifyThrown);
  return {
    shouldRetry(context) {
      return shouldRetry(classificationOf(unwrapAttempt(context).error));
    },
    async onFailedAttempt(context) {
      const { error, retriesLeft } = unwrapAttempt(context);
      const result = classificationOf(error);
      const wait = result.error?.retryAfterMs;
      if (retriesLeft !== 0 && shouldRetry(result) && wait !== undefined && wait > 0) {
        await sleep(wait, signal);
      }
    },
  };
}

/** p-retry's `AbortError` class (or any class taking a message or an error), passed in so p-retry is not a dependency. */
export type AbortErrorClass = new (messageOrError: string | Error) => Error;

function isErrorLike(value: unknown): value is Error {
  return typeof prop(value, 'message') === 'string' && typeof prop(value, 'name') === 'string';
}

/**
 * For p-retry's `input` function's `catch`: rethrows `thrown`, wrapped in p-retry's
 * `AbortError` when the classification says it is not retryable, so p-retry stops at once
 * (p-retry versions before `shouldRetry` existed need this). Non-Error values are
 * rethrown as a {@link VendorError}, since p-retry rejects non-Error throws.
 *
 * @example
 * import pRetry, { AbortError } from 'p-retry';
 * await pRetry(async () => { try { return await callVendor(); } catch (error) { rethrowForPRetry(error, AbortError); } });
 */
export function rethrowForPRetry(thrown: unknown, AbortError: AbortErrorClass, classifyThrown: ClassifyThrown = normalizeError): never {
  const result = isVendorError(thrown) ? thrown.classification : classifyThrown(thrown);
  const error = isErrorLike(thrown) ? thrown : (toError(result, thrown) ?? new Error(String(thrown)));
  throw shouldRetry(result) ? error : new AbortError(error);
}

function toError(result: Classification, cause: unknown): VendorError | undefined {
  return result.outcome === 'error' ? new VendorError(result, { cause }) : undefined;
}

/** Options of {@link axiosRetryOptions}. */
export interface AxiosRetryHelperOptions extends BackoffOptions {
  /** Retries after the first attempt. Default 3. */
  retries?: number;
  /** Classifies the axios error. Default `normalizeError` (axios errors carry `response` with status, headers and data). */
  classifyThrown?: ClassifyThrown;
}

/** Options for axios-retry, as {@link axiosRetryOptions} returns them. */
export interface AxiosRetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  /** Retry only what the classification calls retryable. */
  retryCondition(error: unknown): boolean;
  /** The vendor's `retryAfterMs`, else backoff with full jitter. `retryCount` starts at 1. */
  retryDelay(retryCount: number, error: unknown): number;
}

/**
 * Options for `axiosRetry(axios, options)`: retry what the classification calls
 * retryable (instead of axios-retry's method-based default), wait `retryAfterMs` when the
 * vendor gave one, else exponential backoff with full jitter.
 *
 * @example
 * axiosRetry(client, axiosRetryOptions({ retries: 4 }));
 */
export function axiosRetryOptions(options: AxiosRetryHelperOptions = {}): AxiosRetryOptions {
  const { retries, classifyThrown = normalizeError, ...backoff } = options;
  const classificationOf = memoizedClassifier(classifyThrown);
  return {
    retries: typeof retries === 'number' && Number.isInteger(retries) && retries >= 0 ? retries : 3,
    retryCondition(error) {
      return shouldRetry(classificationOf(error));
    },
    retryDelay(retryCount, error) {
      // axios-retry counts retries from 1; retryDelay counts retries already made from 0.
      return retryDelay(classificationOf(error), retryCount - 1, backoff);
    },
  };
}
