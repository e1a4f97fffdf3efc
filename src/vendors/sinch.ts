/**
 * `vendor-errors/sinch`: the Sinch catalog and a classifier preset to it. Importing this
 * entry bundles only the Sinch and generic catalogs.
 */
import { sinchCatalog } from '../catalogs/sinch.js';
import type { SinchErrorId, GenericErrorId } from '../generated/ids.js';
import { vendorEntry, type VendorEntry } from '../vendor-entry.js';

export type { VendorEntry } from '../vendor-entry.js';

export { sinchCatalog } from '../catalogs/sinch.js';
export { SINCH_ERROR_IDS, type SinchErrorId } from '../generated/ids.js';
export type { Classification, ClassifyOptions, NormalizedError, RawResponse } from '../types.js';

/** Ids a Sinch classification can carry: Sinch entries and generic HTTP, gateway and network entries. */
export type SinchResultId = SinchErrorId | GenericErrorId;

const entry = /* @__PURE__ */ vendorEntry<SinchResultId>(sinchCatalog);

/** Classifies a Sinch response (the vendor is preset to `sinch`; `options.vendor` still overrides). Never throws. */
export const classify: VendorEntry<SinchResultId>['classify'] = entry.classify;

/** Classifies an error thrown while calling Sinch (network failures, HTTP client errors). Never throws. */
export const normalizeError: VendorEntry<SinchResultId>['normalizeError'] = entry.normalizeError;
