/**
 * `vendor-errors/transformify`: the Transformify catalog and a classifier preset to it. Importing this
 * entry bundles only the Transformify and generic catalogs.
 */
import { transformifyCatalog } from '../catalogs/transformify.js';
import type { TransformifyErrorId, GenericErrorId } from '../generated/ids.js';
import { vendorEntry, type VendorEntry } from '../vendor-entry.js';

export type { VendorEntry } from '../vendor-entry.js';

export { transformifyCatalog } from '../catalogs/transformify.js';
export { TRANSFORMIFY_ERROR_IDS, type TransformifyErrorId } from '../generated/ids.js';
export type { Classification, ClassifyOptions, NormalizedError, RawResponse } from '../types.js';

/** Ids a Transformify classification can carry: Transformify entries and generic HTTP, gateway and network entries. */
export type TransformifyResultId = TransformifyErrorId | GenericErrorId;

const entry = /* @__PURE__ */ vendorEntry<TransformifyResultId>(transformifyCatalog);

/** Classifies a Transformify response (the vendor is preset to `transformify`; `options.vendor` still overrides). Never throws. */
export const classify: VendorEntry<TransformifyResultId>['classify'] = entry.classify;

/** Classifies an error thrown while calling Transformify (network failures, HTTP client errors). Never throws. */
export const normalizeError: VendorEntry<TransformifyResultId>['normalizeError'] = entry.normalizeError;
