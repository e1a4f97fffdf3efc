/**
 * One NDJSON line to one result: parse, check it is an input object, classify. Shared by
 * `classify` and `stats`, so both count invalid lines the same way.
 *
 * A line `{"thrown": {...}}` is a recorded thrown error and goes to `normalizeError`;
 * any other object is a RawResponse (DESIGN.md "Input").
 */
import type { Classification, Classifier, ClassifyOptions } from '../index.js';
import { isOversized, type Line } from './ndjson.js';

/** The output for a line that is not an input: `{"line": N, "invalid": reason}`. */
export interface InvalidLine {
  /** 1-based input line number. */
  line: number;
  /** Why the line was not classified. */
  invalid: string;
}

/** Either a classification or the reason the line was rejected. */
export type LineResult = { ok: true; result: Classification } | { ok: false; invalid: InvalidLine };

const hasOwn = Object.prototype.hasOwnProperty;

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

function describeNonObject(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function invalid(line: number, reason: string): LineResult {
  return { ok: false, invalid: { line, invalid: reason } };
}

/** Whether a line holds only whitespace (checked without a regular expression, it runs per line). */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 13 && code !== 11 && code !== 12) return false;
  }
  return true;
}

/** Classifies input line number `lineNumber`. Never throws. */
export function classifyLine(classifier: Classifier, line: Line, lineNumber: number, options: ClassifyOptions | undefined): LineResult {
  if (isOversized(line)) return invalid(lineNumber, `line too long (${line.oversized} bytes)`);
  if (isBlank(line)) return invalid(lineNumber, 'blank line');
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (cause) {
    return invalid(lineNumber, jsonErrorReason(cause));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return invalid(lineNumber, `not an input object (got ${describeNonObject(value)})`);
  const record = value as Record<string, unknown>;
  const result = hasOwn.call(record, 'thrown') ? classifier.normalizeError(record['thrown'], options) : classifier.classify(record, options);
  return { ok: true, result };
}
