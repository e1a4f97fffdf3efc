/**
 * `vendor-errors/braze`: the Braze catalog and a classifier preset to it. Importing this
 * entry bundles only the Braze and generic catalogs.
 */
import { brazeCatalog } from '../catalogs/braze.js';
import type { BrazeErrorId, GenericErrorId } from '../generated/ids.js';
import { vendorEntry, type VendorEntry } from '../vendor-entry.js';

export type { VendorEntry } from '../vendor-entry.js';

export { brazeCatalog } from '../catalogs/braze.js';
export { BRAZE_ERROR_IDS, type BrazeErrorId } from '../generated/ids.js';
export type { Classification, ClassifyOptions, NormalizedError, RawResponse } from '../types.js';

/** Ids a Braze classification can carry: Braze entries and generic HTTP, gateway and network entries. */
export type BrazeResultId = BrazeErrorId | GenericErrorId;

const entry = /* @__PURE__ */ vendorEntry<BrazeResultId>(brazeCatalog);

/** Classifies a Braze response (the vendor is preset to `braze`; `options.vendor` still overrides). Never throws. */
export const classify: VendorEntry<BrazeResultId>['classify'] = entry.classify;

/** Classifies an error thrown while calling Braze (network failures, HTTP client errors). Never throws. */
export const normalizeError: VendorEntry<BrazeResultId>['normalizeError'] = entry.normalizeError;
