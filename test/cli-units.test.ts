/**
 * The CLI's building blocks, tested directly where a subprocess cannot reach the case:
 * every chunk boundary of the line splitter, backpressure of the batched writer, and
 * the message-shape rules of `stats`.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createBatchedWriter } from '../src/cli/batched-writer.js';
import { createBoundedCounter, OTHER_KEY } from '../src/cli/bounded-counter.js';
import { closeMatches, editDistance } from '../src/cli/close-matches.js';
import type { OutputStream } from '../src/cli/io.js';
import { messageShape } from '../src/cli/message-shape.js';
import { readLineBatches, type Line } from '../src/cli/ndjson.js';
import { parseFieldList, pickFields } from '../src/cli/pick-fields.js';
import { createProgress, progressText } from '../src/cli/progress.js';

async function* chunks(parts: readonly Buffer[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield part;
}

async function readAll(parts: readonly Buffer[], maxLineBytes?: number): Promise<Line[]> {
  const lines: Line[] = [];
  for await (const batch of readLineBatches(chunks(parts), maxLineBytes === undefined ? {} : { maxLineBytes })) lines.push(...batch.lines);
  return lines;
}

describe('readLineBatches', () => {
  const text = '{"a":"é€😀"}\r\n\n  \nlast line without newline';
  const bytes = Buffer.from(`\ufeff${text}`, 'utf8');
  const expected = ['{"a":"é€😀"}', '', '  ', 'last line without newline'];

  it('gives the same lines wherever the chunks are cut, even inside a multi-byte character', async () => {
    for (let cut = 0; cut <= bytes.length; cut++) expect(await readAll([bytes.subarray(0, cut), bytes.subarray(cut)]), `cut at ${cut}`).toEqual(expected);
  });

  it('gives the same lines when every byte arrives on its own', async () => {
    expect(await readAll([...bytes].map((byte) => Buffer.from([byte])))).toEqual(expected);
  });

  it('does not invent a line after a final newline, nor for empty input', async () => {
    expect(await readAll([Buffer.from('a\nb\n')])).toEqual(['a', 'b']);
    expect(await readAll([])).toEqual([]);
    expect(await readAll([Buffer.from('\n')])).toEqual(['']);
  });

  it('marks lines over the cap with their byte length, in one chunk or across many', async () => {
    const long = 'x'.repeat(25);
    const input = Buffer.from(`short\n${long}\nok\n${long}`);
    const expectedLines = ['short', { oversized: 25 }, 'ok', { oversized: 25 }];
    expect(await readAll([input], 10)).toEqual(expectedLines);
    expect(await readAll([...input].map((byte) => Buffer.from([byte])), 10)).toEqual(expectedLines);
  });

  it('reports the bytes read so far with each batch', async () => {
    const seen: number[] = [];
    for await (const batch of readLineBatches(chunks([Buffer.from('ab\nc'), Buffer.from('d\n')]))) seen.push(batch.bytesRead);
    expect(seen).toEqual([4, 6]);
  });
});

/** A stream that accepts `capacity` writes, then reports backpressure until drained. */
function fakeStream(capacity: number): { stream: OutputStream; writes: string[]; drain(): void } {
  const emitter = new EventEmitter();
  const writes: string[] = [];
  const stream = Object.assign(emitter, {
    write(text: string): boolean {
      writes.push(text);
      return writes.length < capacity;
    },
  }) as unknown as OutputStream;
  return { stream, writes, drain: () => emitter.emit('drain') };
}

describe('createBatchedWriter', () => {
  it('joins lines into batches of about the given size', async () => {
    const { stream, writes } = fakeStream(Infinity);
    const writer = createBatchedWriter(stream, 10);
    for (const line of ['aaaa', 'bbbb', 'cccc', 'dd']) writer.line(line);
    await writer.flush();
    expect(writes).toEqual(['aaaa\nbbbb\n', 'cccc\ndd\n']);
  });

  it('asks the reader to wait while the stream is backed up, and releases it on drain', async () => {
    const { stream, writes, drain } = fakeStream(1);
    const writer = createBatchedWriter(stream, 4);
    expect(writer.ready()).toBeUndefined();
    writer.line('full');
    const blocked = writer.ready();
    expect(blocked).toBeInstanceOf(Promise);
    let released = false;
    void blocked!.then(() => (released = true));
    await Promise.resolve();
    expect(released).toBe(false);
    drain();
    await blocked;
    expect(released).toBe(true);
    expect(writer.ready()).toBeUndefined();
    expect(writes).toEqual(['full\n']);
  });
});

describe('messageShape', () => {
  it.each([
    ['Invalid campaign id 12345678', 'Invalid campaign id <ID>'],
    ['Invalid campaign id 8f3a9c2e1b', 'Invalid campaign id <ID>'],
    ['Campaign 660e8400-e29b-41d4-a716-446655440000 not found.', 'Campaign <ID> not found.'],
    ['Maximum 50 recipients allowed', 'Maximum <N> recipients allowed'],
    ['Retry in 30s', 'Retry in <N>s'],
    ["User 'jane' can't send to \"+1 415\"", 'User \'<VALUE>\' can\'t send to "<VALUE>"'],
    ['Contact jane.doe@example.com now', 'Contact <EMAIL> now'],
    ['Contact [EMAIL] or [PHONE]', 'Contact <EMAIL> or <PHONE>'],
    ['limit=100, used:250 (id=cmp_a1b2c3d4)', 'limit=<N>, used:<N> (id=<ID>)'],
    ['  spaced \t  out  ', 'spaced out'],
  ])('%j → %j', (message, shape) => {
    expect(messageShape(message)).toBe(shape);
  });

  it('clips very long messages and stays fast on hostile input', () => {
    const hostile = `${'a'.repeat(100_000)} ${"'".repeat(50_000)}`;
    const started = Date.now();
    const shape = messageShape(hostile);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(shape.length).toBeLessThanOrEqual(200);
  });
});

describe('small helpers', () => {
  it('closeMatches suggests near misses and ids containing the query', () => {
    expect(editDistance('classify', 'clasify')).toBe(1);
    expect(closeMatches('clasify', ['classify', 'stats', 'lint'])).toEqual(['classify']);
    expect(closeMatches('503', ['http.503', 'http.504', 'gateway.html_503', 'braze.success'])).toEqual(['http.503', 'gateway.html_503']);
    expect(closeMatches('zzzzzz', ['classify'])).toEqual([]);
  });

  it('pickFields reads own properties only and keeps __proto__ as data', () => {
    const fields = parseFieldList('classify', 'outcome,error.id,__proto__,minor.0.id,constructor');
    const picked = pickFields({ outcome: 'partial', error: null, minor: [{ id: 'braze.minor_error' }] }, fields);
    expect(JSON.stringify(picked)).toBe('{"outcome":"partial","error.id":null,"__proto__":null,"minor.0.id":"braze.minor_error","constructor":null}');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('a bounded counter folds keys beyond its cap into (other)', () => {
    const counter = createBoundedCounter(2);
    for (const key of ['a', 'b', 'a', 'c', 'd']) counter.add(key);
    expect(counter.sorted()).toEqual([
      ['a', 2],
      ['b', 1],
      [OTHER_KEY, 2],
    ]);
    expect(counter.total()).toBe(5);
  });

  it('progressText shows lines, rate and bytes of the total', () => {
    expect(progressText(120_000, 25_000_000, 100_000_000, 2000)).toBe('120,000 lines  60,000 lines/s  25.0 MB of 100.0 MB (25%)');
  });
});

describe('createProgress', () => {
  function tty(isTTY: boolean): { stream: OutputStream; text: () => string } {
    let written = '';
    const stream = { isTTY, write: (chunk: string) => ((written += chunk), true) } as unknown as OutputStream;
    return { stream, text: () => written };
  }

  it('draws on a terminal stderr at most every 250 ms, and clears the line when done', () => {
    const stderr = tty(true);
    let now = 0;
    const progress = createProgress(stderr.stream, tty(false).stream, 1000, () => now);
    now = 100;
    progress.update(10, 100);
    expect(stderr.text()).toBe('');
    now = 300;
    progress.update(50, 500);
    expect(stderr.text()).toBe('\r50 lines  167 lines/s  500 B of 1.0 kB (50%)\u001b[K');
    now = 400;
    progress.update(60, 600);
    expect(stderr.text()).not.toContain('60 lines');
    progress.done();
    expect(stderr.text().endsWith('\r\u001b[K')).toBe(true);
  });

  it('stays silent when stderr is piped, stdout is the terminal, or the input has no size', () => {
    for (const [stderrTTY, stdoutTTY, size] of [
      [false, false, 1000],
      [true, true, 1000],
      [true, false, undefined],
    ] as const) {
      const stderr = tty(stderrTTY);
      let now = 0;
      const progress = createProgress(stderr.stream, tty(stdoutTTY).stream, size, () => now);
      now = 10_000;
      progress.update(1, 1);
      progress.done();
      expect(stderr.text()).toBe('');
    }
  });
});
