/**
 * `vendor-errors/braze`: the Braze catalog and a classifier preset to it. Importing this
 * entry bundles only the Braze and generic catalogs.
 */
import { brazeCatalog } from '../catalogs/braze.js';
import type { BrazeErrorId, GenericErrorId } from '../generated/ids.js';
import { vendorEntry } from '../vendor-entry.js';

export { brazeCatalog } from '../catalogs/braze.js';
export { BRAZE_ERROR_IDS, type BrazeErrorId } from '../generated/ids.js';
export type { Classification, ClassifyOptions, NormalizedError, RawResponse } from '../types.js';

/** Ids a Braze classification can carry: Braze entries and generic HTTP, gateway and network entries. */
export type BrazeResultId = BrazeErrorId | GenericErrorId;

/** Classifies a Braze response (vendor preset to `braze`) and thrown errors from Braze calls. Neither throws. */
export const { classify, normalizeError } = vendorEntry<BrazeResultId>(brazeCatalog);
