/**
 * `toOtelAttributes(result)`: span and metric attributes in OpenTelemetry semantic
 * conventions (https://opentelemetry.io/docs/specs/semconv/), with no dependency on the
 * OpenTelemetry API: the result is a plain attribute map for `span.setAttributes(...)` or
 * a counter's `add(1, attributes)`.
 *
 * - `error.type` (stable, attribute registry "error"): the error id. The spec asks for a
 *   predictable, low-cardinality value, documented by the instrumentation, and for no
 *   `error.type` when the operation succeeded; catalog ids are exactly that list (see
 *   CATALOG.md), and success, queued and partial results carry none.
 * - `http.response.status_code` (stable, HTTP semconv): the vendor's status, when there
 *   was a response.
 * - Everything else is namespaced `vendor_errors.*`, since semconv reserves un-namespaced
 *   names for itself (attribute naming: lowercase, dot-separated namespaces, snake_case).
 */
import type { Classification } from './types.js';

/** A flat OpenTelemetry attribute map (primitive values only). */
export type OtelAttributes = Record<string, string | number | boolean>;

/** Options of {@link toOtelAttributes}. */
export interface OtelAttributesOptions {
  /**
   * Leave out per-request values (`vendor_errors.request_id`, `vendor_errors.retry_after_ms`)
   * so the map can label metrics: every distinct attribute set is its own time series.
   * Default false (span attributes).
   */
  forMetrics?: boolean;
}

/**
 * OpenTelemetry attributes for a classification: `error.type` (the error id; absent
 * unless the outcome is `error`), `http.response.status_code`, and `vendor_errors.outcome`,
 * `.vendor`, `.category`, `.retryable`, `.matched_by`, `.code`, `.request_id`,
 * `.retry_after_ms`, `.minor_count`. Members without a value are left out.
 *
 * Set the span status yourself: `ERROR` when `outcome === 'error'` (the OTel guidance on
 * recording errors leaves status unset for operations that succeeded).
 *
 * @example
 * span.setAttributes(toOtelAttributes(result));
 * failures.add(1, toOtelAttributes(result, { forMetrics: true }));
 */
export function toOtelAttributes(result: Classification, options: OtelAttributesOptions = {}): OtelAttributes {
  const attributes: OtelAttributes = {};
  const error = result.error;
  if (error !== null) attributes['error.type'] = error.id;
  if (result.status !== null) attributes['http.response.status_code'] = result.status;
  attributes['vendor_errors.outcome'] = result.outcome;
  if (result.vendor !== null) attributes['vendor_errors.vendor'] = result.vendor;
  if (error !== null) {
    attributes['vendor_errors.category'] = error.category;
    attributes['vendor_errors.retryable'] = error.retryable;
    attributes['vendor_errors.matched_by'] = error.matchedBy;
    if (error.code !== null) attributes['vendor_errors.code'] = error.code;
    if (error.retryAfterMs !== undefined && options.forMetrics !== true) attributes['vendor_errors.retry_after_ms'] = error.retryAfterMs;
  }
  if (result.requestId !== undefined && options.forMetrics !== true) attributes['vendor_errors.request_id'] = result.requestId;
  attributes['vendor_errors.minor_count'] = result.minor.length;
  return attributes;
}
