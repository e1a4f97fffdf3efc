/**
 * `vendor-errors classify`, run as a subprocess from the built CLI (dist/cli.js; build
 * with `npx tsup` or `npm test`). The contract under test: exactly one output line per
 * input line, in order, whatever the bytes; exit codes as documented; nothing secret or
 * noisy on either stream.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli.js');
let dir: string;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with `args`, feeding `input` on stdin (or nothing). */
function run(args: readonly string[], input?: string | Buffer): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.on('error', () => {}); // the CLI may exit (usage error) before reading stdin
    child.stdin.end(input ?? '');
  });
}

/** Writes `content` to a new file in the test's temp dir. */
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Output lines (the final newline ends the last line; it does not start another). */
function outputLines(stdout: string): string[] {
  expect(stdout.endsWith('\n') || stdout === '').toBe(true);
  return stdout === '' ? [] : stdout.slice(0, -1).split('\n');
}

function parsed(stdout: string): Record<string, any>[] {
  return outputLines(stdout).map((line) => JSON.parse(line) as Record<string, any>);
}

const invalidCampaign = { vendor: 'braze', status: 400, headers: { 'content-type': 'application/json' }, body: { message: 'Invalid Campaign ID' } };
const rateLimited = { vendor: 'braze', status: 429, headers: { 'retry-after': '30' }, body: '{"message":"Over rate limit."}' };
const success = { vendor: 'braze', status: 201, body: { message: 'success' } };
const refused = { thrown: { name: 'TypeError', message: 'fetch failed', cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:443' } } };
const gateway = { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>' };

const good = [invalidCampaign, rateLimited, success, refused, gateway].map((value) => JSON.stringify(value));

beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build first (npx tsup)`);
  dir = mkdtempSync(join(tmpdir(), 'vendor-errors-cli-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('classify: one result per input line', () => {
  it('classifies good lines in order, responses and thrown errors alike', async () => {
    const result = await run(['classify', file('good.ndjson', `${good.join('\n')}\n`)]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = parsed(result.stdout);
    expect(lines.map((line) => [line.outcome, line.error?.id ?? null])).toEqual([
      ['error', 'braze.invalid_campaign_id'],
      ['error', 'braze.rate_limited'],
      ['success', null],
      ['error', 'network.econnrefused'],
      ['error', 'gateway.html_502'],
    ]);
    expect(lines[1]!.error).toMatchObject({ category: 'rate_limit', retryable: true, retryAfterMs: 30_000 });
    expect(lines[3]!.error).toMatchObject({ category: 'network', matchedBy: 'transport', retryable: true });
  });

  it('answers blank, non-JSON and non-object lines with {"line", "invalid"} on the same line number', async () => {
    const input = [good[0], '', '   ', '{"status":', '[1,2,3]', '42', '"text"', 'null', 'true', good[2]].join('\n');
    const result = await run(['classify', file('bad.ndjson', input)]);
    expect(result.code).toBe(0);
    const lines = parsed(result.stdout);
    expect(lines).toHaveLength(10);
    expect(lines[0]!.error.id).toBe('braze.invalid_campaign_id');
    expect(lines.slice(1, 9)).toEqual([
      { line: 2, invalid: 'blank line' },
      { line: 3, invalid: 'blank line' },
      { line: 4, invalid: 'invalid JSON: unexpected end of input' },
      { line: 5, invalid: 'not an input object (got an array)' },
      { line: 6, invalid: 'not an input object (got a number)' },
      { line: 7, invalid: 'not an input object (got a string)' },
      { line: 8, invalid: 'not an input object (got null)' },
      { line: 9, invalid: 'not an input object (got a boolean)' },
    ]);
    expect(lines[9]!.outcome).toBe('success');
  });

  it('tolerates CRLF line endings and a missing final newline', async () => {
    const input = `${good[0]}\r\n\r\n${good[2]}\r\n${good[3]}`;
    const lines = parsed((await run(['classify', file('crlf.ndjson', input)])).stdout);
    expect(lines.map((line) => line.error?.id ?? line.invalid ?? line.outcome)).toEqual(['braze.invalid_campaign_id', 'blank line', 'success', 'network.econnrefused']);
  });

  it('an empty file gives no output; a lone newline is one blank line', async () => {
    expect((await run(['classify', file('empty.ndjson', '')])).stdout).toBe('');
    expect(parsed((await run(['classify', file('newline.ndjson', '\n')])).stdout)).toEqual([{ line: 1, invalid: 'blank line' }]);
  });

  it('decodes invalid UTF-8 with replacement characters instead of failing the line', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"vendor":"braze","status":400,"body":{"message":"caf'),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      Buffer.from(' au lait"}}\n'),
      Buffer.from([0xef, 0xbb, 0xbf]), // a stray BOM in the middle of a file is not JSON
      Buffer.from('{}\n'),
    ]);
    const result = await run(['classify', file('utf8.ndjson', bytes)]);
    const lines = parsed(result.stdout);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.error.message).toBe('caf\ufffd(\ufffd\ufffd au lait');
    expect(lines[1]).toEqual({ line: 2, invalid: 'invalid JSON: unexpected token' });
  });

  it('skips a UTF-8 byte-order mark before the first line', async () => {
    const lines = parsed((await run(['classify', file('bom.ndjson', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${good[2]}\n`)]))])).stdout);
    expect(lines).toEqual([expect.objectContaining({ outcome: 'success', vendor: 'braze' })]);
  });

  it('survives binary garbage: still one valid JSON line per input line', async () => {
    // Deterministic pseudo-random bytes (xorshift), with NULs, CRs and newlines among them.
    let seed = 0x9e3779b9;
    const bytes = Buffer.alloc(200_000);
    for (let i = 0; i < bytes.length; i++) {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      bytes[i] = seed & 0xff;
    }
    const expected = bytes.toString('latin1').split('\n').length - (bytes[bytes.length - 1] === 0x0a ? 1 : 0);
    const result = await run(['classify', file('garbage.bin', bytes)]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = parsed(result.stdout);
    expect(lines).toHaveLength(expected);
    lines.forEach((line, index) => {
      if ('invalid' in line) expect(line.line).toBe(index + 1);
      else expect(line.outcome).toBeTypeOf('string');
    });
  });

  it('reports a 50 MB line as too long without holding it, and keeps the lines around it', async () => {
    const path = join(dir, 'huge.ndjson');
    const fd = openSync(path, 'w');
    writeSync(fd, `${good[0]}\n`);
    const prefix = '{"vendor":"braze","status":400,"body":"';
    writeSync(fd, prefix);
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    for (let i = 0; i < 50; i++) writeSync(fd, chunk);
    writeSync(fd, '"}\n');
    writeSync(fd, `${good[3]}\n`);
    closeSync(fd);
    const hugeBytes = prefix.length + 50 * chunk.length + 2;
    const result = await run(['classify', path]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = parsed(result.stdout);
    expect(lines).toHaveLength(3);
    expect(lines[0]!.error.id).toBe('braze.invalid_campaign_id');
    expect(lines[1]).toEqual({ line: 2, invalid: `line too long (${hugeBytes} bytes)` });
    expect(lines[2]!.error.id).toBe('network.econnrefused');
  }, 30_000);

  it('classifies lines that span many read chunks, and honours --max-line-bytes', async () => {
    const long = JSON.stringify({ vendor: 'braze', status: 400, body: { message: 'Invalid Campaign ID', padding: 'p'.repeat(700_000) } });
    const input = `${long}\n${good[2]}\n${long}\n`;
    const path = file('long.ndjson', input);
    expect(parsed((await run(['classify', path])).stdout).map((line) => line.error?.id ?? line.outcome)).toEqual([
      'braze.invalid_campaign_id',
      'success',
      'braze.invalid_campaign_id',
    ]);
    const capped = parsed((await run(['classify', path, '--max-line-bytes', '300000'])).stdout);
    expect(capped).toEqual([
      { line: 1, invalid: `line too long (${long.length} bytes)` },
      expect.objectContaining({ outcome: 'success' }),
      { line: 3, invalid: `line too long (${long.length} bytes)` },
    ]);
  });
});

describe('classify: options', () => {
  it('--fields picks dotted fields, null when absent, invalid lines unchanged', async () => {
    const result = await run(['classify', '--fields', 'outcome,error.id,error.category,error.retryAfterMs', file('fields.ndjson', `${good[0]}\n${good[1]}\n${good[2]}\n{oops\n`)]);
    expect(parsed(result.stdout)).toEqual([
      { outcome: 'error', 'error.id': 'braze.invalid_campaign_id', 'error.category': 'not_found', 'error.retryAfterMs': null },
      { outcome: 'error', 'error.id': 'braze.rate_limited', 'error.category': 'rate_limit', 'error.retryAfterMs': 30_000 },
      { outcome: 'success', 'error.id': null, 'error.category': null, 'error.retryAfterMs': null },
      { line: 4, invalid: "invalid JSON: Expected property name or '}' at position 1" },
    ]);
  });

  it('--fields rejects an empty path with exit code 2', async () => {
    const result = await run(['classify', '--fields', 'outcome,,error.id', file('f2.ndjson', `${good[0]}\n`)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("--fields: '' is not a dotted field path");
  });

  it('--summary prints the counts on stderr after the output', async () => {
    const result = await run(['classify', '--summary', file('summary.ndjson', `${good.join('\n')}\n\n[]\n`)]);
    expect(result.code).toBe(0);
    expect(outputLines(result.stdout)).toHaveLength(7);
    expect(result.stderr).toMatch(/^classify: 7 lines in \d+\.\d\d s \(\d+ lines\/s\): success 1, queued 0, partial 0, error 4, invalid 2\n$/);
  });

  it('--strict exits 1 when a line is invalid, 0 when none is; without it invalid lines do not fail', async () => {
    const bad = file('strict-bad.ndjson', `${good[0]}\nnot json\n`);
    const clean = file('strict-good.ndjson', `${good[0]}\n`);
    expect((await run(['classify', '--strict', bad])).code).toBe(1);
    expect((await run(['classify', '--strict', clean])).code).toBe(0);
    const lenient = await run(['classify', bad]);
    expect(lenient.code).toBe(0);
    expect(outputLines(lenient.stdout)).toHaveLength(2);
  });

  it("reads stdin for '-' and when no file is given", async () => {
    const input = `${good[2]}\n${good[0]}\n`;
    for (const args of [['classify', '-'], ['classify']]) {
      const result = await run(args, input);
      expect(result.code).toBe(0);
      expect(parsed(result.stdout).map((line) => line.outcome)).toEqual(['success', 'error']);
    }
  });

  it('--vendor overrides the vendor of every line; an unknown vendor is a usage error', async () => {
    const line = JSON.stringify({ status: 400, body: { message: 'Invalid Campaign ID' } });
    const result = await run(['classify', '--vendor', 'Braze', '--fields', 'vendor,error.id'], `${line}\n`);
    expect(parsed(result.stdout)).toEqual([{ vendor: 'braze', 'error.id': 'braze.invalid_campaign_id' }]);
    const unknown = await run(['classify', '--vendor', 'acme'], `${line}\n`);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown vendor 'acme' (known: braze, sinch, transformify, spotzee)");
  });

  it('redacts e-mail addresses and phone numbers by default; --no-redact keeps them', async () => {
    const line = JSON.stringify({ vendor: 'braze', status: 400, body: { message: 'Cannot reach jane.doe@example.com or +1 415 555 0100' } });
    const redacted = parsed((await run(['classify', '--fields', 'error.message'], `${line}\n`)).stdout);
    expect(redacted).toEqual([{ 'error.message': 'Cannot reach [EMAIL] or [PHONE]' }]);
    const kept = parsed((await run(['classify', '--no-redact', '--fields', 'error.message'], `${line}\n`)).stdout);
    expect(kept).toEqual([{ 'error.message': 'Cannot reach jane.doe@example.com or +1 415 555 0100' }]);
  });

  it('never prints credentials from headers, even for lines that fail to parse', async () => {
    const secret = 'sk_live_0123456789abcdefSECRET';
    const lines = [
      JSON.stringify({ vendor: 'braze', status: 401, headers: { authorization: `Bearer ${secret}`, cookie: `session=${secret}`, 'x-api-key': secret }, body: '' }),
      `{"headers":{"authorization":"Bearer ${secret}"}} trailing`,
      `x{"authorization":"${secret}"`,
    ];
    const result = await run(['classify'], `${lines.join('\n')}\n`);
    expect(outputLines(result.stdout)).toHaveLength(3);
    expect(result.stdout).not.toContain(secret);
    expect(result.stderr).toBe('');
    const table = await run(['classify', '--format', 'table'], `${lines.join('\n')}\n`);
    expect(table.stdout).not.toContain(secret);
  });

  it('--format table prints an aligned header and one row per line', async () => {
    const result = await run(['classify', '--format', 'table', file('table.ndjson', `${good[0]}\n${good[1]}\n\n`)]);
    expect(result.code).toBe(0);
    const lines = outputLines(result.stdout);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^ {2}LINE {2}VENDOR +STATUS {2}OUTCOME {2}ID +CATEGORY +RETRYABLE +AFTER_MS {2}MESSAGE$/);
    expect(lines[1]!.trim().split(/\s{2,}/).map((cell) => cell.trim())).toEqual(['1', 'braze', '400', 'error', 'braze.invalid_campaign_id', 'not_found', 'no', '-', 'Invalid Campaign ID']);
    expect(lines[2]!.trim().split(/\s{2,}/).map((cell) => cell.trim())).toEqual(['2', 'braze', '429', 'error', 'braze.rate_limited', 'rate_limit', 'yes', '30000', 'Over rate limit.']);
    expect(lines[3]).toBe('     3  invalid: blank line');
    // Columns line up: the ID column starts at the same offset in every row.
    expect(lines[1]!.indexOf('braze.invalid_campaign_id')).toBe(lines[0]!.indexOf('ID'));
    expect(lines[2]!.indexOf('braze.rate_limited')).toBe(lines[0]!.indexOf('ID'));
  });

  it('--format table strips control characters from vendor text', async () => {
    const line = JSON.stringify({ vendor: 'braze', status: 400, body: { message: 'evil\u001b[2J\rmessage\nhere' } });
    const result = await run(['classify', '--format', 'table', '--no-redact'], `${line}\n`);
    expect(result.stdout).not.toContain('\u001b');
    expect(outputLines(result.stdout)[1]).toMatch(/evil \[2J message here$/);
  });

  it('--catalog adds user catalogs; a broken one is a usage error', async () => {
    const catalogDir = mkdtempSync(join(dir, 'catalogs-'));
    writeFileSync(join(catalogDir, 'acme.json'), JSON.stringify(acmeCatalog()));
    writeFileSync(join(catalogDir, 'schema.json'), '{"this": "is ignored"}');
    const line = JSON.stringify({ vendor: 'acme', status: 409, body: { code: 'DUPLICATE', message: 'Already exists' } });
    const result = await run(['classify', '--catalog', catalogDir, '--fields', 'vendor,error.id,error.category,error.matchedBy'], `${line}\n${good[0]}\n`);
    expect(parsed(result.stdout)).toEqual([
      { vendor: 'acme', 'error.id': 'acme.duplicate', 'error.category': 'conflict', 'error.matchedBy': 'code' },
      { vendor: 'braze', 'error.id': 'braze.invalid_campaign_id', 'error.category': 'not_found', 'error.matchedBy': 'message' },
    ]);
    writeFileSync(join(catalogDir, 'broken.json'), '{"vendor": "broken"}');
    const broken = await run(['classify', '--catalog', catalogDir], `${line}\n`);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toContain('broken.json is not a valid catalog');
  });
});

describe('classify: exit codes and a closed stdout', () => {
  it('a missing file, an unknown flag or a bad --format value exits 2 without output', async () => {
    for (const args of [
      ['classify', join(dir, 'does-not-exist.ndjson')],
      ['classify', '--bogus'],
      ['classify', '--format', 'xml'],
      ['classify', 'a.ndjson', 'b.ndjson'],
    ]) {
      const result = await run(args, '');
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^vendor-errors classify: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('ends at once, quietly, with exit code 0 when the reader closes stdout early (| head -1)', async () => {
    // Endless input on stdin: only a CLI that stops on EPIPE ever exits. One that swallowed
    // the error and kept reading would run until the test times out.
    const block = `${good.join('\n')}\n`.repeat(2000);
    const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; first: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [cli, 'classify'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let first = '';
      let stderr = '';
      let exited = false;
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => {
        if (first !== '') return;
        first = chunk.toString().split('\n')[0]!;
        child.stdout.destroy();
      });
      child.stdin.on('error', () => {}); // EPIPE once the CLI has gone
      const feed = (): void => {
        while (!exited && child.stdin.write(block));
        if (!exited) child.stdin.once('drain', feed);
      };
      feed();
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error('the CLI kept running after stdout was closed'));
      }, 20_000);
      child.on('error', reject);
      child.on('exit', () => (exited = true));
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, first, stderr });
      });
    });
    expect(JSON.parse(outcome.first).error.id).toBe('braze.invalid_campaign_id');
    expect(outcome.signal).toBeNull();
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toBe('');
  }, 30_000);
});

/** A minimal valid user catalog. */
function acmeCatalog(): unknown {
  return {
    vendor: 'acme',
    name: 'Acme API',
    docs: 'https://acme.example/docs/errors',
    shapes: ['json'],
    hosts: ['api.acme.example'],
    requestIdHeaders: ['x-acme-request'],
    entries: [
      {
        id: 'acme.duplicate',
        category: 'conflict',
        retryable: false,
        fatal: true,
        description: 'The resource already exists.',
        match: { code: 'DUPLICATE' },
        examples: [
          {
            name: 'duplicate',
            input: { vendor: 'acme', status: 409, body: { code: 'DUPLICATE', message: 'Already exists' } },
            expect: { outcome: 'error', id: 'acme.duplicate', category: 'conflict', matchedBy: 'code' },
          },
        ],
      },
    ],
  };
}
