/**
 * Prints how the shipped catalogs changed since a git ref (default: the last release) and
 * the semver bump that needs: `tsx scripts/catalog-diff.ts [ref]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffCatalogs, requiredBump, type CatalogChange } from '../src/catalog-diff.js';
import type { Catalog } from '../src/generated/catalog-types.js';
import { git, releaseBase } from './release-base.js';

function catalogAt(cwd: string, ref: string, file: string): Catalog | undefined {
  try {
    return JSON.parse(git(cwd, ['show', `${ref}:catalog/${file}`])) as Catalog;
  } catch {
    return undefined;
  }
}

/** Every change between `ref` and the working tree. */
export function diffSince(cwd: string, ref: string): CatalogChange[] {
  const now = readdirSync(join(cwd, 'catalog')).filter((file) => file.endsWith('.json') && file !== 'schema.json');
  const then = git(cwd, ['ls-tree', '--name-only', `${ref}:catalog`]).split('\n').filter((file) => file.endsWith('.json') && file !== 'schema.json');
  return [...new Set([...now, ...then])].sort().flatMap((file) => {
    const after = now.includes(file) ? (JSON.parse(readFileSync(join(cwd, 'catalog', file), 'utf8')) as Catalog) : undefined;
    return diffCatalogs(catalogAt(cwd, ref, file), after);
  });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const cwd = process.cwd();
  const ref = process.argv[2] ?? releaseBase(cwd) ?? git(cwd, ['rev-list', '--max-parents=0', 'HEAD']);
  const changes = diffSince(cwd, ref);
  for (const change of changes) console.log(`${change.bump.padEnd(5)}  ${change.vendor.padEnd(12)} ${(change.id ?? '(catalog)').padEnd(48)} ${change.summary}`);
  console.log(changes.length === 0 ? `no catalog changes since ${ref.slice(0, 12)}` : `\nrequired bump since ${ref.slice(0, 12)}: ${requiredBump(changes)}`);
}
