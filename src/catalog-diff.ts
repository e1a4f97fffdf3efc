/**
 * Classifies the difference between two versions of a catalog by the semver bump it needs,
 * because catalog ids and their meaning are a contract (changed only in a major
 * release):
 * - major: an id removed, or an entry's category, retryable, fatal or outcome changed;
 * - minor: an entry added, or its match conditions widened or changed;
 * - patch: wording only (description, docs, examples, facts).
 */
import type { Catalog, CatalogEntry } from './generated/catalog-types.js';

/** A semver bump level. */
export type Bump = 'major' | 'minor' | 'patch';

/** One change between two catalog versions. */
export interface CatalogChange {
  bump: Bump;
  vendor: string;
  /** The entry id, or undefined for catalog-level changes. */
  id: string | undefined;
  /** What changed, for a reviewer. */
  summary: string;
}

const BUMP_ORDER: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };

/** The highest bump among `changes` (undefined when there are none). */
export function requiredBump(changes: readonly CatalogChange[]): Bump | undefined {
  let best: Bump | undefined;
  for (const change of changes) if (best === undefined || BUMP_ORDER[change.bump] > BUMP_ORDER[best]) best = change.bump;
  return best;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function entryChanges(vendor: string, before: CatalogEntry, after: CatalogEntry): CatalogChange[] {
  const changes: CatalogChange[] = [];
  const add = (bump: Bump, summary: string): void => {
    changes.push({ bump, vendor, id: after.id, summary });
  };
  for (const key of ['outcome', 'category', 'retryable', 'fatal'] as const)
    if (!same(before[key], after[key])) add('major', `${key}: ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`);
  if (!same(before.match, after.match)) add('minor', `match: ${JSON.stringify(before.match ?? {})} → ${JSON.stringify(after.match ?? {})}`);
  if (!same(before.secret, after.secret)) add('minor', 'secret params changed');
  for (const key of ['description', 'docs', 'facts'] as const) if (!same(before[key], after[key])) add('patch', `${key} changed`);
  if (!same(before.examples, after.examples)) add('patch', `examples changed (${before.examples.length} → ${after.examples.length})`);
  return changes;
}

/** Every change from `before` to `after` (either may be undefined: a catalog added or removed). */
export function diffCatalogs(before: Catalog | undefined, after: Catalog | undefined): CatalogChange[] {
  const vendor = after?.vendor ?? before?.vendor ?? '?';
  if (before === undefined && after === undefined) return [];
  if (before === undefined) return [{ bump: 'minor', vendor, id: undefined, summary: 'catalog added' }];
  if (after === undefined) return [{ bump: 'major', vendor, id: undefined, summary: 'catalog removed' }];
  const changes: CatalogChange[] = [];
  const old = new Map(before.entries.map((entry) => [entry.id, entry]));
  const next = new Map(after.entries.map((entry) => [entry.id, entry]));
  for (const [id, entry] of old) {
    const updated = next.get(id);
    if (updated === undefined) changes.push({ bump: 'major', vendor, id, summary: 'entry removed' });
    else changes.push(...entryChanges(vendor, entry, updated));
  }
  for (const id of next.keys()) if (!old.has(id)) changes.push({ bump: 'minor', vendor, id, summary: 'entry added' });
  for (const key of ['shapes', 'hosts', 'requestIdHeaders', 'retryHints', 'retryPolicy', 'errorsIn2xx'] as const)
    if (!same(before[key], after[key])) changes.push({ bump: 'minor', vendor, id: undefined, summary: `${key} changed` });
  for (const key of ['name', 'docs'] as const)
    if (!same(before[key], after[key])) changes.push({ bump: 'patch', vendor, id: undefined, summary: `${key} changed` });
  return changes;
}
