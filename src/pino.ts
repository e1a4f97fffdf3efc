/**
 * A pino serializer for classifications and vendor errors. It copies a fixed list of
 * fields and nothing else: never headers, bodies, params or field messages, which may
 * carry tokens or personal data (DESIGN.md "Never"). No dependency on pino: a serializer
 * is a plain function.
 */
import { normalizeError } from './create-classifier.js';
import { isClassification } from './is-classification.js';
import { prop } from './safe.js';
import type { Category, Classification, MatchedBy, Outcome } from './types.js';
import { isVendorError } from './vendor-error.js';

/** What {@link pinoSerializer} logs. */
export interface VendorErrorLog {
  /** `success`, `queued`, `partial` or `error`. */
  outcome: Outcome;
  /** Vendor, or null when unknown. */
  vendor: string | null;
  /** Vendor's HTTP status, or null without a response. */
  status: number | null;
  /** Vendor's request id, for support tickets. */
  requestId?: string;
  /** Error id (errors only). */
  id?: string;
  /** Error category (errors only). */
  category?: Category;
  /** Whether a retry may succeed (errors only). */
  retryable?: boolean;
  /** Vendor's machine code (errors only, when given). */
  code?: string;
  /** Vendor's message, secrets redacted (errors only). Classify with `redactPii: true` to mask e-mails and phone numbers too. */
  message?: string;
  /** Which catalog rule matched (errors only). */
  matchedBy?: MatchedBy;
  /** Retry hint in milliseconds (errors only, when given). */
  retryAfterMs?: number;
  /** Number of per-item errors of a partial success. */
  minorCount?: number;
}

function safeFields(result: Classification): VendorErrorLog {
  const log: VendorErrorLog = { outcome: result.outcome, vendor: result.vendor, status: result.status };
  if (result.requestId !== undefined) log.requestId = result.requestId;
  const error = result.error;
  if (error !== null) {
    log.id = error.id;
    log.category = error.category;
    log.retryable = error.retryable;
    if (error.code !== null) log.code = error.code;
    log.message = error.message;
    log.matchedBy = error.matchedBy;
    if (error.retryAfterMs !== undefined) log.retryAfterMs = error.retryAfterMs;
  }
  if (result.minor.length > 0) log.minorCount = result.minor.length;
  return log;
}

/**
 * Reduces a classification, a `VendorError`, or any thrown value (classified with
 * `normalizeError`) to the safe fields of {@link VendorErrorLog}. Never throws, as a
 * serializer must not break logging.
 *
 * @example
 * const logger = pino({ serializers: pinoSerializers });
 * logger.warn({ vendorError: result }, 'vendor call failed');
 */
export function pinoSerializer(value: unknown): VendorErrorLog {
  if (isClassification(value)) return safeFields(value);
  if (isVendorError(value)) return safeFields(value.classification);
  const classification = prop(value, 'classification');
  if (isClassification(classification)) return safeFields(classification);
  return safeFields(normalizeError(value));
}

// A type alias, not an interface: pino's `serializers` option has an index signature,
// which an object type alias satisfies and an interface does not.
/** The serializers {@link pinoSerializers} provides, keyed by the log field they apply to. */
export type PinoSerializers = {
  /** {@link pinoSerializer}, for results and errors logged under the `vendorError` key. */
  readonly vendorError: (value: unknown) => VendorErrorLog;
};

/**
 * Serializers to pass to `pino({ serializers })`: log a result or a thrown vendor error
 * under the `vendorError` key.
 */
export const pinoSerializers: PinoSerializers = { vendorError: pinoSerializer };
