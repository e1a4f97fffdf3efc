/**
 * One NDJSON line to one result: parse, find the input (the line, or its member at
 * `--at`), classify. Shared by `classify` and `stats`, so both count invalid lines the
 * same way; the rules are the library's (`classifyRecord`), which `classifyStream` uses too.
 */
import type { Classification, Classifier, ClassifyOptions } from '../index.js';
import { classifyRecord, parseRecordLine } from '../log-record.js';
import { isOversized, type Line } from './ndjson.js';

/** The output for a line that is not an input: `{"line": N, "invalid": reason}`. */
export interface InvalidLine {
  /** 1-based input line number. */
  line: number;
  /** Why the line was not classified. */
  invalid: string;
}

/**
 * Either a classification or the reason the line was rejected, with the parsed line
 * (`record`) when it was JSON, for `--keep`.
 */
export type LineResult = ({ ok: true; result: Classification } | { ok: false; invalid: InvalidLine }) & { record?: unknown };

/** Classifies input line number `lineNumber`; `at` is the parsed `--at` path. Never throws. */
export function classifyLine(classifier: Classifier, line: Line, lineNumber: number, options: ClassifyOptions | undefined, at?: readonly string[]): LineResult {
  if (isOversized(line)) return { ok: false, invalid: { line: lineNumber, invalid: `line too long (${line.oversized} bytes)` } };
  const parsed = parseRecordLine(line);
  if (!parsed.ok) return { ok: false, invalid: { line: lineNumber, invalid: parsed.reason } };
  const classified = classifyRecord(classifier, parsed.value, options, at);
  return classified.ok ? { ok: true, result: classified.result, record: parsed.value } : { ok: false, invalid: { line: lineNumber, invalid: classified.reason }, record: parsed.value };
}
