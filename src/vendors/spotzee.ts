/**
 * `vendor-errors/spotzee`: the Spotzee catalog and a classifier preset to it. Importing this
 * entry bundles only the Spotzee and generic catalogs.
 */
import { spotzeeCatalog } from '../catalogs/spotzee.js';
import type { SpotzeeErrorId, GenericErrorId } from '../generated/ids.js';
import { vendorEntry, type VendorEntry } from '../vendor-entry.js';

export type { VendorEntry } from '../vendor-entry.js';

export { spotzeeCatalog } from '../catalogs/spotzee.js';
export { SPOTZEE_ERROR_IDS, type SpotzeeErrorId } from '../generated/ids.js';
export type { Classification, ClassifyOptions, NormalizedError, RawResponse } from '../types.js';

/** Ids a Spotzee classification can carry: Spotzee entries and generic HTTP, gateway and network entries. */
export type SpotzeeResultId = SpotzeeErrorId | GenericErrorId;

const entry = /* @__PURE__ */ vendorEntry<SpotzeeResultId>(spotzeeCatalog);

/** Classifies a Spotzee response (the vendor is preset to `spotzee`; `options.vendor` still overrides). Never throws. */
export const classify: VendorEntry<SpotzeeResultId>['classify'] = entry.classify;

/** Classifies an error thrown while calling Spotzee (network failures, HTTP client errors). Never throws. */
export const normalizeError: VendorEntry<SpotzeeResultId>['normalizeError'] = entry.normalizeError;
