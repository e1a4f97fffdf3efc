import { readFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * Bundles each catalog as `JSON.parse('<json>')` instead of an object literal: V8 parses a
 * JSON string much faster than the same data as JavaScript source, which keeps the cost of
 * importing the library (cold start) low.
 */
const catalogAsJsonString: EsbuildPlugin = {
  name: 'catalog-as-json-string',
  setup(build) {
    build.onLoad({ filter: /[\\/]catalog[\\/][a-z0-9_]+\.json$/ }, async (args) => {
      const data: unknown = JSON.parse(await readFile(args.path, 'utf8'));
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`, loader: 'js' };
    });
  },
};

// One entry per public subpath (DESIGN.md "Names the rest of the world depends on").
// Per-vendor entries import only their own catalog, so splitting keeps each vendor's
// JSON in its own chunk and `vendor-errors/braze` never pulls in another vendor.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      braze: 'src/vendors/braze.ts',
      sinch: 'src/vendors/sinch.ts',
      transformify: 'src/vendors/transformify.ts',
      spotzee: 'src/vendors/spotzee.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    treeshake: true,
    sourcemap: false,
    clean: true,
    target: 'node20',
    platform: 'neutral',
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
