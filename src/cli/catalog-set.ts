/**
 * The catalogs a command works with: the shipped ones plus, with `--catalog DIR`, the
 * user's. User catalogs are validated here, so a broken one stops the command with a
 * pointer to `vendor-errors lint` instead of failing later.
 */
import { genericCatalog, shippedCatalogs, validateCatalog, type Catalog } from '../index.js';
import { readCatalogFiles } from './catalog-files.js';
import { UsageError } from './usage-error.js';

/** Vendor catalogs (shipped, then user) and the generic catalog. */
export interface CatalogSet {
  /** Vendor catalogs by vendor name, in load order; a user catalog replaces a shipped one of the same name. */
  readonly vendors: readonly Catalog[];
  /** The generic catalog (HTTP status defaults, gateway pages, network errors). */
  readonly generic: Catalog;
  /** Where each catalog came from: `catalog/<vendor>.json` or the user's file. */
  readonly files: ReadonlyMap<string, string>;
}

/** The shipped file of a shipped catalog (as published: `vendor-errors/catalog/<vendor>.json`). */
export function shippedFile(vendor: string): string {
  return `catalog/${vendor}.json`;
}

/**
 * Shipped catalogs plus the valid catalogs of `dir`. Any unreadable or invalid file is
 * a usage error naming the file and its first problem.
 */
export async function loadCatalogSet(command: string, dir: string | undefined): Promise<CatalogSet> {
  const byVendor = new Map<string, Catalog>();
  const files = new Map<string, string>();
  for (const catalog of [...shippedCatalogs, genericCatalog]) files.set(catalog.vendor, shippedFile(catalog.vendor));
  for (const catalog of shippedCatalogs) byVendor.set(catalog.vendor, catalog);
  if (dir !== undefined) {
    const found = await readCatalogFiles(command, dir);
    if (found.length === 0) throw new UsageError(`${command}: no catalog files (*.json) in ${dir}`);
    for (const entry of found) {
      const hint = `(run 'vendor-errors lint ${dir}' for every problem)`;
      if (!entry.ok) throw new UsageError(`${command}: ${entry.file}: ${entry.message} ${hint}`);
      const result = validateCatalog(entry.value);
      if (!result.ok) {
        const issue = result.issues[0];
        throw new UsageError(`${command}: ${entry.file} is not a valid catalog: ${issue === undefined ? '' : `${issue.path}: ${issue.message}`} ${hint}`);
      }
      if (result.catalog.vendor === genericCatalog.vendor)
        throw new UsageError(`${command}: ${entry.file}: the vendor name "${genericCatalog.vendor}" is reserved`);
      byVendor.set(result.catalog.vendor, result.catalog);
      files.set(result.catalog.vendor, entry.file);
    }
  }
  return { vendors: [...byVendor.values()], generic: genericCatalog, files };
}

/** Every catalog of the set, vendors first, the generic catalog last. */
export function allCatalogs(set: CatalogSet): Catalog[] {
  return [...set.vendors, set.generic];
}
