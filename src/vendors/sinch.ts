/**
 * `vendor-errors/sinch`: the Sinch catalog and a classifier preset to it. Importing this
 * entry bundles only the Sinch and generic catalogs.
 */
import { sinchCatalog } from '../catalogs/sinch.js';
import type { SinchErrorId, GenericErrorId } from '../generated/ids.js';
import { vendorEntry } from '../vendor-entry.js';

export { sinchCatalog } from '../catalogs/sinch.js';
export { SINCH_ERROR_IDS, type SinchErrorId } from '../generated/ids.js';
export type { Classification, ClassifyOptions, NormalizedError, RawResponse } from '../types.js';

/** Ids a Sinch classification can carry: Sinch entries and generic HTTP, gateway and network entries. */
export type SinchResultId = SinchErrorId | GenericErrorId;

/** Classifies a Sinch response (vendor preset to `sinch`) and thrown errors from Sinch calls. Neither throws. */
export const { classify, normalizeError } = vendorEntry<SinchResultId>(sinchCatalog);
