/**
 * The other commands of the built CLI (dist/cli.js): stats, lint, catalog, explain, and
 * the global --help / --version / usage errors. Each runs as a subprocess, as users and
 * pipelines run it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Runs the built CLI with `args`, feeding `input` on stdin. */
function run(args: readonly string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
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

const statsInput = [
  { vendor: 'braze', status: 400, body: { message: 'Invalid Campaign ID' } },
  { vendor: 'braze', status: 400, body: { message: 'Invalid campaign id 1234567' } },
  { vendor: 'braze', status: 400, body: { message: 'Invalid campaign id 7654321' } },
  { vendor: 'braze', status: 400, body: { message: 'Invalid campaign id cmp_9f8e7d6c' } },
  { vendor: 'braze', status: 201, body: { message: 'success' } },
  { thrown: { name: 'TypeError', message: 'fetch failed', cause: { code: 'ECONNREFUSED' } } },
  { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><head><title>502 Bad Gateway</title></head></html>' },
]
  .map((line) => JSON.stringify(line))
  .concat(['', ''])
  .join('\n'); // the last '' ends the file with a newline; the one before is a blank line

beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build first (npx tsup)`);
  dir = mkdtempSync(join(tmpdir(), 'vendor-errors-cli-commands-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('help, version and usage errors', () => {
  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('--help lists every command and documents the exit codes', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['classify', 'stats', 'lint', 'catalog', 'explain']) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(result.stdout).toContain('Exit codes:\n  0  success\n  1  lint found problems, --strict saw invalid lines');
    expect(result.stdout).toContain('  2  usage error');
  });

  it.each(['classify', 'stats', 'lint', 'catalog', 'explain'])('%s --help prints its usage, flags and exit codes', async (command) => {
    const result = await run([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: vendor-errors ${command} `));
    expect(result.stdout).toContain('Exit codes:');
    expect(result.stdout).toContain('-h, --help');
    expect(await run(['help', command])).toEqual(result);
  });

  it('classify --help names every flag the command accepts', async () => {
    const { stdout } = await run(['classify', '--help']);
    for (const option of ['--vendor', '--fields', '--format', '--summary', '--strict', '--no-redact', '--catalog', '--max-line-bytes']) expect(stdout).toContain(option);
  });

  it('no command prints the help on stderr and exits 2', async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: vendor-errors <command>');
  });

  it('an unknown command or flag exits 2 with one line and a hint, no stack trace', async () => {
    const command = await run(['clasify']);
    expect(command).toEqual({ code: 2, stdout: '', stderr: "vendor-errors: unknown command 'clasify'\nDid you mean 'classify'? Run 'vendor-errors --help' for the commands.\n" });
    const option = await run(['--frobnicate']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--frobnicate'");
    for (const args of [['stats', '--bogus'], ['lint', '--fix'], ['catalog', '--yaml'], ['explain', '--verbose', 'http.503'], ['stats', '--top', 'many']]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(new RegExp(`^vendor-errors ${args[0]}: `));
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('stats', () => {
  it('--json counts by vendor, outcome, category and id, and groups unmatched messages by shape', async () => {
    const result = await run(['stats', '--json'], statsInput);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      lines: 8,
      classified: 7,
      invalid: 1,
      byVendor: { braze: 5, '(none)': 2 },
      byOutcome: { error: 6, success: 1 },
      byCategory: { bad_request: 3, network: 1, not_found: 1, unavailable: 1 },
      byId: { 'braze.bad_request': 3, 'braze.invalid_campaign_id': 1, 'gateway.html_502': 1, 'network.econnrefused': 1 },
      minorById: {},
      errors: 6,
      retryable: 2,
      retryableShare: 2 / 6,
      unmatched: 4,
      topUnmatched: [
        { vendor: 'braze', shape: 'Invalid campaign id <ID>', count: 3, ids: ['braze.bad_request'] },
        { vendor: null, shape: '<N> Bad Gateway', count: 1, ids: ['gateway.html_502'] },
      ],
      unmatchedShapes: 2,
    });
  });

  it('prints human tables by default, reading a file', async () => {
    const path = join(dir, 'stats.ndjson');
    writeFileSync(path, statsInput);
    const result = await run(['stats', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Lines: 8 (classified 7, invalid 1)');
    expect(result.stdout).toMatch(/^error +6 +85\.7%$/m);
    expect(result.stdout).toMatch(/^braze\.bad_request +3 +50\.0%$/m);
    expect(result.stdout).toContain('Retryable: 2 of 6 errors (33.3%)');
    expect(result.stdout).toContain('Top unmatched messages (2 of 2 shapes, 4 errors):');
    expect(result.stdout).toMatch(/^ +3 +braze +braze\.bad_request +Invalid campaign id <ID>$/m);
  });

  it('--top limits the unmatched shapes; a missing file exits 2', async () => {
    const top = JSON.parse((await run(['stats', '--json', '--top', '1'], statsInput)).stdout) as { topUnmatched: unknown[] };
    expect(top.topUnmatched).toHaveLength(1);
    const missing = await run(['stats', join(dir, 'nope.ndjson')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});

describe('lint', () => {
  it('passes the shipped catalogs with exit code 0', async () => {
    expect(await run(['lint'])).toEqual({ code: 0, stdout: 'No problems in 5 catalogs.\n', stderr: '' });
    expect(await run(['lint', '--json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    // --redos runs recheck (installed here as a dev dependency) over every template.
    expect(await run(['lint', '--redos'])).toEqual({ code: 0, stdout: 'No problems in 5 catalogs.\n', stderr: '' });
  });

  it('reports every problem of a directory with file and entry, exit code 1', async () => {
    const catalogs = join(dir, 'lint-catalogs');
    mkdirSync(catalogs);
    const entry = (id: string, extra: Record<string, unknown>) => ({
      id,
      category: 'conflict',
      retryable: false,
      fatal: true,
      description: 'A conflict.',
      match: { code: 'DUPLICATE' },
      examples: [{ name: 'duplicate', input: { vendor: 'acme', status: 409, body: { code: 'DUPLICATE' } }, expect: { outcome: 'error', id } }],
      ...extra,
    });
    const acme = {
      vendor: 'acme',
      name: 'Acme API',
      docs: 'https://acme.example/docs',
      shapes: ['json'],
      hosts: ['api.acme.example'],
      requestIdHeaders: [],
      entries: [
        entry('acme.duplicate', {}),
        // The example claims another id than the entry's own.
        entry('acme.gone', { category: 'not_found', match: { code: 'GONE' }, examples: [{ name: 'gone', input: { vendor: 'acme', status: 404, body: { code: 'GONE' } }, expect: { outcome: 'error', id: 'acme.missing' } }] }),
      ],
    };
    writeFileSync(join(catalogs, 'acme.json'), JSON.stringify(acme, null, 2));
    writeFileSync(join(catalogs, 'broken.json'), '{"vendor": "broken", ');
    writeFileSync(join(catalogs, 'schema.json'), 'not even JSON: schema.json is skipped');
    const bad = { ...acme, vendor: 'bad', entries: [{ ...entry('bad.no_category', { match: { code: 'X' } }), category: 'nonsense' }] };
    writeFileSync(join(catalogs, 'bad.json'), JSON.stringify(bad));

    const result = await run(['lint', catalogs]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(`${join(catalogs, 'acme.json')}: acme.gone: example #1: [example-mismatch] gone: id: expected "acme.missing", got "acme.gone"`);
    expect(lines.some((line) => line.startsWith(`${join(catalogs, 'bad.json')}: bad.no_category: [schema] entries[0].category`))).toBe(true);
    expect(lines.some((line) => line.startsWith(`${join(catalogs, 'broken.json')}: [json] not valid JSON`))).toBe(true);
    expect(lines.some((line) => line.includes('schema.json'))).toBe(false);
    expect(lines.at(-1)).toMatch(/^\d+ problems in 3 files\.$/);

    const json = JSON.parse((await run(['lint', catalogs, '--json'])).stdout) as { file: string; entry?: string; rule: string }[];
    expect(json).toContainEqual(expect.objectContaining({ file: join(catalogs, 'acme.json'), catalog: 'acme', entry: 'acme.gone', example: 0, rule: 'example-mismatch' }));
    expect(json.filter((problem) => problem.file.endsWith('acme.json')).map((problem) => problem.entry)).not.toContain('acme.duplicate');
  });

  it('a missing directory or one without catalogs exits 2', async () => {
    expect((await run(['lint', join(dir, 'no-such-dir')])).code).toBe(2);
    const empty = join(dir, 'empty-catalogs');
    mkdirSync(empty);
    const result = await run(['lint', empty]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no catalog files (*.json)');
  });
});

describe('catalog', () => {
  it('lists the entries of a vendor: id, category, retryable, matches, description', async () => {
    const result = await run(['catalog', 'braze']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^braze: Braze REST API \(\d+ entries\)$/);
    expect(lines).toContain('file: catalog/braze.json');
    expect(result.stdout).toMatch(/^ID +CATEGORY +RETRYABLE +MATCHES +DESCRIPTION$/m);
    expect(result.stdout).toMatch(/^braze\.invalid_campaign_id +not_found +no +message "Invalid Campaign ID" +\S/m);
    expect(result.stdout).toMatch(/^braze\.success +\(success\) +- +message "success"/m);
  });

  it('--json prints the catalog as shipped; without a vendor, every catalog', async () => {
    const shipped = JSON.parse(readFileSync(join(root, 'catalog', 'sinch.json'), 'utf8')) as unknown;
    expect(JSON.parse((await run(['catalog', 'sinch', '--json'])).stdout)).toEqual(shipped);
    const all = JSON.parse((await run(['catalog', '--json'])).stdout) as { vendor: string }[];
    expect(all.map((catalog) => catalog.vendor)).toEqual(['braze', 'sinch', 'transformify', 'spotzee', 'generic']);
  });

  it('--markdown prints a table with one row per entry', async () => {
    const result = await run(['catalog', 'spotzee', '--markdown']);
    const shipped = JSON.parse(readFileSync(join(root, 'catalog', 'spotzee.json'), 'utf8')) as { entries: { id: string }[] };
    expect(result.stdout).toContain('| id | category | retryable | matches | description |\n|---|---|---|---|---|\n');
    const rows = result.stdout.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows.map((row) => /^\| `([^`]+)`/.exec(row)?.[1])).toEqual(shipped.entries.map((entry) => entry.id));
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(7);
  });

  it('an unknown vendor, or both --json and --markdown, exits 2', async () => {
    const unknown = await run(['catalog', 'acme']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown vendor 'acme' (known: braze, sinch, transformify, spotzee, generic)");
    expect((await run(['catalog', 'braze', '--json', '--markdown'])).code).toBe(2);
  });
});

describe('explain', () => {
  it('explains an id: category and its meaning, retry advice, docs, matches, an example with its result', async () => {
    const result = await run(['explain', 'braze.invalid_campaign_id']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^braze\.invalid_campaign_id \(Braze REST API\)\n/);
    expect(result.stdout).toContain('category    not_found: a referenced resource does not exist (or is not visible to this key)');
    expect(result.stdout).toContain('retryable   no');
    expect(result.stdout).toContain('fatal       yes: the whole request failed');
    expect(result.stdout).toContain('matches     message "Invalid Campaign ID"');
    expect(result.stdout).toMatch(/docs {8}https:\/\/www\.braze\.com\/docs\/api\/errors\//);
    expect(result.stdout).toContain('Example: ');
    expect(result.stdout).toContain('"id": "braze.invalid_campaign_id"');
  });

  it('--json gives the same facts for a thrown-error id, with the example classified now', async () => {
    const explanation = JSON.parse((await run(['explain', 'network.econnrefused', '--json'])).stdout) as Record<string, any>;
    expect(explanation).toMatchObject({ id: 'network.econnrefused', vendor: 'generic', outcome: 'error', category: 'network', retryable: true, fatal: true });
    expect(explanation.categoryMeaning).toContain('no HTTP response at all');
    expect(explanation.matches).toBe('thrown error · code "ECONNREFUSED"');
    expect(explanation.example.input).toHaveProperty('thrown');
    expect(explanation.example.result.error).toMatchObject({ id: 'network.econnrefused', matchedBy: 'transport' });
  });

  it('explains the synthesized <vendor>.unknown ids', async () => {
    const explanation = JSON.parse((await run(['explain', 'sinch.unknown', '--json'])).stdout) as Record<string, unknown>;
    expect(explanation).toMatchObject({ id: 'sinch.unknown', category: 'unknown', retryable: false, fatal: true });
  });

  it('an unknown id exits 2 and suggests close matches', async () => {
    const typo = await run(['explain', 'braze.invalid_campain_id']);
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toMatch(/^vendor-errors explain: unknown id 'braze\.invalid_campain_id'\. Did you mean: braze\.invalid_campaign_id[,?]/);
    const bare = await run(['explain', '503']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('http.503');
    expect((await run(['explain'])).code).toBe(2);
  });
});
