/**
 * `vendor-errors classify` over log records (run in-process through `runCli`): `--at`
 * reads a nested response or thrown error, `--keep` copies correlation members, a record
 * with no response is an invalid line (never a classification), and `--format
 * csv|tsv|logfmt` print one record per input line under documented columns, with only
 * what the result holds.
 */
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';

/** Runs the CLI in this process with `input` on stdin. */
async function cli(args: readonly string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const collect = () => {
    const chunks: string[] = [];
    const stream = new Writable({ write: (chunk, _encoding, done) => void (chunks.push(String(chunk)), done()) });
    return { stream, text: () => chunks.join('') };
  };
  const stdout = collect();
  const stderr = collect();
  const code = await runCli(args, { stdin: Readable.from([Buffer.from(input)]), stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const lines = (text: string) => text.split('\n').slice(0, -1);
const ndjson = (...records: unknown[]) => `${records.map((record) => (typeof record === 'string' ? record : JSON.stringify(record))).join('\n')}\n`;

const invalidCampaign = { vendor: 'braze', status: 400, body: { message: 'Invalid Campaign ID' } };
const refused = { name: 'TypeError', message: 'fetch failed', cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:443' } };
// Braze echoes the API key in this message; the catalog marks it secret, so results carry [REDACTED].
const echoedKey = { vendor: 'braze', status: 401, body: { message: 'Invalid API key: k3y-s3cr3t-value' } };

describe('classify: log records', () => {
  it('reports a record without response members as invalid, not as a network failure', async () => {
    const { code, stdout } = await cli(['classify'], ndjson({ ts: 1, trace_id: 'x', response: invalidCampaign }, { level: 'error', message: 'vendor call failed' }, invalidCampaign));
    expect(code).toBe(0);
    const out = lines(stdout).map((line) => JSON.parse(line));
    expect(out[0]).toEqual({ line: 1, invalid: expect.stringMatching(/^the line has no response member \(status, headers, body\) and no thrown member/) });
    expect(out[1]).toEqual({ line: 2, invalid: expect.stringMatching(/^the line has no response member/) });
    expect(out[2]).toMatchObject({ outcome: 'error', error: { id: 'braze.invalid_campaign_id' } });
  });

  it('still reads {"status": null} as a recorded network failure and {"thrown": ...} as a thrown error', async () => {
    const { stdout } = await cli(['classify', '--fields', 'error.id'], ndjson({ status: null }, { thrown: refused }));
    expect(lines(stdout).map((line) => JSON.parse(line))).toEqual([{ 'error.id': 'network.no_response' }, { 'error.id': 'network.econnrefused' }]);
  });

  it('--at reads a nested response, a nested {"thrown"} object, or a thrown error itself', async () => {
    const input = ndjson(
      { ts: 1, http: { response: invalidCampaign } },
      { ts: 2, http: { response: { thrown: refused } } },
      { ts: 3, http: { response: refused } },
      { ts: 4, http: {} },
      { ts: 5, http: { response: 'text' } },
      { ts: 6, http: { response: { level: 'info' } } },
    );
    const { stdout } = await cli(['classify', '--at', 'http.response', '--fields', 'error.id'], input);
    expect(lines(stdout).map((line) => JSON.parse(line))).toEqual([
      { 'error.id': 'braze.invalid_campaign_id' },
      { 'error.id': 'network.econnrefused' },
      { 'error.id': 'network.econnrefused' },
      { line: 4, invalid: "no member at 'http.response'" },
      { line: 5, invalid: "'http.response' is not an object (got a string)" },
      { line: 6, invalid: "'http.response' has no response member (status, headers, body) and no thrown member" },
    ]);
  });

  it('--keep copies members of each input line first, null when absent, on invalid lines too', async () => {
    const input = ndjson({ '@timestamp': 't1', trace: { id: 'a' }, response: invalidCampaign }, { '@timestamp': 't2' }, 'not json');
    const { stdout } = await cli(['classify', '--at', 'response', '--keep', '@timestamp,trace.id', '--fields', 'error.id'], input);
    expect(lines(stdout)).toEqual([
      '{"@timestamp":"t1","trace.id":"a","error.id":"braze.invalid_campaign_id"}',
      `{"@timestamp":"t2","trace.id":null,"line":2,"invalid":"no member at 'response'"}`,
      '{"@timestamp":null,"trace.id":null,"line":3,"invalid":"invalid JSON: unexpected token"}',
    ]);
    const whole = JSON.parse(lines((await cli(['classify', '--at', 'response', '--keep', 'trace.id'], input)).stdout)[0]!);
    expect(Object.keys(whole).slice(0, 2)).toEqual(['trace.id', 'outcome']);
  });

  it('--keep scrubs credentials from URLs in kept strings, in every format', async () => {
    const input = ndjson({ url: 'https://user:hunter2@rest.iad-01.braze.com/users/track', response: invalidCampaign });
    for (const format of ['ndjson', 'table', 'csv', 'tsv', 'logfmt']) {
      const { stdout } = await cli(['classify', '--at', 'response', '--keep', 'url', '--format', format], input);
      expect(stdout).toContain('https://[REDACTED]@rest');
      expect(stdout).not.toContain('hunter2');
    }
  });

  it('--keep refuses a member name the output has, and --at a malformed path (exit 2)', async () => {
    expect(await cli(['classify', '--keep', 'status'], '')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining("--keep: 'status' is also an output member") });
    expect(await cli(['classify', '--keep', 'error.id', '--fields', 'error.id'], '')).toMatchObject({ code: 2 });
    expect(await cli(['classify', '--at', 'a..b'], '')).toMatchObject({ code: 2, stderr: expect.stringContaining("--at: 'a..b' is not a dotted member path") });
  });

  it('stats --at counts nested responses', async () => {
    const { stdout } = await cli(['stats', '--json', '--at', 'response'], ndjson({ response: invalidCampaign }, { response: invalidCampaign }, {}));
    expect(JSON.parse(stdout)).toMatchObject({ lines: 3, invalid: 1 });
  });
});

describe('classify --format csv|tsv|logfmt', () => {
  const input = ndjson(
    { trace_id: 't,1', response: invalidCampaign },
    { trace_id: 't2', response: { vendor: 'braze', status: 429, headers: { 'retry-after': '3' }, body: { message: 'Slow down, "please"\nnow' } } },
    { trace_id: 't3' },
    { trace_id: '=cmd', response: { vendor: 'braze', status: 400, body: { message: '-1+2\tis\\bad' } } },
  );
  const args = (format: string) => ['classify', '--at', 'response', '--keep', 'trace_id', '--fields', 'status,error.retryAfterMs,error.message', '--format', format];

  it('csv: a header row, then one RFC 4180 record per line, line breaks as \\n, formula cells guarded', async () => {
    const { code, stdout } = await cli(args('csv'), input);
    expect(code).toBe(0);
    expect(lines(stdout)).toEqual([
      'line,trace_id,status,error.retryAfterMs,error.message,invalid',
      '1,"t,1",400,,Invalid Campaign ID,',
      '2,t2,429,3000,"Slow down, ""please""\\nnow",',
      "3,t3,,,,no member at 'response'",
      "4,'=cmd,400,,'-1+2\tis\\bad,",
    ]);
  });

  it('tsv: a header row, then one record per line with backslash escapes', async () => {
    const { stdout } = await cli(args('tsv'), input);
    expect(lines(stdout)).toEqual([
      'line\ttrace_id\tstatus\terror.retryAfterMs\terror.message\tinvalid',
      '1\tt,1\t400\t\tInvalid Campaign ID\t',
      '2\tt2\t429\t3000\tSlow down, "please"\\nnow\t',
      "3\tt3\t\t\t\tno member at 'response'",
      '4\t=cmd\t400\t\t-1+2\\tis\\\\bad\t',
    ]);
  });

  it('logfmt: key=value pairs in column order, quoted where needed, null values left out', async () => {
    const { stdout } = await cli(args('logfmt'), input);
    expect(lines(stdout)).toEqual([
      'line=1 trace_id=t,1 status=400 error.message="Invalid Campaign ID"',
      'line=2 trace_id=t2 status=429 error.retryAfterMs=3000 error.message="Slow down, \\"please\\"\\nnow"',
      `line=3 trace_id=t3 invalid="no member at 'response'"`,
      'line=4 trace_id="=cmd" status=400 error.message="-1+2\\tis\\\\bad"',
    ]);
  });

  it('without --fields, prints the documented default columns', async () => {
    const { stdout } = await cli(['classify', '--format', 'csv'], ndjson(invalidCampaign));
    expect(lines(stdout)).toEqual([
      'line,outcome,vendor,status,error.id,error.category,error.retryable,error.retryAfterMs,error.code,error.message,requestId,invalid',
      '1,error,braze,400,braze.invalid_campaign_id,not_found,false,,,Invalid Campaign ID,,',
    ]);
  });

  it.each(['ndjson', 'table', 'csv', 'tsv', 'logfmt'])('%s prints the redacted message, never the secret the vendor echoed', async (format) => {
    const { stdout } = await cli(['classify', '--format', format, '--fields', 'error.id,error.message,error.params'], ndjson(echoedKey));
    expect(stdout).toContain('[REDACTED]');
    expect(stdout).not.toContain('k3y-s3cr3t-value');
  });

  it('every input line gives exactly one record, in order, in every flat format', async () => {
    const many = ndjson(...Array.from({ length: 500 }, (_, i) => (i % 7 === 3 ? '{' : { n: i, response: i % 2 === 0 ? invalidCampaign : echoedKey })));
    for (const format of ['csv', 'tsv', 'logfmt']) {
      const out = lines((await cli(['classify', '--at', 'response', '--keep', 'n', '--format', format], many)).stdout);
      const records = format === 'logfmt' ? out : out.slice(1);
      expect(records).toHaveLength(500);
      expect(records.map((record) => Number(/^(?:line=)?(\d+)/.exec(record)?.[1]))).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    }
  });
});
