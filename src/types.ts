/**
 * The public input and output types (README "The result"). These names are a
 * contract: tests outside the project depend on them.
 */
import type { ErrorId } from './generated/ids.js';
import type { Category, MatchedBy } from './vocabulary.js';

export type { Category, MatchedBy, Outcome } from './vocabulary.js';

/** Response headers: a plain object (any key case, string or string[] values) or a `Headers`. */
export type HeadersInput =
  | Record<string, string | string[] | undefined>
  | {
      /** The value of a header, or null when absent (the fetch `Headers` contract). */
      get(name: string): string | null;
    };

/** A raw vendor response as received, or a record of one (one per NDJSON line in the CLI). */
export interface RawResponse {
  /** `'braze' | 'sinch' | 'transformify' | 'spotzee'` or a custom catalog; omitted: detected from `url`, then from the body shape. */
  vendor?: string | null | undefined;
  /** HTTP status. `null` or absent: no HTTP response (network failure). */
  status?: number | null | undefined;
  /** Response headers. Only the few the classifier needs are read; none is copied. */
  headers?: HeadersInput | undefined;
  /** Raw body text (JSON, HTML, text, empty), bytes, or an already-parsed JSON value. */
  body?: unknown;
  /** Request URL, used to detect the vendor from its host. */
  url?: string | undefined;
  /** The request, for request-aware retry advice (Spotzee: POST is retryable only with an Idempotency-Key). */
  request?: { method?: string | undefined; idempotencyKey?: string | undefined } | undefined;
}

/** A field-level validation error, whatever shape the vendor used. */
export interface FieldError {
  /** The field, as the vendor named it (`phoneNumber`, `/email`, `attributes[0]`). */
  path: string;
  /** The vendor's text for this field. */
  message: string;
}

/** One normalized error. `Id` narrows `id` (the per-vendor entry points use their own union). */
export interface NormalizedError<Id extends string = ErrorId> {
  /** Stable id `'<vendor>.<entry>'`: `'braze.invalid_campaign_id'`, `'http.503'`, `'network.econnrefused'`, `'braze.unknown'`. */
  id: Id;
  /** Vendor the error came from, or null when unknown. */
  vendor: string | null;
  /** What the caller should do next (see the category table). */
  category: Category;
  /** HTTP status, or null without a response. */
  status: number | null;
  /** The vendor's machine code as received (Spotzee code, Sinch code, Transformify `error`, Viber code). */
  code: string | null;
  /** The vendor's text as received (secrets redacted), else the catalog description. */
  message: string;
  /** The same request may succeed if sent again later. */
  retryable: boolean;
  /** The whole request failed (every top-level error); false for per-item (minor) errors. */
  fatal: boolean;
  /** How long to wait before retrying, from headers or body; validated and clamped. Only on retryable errors. */
  retryAfterMs?: number;
  /** Field-level errors, from any vendor shape. */
  fields?: FieldError[];
  /** Named values taken out of the message by its template. */
  params?: Record<string, string | number>;
  /** Which catalog rule decided this error. */
  matchedBy: MatchedBy;
  /** Documentation for this error. */
  docs?: string;
}

interface ClassificationBase {
  /** Vendor the response came from, or null when unknown. */
  vendor: string | null;
  /** HTTP status (100-599), or null without a response or when the input's status was invalid. */
  status: number | null;
  /** Request id from the vendor's request-id header. */
  requestId?: string;
  /** The body was larger than `maxBodyBytes` and was classified without being fully parsed. */
  truncated?: boolean;
}

/** The vendor accepted the request (`success`), or accepted it for later processing (`queued`). */
export interface AcceptedClassification extends ClassificationBase {
  outcome: 'success' | 'queued';
  /** Always null for an accepted request. */
  error: null;
  /** Always empty for an accepted request. */
  minor: [];
}

/** The vendor accepted the request but reported per-item errors. */
export interface PartialClassification<Id extends string = ErrorId> extends ClassificationBase {
  outcome: 'partial';
  /** Always null: the request as a whole succeeded. */
  error: null;
  /** The per-item errors (non-fatal); never empty. */
  minor: NormalizedError<Id>[];
}

/** The request failed. */
export interface ErrorClassification<Id extends string = ErrorId> extends ClassificationBase {
  outcome: 'error';
  /** The fatal error. */
  error: NormalizedError<Id>;
  /** Always empty: per-item errors of a failed request are in `error.fields`. */
  minor: [];
}

/** The normalized result of one response or thrown error. Switch on `outcome`. */
export type Classification<Id extends string = ErrorId> =
  | AcceptedClassification
  | PartialClassification<Id>
  | ErrorClassification<Id>;

/** Options of `classify` and `normalizeError` (also accepted by `createClassifier`). */
export interface ClassifyOptions {
  /** Overrides the input's vendor. */
  vendor?: string;
  /** Clock in epoch milliseconds, used only for HTTP-date and epoch reset values. Default `Date.now`. */
  now?: () => number;
  /** Cap for `retryAfterMs`; larger values are clamped. Default 86,400,000 (one day). */
  maxRetryAfterMs?: number;
  /** Bodies longer than this (in UTF-16 code units) are not parsed; the result says `truncated`. Default 1,048,576. */
  maxBodyBytes?: number;
  /** Replace e-mail addresses and phone numbers in messages (for logs). Default false. */
  redactPii?: boolean;
  /**
   * The request, for request-aware retry advice when the input does not carry it (a
   * thrown fetch error knows nothing of its request). The input's own `request` wins.
   */
  request?: RawResponse['request'];
}
