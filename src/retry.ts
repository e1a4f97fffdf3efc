/**
 * Retry decisions from a classification. The per-client helpers built on them
 * (`axiosRetryOptions`, `gotRetryOptions`, `kyRetryOptions`, `pRetryOptions`) all take
 * one options object, `RetryHelperOptions`.
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
