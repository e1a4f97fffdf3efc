/** The catalog diff tool names the semver bump each kind of catalog change needs. */
import { describe, expect, it } from 'vitest';
import { brazeCatalog } from '../src/generated/catalogs/braze.js';
import { diffCatalogs, requiredBump } from '../src/catalog-diff.js';
import type { Catalog } from '../src/generated/catalog-types.js';

const before = brazeCatalog;
const edit = (change: (catalog: Catalog) => void): Catalog => {
  const copy = structuredClone(before);
  change(copy);
  return copy;
};
const entry = (catalog: Catalog, id: string) => catalog.entries.find((item) => item.id === id)!;

describe('diffCatalogs', () => {
  it('no change: nothing to release', () => {
    expect(diffCatalogs(before, structuredClone(before))).toEqual([]);
    expect(requiredBump([])).toBeUndefined();
  });

  it('a new entry is minor', () => {
    const after = edit((c) => c.entries.push({ ...structuredClone(entry(c, 'braze.no_recipients')), id: 'braze.brand_new', match: { message: 'Brand new' } }));
    expect(diffCatalogs(before, after)).toEqual([{ bump: 'minor', vendor: 'braze', id: 'braze.brand_new', summary: 'entry added' }]);
  });

  it('a removed id is major', () => {
    const after = edit((c) => (c.entries = c.entries.filter((item) => item.id !== 'braze.no_recipients')));
    expect(requiredBump(diffCatalogs(before, after))).toBe('major');
  });

  it.each(['category', 'retryable', 'fatal'] as const)('a changed %s is major', (key) => {
    const after = edit((c) => {
      const target = entry(c, 'braze.rate_limited');
      if (key === 'category') target.category = 'quota';
      else target[key] = !target[key];
    });
    const changes = diffCatalogs(before, after);
    expect(changes.map((change) => [change.bump, change.id])).toEqual([['major', 'braze.rate_limited']]);
    expect(changes[0]!.summary.startsWith(`${key}:`)).toBe(true);
  });

  it('wording and docs are patch', () => {
    const after = edit((c) => {
      entry(c, 'braze.no_recipients').description = 'Reworded.';
      entry(c, 'braze.no_recipients').docs = 'https://example.test/new';
    });
    expect(diffCatalogs(before, after).map((change) => change.bump)).toEqual(['patch', 'patch']);
    expect(requiredBump(diffCatalogs(before, after))).toBe('patch');
  });

  it('a changed match condition is minor; the highest bump wins', () => {
    const after = edit((c) => {
      entry(c, 'braze.no_recipients').match = { message: ['No Recipients', 'No recipients given'] };
      entry(c, 'braze.no_recipients').description = 'Reworded.';
    });
    expect(requiredBump(diffCatalogs(before, after))).toBe('minor');
  });

  it('added and removed catalogs', () => {
    expect(diffCatalogs(undefined, before)[0]?.bump).toBe('minor');
    expect(diffCatalogs(before, undefined)[0]?.bump).toBe('major');
  });
});
