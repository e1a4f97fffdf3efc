/**
 * The README's first example runs and prints exactly the result the README shows, and its
 * CLI example prints what the README says: documentation that cannot drift from the code.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

function block(after: string, language: string): string {
  const start = readme.indexOf(`\`\`\`${language}\n`, readme.indexOf(after));
  const end = readme.indexOf('\n```', start + 1);
  expect(start, `a ${language} block after "${after}"`).toBeGreaterThan(-1);
  return readme.slice(start + language.length + 4, end);
}

describe('README', () => {
  it('the ten-line example prints the documented result', () => {
    const code = block('## Ten lines', 'ts').replace("from 'vendor-errors'", `from ${JSON.stringify(join(root, 'dist/index.js'))}`);
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(output.trim()).toBe(block('## Ten lines', 'js').trim());
  });

  it('the CLI example prints the documented line', () => {
    const example = block('From the command line', 'sh');
    const input = /echo '([^']+)'/.exec(example)?.[1];
    const flags = /classify (--fields \S+)/.exec(example)?.[1]?.split(' ') ?? [];
    const expected = example.split('\n').at(-1);
    const output = execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'classify', ...flags], { input: `${input}\n`, encoding: 'utf8' });
    expect(output.trim()).toBe(expected);
  });
});

describe('README log pipeline', () => {
  it('the --at / --keep example prints the documented line', () => {
    const example = block('## From a logging pipeline', 'sh');
    const shown = block('`--keep` copies correlation', 'sh');
    expect(example).toContain('vendor-errors classify');
    const input = /echo '([^']+)'/.exec(shown)?.[1];
    const flags = /classify (.+)$/m.exec(shown.split('\n')[1] ?? '')?.[1]?.split(' ') ?? [];
    const expected = shown.split('\n').at(-1);
    const output = execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'classify', ...flags], { input: `${input}\n`, encoding: 'utf8' });
    expect(flags).toContain('--at');
    expect(output.trim()).toBe(expected);
  });
});

describe('README retry advice', () => {
  it('Spotzee POST without an Idempotency-Key is not retryable, with one it is', async () => {
    const { classify } = await import('../src/index.js');
    const snippet = block('## Retry advice', 'ts');
    expect(snippet).toContain('// false');
    expect(classify({ vendor: 'spotzee', status: 503, request: { method: 'POST' } }).error?.retryable).toBe(false);
    expect(classify({ vendor: 'spotzee', status: 503, request: { method: 'POST', idempotencyKey: 'k1' } }).error?.retryable).toBe(true);
  });
});
