/**
 * Shape checks for values that cross a boundary the type system cannot see: a pino
 * serializer receives whatever was logged, a `catch` receives whatever was thrown, and a
 * `VendorError` may come from another copy of this library (ESM and CommonJS builds, or
 * another realm). So the adapters check shape, never `instanceof` (the approach of ky's
 * `is-network-error`).
 */
import type { Classification, ErrorClassification } from './types.js';
import { OUTCOMES } from './vocabulary.js';
import { isArray, prop } from './safe.js';

function isOutcome(value: unknown): boolean {
  return typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value);
}

/** True for a value shaped like a {@link Classification}: a known `outcome` and a `minor` array. */
export function isClassification(value: unknown): value is Classification {
  if (!isOutcome(prop(value, 'outcome')) || !isArray(prop(value, 'minor'))) return false;
  const error = prop(value, 'error');
  return error === null || typeof prop(error, 'id') === 'string';
}

/** True for a classification whose outcome is `error`, with an error that has an `id`. */
export function isErrorClassification(value: unknown): value is ErrorClassification {
  return isClassification(value) && prop(value, 'outcome') === 'error' && prop(value, 'error') !== null;
}
