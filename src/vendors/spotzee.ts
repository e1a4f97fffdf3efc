/**
 * `vendor-errors/spotzee`: the Spotzee catalog and a classifier preset to it. Importing this
 * entry bundles only the Spotzee and generic catalogs.
 */
import { spotzeeCatalog } from '../catalogs/spotzee.js';
import type { SpotzeeErrorId, GenericErrorId } from '../generated/ids.js';
import { vendorEntry } from '../vendor-entry.js';

export { spotzeeCatalog } from '../catalogs/spotzee.js';
export { SPOTZEE_ERROR_IDS, type SpotzeeErrorId } from '../generated/ids.js';
export type { Classification, ClassifyOptions, NormalizedError, RawResponse } from '../types.js';

/** Ids a Spotzee classification can carry: Spotzee entries and generic HTTP, gateway and network entries. */
export type SpotzeeResultId = SpotzeeErrorId | GenericErrorId;

/** Classifies a Spotzee response (vendor preset to `spotzee`) and thrown errors from Spotzee calls. Neither throws. */
export const { classify, normalizeError } = vendorEntry<SpotzeeResultId>(spotzeeCatalog);
