import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/** Joins a shipped catalog with its examples, parsed on first read. */
const DEFERRED_EXAMPLES = resolve(import.meta.dirname, 'src/catalogs/deferred-examples.ts');

/** The esbuild namespace of the second copy of a vendor catalog module (see below). */
const ENTRY_COPY = 'vendor-entry-catalog';

/**
 * Bundles each catalog as `JSON.parse('<json>')` instead of an object literal: V8 parses a
 * JSON string much faster than the same data as JavaScript source, which keeps the cost of
 * importing the library (cold start) low. The entries' examples go in a second JSON string,
 * parsed on first read (src/catalogs/deferred-examples.ts): classifying never reads them.
 *
 * A vendor catalog module is reached from two entries: the index (all catalogs) and its own
 * per-vendor entry. Shared, it would become a chunk of its own, and importing the index
 * would load four extra files, each a resolve, a read and a compile (about 0.6 ms apiece on
 * a cold start). So the per-vendor entries get a second copy of their catalog module, in a
 * namespace of its own: each entry then carries its catalogs inline and shares only the
 * core chunk. The two copies hold equal data; `brazeCatalog` from `vendor-errors` and from
 * `vendor-errors/braze` are separate objects, both known as shipped.
 */
const catalogAsJsonString: EsbuildPlugin = {
  name: 'catalog-as-json-string',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/catalogs\/[a-z0-9_]+\.js$/ }, (args) => {
      if (!/[\\/]src[\\/]generated[\\/]vendors[\\/][a-z0-9_]+\.ts$/.test(args.importer)) return undefined;
      return { path: resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')), namespace: ENTRY_COPY };
    });
    build.onLoad({ filter: /\.ts$/, namespace: ENTRY_COPY }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'ts',
      resolveDir: dirname(args.path),
    }));
    build.onResolve({ filter: /[\\/]catalog[\\/][a-z0-9_]+\.json$/ }, (args) =>
      args.namespace === ENTRY_COPY ? { path: resolve(args.resolveDir, args.path), namespace: ENTRY_COPY } : undefined,
    );
    build.onLoad({ filter: /[\\/]catalog[\\/][a-z0-9_]+\.json$/ }, async (args) => {
      const data = JSON.parse(await readFile(args.path, 'utf8')) as { entries: Record<string, unknown>[] };
      const examples = data.entries.map((entry, index) => {
        const keys = Object.keys(entry);
        // The parsed catalog adds `examples` back as each entry's last key.
        if (keys[keys.length - 1] !== 'examples') throw new Error(`${args.path}: entry ${index} must end with "examples"`);
        const { examples: own, ...rest } = entry;
        data.entries[index] = rest;
        return own;
      });
      const json = (value: unknown) => JSON.stringify(JSON.stringify(value));
      return {
        contents: [
          `import { withDeferredExamples } from ${JSON.stringify(DEFERRED_EXAMPLES)};`,
          // Both calls annotated: a pure call's arguments are still evaluated, so an unannotated
          // JSON.parse would keep the catalog in a bundle that never uses it.
          `export default /* @__PURE__ */ withDeferredExamples(/* @__PURE__ */ JSON.parse(${json(data)}), ${json(examples)});`,
        ].join('\n'),
        loader: 'js',
        resolveDir: dirname(args.path),
      };
    });
  },
};

/**
 * The shipped vendors: one per catalog file, the generic catalog aside (it is part of
 * every entry). scripts/generate.ts writes each vendor's entry module from the same list.
 */
const VENDORS = readdirSync(resolve(import.meta.dirname, 'catalog'))
  .filter((file) => file.endsWith('.json') && file !== 'schema.json' && file !== 'generic.json')
  .map((file) => file.slice(0, -'.json'.length))
  .sort();

// One entry per public subpath (DESIGN.md "Names the rest of the world depends on").
// Per-vendor entries import only their own catalog, and splitting shares only the core
// between entries, so a vendor's entry never pulls in another vendor.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      ...Object.fromEntries(VENDORS.map((vendor) => [vendor, `src/generated/vendors/${vendor}.ts`])),
    },
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    // esbuild tree-shakes while bundling; tsup's extra Rollup pass (`treeshake`) saved
    // under 0.3% here and wrote a second source-map comment into every file.
    // Minified, the ES module build compiles faster when a process first imports it
    // (bench target 5a). Identifiers and syntax only: minifying whitespace also drops the
    // `/* @__PURE__ */` annotations, and without them a consumer's bundler must keep every
    // catalog even for an import of `isVendorError` alone (bench target 5c). The CommonJS
    // build stays as it is: tsup derives it from split ES output with a second transform
    // that does not accept minified input.
    //
    // No source maps: without their sources (which would inline the catalogs a second
    // time and double the package) they pointed at files the package does not ship.
    esbuildOptions(options, context) {
      if (context.format === 'esm') {
        options.minifyIdentifiers = true;
        options.minifySyntax = true;
      }
      // Minifying prints each string in the quotes that need the fewest escapes, which for
      // the catalogs' JSON is a template literal; V8 scans a long template literal about
      // 20% slower than a quoted string (it keeps the raw text too). Without template
      // literals the JSON is printed in single quotes.
      options.supported = { ...options.supported, 'template-literal': false };
    },
    sourcemap: false,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    esbuildPlugins: [catalogAsJsonString],
  },
  // `vendor-errors/stream` imports `node:stream`, so it is built on its own (platform node)
  // rather than split with the entries above: sharing modules with the main entry would
  // move the catalogs out of it into a chunk of their own.
  {
    entry: { stream: 'src/stream.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: false,
    target: 'node20',
    platform: 'node',
    esbuildPlugins: [catalogAsJsonString],
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    esbuildPlugins: [catalogAsJsonString],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
