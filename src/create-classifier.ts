/**
 * The public `createClassifier` and the lazily built default classifier behind the
 * top-level `classify` / `normalizeError`: no hidden global state beyond one default,
 * built on first use.
 */
import { createClassifierFromCatalogs, type Classifier } from './classifier.js';
import type { Catalog } from './generated/catalog-types.js';
import { genericCatalog } from './generated/catalogs/generic.js';
import { shippedCatalogs } from './generated/vendor-exports.js';
import type { ErrorId } from './generated/ids.js';
import { normalizeThrown } from './normalize-error.js';
import { isRecord, shallowCopy } from './safe.js';
import type { Classification, ClassifyOptions, RawResponse } from './types.js';
import type { LooseInput } from './classify-input.js';

export { shippedCatalogs };

/** Options of {@link createClassifier}. */
export interface CreateClassifierOptions extends ClassifyOptions {
  /**
   * Vendor catalogs, validated when the classifier is created (a `CatalogError` is thrown
   * for an invalid one). Default: every shipped catalog. Pass `[...shippedCatalogs, mine]`
   * to add a catalog of your own.
   */
  catalogs?: readonly (Catalog | unknown)[];
  /** Replaces the shipped generic catalog (HTTP status defaults, gateway pages, network errors). */
  generic?: Catalog | unknown;
}

/**
 * Creates a classifier over the given catalogs. Compiling happens here, once; the
 * returned `classify` only does lookups. Throws a `CatalogError` (and nothing else) when
 * `catalogs` is not a list of valid catalogs, or when they break a rule `lintCatalogs`
 * reports as an error in the catalogs themselves: an id outside its catalog's namespaces
 * or used twice, the same vendor twice, category `unknown` on an entry, a `secret` that
 * names no template hole.
 *
 * @example
 * const classifier = createClassifier({ catalogs: [...shippedCatalogs, myCatalog], maxRetryAfterMs: 60_000 });
 * classifier.classify({ vendor: 'acme', status: 429, headers: { 'retry-after': '5' } });
 */
export function createClassifier<Id extends string = ErrorId>(options: CreateClassifierOptions = {}): Classifier<Id> {
  // Read once and guarded, like the options of a call: a getter or Proxy trap that throws
  // loses its member, so what is left fails as a `CatalogError` or falls back to a default.
  const { catalogs = shippedCatalogs, generic = genericCatalog, ...settings } = isRecord(options) ? shallowCopy(options) : {};
  return createClassifierFromCatalogs<Id>({ ...settings, catalogs: catalogs as readonly unknown[], generic }, normalizeThrown);
}

let defaultInstance: Classifier | undefined;

/** The default classifier (all shipped catalogs), built on first use. */
export function defaultClassifier(): Classifier {
  return (defaultInstance ??= createClassifier());
}

/**
 * Classifies a raw vendor response into one normalized result. Never throws.
 *
 * @example
 * const result = classify({ vendor: 'braze', status: 400, body: '{"message":"Invalid Campaign ID"}' });
 * result.outcome;     // 'error'
 * result.error?.id;   // 'braze.invalid_campaign_id'
 */
export function classify(input: RawResponse, options?: ClassifyOptions): Classification;
/**
 * Classifies a value not typed as a `RawResponse`: `unknown` or `any` (a parsed log
 * line), or a primitive. An object literal with a member `RawResponse` does not have
 * (`{ statuss: 400 }`) fails to compile. Never throws.
 */
export function classify<T>(input: T & LooseInput<T>, options?: ClassifyOptions): Classification;
export function classify(input: unknown, options?: ClassifyOptions): Classification {
  return defaultClassifier().classify(input, options);
}

/**
 * Classifies a thrown error: fetch/undici network errors, AbortError/TimeoutError, axios,
 * got and ky errors (with or without a response), AggregateError, strings. Never throws.
 *
 * @example
 * try { await fetch(url); } catch (thrown) { normalizeError(thrown).error?.id; } // 'network.econnrefused'
 */
export function normalizeError(thrown: unknown, options?: ClassifyOptions): Classification {
  return defaultClassifier().normalizeError(thrown, options);
}
