/**
 * Runs catalog examples (and fixtures in the same format): each is a raw input and the
 * fields of the expected classification. Used by `lintCatalogs`, by the generated tests,
 * and documented for SDKs in other languages (test/fixtures/README.md).
 */
import type { Classifier } from './classifier.js';
import type { CatalogExample, ExampleExpect } from './generated/catalog-types.js';
import { isRecord } from './safe.js';
import type { Classification } from './types.js';

/**
 * The fixed clock examples are evaluated with: Wed, 01 Jan 2025 00:00:00 GMT, i.e.
 * `Date.UTC(2025, 0, 1)` written as a number, so bundlers see no call to keep.
 */
export const EXAMPLE_NOW = 1_735_689_600_000;

/** Classifies an example's input: `{ "thrown": ... }` goes to `normalizeError`, anything else to `classify`. */
export function runExample(classifier: Pick<Classifier, 'classify' | 'normalizeError'>, example: Pick<CatalogExample, 'input'>): Classification {
  const options = { now: () => EXAMPLE_NOW };
  const input = example.input;
  return isRecord(input) && 'thrown' in input ? classifier.normalizeError(input.thrown, options) : classifier.classify(input, options);
}

/** The fields of `result` that `expect` names, in the form `expect` uses. */
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

/** JSON with object keys sorted: equality that ignores key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** Human-readable differences between `expect` and `result` (empty when it matches). */
export function exampleMismatches(result: Classification, expect: ExampleExpect): string[] {
  const actual = observed(result, expect);
  const wanted: Record<string, unknown> = { ...expect };
  return Object.keys(wanted)
    .filter((key) => !same(actual[key], wanted[key]))
    .map((key) => `${key}: expected ${JSON.stringify(wanted[key])}, got ${JSON.stringify(actual[key])}`);
}
