/** Test helpers over the library's own example runner (src/examples.ts). */
import type { Catalog, CatalogExample } from '../../src/generated/catalog-types.js';

export { EXAMPLE_NOW, observed, runExample } from '../../src/examples.js';

/** Every example of every entry, labelled for test names. */
export function examplesOf(catalog: Catalog): { label: string; entryId: string; example: CatalogExample }[] {
  return catalog.entries.flatMap((entry) =>
    entry.examples.map((example, index) => ({ label: `${entry.id} #${index + 1}: ${example.name}`, entryId: entry.id, example })),
  );
}
