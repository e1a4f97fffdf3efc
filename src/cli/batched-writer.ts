/**
 * Output batching with backpressure. One `write` per output line costs more than the
 * JSON work for small lines, so lines are joined into ~64 KB strings; and when the
 * destination is slower than the input, `ready()` lets the reader pause until it drains,
 * so memory stays constant instead of queueing the whole output.
 */
import type { OutputStream } from './io.js';

/** Output queued before a write: large enough to amortise `write`, small enough to stream. */
export const DEFAULT_BATCH_CHARS = 64 * 1024;

/** Buffered line output over one stream. */
export interface BatchedWriter {
  /** Queues one line (a newline is appended). Writes when the batch is full. */
  line(text: string): void;
  /** Queues text that already ends with its newlines (a rendered batch of lines). */
  text(text: string): void;
  /**
   * Undefined when more may be written now; otherwise a promise that settles once the
   * stream has drained (or closed). Await it between input chunks.
   */
  ready(): Promise<void> | undefined;
  /** Writes what is queued and waits for the stream to drain. */
  flush(): Promise<void>;
}

function drained(stream: OutputStream): Promise<void> {
  return new Promise((resolve) => {
    // 'close' and 'error' also release the reader: the dispatcher decides what an error
    // means (EPIPE ends the process quietly), and a waiting reader must not hang.
    const done = (): void => {
      stream.removeListener('drain', done);
      stream.removeListener('close', done);
      stream.removeListener('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}

/** Creates a {@link BatchedWriter} over `stream`. */
export function createBatchedWriter(stream: OutputStream, batchChars: number = DEFAULT_BATCH_CHARS): BatchedWriter {
  let batch = '';
  let blocked: Promise<void> | undefined;

  const write = (): void => {
    if (batch === '') return;
    const text = batch;
    batch = '';
    if (!stream.write(text) && blocked === undefined) {
      blocked = drained(stream).then(() => {
        blocked = undefined;
      });
    }
  };

  return {
    line(text) {
      batch += text;
      batch += '\n';
      if (batch.length >= batchChars) write();
    },
    text(text) {
      batch += text;
      if (batch.length >= batchChars) write();
    },
    ready() {
      return blocked;
    },
    async flush() {
      write();
      if (blocked !== undefined) await blocked;
    },
  };
}
