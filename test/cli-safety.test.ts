/**
 * The built CLI (dist/cli.js) under hostile environments and inputs, as a subprocess:
 *
 * - reliability: output that cannot be written (stdout closed with `>&-`) is an error,
 *   and `--catalog DIR` refuses files that are not regular files (a FIFO named x.json
 *   would otherwise block the command forever);
 * - security: no planted credential reaches any output format, `stats`, or the example
 *   input `explain` prints from a user catalog.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli.js');
let dir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command` in a POSIX shell (for redirections such as `>&-`), feeding `input` on stdin. */
function shell(command: string, input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, CLI: cli, NODE: process.execPath } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

/** Runs the built CLI with `args` (quoted for the shell). */
function run(args: readonly string[], input = '', redirect = ''): Promise<Run> {
  const quoted = args.map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  return shell(`"$NODE" "$CLI" ${quoted} ${redirect}`, input);
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build first (npx tsup)`);
  dir = mkdtempSync(join(tmpdir(), 'vendor-errors-cli-safety-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('reliability', () => {
  const line = `${JSON.stringify({ status: 503 })}\n`;

  it.each([['classify'], ['stats'], ['catalog'], ['explain', 'http.503'], ['--version']])(
    '%s with stdout closed (>&-) says so on stderr and exits non-zero',
    async (...args) => {
      const result = await run(args, line, '>&-');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('cannot write output: standard output is closed');
    },
  );

  it('with stdout sent to /dev/null (a deliberate choice) exits 0', async () => {
    const result = await run(['classify'], line, '>/dev/null');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('--catalog DIR refuses a FIFO named x.json with a clear error instead of hanging', async () => {
    const fifoDir = join(dir, 'fifo');
    mkdirSync(fifoDir);
    const made = await shell(`mkfifo '${join(fifoDir, 'x.json')}'`);
    expect(made.code).toBe(0);
    for (const args of [['lint', fifoDir], ['classify', '--catalog', fifoDir], ['explain', 'http.503', '--catalog', fifoDir]]) {
      const result = await run(args, line);
      expect(result.code, result.stderr).not.toBe(0);
      expect(`${result.stdout}${result.stderr}`).toContain('x.json');
      expect(`${result.stdout}${result.stderr}`).toContain('not a regular file');
    }
  });
});

describe('security', () => {
  const password = 'Pw7hunter2Pw';
  const apiKey = 'AK9f3e1c0b7a5d';
  const token = 'TK4d2b0f9e8c7a';
  const key = '5f2c9e1a-7c1d-4c6b-9a51-0b1c2d3e4f50';
  const SECRETS = [password, apiKey, token, key];

  const lines = [
    { status: 500, body: { message: `upstream https://u:${password}@h.example/v1?api_key=${apiKey} failed` } },
    { vendor: 'braze', status: 401, body: { error: `Invalid API key: ${key}` } },
    { status: 401, body: `Error: Invalid API key:${key}` },
    { thrown: { name: 'Error', message: `401 Unauthorized: Authorization: Bearer ${token}` } },
    { status: 422, body: { errors: { url: `https://h.example/?access_token=${token}`, proxy: `user:${password}@proxy.example:443` } } },
    { status: 503, headers: { 'x-request-id': `https://u:${password}@h/` } },
  ]
    .map((value) => JSON.stringify(value))
    .join('\n');

  it.each([[['classify']], [['classify', '--format', 'table']], [['classify', '--no-redact']], [['stats']], [['stats', '--json']]])('%s prints no planted credential', async (args) => {
    const result = await run(args, `${lines}\n`);
    expect(result.code, result.stderr).toBe(0);
    for (const secret of SECRETS) {
      expect(result.stdout).not.toContain(secret);
      expect(result.stderr).not.toContain(secret);
    }
  });

  it('explain masks credentials in the example input of a user catalog', async () => {
    const catalogDir = join(dir, 'explain');
    mkdirSync(catalogDir);
    const acme = {
      vendor: 'acme',
      name: 'Acme',
      docs: 'https://acme.example/docs',
      shapes: ['json'],
      hosts: ['api.acme.example'],
      requestIdHeaders: [],
      entries: [
        {
          id: 'acme.bad_key',
          category: 'authentication',
          retryable: false,
          fatal: true,
          description: 'The API key was rejected.',
          match: { message: 'Bad key {key}' },
          secret: ['key'],
          examples: [
            {
              name: `seen at https://u:${password}@api.acme.example/`,
              input: {
                vendor: 'acme',
                status: 401,
                url: `https://u:${password}@api.acme.example/v1?api_key=${apiKey}`,
                headers: { 'X-Goog-Api-Key': apiKey, 'x-braze-api-key': apiKey, Authorization: `Bearer ${token}` },
                body: { message: `Bad key ${key}` },
              },
              expect: { outcome: 'error', id: 'acme.bad_key' },
            },
          ],
        },
        {
          id: 'acme.timeout',
          category: 'network',
          retryable: true,
          fatal: true,
          description: 'The request timed out.',
          match: { transport: true, code: 'ETIMEDOUT' },
          examples: [
            {
              name: 'axios timeout',
              input: { thrown: { name: 'AxiosError', code: 'ETIMEDOUT', message: 'timeout', config: { url: 'https://api.acme.example/', auth: { username: 'u', password } } } },
              expect: { outcome: 'error', id: 'acme.timeout' },
            },
          ],
        },
      ],
    };
    writeFileSync(join(catalogDir, 'acme.json'), JSON.stringify(acme));
    for (const id of ['acme.bad_key', 'acme.timeout'])
      for (const format of [[], ['--json']]) {
        const result = await run(['explain', id, '--catalog', catalogDir, ...format]);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toContain('[REDACTED]');
        for (const secret of SECRETS) expect(result.stdout).not.toContain(secret);
      }
  });
});
