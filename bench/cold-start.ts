/**
 * Target 5: cold start and bundle size.
 *
 * Cold start: wall time of a fresh `node --input-type=module -e` process that imports the
 * built entry and classifies one response, against the same process importing an empty
 * module instead (so Node's own module-loader start-up, paid by any first `import`, is on
 * both sides), in adjacent pairs. The median difference is what the library adds.
 *
 * Bundles: each public entry bundled as a user's bundler would (esbuild, minified), then
 * gzipped. The Braze entry must carry no other vendor's catalog: none of their entry ids
 * may appear in it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Cold-start figures for one entry. */
export interface ColdStart {
  entry: string;
  runs: number;
  /** Median wall time of the process that imports and classifies, ms. */
  withLibraryMs: number;
  /** Median wall time of the process that imports an empty module, ms. */
  emptyMs: number;
  /**
   * Median of the paired differences: each run of the library process minus the empty
   * process run next to it (a burst of load from elsewhere hits both halves of a pair).
   */
  addedMs: number;
  /** withLibraryMs − emptyMs (medians taken separately), for comparison. */
  differenceOfMediansMs: number;
  /** Medians measured inside the child: import, first classify. */
  importMs: number;
  firstClassifyMs: number;
}

/** Size of one bundled entry. */
export interface BundleSize {
  entry: string;
  minifiedBytes: number;
  gzipBytes: number;
}

/** The Braze-only check. */
export interface BrazeIsolation {
  pass: boolean;
  /** Other vendors' ids (or id prefixes) found in the Braze bundle. */
  foreign: string[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

function childScript(entryUrl: string, vendor: string): string {
  return `
const t0 = performance.now();
const lib = await import(${JSON.stringify(entryUrl)});
const t1 = performance.now();
const result = lib.classify({ vendor: ${JSON.stringify(vendor)}, status: 400, body: '{"message":"Invalid Campaign ID"}' });
const t2 = performance.now();
if (result.error?.id !== 'braze.invalid_campaign_id') { console.error(JSON.stringify(result)); process.exit(3); }
process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstClassifyMs: t2 - t1 }));
`;
}

function timeProcess(script: string): { wallMs: number; stdout: string } {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`cold-start child exited with ${run.status}: ${run.stderr.slice(0, 300)}`);
  return { wallMs, stdout: run.stdout };
}

/** Median cold start of `entry` (a file in `dist`) over `runs` adjacent pairs, after one warm-up each. */
export function measureColdStart(dist: string, entry: string, runs: number): ColdStart {
  const script = childScript(pathToFileURL(join(dist, entry)).href, 'braze');
  const dir = mkdtempSync(join(tmpdir(), 'vendor-errors-cold-'));
  const emptyModule = join(dir, 'empty.mjs');
  writeFileSync(emptyModule, 'export {};\n');
  const baseline = `await import(${JSON.stringify(pathToFileURL(emptyModule).href)});`;
  try {
    return measure(script, baseline, entry, runs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measure(script: string, baseline: string, entry: string, runs: number): ColdStart {
  timeProcess(baseline);
  timeProcess(script);
  const withLibrary: number[] = [];
  const empty: number[] = [];
  const paired: number[] = [];
  const importMs: number[] = [];
  const firstMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Pairs alternate which process runs first.
    const before = i % 2 === 0 ? timeProcess(baseline).wallMs : undefined;
    const run = timeProcess(script);
    const partner = before ?? timeProcess(baseline).wallMs;
    withLibrary.push(run.wallMs);
    empty.push(partner);
    paired.push(run.wallMs - partner);
    const inner = JSON.parse(run.stdout) as { importMs: number; firstClassifyMs: number };
    importMs.push(inner.importMs);
    firstMs.push(inner.firstClassifyMs);
  }
  const withLibraryMs = median(withLibrary);
  const emptyMs = median(empty);
  return {
    entry,
    runs,
    withLibraryMs,
    emptyMs,
    addedMs: median(paired),
    differenceOfMediansMs: withLibraryMs - emptyMs,
    importMs: median(importMs),
    firstClassifyMs: median(firstMs),
  };
}

/** Bundles a dist entry with esbuild (minified, tree-shaken) and returns its text. */
async function bundle(dist: string, entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(dist, entry)],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Sizes of each entry's bundle, and whether the Braze bundle is free of other vendors. */
export async function measureBundles(dist: string, root: string, entries: readonly string[]): Promise<{ sizes: BundleSize[]; braze: BrazeIsolation }> {
  const sizes: BundleSize[] = [];
  let brazeText = '';
  for (const entry of entries) {
    const text = await bundle(dist, entry);
    if (entry === 'braze.js') brazeText = text;
    sizes.push({ entry, minifiedBytes: Buffer.byteLength(text), gzipBytes: gzipSync(text, { level: 9 }).byteLength });
  }
  if (brazeText === '') brazeText = await bundle(dist, 'braze.js');
  const foreign: string[] = [];
  for (const vendor of ['sinch', 'spotzee', 'transformify']) {
    const catalog = JSON.parse(readFileSync(join(root, 'catalog', `${vendor}.json`), 'utf8')) as { entries: { id: string }[] };
    const ids = catalog.entries.map((entry) => entry.id).filter((id) => brazeText.includes(id));
    // Any quoted "<vendor>.<name>" string, in case the catalog on disk and the build differ.
    // (A host such as apix.spotzee.com in a generic example is not an id.)
    const quoted = new RegExp(`["'\`]${vendor}\.[a-z0-9_]+["'\`]`).exec(brazeText);
    if (ids.length > 0) foreign.push(`${ids.length} ${vendor} ids (e.g. ${ids[0]})`);
    else if (quoted !== null) foreign.push(`${quoted[0]} appears`);
  }
  return { sizes, braze: { pass: foreign.length === 0, foreign } };
}

/** The bundle a consumer gets for one import statement, minified and gzipped. */
export interface ImportSize {
  /** What is imported, e.g. `{ isVendorError } from index.js`. */
  label: string;
  minifiedBytes: number;
  gzipBytes: number;
}

/**
 * Sizes of the bundles a consumer's bundler (esbuild, minifying) makes for single imports
 * from the built entries: what `import { isVendorError } from 'vendor-errors'` costs, as
 * opposed to the whole entry.
 */
export async function measureImports(dist: string, imports: readonly { names: readonly string[]; entry: string }[]): Promise<ImportSize[]> {
  const sizes: ImportSize[] = [];
  for (const { names, entry } of imports) {
    const result = await build({
      stdin: { contents: `export { ${names.join(', ')} } from ${JSON.stringify(join(dist, entry))};`, resolveDir: dist, loader: 'js' },
      bundle: true,
      minify: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      logLevel: 'silent',
    });
    const text = result.outputFiles[0]!.text;
    sizes.push({ label: `{ ${names.join(', ')} } from ${entry}`, minifiedBytes: Buffer.byteLength(text), gzipBytes: gzipSync(text, { level: 9 }).byteLength });
  }
  return sizes;
}
