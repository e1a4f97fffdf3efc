/**
 * `classifyStream`: classifies log records one by one as they arrive, for in-process
 * pipelines, by the rules of the CLI (`log-record.ts`): each string is one NDJSON line,
 * each other value one record already parsed; the response (or thrown error) is the
 * record, or its member at `at`; a record that holds neither is answered with the reason,
 * never with an invented classification.
 *
 * One result per input item, in input order, and nothing is held beyond the item being
 * classified: memory stays flat however long the source runs (the consumer's pace pulls
 * the source, as async iteration does).
 */
import { defaultClassifier } from './create-classifier.js';
import { classifyRecord, parseDotPath, parseRecordLine } from './log-record.js';
import type { Classifier } from './classifier.js';
import type { Classification, ClassifyOptions } from './types.js';

/** Options of {@link classifyStream} and `classifyTransform`: those of `classify`, plus where the input is and which classifier reads it. */
export interface ClassifyStreamOptions extends ClassifyOptions {
  /** Dot path of the member holding the response or thrown error (`response`, `http.response`); default the record itself. */
  at?: string;
  /** The classifier to use (a `createClassifier(...)` instance, or a per-vendor entry's); default all shipped catalogs. */
  classifier?: Pick<Classifier, 'classify' | 'normalizeError'>;
}

/** The classification of one input item. */
export interface ClassifiedRecord {
  /** 1-based position of the item in the input. */
  line: number;
  /** The record: the item, or the item parsed from NDJSON. Kept for correlation (trace ids); not a copy. */
  record: unknown;
  /** The classification. */
  result: Classification;
}

/** An input item that holds no response and no thrown error. */
export interface InvalidRecord {
  /** 1-based position of the item in the input. */
  line: number;
  /** The record when the item was one (or parsed as JSON); absent for a line that is not JSON. */
  record?: unknown;
  /** Why the item was not classified: `blank line`, `invalid JSON: …`, `no member at 'response'`, … */
  invalid: string;
}

/** One output item of {@link classifyStream}: a classification, or the reason there is none. Tell them apart with `'invalid' in item`. */
export type StreamRecord = ClassifiedRecord | InvalidRecord;

/** Classifies one item, numbered `line`; shared with `classifyTransform`. */
export type RecordClassifier = (item: unknown, line: number) => StreamRecord;

/**
 * The per-item function of {@link classifyStream} for `options`: the option check and the
 * path parsing happen once. Throws a `TypeError` for a malformed `at`.
 */
export function createRecordClassifier(options: ClassifyStreamOptions = {}): RecordClassifier {
  const { at, classifier, ...classifyOptions } = options;
  const segments = at === undefined ? undefined : parseDotPath(at);
  if (at !== undefined && segments === undefined) throw new TypeError(`classifyStream: 'at' must be a dot path such as 'response' or 'http.response' (got '${at}')`);
  const reader = classifier ?? defaultClassifier();
  const settings = Object.keys(classifyOptions).length === 0 ? undefined : classifyOptions;
  return (item, line) => {
    let record = item;
    if (typeof item === 'string') {
      const parsed = parseRecordLine(item);
      if (!parsed.ok) return { line, invalid: parsed.reason };
      record = parsed.value;
    }
    const classified = classifyRecord(reader, record, settings, segments);
    return classified.ok ? { line, record, result: classified.result } : { line, record, invalid: classified.reason };
  };
}

/**
 * Classifies each item of `source` (NDJSON lines as strings, or parsed records) and yields
 * one {@link StreamRecord} per item, in order. Throws only what `source` throws, and a
 * `TypeError` for a malformed `at`.
 *
 * @example
 * for await (const item of classifyStream(readline.createInterface({ input }), { at: 'response' })) {
 *   if ('invalid' in item) continue;
 *   if (item.result.outcome === 'error') console.log(item.record.trace_id, item.result.error.id);
 * }
 */
export async function* classifyStream(source: AsyncIterable<unknown> | Iterable<unknown>, options: ClassifyStreamOptions = {}): AsyncGenerator<StreamRecord, void, undefined> {
  const classifyItem = createRecordClassifier(options);
  let line = 0;
  for await (const item of source) yield classifyItem(item, ++line);
}
