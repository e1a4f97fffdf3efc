/**
 * How one log record (an NDJSON line, or an object already parsed) becomes an input to
 * classify, by the rules the CLI and `classifyStream` share:
 *
 * - the record, or its member at `at` (a dot path such as `http.response`), is the input;
 * - an input with an own `thrown` member is a recorded thrown error (`normalizeError`);
 * - an input with at least one response member (`status`, `headers`, `body`) is a
 *   `RawResponse` (`classify`); `{"status": null}` is a recorded network failure;
 * - at an `at` path, an object with an error's members (`name`, `message`, `code`) and no
 *   response member is the thrown error itself (`{"err": {"name": "TypeError", ...}}`);
 * - anything else is not an input, and says why. A log record that only carries a
 *   response somewhere inside it is never read as a response that did not arrive
 *   (which would classify as a network failure nobody saw).
 */
import type { Classifier } from './classifier.js';
import { own } from './safe.js';
import type { Classification, ClassifyOptions, RawResponse } from './types.js';

/** The members of which at least one makes an object a response. */
export const RESPONSE_MEMBERS: readonly string[] = ['status', 'headers', 'body'];

/** The members that make an object at an `at` path a thrown error. */
const ERROR_MEMBERS: readonly string[] = ['name', 'message', 'code'];

/** What a record holds: a response, a thrown error, or the reason it holds neither. */
export type RecordInput = { kind: 'response'; response: RawResponse } | { kind: 'thrown'; thrown: unknown } | { kind: 'invalid'; reason: string };

/** A record's classification, or why it has none. */
export type RecordResult = { ok: true; result: Classification } | { ok: false; reason: string };

const hasOwn = Object.prototype.hasOwnProperty;
const PATH_PATTERN = /^[A-Za-z0-9_$@-]+(\.[A-Za-z0-9_$@-]+)*$/;

/**
 * Splits a dot path (`http.response`, `errors.0`) into member names; an integer segment
 * indexes an array. Returns undefined for an empty or malformed path.
 */
export function parseDotPath(path: string): string[] | undefined {
  const trimmed = path.trim();
  return PATH_PATTERN.test(trimmed) ? trimmed.split('.') : undefined;
}

/** The value at `segments` inside `value`, own members only; undefined when absent. */
export function valueAtPath(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    current = own(current, segment);
    if (current === undefined) return undefined;
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function hasAny(value: object, members: readonly string[]): boolean {
  for (const member of members) if (hasOwn.call(value, member)) return true;
  return false;
}

/**
 * What `record` holds, reading the member at `at` when given (segments from
 * {@link parseDotPath}). Never throws.
 */
export function readRecord(record: unknown, at?: readonly string[]): RecordInput {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { kind: 'invalid', reason: `not an input object (got ${describe(record)})` };
  const where = at === undefined ? undefined : at.join('.');
  const value = at === undefined ? record : valueAtPath(record, at);
  if (where !== undefined && value === undefined) return { kind: 'invalid', reason: `no member at '${where}'` };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'invalid', reason: `'${where}' is not an object (got ${describe(value)})` };
  if (hasOwn.call(value, 'thrown')) return { kind: 'thrown', thrown: own(value, 'thrown') };
  if (hasAny(value, RESPONSE_MEMBERS)) return { kind: 'response', response: value as RawResponse };
  if (where !== undefined && hasAny(value, ERROR_MEMBERS)) return { kind: 'thrown', thrown: value };
  const place = where === undefined ? 'the line' : `'${where}'`;
  return { kind: 'invalid', reason: `${place} has no response member (status, headers, body) and no thrown member${where === undefined ? ' (point --at, or the `at` option, at a nested one)' : ''}` };
}

/** Classifies what `record` holds with `classifier`; the reason when it holds no input. Never throws. */
export function classifyRecord(classifier: Pick<Classifier, 'classify' | 'normalizeError'>, record: unknown, options?: ClassifyOptions, at?: readonly string[]): RecordResult {
  const input = readRecord(record, at);
  if (input.kind === 'invalid') return { ok: false, reason: input.reason };
  const result = input.kind === 'thrown' ? classifier.normalizeError(input.thrown, options) : classifier.classify(input.response, options);
  return { ok: true, result };
}

/**
 * V8's JSON.parse messages sometimes quote the input (`Unexpected token 'x', "{"authoriz"...
 * is not valid JSON`), which could echo a credential into the output. Only the fixed
 * wording before " in JSON" is kept, and only when it contains no quoted input.
 */
function jsonErrorReason(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : '';
  if (message.startsWith('Unexpected end of JSON input')) return 'invalid JSON: unexpected end of input';
  const fixed = /^([A-Za-z ,'{}[\]:-]{1,80}?) in JSON at position (\d{1,12})/.exec(message);
  if (fixed !== null) return `invalid JSON: ${fixed[1]} at position ${fixed[2]}`;
  if (message.startsWith('Unexpected token')) return 'invalid JSON: unexpected token';
  if (cause instanceof RangeError) return 'invalid JSON: nested too deeply';
  return 'invalid JSON';
}

/** Whether a line holds only whitespace (checked without a regular expression, it runs per line). */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 13 && code !== 11 && code !== 12) return false;
  }
  return true;
}

/** One NDJSON line parsed: its value, or why it is not JSON. Never throws. */
export function parseRecordLine(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (isBlank(text)) return { ok: false, reason: 'blank line' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (cause) {
    return { ok: false, reason: jsonErrorReason(cause) };
  }
}
