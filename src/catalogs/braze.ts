/**
 * The shipped Braze catalog (catalog/braze.json). Part of the catalog compiler layer: the
 * JSON is imported here only, so a bundle that imports this module carries this catalog
 * and no other.
 */
import data from '../../catalog/braze.json' with { type: 'json' };
import type { Catalog } from '../generated/catalog-types.js';
import { shipped } from './shipped.js';

/** The Braze catalog as shipped (validated and compiled when a classifier is created). */
export const brazeCatalog: Catalog = /* @__PURE__ */ shipped(data as Catalog);
