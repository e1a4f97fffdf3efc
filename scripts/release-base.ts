/**
 * The commit the next release is measured from: the newest `v*` tag if there is one,
 * else the last commit that changed CHANGELOG.md (`changeset version` rewrites it on
 * every release).
 */
import { execFileSync } from 'node:child_process';

/** Runs git in `cwd` and returns its trimmed output. */
export function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The release base commit, or undefined in a repository with no release yet. */
export function releaseBase(cwd: string): string | undefined {
  const tag = (() => {
    try {
      return git(cwd, ['describe', '--tags', '--abbrev=0', '--match', 'v*']);
    } catch {
      return '';
    }
  })();
  if (tag !== '') return git(cwd, ['rev-list', '-n', '1', tag]);
  const changelog = git(cwd, ['log', '-n', '1', '--format=%H', '--', 'CHANGELOG.md']);
  return changelog === '' ? undefined : changelog;
}
