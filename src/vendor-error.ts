/**
 * `VendorError`: a classification as a thrown value, for code that prefers `try`/`catch`
 * to checking `outcome`. Modelled on valibot's `ValiError`: a literal `name`, `cause`
 * set, the structured result attached, and an `isVendorError` guard.
 *
 * It extends `Error`, never `TypeError`: p-retry and similar libraries rethrow a
 * `TypeError` at once as a programming mistake instead of retrying it
 * (https://github.com/sindresorhus/p-retry#readme).
 */
import type { ErrorId } from './generated/ids.js';
import { isErrorClassification } from './is-classification.js';
import { prop } from './safe.js';
import type { AcceptedClassification, Category, Classification, ErrorClassification, PartialClassification } from './types.js';

/** Options of the {@link VendorError} constructor. */
export interface VendorErrorOptions {
  /** What went wrong originally: the thrown value or the `Response`. Becomes `error.cause`. */
  cause?: unknown;
}

/**
 * An error thrown for a failed vendor call. `classification` holds the whole normalized
 * result; the getters expose the fields a `catch` block usually needs.
 *
 * @example
 * try { throwIfError(await classifyResponse(response), response); }
 * catch (error) { if (isVendorError(error) && error.retryable) scheduleRetry(error.retryAfterMs); }
 */
export class VendorError<Id extends string = ErrorId> extends Error {
  /** Always `'VendorError'`; what {@link isVendorError} checks, so it works across realms and bundles. */
  override readonly name: 'VendorError' = 'VendorError';
  /** The normalized result this error was made from (outcome `error`). */
  readonly classification: ErrorClassification<Id>;

  static {
    // The class's own name, which a minifier renames (to `T` in the ES module build):
    // loggers print `error.constructor.name` as the error's type (pino's `err` serializer).
    // Set here for this class only: esbuild's `keepNames` would add such a call for every
    // function and class, and consumers' bundlers could then drop none of them.
    Object.defineProperty(this, 'name', { value: 'VendorError', configurable: true });
  }

  /**
   * @param classification - a classification with outcome `error`.
   * @param options - `cause`: the original thrown value or response.
   */
  constructor(classification: ErrorClassification<Id>, options?: VendorErrorOptions) {
    const { id, message } = classification.error;
    // ES2022 `cause` (the original value) is only set when there is one, as `Error` does.
    super(`${id}: ${message}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.classification = classification;
  }

  /** Stable error id, e.g. `'braze.invalid_campaign_id'`. */
  get id(): Id {
    return this.classification.error.id;
  }

  /** What the caller should do next (see the category table). */
  get category(): Category {
    return this.classification.error.category;
  }

  /** The same request may succeed if sent again later. */
  get retryable(): boolean {
    return this.classification.error.retryable;
  }

  /** How long to wait before retrying, when the vendor said (Retry-After and similar). */
  get retryAfterMs(): number | undefined {
    return this.classification.error.retryAfterMs;
  }

  /** The vendor's HTTP status, or null when there was no response. */
  get status(): number | null {
    return this.classification.status;
  }
}

/**
 * True for a {@link VendorError}, including one created by another copy of this library
 * (the ESM and CommonJS builds, another realm): it checks `name` and shape, not
 * `instanceof`. Never throws.
 */
export function isVendorError(value: unknown): value is VendorError {
  return (
    prop(value, 'name') === 'VendorError' &&
    typeof prop(value, 'message') === 'string' &&
    isErrorClassification(prop(value, 'classification'))
  );
}

/**
 * The {@link VendorError} for a failed result.
 *
 * @param cause - the original thrown value or response, kept as `error.cause`.
 */
export function toVendorError<Id extends string>(result: ErrorClassification<Id>, cause?: unknown): VendorError<Id>;
/**
 * The {@link VendorError} for a failed result, or null for a result that is not an error
 * (success, queued, partial: the request as a whole was accepted).
 *
 * @param cause - the original thrown value or response, kept as `error.cause`.
 */
export function toVendorError<Id extends string>(result: Classification<Id>, cause?: unknown): VendorError<Id> | null;
export function toVendorError<Id extends string>(result: Classification<Id>, cause?: unknown): VendorError<Id> | null {
  if (result.outcome !== 'error') return null;
  return new VendorError(result, cause === undefined ? undefined : { cause });
}

/**
 * Throws a {@link VendorError} when `result` is an error; otherwise returns, and
 * TypeScript narrows `result` to the accepted outcomes (success, queued, partial).
 *
 * @example
 * const result = await classifyResponse(response);
 * throwIfError(result, response);
 * result.minor; // per-item errors of a partial success, if any
 */
export function throwIfError<Id extends string>(
  result: Classification<Id>,
  cause?: unknown,
): asserts result is AcceptedClassification | PartialClassification<Id> {
  if (result.outcome === 'error') throw new VendorError(result, cause === undefined ? undefined : { cause });
}
