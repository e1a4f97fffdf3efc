/**
 * Builds the `classify` / `normalizeError` pair of a per-vendor entry point
 * (`vendor-errors/braze`, ...): that vendor's catalog plus the generic one, compiled
 * lazily on first use so importing costs nothing.
 */
import { createClassifierFromCatalogs, type Classifier } from './classifier.js';
import { genericCatalog } from './generated/catalogs/generic.js';
import type { Catalog } from './generated/catalog-types.js';
import { normalizeThrown } from './normalize-error.js';
import type { ClassifyFunction } from './classify-input.js';
import type { Classification, ClassifyOptions } from './types.js';

/** The functions a per-vendor entry point exports. */
export interface VendorEntry<Id extends string> {
  /**
   * Classifies a response from this vendor (the vendor is preset; `options.vendor` still
   * overrides). An object literal is checked against `RawResponse`. Never throws.
   */
  classify: ClassifyFunction<Id>;
  /** Classifies an error thrown while calling this vendor. Never throws. */
  normalizeError(thrown: unknown, options?: ClassifyOptions): Classification<Id>;
}

/** Lazily compiled classifier for one shipped catalog. */
export function vendorEntry<Id extends string>(catalog: Catalog): VendorEntry<Id> {
  let instance: Classifier<Id> | undefined;
  const get = (): Classifier<Id> =>
    (instance ??= createClassifierFromCatalogs<Id>({ catalogs: [catalog], generic: genericCatalog, vendor: catalog.vendor }, normalizeThrown));
  return {
    classify: (input: unknown, options?: ClassifyOptions) => get().classify(input, options),
    normalizeError: (thrown, options) => get().normalizeError(thrown, options),
  };
}
