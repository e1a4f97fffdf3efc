/**
 * Runs catalog examples: the same table other SDKs run. An example's input is a
 * RawResponse, or `{ "thrown": ... }` for transport entries; `expect` lists the fields
 * to compare.
 */
import type { Classifier } from '../../src/classifier.js';
import type { Catalog, CatalogExample, ExampleExpect } from '../../src/generated/catalog-types.js';
import type { Classification } from '../../src/types.js';

/** The fixed clock examples are evaluated with: Wed, 01 Jan 2025 00:00:00 GMT. */
export const EXAMPLE_NOW = Date.UTC(2025, 0, 1);

/** Classifies an example's input. */
export function runExample(classifier: Classifier, example: CatalogExample): Classification {
  const input = example.input as Record<string, unknown>;
  const options = { now: () => EXAMPLE_NOW };
  return 'thrown' in input ? classifier.normalizeError(input.thrown, options) : classifier.classify(input, options);
}

/** The subset of a classification that `expect` talks about, in the same form. */
export function observed(result: Classification, expect: ExampleExpect): Record<string, unknown> {
  const error = result.error;
  const all: Record<string, unknown> = {
    outcome: result.outcome,
    id: error?.id,
    category: error?.category,
    retryable: error?.retryable,
    matchedBy: error?.matchedBy,
    code: error?.code,
    message: error?.message,
    params: error?.params,
    fields: error?.fields,
    retryAfterMs: error?.retryAfterMs,
    requestId: result.requestId,
    vendor: result.vendor,
    minor: result.minor.map((minor) => minor.id),
  };
  return Object.fromEntries(Object.keys(expect).map((key) => [key, all[key]]));
}

/** Every example of every entry, labelled for test names. */
export function examplesOf(catalog: Catalog): { label: string; entryId: string; example: CatalogExample }[] {
  return catalog.entries.flatMap((entry) =>
    entry.examples.map((example, index) => ({ label: `${entry.id} #${index + 1}: ${example.name}`, entryId: entry.id, example })),
  );
}
