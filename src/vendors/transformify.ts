/**
 * `vendor-errors/transformify`: the Transformify catalog and a classifier preset to it. Importing this
 * entry bundles only the Transformify and generic catalogs.
 */
import { transformifyCatalog } from '../catalogs/transformify.js';
import type { TransformifyErrorId, GenericErrorId } from '../generated/ids.js';
import { vendorEntry } from '../vendor-entry.js';

export { transformifyCatalog } from '../catalogs/transformify.js';
export { TRANSFORMIFY_ERROR_IDS, type TransformifyErrorId } from '../generated/ids.js';
export type { Classification, ClassifyOptions, NormalizedError, RawResponse } from '../types.js';

/** Ids a Transformify classification can carry: Transformify entries and generic HTTP, gateway and network entries. */
export type TransformifyResultId = TransformifyErrorId | GenericErrorId;

/** Classifies a Transformify response (vendor preset to `transformify`) and thrown errors from Transformify calls. Neither throws. */
export const { classify, normalizeError } = vendorEntry<TransformifyResultId>(transformifyCatalog);
