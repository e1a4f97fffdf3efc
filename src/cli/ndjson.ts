/**
 * A streaming line splitter for NDJSON over raw Buffers.
 *
 * Why not `readline`: it decodes every chunk to a string and splits with a regular
 * expression, and it has no bound on line length. Here newlines are found with
 * `Buffer.indexOf` on bytes (0x0A never occurs inside a UTF-8 multi-byte sequence), a line
 * is decoded once, and a line longer than `maxLineBytes` is counted but never held whole,
 * so memory stays bounded whatever the input.
 *
 * Decoding: invalid UTF-8 becomes U+FFFD (Buffer's decoder), a trailing CR is dropped
 * (CRLF files), a UTF-8 byte-order mark before the first line is skipped, and a last
 * line without a final newline still counts. Lines are yielded in batches, one per
 * chunk read, so the consumer pays one `await` per chunk rather than per line.
 */

/** A line longer than the limit: only its length in bytes is kept. */
export interface OversizedLine {
  /** Length of the line in bytes, without its line terminator. */
  readonly oversized: number;
}

/** One input line: its text, or the marker of a line too long to hold. */
export type Line = string | OversizedLine;

/** The lines completed by one chunk of input. */
export interface LineBatch {
  /** Complete lines, in input order (may be empty while a long line is being read). */
  readonly lines: Line[];
  /** Bytes read from the source so far, for progress reports. */
  readonly bytesRead: number;
}

/** Options of {@link readLineBatches}. */
export interface LineReaderOptions {
  /** Lines longer than this many bytes are reported as {@link OversizedLine}. Default 16 MiB. */
  maxLineBytes?: number;
}

/** Default line cap: far above any real log record, far below what would strain memory. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;

/** Type guard for {@link OversizedLine}. */
export function isOversized(line: Line): line is OversizedLine {
  return typeof line !== 'string';
}

function hasBom(buffer: Buffer, start: number, end: number): boolean {
  return end - start >= 3 && buffer[start] === 0xef && buffer[start + 1] === 0xbb && buffer[start + 2] === 0xbf;
}

/**
 * Splits a byte stream into lines. Each yielded batch holds the lines completed by one
 * chunk; a final unterminated line is yielded at the end.
 */
export async function* readLineBatches(source: AsyncIterable<Buffer | string>, options: LineReaderOptions = {}): AsyncGenerator<LineBatch> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  // Bytes of the line being assembled across chunks; `pendingBytes` keeps counting after
  // the parts are dropped for an oversized line.
  let parts: Buffer[] = [];
  let pendingBytes = 0;
  let oversized = false;
  let bytesRead = 0;
  let first = true;

  const decode = (buffer: Buffer, start: number, end: number): string => {
    if (end > start && buffer[end - 1] === CR) end--;
    if (first) {
      first = false;
      if (hasBom(buffer, start, end)) start += 3;
    }
    return buffer.toString('utf8', start, end);
  };

  const finishPending = (tail: Buffer | undefined): Line => {
    const bytes = pendingBytes + (tail === undefined ? 0 : tail.length);
    let line: Line;
    if (oversized || bytes > maxLineBytes) {
      first = false;
      line = { oversized: bytes };
    } else {
      if (tail !== undefined && tail.length > 0) parts.push(tail);
      const whole = parts.length === 1 ? parts[0]! : Buffer.concat(parts, bytes);
      line = decode(whole, 0, whole.length);
    }
    parts = [];
    pendingBytes = 0;
    oversized = false;
    return line;
  };

  for await (const data of source) {
    const chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    bytesRead += chunk.length;
    const lines: Line[] = [];
    let start = 0;
    let newline = chunk.indexOf(LF, 0);
    while (newline !== -1) {
      if (pendingBytes > 0) lines.push(finishPending(chunk.subarray(start, newline)));
      else if (newline - start > maxLineBytes) {
        first = false;
        lines.push({ oversized: newline - start });
      } else lines.push(decode(chunk, start, newline));
      start = newline + 1;
      newline = chunk.indexOf(LF, start);
    }
    if (start < chunk.length) {
      pendingBytes += chunk.length - start;
      if (!oversized) {
        if (pendingBytes > maxLineBytes) {
          // Stop holding the line: from here on only its length is counted.
          oversized = true;
          parts = [];
        } else parts.push(chunk.subarray(start));
      }
    }
    yield { lines, bytesRead };
  }
  if (pendingBytes > 0) yield { lines: [finishPending(undefined)], bytesRead };
}
