/**
 * The closed vocabularies of the normalized result (DESIGN.md "Output").
 * Kept as `as const` lists so the catalog schema, the runtime validator and the
 * TypeScript unions all come from one place.
 */

/** Every category, in the order DESIGN.md lists them. */
export const CATEGORIES = [
  'bad_request',
  'validation',
  'authentication',
  'permission',
  'not_found',
  'conflict',
  'precondition',
  'rate_limit',
  'quota',
  'server',
  'unavailable',
  'network',
  'upstream',
  'delivery',
  'cancelled',
  'unknown',
] as const;

/**
 * What the caller should do next, in one word. See the category table in the README:
 * `rate_limit` means wait and retry, `quota` means split the request or wait for the
 * allowance to reset, `unavailable` means the vendor or a gateway in front of it is down.
 */
export type Category = (typeof CATEGORIES)[number];

/** Every outcome of a classified response. */
export const OUTCOMES = ['success', 'queued', 'partial', 'error'] as const;

/**
 * `success`: the vendor accepted the request. `queued`: accepted but not processed yet
 * (a vendor in maintenance may answer 202 `"queued"`). `partial`: accepted with per-item
 * errors in `minor`. `error`: the request failed; the reason is in `error`.
 */
export type Outcome = (typeof OUTCOMES)[number];

/** Every value of `NormalizedError.matchedBy`, strongest first. */
export const MATCHED_BY = ['code', 'message', 'status', 'status_class', 'transport', 'none'] as const;

/** Which rule of the catalog decided the result (DESIGN.md "Matching precedence"). */
export type MatchedBy = (typeof MATCHED_BY)[number];

/**
 * The kinds of body the parser tells apart (docs/catalog-format.md "Shapes"): a shape
 * declares which kind it reads; JSON shapes are further recognised by their `when`.
 */
export const BODY_KINDS = ['json', 'html', 'text', 'empty'] as const;

/** A body kind. */
export type BodyKind = (typeof BODY_KINDS)[number];

/**
 * The named transformations a shape reader may apply (docs/catalog-format.md "Readers"):
 * the few readings that are not a plain path.
 */
export const READER_TRANSFORMS = ['uri-last-segment', 'html-title', 'first-line', 'field-path', 'with-index', 'url'] as const;

/** A reader transformation. */
export type ReaderTransform = (typeof READER_TRANSFORMS)[number];

/** Type guard for {@link Category}. */
export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}
