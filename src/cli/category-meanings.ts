/**
 * What each category means for the caller, from the category table of DESIGN.md
 * ("Output"). Typed as a record over every category, so adding a category to the
 * vocabulary fails to compile until it is explained here.
 */
import type { Category } from '../index.js';

/** The caller's next step for each category. */
export const CATEGORY_MEANINGS: Readonly<Record<Category, string>> = {
  bad_request: 'the request is malformed: syntax, unsupported method or media type (fix the code)',
  validation: 'well-formed, but a value is invalid or too long; field errors in `fields` (fix the data)',
  authentication: 'credentials missing, invalid, revoked or expired',
  permission: 'authenticated but not allowed: scope, plan, inactive or blocked account',
  not_found: 'a referenced resource does not exist (or is not visible to this key)',
  conflict: 'duplicate or concurrent-modification conflict',
  precondition: 'the resource is in the wrong state for this operation',
  rate_limit: 'transient throttling; the same request succeeds after waiting (`retryAfterMs` when known)',
  quota: 'a volume limit: too many items in one request (split it) or a plan/daily/monthly allowance used up; waiting a few seconds does not help',
  server: 'the vendor failed internally (500)',
  unavailable: 'the vendor or a gateway in front of it is temporarily unavailable: 502/503/504, maintenance, proxy error pages, edge timeouts',
  network: 'no HTTP response at all: DNS, connection refused/reset, socket or connect timeout',
  upstream: "the vendor's own downstream provider rejected or failed the operation",
  delivery: 'the request was accepted but a recipient could not be reached',
  cancelled: 'the caller aborted the request',
  unknown: "nothing known matched; `matchedBy: 'none'`",
};
