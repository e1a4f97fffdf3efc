/**
 * API documentation: typedoc builds with every export documented (typedoc.json sets
 * `validation.notDocumented` and treats warnings as errors).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

it('typedoc reports no undocumented export, broken link or warning', () => {
  let output = '';
  let status = 0;
  try {
    output = execFileSync(process.execPath, [join(root, 'node_modules/typedoc/bin/typedoc'), '--emit', 'none'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    status = failure.status;
    output = `${failure.stdout}${failure.stderr}`;
  }
  expect({ status, output: output.replace(/\u001b\[[0-9;]*m/g, '').trim() }).toEqual({ status: 0, output: '' });
});
