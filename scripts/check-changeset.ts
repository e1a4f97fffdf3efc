/**
 * Fails when src/ or catalog/ changed since the last release without a pending changeset
 * (.changeset/*.md): every change users can observe must reach the changelog.
 * `tsx scripts/check-changeset.ts [dir]`
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { git, releaseBase } from './release-base.js';

/** Result of {@link checkChangeset}. */
export interface ChangesetCheck {
  ok: boolean;
  base: string | undefined;
  changed: string[];
  changesets: string[];
}

/** Files under src/ or catalog/ changed since the release base (committed or not). */
function changedSince(cwd: string, base: string | undefined): string[] {
  const committed = base === undefined ? git(cwd, ['ls-files', 'src', 'catalog']) : git(cwd, ['diff', '--name-only', base, '--', 'src', 'catalog']);
  const modified = git(cwd, ['diff', '--name-only', 'HEAD', '--', 'src', 'catalog']);
  const untracked = git(cwd, ['ls-files', '--others', '--exclude-standard', '--', 'src', 'catalog']);
  const files = [committed, modified, untracked].flatMap((list) => list.split('\n')).filter((file) => file !== '');
  // Generated files follow their sources; they need no changeset of their own.
  return [...new Set(files)].filter((file) => !file.startsWith('src/generated/') && file !== 'catalog/schema.json').sort();
}

/** Checks the repository at `cwd`. */
export function checkChangeset(cwd: string): ChangesetCheck {
  const base = releaseBase(cwd);
  const changed = changedSince(cwd, base);
  let changesets: string[] = [];
  try {
    changesets = readdirSync(join(cwd, '.changeset')).filter((file) => file.endsWith('.md') && file !== 'README.md');
  } catch {
    changesets = [];
  }
  return { ok: changed.length === 0 || changesets.length > 0, base, changed, changesets };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = checkChangeset(process.argv[2] ?? process.cwd());
  if (result.ok) console.log(`ok: ${result.changed.length} changed file(s), ${result.changesets.length} changeset(s)`);
  else {
    console.error(`src/ or catalog/ changed since ${result.base ?? 'the first commit'} without a changeset:\n  ${result.changed.slice(0, 20).join('\n  ')}\nRun \`npx changeset\` and commit the file it writes.`);
    process.exit(1);
  }
}
