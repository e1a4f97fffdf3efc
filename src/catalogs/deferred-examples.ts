/**
 * Shipped catalogs with their examples parsed on first read.
 *
 * Examples are most of a catalog: about 40% of its JSON and most of its objects. Classifying
 * never reads them; tests, lint, the CLI's `examples` command and other SDKs do. Parsing them
 * on import cost about 1.3 ms of a cold start, and the objects they make had to be copied by
 * the first garbage collections. So the build (tsup.config.ts) ships each catalog as two JSON
 * strings, the entries without their examples and the examples alone, and this module joins
 * them again.
 *
 * Until any entry's `examples` is read, each is an accessor. The first read parses the
 * examples of every entry and turns each accessor into a plain data property, so from then
 * on the catalog is plain data: the same keys, in the same order (`examples` is each entry's
 * last key in catalog/*.json, and the build checks it), with the same values as the file.
 */

/** An entry as this module sees it: any object, whose `examples` it defines. */
type Entry = object;

/** The descriptor `examples` gets once parsed: what `JSON.parse` would have made. */
function dataProperty(value: unknown): PropertyDescriptor {
  return { value, writable: true, enumerable: true, configurable: true };
}

/**
 * Gives every entry of `catalog` an `examples` property read from `examples`, a JSON array
 * holding each entry's examples in entry order; parsed on the first read of any of them.
 * Returns `catalog`. Used by the build only (see the module comment).
 */
export function withDeferredExamples<T extends { readonly entries: readonly Entry[] }>(catalog: T, examples: string): T {
  // The entries as built: the catalog's array may be reordered or extended before the
  // first read, and each entry must still get its own examples.
  const entries = [...catalog.entries];
  const getters: (() => unknown)[] = [];
  let parsed: readonly unknown[] | undefined;
  const parse = (): readonly unknown[] => {
    if (parsed !== undefined) return parsed;
    const all = JSON.parse(examples) as unknown[];
    parsed = all;
    entries.forEach((entry, index) => {
      // Only where the accessor is still in place: an `examples` deleted or redefined since
      // stays as it is. A frozen entry keeps its accessor (Reflect.defineProperty answers
      // false rather than throwing), which reads the same parsed value.
      if (Reflect.getOwnPropertyDescriptor(entry, 'examples')?.get === getters[index])
        Reflect.defineProperty(entry, 'examples', dataProperty(all[index]));
    });
    return all;
  };
  entries.forEach((entry, index) => {
    const get = (): unknown => parse()[index];
    getters.push(get);
    Object.defineProperty(entry, 'examples', {
      get,
      set(this: Entry, value: unknown) {
        parse();
        // As assigning to a read-only data property does in strict mode.
        if (!Reflect.defineProperty(this, 'examples', dataProperty(value))) throw new TypeError("Cannot assign to read only property 'examples'");
      },
      enumerable: true,
      configurable: true,
    });
  });
  return catalog;
}
