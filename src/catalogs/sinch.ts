/**
 * The shipped Sinch catalog (catalog/sinch.json). Part of the catalog compiler layer: the
 * JSON is imported here only, so a bundle that imports this module carries this catalog
 * and no other.
 */
import data from '../../catalog/sinch.json' with { type: 'json' };
import type { Catalog } from '../generated/catalog-types.js';
import { shipped } from './shipped.js';

/** The Sinch catalog as shipped (validated and compiled when a classifier is created). */
export const sinchCatalog: Catalog = /* @__PURE__ */ shipped(data as Catalog);
