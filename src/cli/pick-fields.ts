/**
 * `--fields outcome,error.id,error.category`: dotted paths into a result, flattened into
 * one object keyed by the path as written, so log pipelines get a stable, flat record.
 * Missing values are `null` rather than absent: every output line has every column.
 */
import { scrubUrlCredentials } from '../redact.js';
import { UsageError } from './usage-error.js';

/** A parsed `--fields` list: the path as written and its segments. */
export interface FieldPath {
  /** The key in the output object (`error.id`). */
  readonly name: string;
  /** The property names to follow (`['error', 'id']`); array indexes are names too (`minor.0.id`). */
  readonly segments: readonly string[];
}

// `@` for the members log shippers add (`@timestamp`).
const FIELD_PATTERN = /^[A-Za-z0-9_$@-]+(\.[A-Za-z0-9_$@-]+)*$/;

/** Parses a comma-separated `--fields` (or `--keep`) value; an empty or malformed path is a usage error. */
export function parseFieldList(command: string, value: string, option = 'fields'): FieldPath[] {
  const names = value.split(',').map((name) => name.trim());
  return names.map((name) => {
    if (!FIELD_PATTERN.test(name)) throw new UsageError(`${command}: --${option}: '${name}' is not a dotted field path (e.g. ${option === 'fields' ? 'error.id' : 'trace_id'})`);
    return { name, segments: name.split('.') };
  });
}

const hasOwn = Object.prototype.hasOwnProperty;

/** The value at `segments` in `value` (own properties only), or null. */
export function valueAt(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null || !hasOwn.call(current, segment)) return null;
    current = (current as Record<string, unknown>)[segment];
  }
  return current === undefined ? null : current;
}

/**
 * The picked fields of `value`. The object has no prototype, so a field named
 * `__proto__` is stored as data like any other.
 */
export function pickFields(value: unknown, fields: readonly FieldPath[]): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const field of fields) out[field.name] = valueAt(value, field.segments);
  return out;
}

/**
 * The value of a `--keep` member of an input line: copied as it is, except that a string
 * has credentials in URLs scrubbed, as the library does for messages (a kept `url` must not
 * print `https://user:secret@host`). Null when absent.
 */
export function keptValue(record: unknown, field: FieldPath): unknown {
  const value = valueAt(record, field.segments);
  return typeof value === 'string' ? scrubUrlCredentials(value) : value;
}

/** The `--keep` members of an input line, keyed by the path as written (see {@link keptValue}). */
export function keptFields(record: unknown, keep: readonly FieldPath[]): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const field of keep) out[field.name] = keptValue(record, field);
  return out;
}
