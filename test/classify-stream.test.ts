/**
 * `classifyStream` and `classifyTransform`: one output per input item, in order, by the
 * CLI's rules (a record without a response is answered with the reason), line mode
 * printing what the CLI prints, and flat memory over a million records.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import { classifyStream, type StreamRecord } from '../src/classify-stream.js';
import { classifyTransform } from '../src/stream.js';
import { createClassifier } from '../src/create-classifier.js';

const invalidCampaign = { vendor: 'braze', status: 400, body: { message: 'Invalid Campaign ID' } };
const refused = { name: 'TypeError', message: 'fetch failed', cause: { code: 'ECONNREFUSED' } };

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

/** What matters of an output item: its line, and the error id or the reason. */
function summary(item: StreamRecord): [number, string | null] {
  return 'invalid' in item ? [item.line, `invalid: ${item.invalid}`] : [item.line, item.result.error?.id ?? item.result.outcome];
}

/** Runs `stream` over `chunks` and returns everything it printed. */
async function through(stream: NodeJS.ReadWriteStream, chunks: (string | Buffer)[]): Promise<string> {
  const out: string[] = [];
  await pipeline(Readable.from(chunks), stream, new Writable({ write: (chunk, _encoding, done) => void (out.push(String(chunk)), done()) }));
  return out.join('');
}

describe('classifyStream', () => {
  it('answers every item in order: records, NDJSON lines, and the reason for what is not an input', async () => {
    const source = [invalidCampaign, JSON.stringify({ thrown: refused }), { ts: 1, response: invalidCampaign }, '', '{', [1], { status: null }];
    expect((await collect(classifyStream(source))).map(summary)).toEqual([
      [1, 'braze.invalid_campaign_id'],
      [2, 'network.econnrefused'],
      [3, expect.stringMatching(/^invalid: the line has no response member \(status, headers, body\) and no thrown member/)],
      [4, 'invalid: blank line'],
      [5, expect.stringMatching(/^invalid: invalid JSON/)],
      [6, 'invalid: not an input object (got an array)'],
      [7, 'network.no_response'],
    ]);
  });

  it('reads the member at `at`, keeps the record for correlation, and takes classify options and a classifier', async () => {
    const record = { trace_id: 'x', http: { response: { status: 503, body: {} } } };
    const items = await collect(classifyStream([record, { trace_id: 'y', http: { response: refused } }], { at: 'http.response', vendor: 'braze', classifier: createClassifier() }));
    expect(items[0]).toMatchObject({ line: 1, record, result: { vendor: 'braze', status: 503, error: { category: 'unavailable' } } });
    expect(items[0]!.record).toBe(record);
    expect(summary(items[1]!)).toEqual([2, 'network.econnrefused']);
  });

  it('throws a TypeError for a malformed `at`, before reading the source', async () => {
    let read = false;
    const source = (function* () {
      read = true;
      yield {};
    })();
    await expect(collect(classifyStream(source, { at: 'a..b' }))).rejects.toThrow(TypeError);
    expect(read).toBe(false);
  });

  it('keeps every one of 1,000,000 records in order with flat memory', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const total = 1_000_000;
    const shapes = [invalidCampaign, { status: 503 }, { ts: 1 }, '{"status":429,"headers":{"retry-after":"2"}}'];
    const idOf = (item: StreamRecord) => ('invalid' in item ? null : (item.result.error?.id ?? null));
    // Each shape's answer on its own; the stream must give the same at every position.
    const expected = (await collect(classifyStream(shapes))).map(idOf);
    expect(expected.filter((id) => id === null)).toHaveLength(1);
    function* records() {
      for (let i = 0; i < total; i++) yield shapes[i % shapes.length];
    }
    let seen = 0;
    let mismatches = 0;
    let baseline = 0;
    let peakGrowth = 0;
    for await (const item of classifyStream(records())) {
      if (item.line !== seen + 1 || idOf(item) !== expected[seen % shapes.length]) mismatches++;
      seen++;
      if (seen === 100_000) {
        gc();
        baseline = process.memoryUsage().heapUsed;
      } else if (seen % 300_000 === 0 || seen === total) {
        gc();
        peakGrowth = Math.max(peakGrowth, process.memoryUsage().heapUsed - baseline);
      }
    }
    expect(seen).toBe(total);
    expect(mismatches).toBe(0);
    // 900,000 records after the baseline: keeping even 10 bytes of each would grow the heap by 9 MB.
    expect(peakGrowth).toBeLessThan(4 * 1024 * 1024);
  });
});

describe('classifyTransform', () => {
  it('object mode: records in, StreamRecords out, in order', async () => {
    const out: StreamRecord[] = [];
    await pipeline(
      Readable.from([invalidCampaign, { nothing: true }, JSON.stringify({ thrown: refused })]),
      classifyTransform({ mode: 'object' }),
      new Writable({ objectMode: true, write: (item: StreamRecord, _encoding, done) => void (out.push(item), done()) }),
    );
    expect(out.map(summary)).toEqual([
      [1, 'braze.invalid_campaign_id'],
      [2, expect.stringMatching(/^invalid: the line has no response member/)],
      [3, 'network.econnrefused'],
    ]);
  });

  it('line mode prints exactly what the CLI prints for the same input', async () => {
    const input = [JSON.stringify({ ts: 1, response: invalidCampaign }), JSON.stringify({ ts: 2, response: refused }), '', 'oops', JSON.stringify({ ts: 3, response: { thrown: refused } }), JSON.stringify({ ts: 4 })].join('\n') + '\n';
    const cli: string[] = [];
    const code = await runCli(['classify', '--at', 'response', '--no-redact'], {
      stdin: Readable.from([Buffer.from(input)]),
      stdout: new Writable({ write: (chunk, _encoding, done) => void (cli.push(String(chunk)), done()) }),
      stderr: new Writable({ write: (_chunk, _encoding, done) => done() }),
    });
    expect(code).toBe(0);
    expect(await through(classifyTransform({ mode: 'line', at: 'response' }), [input])).toBe(cli.join(''));
  });

  it('line mode splits any chunking: a character cut between chunks, CRLF, a BOM, a last line without newline', async () => {
    const line = JSON.stringify({ status: 400, vendor: 'braze', body: { message: 'Invalid Campaign ID ✓' } });
    const bytes = Buffer.from(`\ufeff${line}\r\n${line}\n{"status":503}`);
    const cut = bytes.indexOf(Buffer.from('✓')) + 1; // inside the three bytes of ✓
    const out = (await through(classifyTransform({ mode: 'line' }), [bytes.subarray(0, cut), bytes.subarray(cut)])).split('\n');
    expect(out.map((text) => (text === '' ? '' : JSON.parse(text).status))).toEqual([400, 400, 503, '']);
    expect(JSON.parse(out[0]!).error.message).toBe('Invalid Campaign ID ✓');
  });

  it('line mode answers a line over maxLineLength as invalid without holding it, and goes on', async () => {
    const long = `{"body":"${'x'.repeat(5000)}"}`;
    const chunks = ['{"status":503}\n', long.slice(0, 2000), long.slice(2000), '\n{"status":502}\n'];
    const out = (await through(classifyTransform({ mode: 'line', maxLineLength: 1000 }), chunks)).trimEnd().split('\n').map((text) => JSON.parse(text));
    expect(out).toEqual([expect.objectContaining({ status: 503 }), { line: 2, invalid: `line too long (${long.length} characters)` }, expect.objectContaining({ status: 502 })]);
  });
});
