/**
 * Release flow: a change to src/ or catalog/ since the last release needs a changeset.
 * Checked on scratch repositories (both verdicts) and on this repository.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkChangeset } from '../scripts/check-changeset.js';

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vendor-errors-release-'));
  const run = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  run('init', '-q');
  run('config', 'user.email', 'test@example.test');
  run('config', 'user.name', 'test');
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, '.changeset'));
  writeFileSync(join(dir, 'CHANGELOG.md'), '# changelog\n');
  writeFileSync(join(dir, 'src/a.ts'), 'export const a = 1;\n');
  writeFileSync(join(dir, '.changeset/README.md'), 'changesets\n');
  run('add', '-A');
  run('commit', '-qm', 'release');
  return dir;
}

describe('checkChangeset', () => {
  it('passes when nothing changed since the release', () => {
    expect(checkChangeset(repo())).toMatchObject({ ok: true, changed: [] });
  });

  it('fails when src/ changed without a changeset', () => {
    const dir = repo();
    writeFileSync(join(dir, 'src/a.ts'), 'export const a = 2;\n');
    expect(checkChangeset(dir)).toMatchObject({ ok: false, changed: ['src/a.ts'], changesets: [] });
  });

  it('passes once a changeset describes the change', () => {
    const dir = repo();
    writeFileSync(join(dir, 'src/a.ts'), 'export const a = 2;\n');
    writeFileSync(join(dir, '.changeset/brave-lions.md'), '---\n"vendor-errors": patch\n---\n\nFix a.\n');
    expect(checkChangeset(dir)).toMatchObject({ ok: true, changed: ['src/a.ts'], changesets: ['brave-lions.md'] });
  });

  it('holds for this repository', () => {
    const result = checkChangeset(join(import.meta.dirname, '..'));
    expect(result.ok, `changed without a changeset: ${result.changed.join(', ')}`).toBe(true);
  });
});
