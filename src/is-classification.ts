/**
 * Shape checks for values that cross a boundary the type system cannot see: a pino
 * serializer receives whatever was logged, a `catch` receives whatever was thrown, and a
 * `VendorError` may come from another copy of this library (ESM and CommonJS builds, or
 * another realm). So the adapters check shape, never `instanceof` (the approach of ky's
 * `is-network-error`).
 */
import type { Classification, ErrorClassification } from './types.js';
import { OUTCOMES } from './vocabulary.js';

/**
 * `value[key]`, or undefined when `value` is not an object or the read throws (a revoked
 * Proxy, a throwing getter). Inherited properties are read on purpose: `message` and
 * `name` of an Error, and the getters of a class, live on prototypes.
 */
export function readProperty(value: unknown, key: string): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function isOutcome(value: unknown): boolean {
  return typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value);
}

function isArraySafe(value: unknown): boolean {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** True for a value shaped like a {@link Classification}: a known `outcome` and a `minor` array. */
export function isClassification(value: unknown): value is Classification {
  if (!isOutcome(readProperty(value, 'outcome')) || !isArraySafe(readProperty(value, 'minor'))) return false;
  const error = readProperty(value, 'error');
  return error === null || typeof readProperty(error, 'id') === 'string';
}

/** True for a classification whose outcome is `error`, with an error that has an `id`. */
export function isErrorClassification(value: unknown): value is ErrorClassification {
  return isClassification(value) && readProperty(value, 'outcome') === 'error' && readProperty(value, 'error') !== null;
}
