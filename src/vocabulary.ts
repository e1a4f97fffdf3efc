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
 * (Braze answers 202 `"queued"` during maintenance). `partial`: accepted with per-item
 * errors in `minor`. `error`: the request failed; the reason is in `error`.
 */
export type Outcome = (typeof OUTCOMES)[number];

/** Every value of `NormalizedError.matchedBy`, strongest first. */
export const MATCHED_BY = ['code', 'message', 'status', 'status_class', 'transport', 'none'] as const;

/** Which rule of the catalog decided the result (DESIGN.md "Matching precedence"). */
export type MatchedBy = (typeof MATCHED_BY)[number];

/**
 * The body shapes the shape detector recognises (docs/catalog-format.md "Shapes").
 * Vendor catalogs list the shapes they answer in.
 */
export const SHAPES = [
  'problem',
  'google',
  'spotzee',
  'transformify',
  'sinch',
  'braze',
  'json',
  'html',
  'text',
  'empty',
] as const;

/** A body shape name. */
export type Shape = (typeof SHAPES)[number];

/** Type guard for {@link Category}. */
export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}
