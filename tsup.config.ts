import { defineConfig } from 'tsup';

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
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
