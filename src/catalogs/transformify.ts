/**
 * The shipped Transformify catalog (catalog/transformify.json). Part of the catalog compiler layer: the
 * JSON is imported here only, so a bundle that imports this module carries this catalog
 * and no other.
 */
import data from '../../catalog/transformify.json' with { type: 'json' };
import type { Catalog } from '../generated/catalog-types.js';
import { shipped } from './shipped.js';

/** The Transformify catalog as shipped (validated and compiled when a classifier is created). */
export const transformifyCatalog: Catalog = /* @__PURE__ */ shipped(data as Catalog);
