/**
 * The path language of catalog shapes (docs/catalog-format.md "Paths"): dot-separated
 * member names, where an integer segment also indexes an array (`errors.0.id`) and `*`
 * stands for each element of an array in turn (`error.details.*.fieldViolations`).
 *
 * Reads go through own properties only and never throw (safe.ts), so a path over
 * untrusted JSON cannot reach `Object.prototype` or run a hostile getter twice.
 */
import { isArray, own } from './safe.js';

/** `*`: every element of an array, first to last, until one gives a value. */
export const EVERY = '*';

/** A parsed path: its segments, and the text it was written as (for messages). */
export interface JsonPath {
  readonly text: string;
  readonly segments: readonly string[];
}

/** The root value itself (the path written as `""`). */
export const ROOT: JsonPath = { text: '', segments: [] };

/** How many elements `*` looks at: enough for any envelope, bounded for hostile lists. */
export const MAX_EVERY = 16;

/** Member names are anything but dots; empty segments (`a..b`, `a.`) are mistakes. */
export function parsePath(text: string): JsonPath | { error: string } {
  if (text === '') return ROOT;
  const segments = text.split('.');
  if (segments.some((segment) => segment === '')) return { error: `path "${text}" has an empty segment` };
  return { text, segments };
}

/** A member reader: {@link own} for JSON, or a reader that also sees class getters (thrown errors). */
export type MemberReader = (value: unknown, key: string) => unknown;

/**
 * The value at `path` in `value`, or undefined when any step is missing. With `*`, the
 * first element (of at most {@link MAX_EVERY}) whose remaining path gives a value wins.
 */
export function readPath(value: unknown, path: JsonPath, read: MemberReader = own): unknown {
  return readFrom(value, path.segments, 0, read);
}

function readFrom(value: unknown, segments: readonly string[], start: number, read: MemberReader): unknown {
  let current = value;
  for (let i = start; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment === EVERY) return readEvery(current, segments, i + 1, read);
    current = read(current, segment);
    if (current === undefined) return undefined;
  }
  return current;
}

function readEvery(list: unknown, segments: readonly string[], next: number, read: MemberReader): unknown {
  if (!isArray(list)) return undefined;
  for (let index = 0; index < MAX_EVERY; index++) {
    const element = read(list, String(index));
    if (element === undefined) {
      // Past the end (or a hole): a sparse list costs only the elements looked at.
      if (!hasIndex(list, index)) return undefined;
      continue;
    }
    const found = readFrom(element, segments, next, read);
    if (found !== undefined) return found;
  }
  return undefined;
}

function hasIndex(list: unknown[], index: number): boolean {
  try {
    return index < list.length;
  } catch {
    return false;
  }
}

/** The JSON types a `when` condition can require (docs/catalog-format.md "Conditions"). */
export const VALUE_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'present'] as const;

/** One of {@link VALUE_TYPES}. */
export type ValueType = (typeof VALUE_TYPES)[number];

/** Whether `value` (undefined: absent) has the JSON type `type`. `object` excludes arrays and null. */
export function hasType(value: unknown, type: ValueType): boolean {
  switch (type) {
    case 'present':
      return value !== undefined;
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !isArray(value);
  }
}
