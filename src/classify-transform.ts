/**
 * `classifyTransform`: a Node `Transform` over log records, with the rules and output of
 * `classifyStream`. Two modes:
 *
 * - `object` (default): each chunk written is one record (or one NDJSON line as a
 *   string); each chunk read is its {@link StreamRecord}.
 * - `line`: bytes or text are written in any chunking (a file, a socket, stdin); they are
 *   split into lines (LF or CRLF; a UTF-8 byte-order mark first is skipped; a last line
 *   without a newline counts), and each line is answered with one NDJSON line: the
 *   classification, or `{"line": N, "invalid": reason}`, as the CLI prints them.
 *
 * Memory stays bounded: the stream's own backpressure paces the writer, and a line longer
 * than `maxLineLength` characters is answered as invalid without being held whole.
 */
import { StringDecoder } from 'node:string_decoder';
import { Transform, type TransformCallback } from 'node:stream';
import { createRecordClassifier, type ClassifyStreamOptions, type RecordClassifier, type StreamRecord } from './classify-stream.js';

/** Options of {@link classifyTransform}. */
export interface ClassifyTransformOptions extends ClassifyStreamOptions {
  /** `object` (records in, {@link StreamRecord}s out) or `line` (NDJSON bytes in, NDJSON text out). Default `object`. */
  mode?: 'object' | 'line';
  /** Line mode: a longer line is answered `line too long` and not held. Default 16,777,216 characters. */
  maxLineLength?: number;
}

/** The default line cap: far above any real log record, far below what would strain memory. */
const DEFAULT_MAX_LINE_LENGTH = 16 * 1024 * 1024;

/** The NDJSON line the CLI prints for one item. */
function ndjsonLine(item: StreamRecord): string {
  return 'invalid' in item ? JSON.stringify({ line: item.line, invalid: item.invalid }) : JSON.stringify(item.result);
}

/** Splits text written in arbitrary chunks into lines, dropping an overlong line's text as it comes. */
function createLineSplitter(maxLineLength: number, onLine: (line: string | { tooLong: number }) => void) {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let dropped = 0; // characters of the current line dropped for being over the cap
  let first = true;

  function take(text: string): void {
    let start = 0;
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) start = 1;
    }
    for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
      emit(text.slice(start, end));
      start = end + 1;
    }
    const rest = text.slice(start);
    if (dropped > 0 || pending.length + rest.length > maxLineLength) {
      dropped += pending.length + rest.length;
      pending = '';
    } else pending += rest;
  }

  function emit(tail: string): void {
    const length = dropped + pending.length + tail.length;
    if (dropped > 0 || length > maxLineLength) onLine({ tooLong: length });
    else {
      const line = pending + tail;
      onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
    }
    pending = '';
    dropped = 0;
  }

  return {
    write: (chunk: Buffer | string) => take(typeof chunk === 'string' ? chunk : decoder.write(chunk)),
    end(): void {
      take(decoder.end());
      if (pending.length > 0 || dropped > 0) emit('');
    },
  };
}

function lineModeTransform(classifyItem: RecordClassifier, maxLineLength: number): Transform {
  let line = 0;
  let out = '';
  const splitter = createLineSplitter(maxLineLength, (text) => {
    line++;
    // One output line per input line: an overlong one is answered, not classified.
    out += typeof text === 'string' ? ndjsonLine(classifyItem(text, line)) : JSON.stringify({ line, invalid: `line too long (${text.tooLong} characters)` });
    out += '\n';
  });
  const flushOut = (stream: Transform) => {
    if (out !== '') stream.push(out);
    out = '';
  };
  return new Transform({
    // One push per written chunk, holding all its lines: a push per line would cost more than classifying it.
    transform(chunk: Buffer | string, _encoding, callback: TransformCallback) {
      splitter.write(chunk);
      flushOut(this);
      callback();
    },
    flush(callback: TransformCallback) {
      splitter.end();
      flushOut(this);
      callback();
    },
  });
}

/**
 * A Node `Transform` that classifies log records: in object mode, records (or NDJSON
 * lines as strings) in and {@link StreamRecord}s out; in line mode, NDJSON bytes in and
 * NDJSON text out, one line per input line, in order, as the CLI prints it. Throws a
 * `TypeError` for a malformed `at`.
 *
 * @example
 * await pipeline(createReadStream('vendor-calls.ndjson'), classifyTransform({ mode: 'line', at: 'response' }), process.stdout);
 */
export function classifyTransform(options: ClassifyTransformOptions = {}): Transform {
  const { mode = 'object', maxLineLength = DEFAULT_MAX_LINE_LENGTH, ...streamOptions } = options;
  const classifyItem = createRecordClassifier(streamOptions);
  if (mode === 'line') return lineModeTransform(classifyItem, maxLineLength > 0 ? maxLineLength : DEFAULT_MAX_LINE_LENGTH);
  let line = 0;
  return new Transform({
    objectMode: true,
    transform(item: unknown, _encoding, callback: TransformCallback) {
      callback(null, classifyItem(item, ++line));
    },
  });
}
