/**
 * Field-level errors out of any vendor shape: maps (`{"phoneNumber": "must be ..."}`,
 * values may be string arrays), arrays of objects with a path-like and a message-like key
 * (RFC 9457 `errors[].pointer`, `invalid-params[].name`, AIP-193 `fieldViolations[].field`),
 * and a `fields` / `errors` map nested one level down (a `details` object holding them).
 */
import { isArray, isRecord, own, ownKeys } from './safe.js';
import type { FieldError } from './types.js';

const MAX_FIELDS = 100;
const PATH_KEYS = ['field', 'path', 'pointer', 'name', 'param', 'property', 'loc', 'fieldName'];
const MESSAGE_KEYS = ['message', 'detail', 'reason', 'description', 'msg', 'error', 'title'];
const NESTED_KEYS = ['fields', 'errors', 'fieldErrors', 'field_errors', 'invalid_params', 'invalid-params'];

function firstString(value: unknown, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const v = own(value, key);
    if (typeof v === 'string' && v !== '') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (key === 'loc' && isArray(v)) return v.filter((p) => typeof p === 'string' || typeof p === 'number').join('.');
  }
  return undefined;
}

function pathOf(item: unknown): string | undefined {
  const direct = firstString(item, PATH_KEYS);
  if (direct !== undefined) return direct;
  // JSON:API puts the pointer under `source`.
  return firstString(own(item, 'source'), ['pointer', 'parameter', 'header']);
}

/**
 * How many elements of a list are looked at: a sparse list (`length` 2³²−1, no elements)
 * costs what its first elements cost, not what its length says.
 */
const MAX_SCANNED = 1000;

function fromArray(items: unknown[], out: FieldError[]): void {
  const count = Math.min(lengthOf(items), MAX_SCANNED);
  for (let i = 0; i < count && out.length < MAX_FIELDS; i++) {
    const item = own(items, String(i));
    if (typeof item === 'string') {
      out.push({ path: '', message: item });
      continue;
    }
    if (!isRecord(item)) continue;
    const message = firstString(item, MESSAGE_KEYS);
    if (message !== undefined) out.push({ path: pathOf(item) ?? '', message });
  }
}

/** A list's length; 0 when reading it throws (a revoked Proxy). */
function lengthOf(items: unknown[]): number {
  try {
    return items.length;
  } catch {
    return 0;
  }
}

function fromMap(map: Record<string, unknown>, prefix: string, out: FieldError[], depth: number): void {
  for (const key of ownKeys(map, MAX_FIELDS)) {
    if (out.length >= MAX_FIELDS) return;
    const value = own(map, key);
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.push({ path, message: value });
    else if (isArray(value)) {
      for (let i = 0; i < value.length && i < MAX_FIELDS && out.length < MAX_FIELDS; i++) {
        const item = own(value, String(i));
        if (typeof item === 'string') out.push({ path, message: item });
        else if (isRecord(item)) {
          const message = firstString(item, MESSAGE_KEYS);
          if (message !== undefined) out.push({ path, message });
        }
      }
    } else if (isRecord(value) && depth > 0) collect(value, path, out, depth - 1);
  }
}

function collect(value: unknown, prefix: string, out: FieldError[], depth: number): void {
  if (depth < 0) return;
  if (isArray(value)) return fromArray(value, out);
  if (!isRecord(value)) return;
  // One object describing one field: {"field": "email", "message": "is invalid"}.
  const path = pathOf(value);
  const message = firstString(value, MESSAGE_KEYS);
  if (path !== undefined && message !== undefined) {
    out.push({ path: prefix === '' ? path : `${prefix}.${path}`, message });
    return;
  }
  for (const key of NESTED_KEYS) {
    const nested = own(value, key);
    if (nested !== undefined && (isArray(nested) || isRecord(nested))) return collect(nested, prefix, out, depth - 1);
  }
  fromMap(value, prefix, out, depth);
}

/**
 * Field errors found in `value`, or undefined when there are none. Bounded: at most 100
 * fields, two levels of nesting.
 */
export function extractFields(value: unknown): FieldError[] | undefined {
  if (value === undefined || value === null) return undefined;
  const out: FieldError[] = [];
  collect(value, '', out, 1);
  return out.length === 0 ? undefined : out;
}
