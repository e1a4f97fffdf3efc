/**
 * Shipped catalogs are validated and linted by the test suite before every release, so a
 * classifier does not validate them again at run time (a measurable part of cold start).
 * Catalogs passed by users are always validated.
 */
const verified = new WeakSet<object>();

/** Marks a shipped catalog as already validated. */
export function shipped<T extends object>(catalog: T): T {
  verified.add(catalog);
  return catalog;
}

/** True for the catalog objects this package ships (by identity). */
export function isShipped(value: unknown): boolean {
  return typeof value === 'object' && value !== null && verified.has(value);
}
