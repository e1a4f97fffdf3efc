/**
 * The published package, checked the way consumers meet it: the `npm pack` tarball
 * passes publint and arethetypeswrong (ESM, CJS, node16 and bundler resolution), works
 * from `require` and `import`, ships the catalog data and fixtures for other SDKs, and a
 * bundle of `vendor-errors/braze` contains no other vendor's catalog.
 * Runs against dist/, so `npm test` builds first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { publint } from 'publint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function packedFiles(): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  const [pack] = JSON.parse(output) as { files: { path: string }[] }[];
  return pack!.files.map((file) => file.path).sort();
}

async function bundleOf(entry: string): Promise<string> {
  const result = await build({
    stdin: { contents: `export { classify } from ${JSON.stringify(join(root, entry))};`, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

beforeAll(() => {
  expect(existsSync(join(root, 'dist/index.js')), 'run `npm run build` first (npm test does)').toBe(true);
});

describe('npm package', () => {
  it('passes publint in strict mode', async () => {
    const { messages } = await publint({ pkgDir: root, strict: true, pack: 'npm' });
    expect(messages.map((message) => `${message.type} ${message.code} ${message.path.join('.')}`)).toEqual([]);
  });

  it('has correct types for every resolution, legacy node10 included (arethetypeswrong, strict profile)', () => {
    const cli = join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js');
    let output: string;
    try {
      output = execFileSync(process.execPath, [cli, '--pack', '.', '--profile', 'strict', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(output) as { analysis: { problems: { kind: string; entrypoint: string; resolutionKind?: string }[] } };
    // `typesVersions` in package.json maps the per-vendor subpaths for `moduleResolution: node`.
    expect(report.analysis.problems).toEqual([]);
  });

  it('publishes the built code, catalogs, schema and fixtures, and no sources or tests', () => {
    const files = packedFiles();
    for (const expected of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/braze.js', 'dist/cli.js', 'catalog/braze.json', 'catalog/generic.json', 'catalog/schema.json', 'schema/classification.schema.json', 'test/fixtures/README.md', 'CATALOG.md', 'docs/catalog-format.md'])
      expect(files).toContain(expected);
    expect(files.filter((file) => file.startsWith('src/') || file.endsWith('.test.ts'))).toEqual([]);
  });

  it('every relative link in the README resolves to a file the package ships', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/.test(target) && !target.startsWith('#'));
    expect(targets.length).toBeGreaterThan(0);
    const files = packedFiles();
    expect(targets.filter((target) => !files.includes(target.split('#')[0]!))).toEqual([]);
  });

  it('publishes what other languages need: the specification, the conformance suite and the Python port', () => {
    const files = packedFiles();
    for (const expected of ['docs/spec.md', 'conformance/README.md', 'conformance/catalogs.json', 'conformance/catalog-examples.json', 'conformance/fixtures.json', 'conformance/cases/R1-input.json', 'conformance/cases/R26-defaults.json', 'python/vendor_errors/__init__.py', 'python/run_conformance.py', 'python/pyproject.toml', 'python/setup.py', 'python/README.md'])
      expect(files).toContain(expected);
    expect(files.filter((file) => file.includes('__pycache__') || file.endsWith('.pyc'))).toEqual([]);
  });

  it('builds dist/ when packed (prepack), so a fresh clone packs the built code', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; exports: Record<string, unknown> };
    expect(pkg.scripts['prepack']).toBe(`${pkg.scripts['build']} --silent`);
    expect(pkg.exports['./conformance/*']).toBe('./conformance/*');
    expect(packedFiles().filter((file) => file.startsWith('dist/')).length).toBeGreaterThan(10);
  });

  it('works from CommonJS require and from ESM import', () => {
    const input = JSON.stringify({ vendor: 'braze', status: 400, body: '{"message":"Invalid Campaign ID"}' });
    const cjs = execFileSync(process.execPath, ['-e', `console.log(require('./dist/index.cjs').classify(${input}).error.id)`], { cwd: root, encoding: 'utf8' });
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', `import { classify } from './dist/braze.js'; console.log(classify(${input}).error.id)`], { cwd: root, encoding: 'utf8' });
    expect([cjs.trim(), esm.trim()]).toEqual(['braze.invalid_campaign_id', 'braze.invalid_campaign_id']);
  });

  it('vendor-errors/stream gives a Node Transform from both builds; the main entry imports no Node built-in', () => {
    const line = JSON.stringify(JSON.stringify({ response: { vendor: 'braze', status: 400, body: { message: 'Invalid Campaign ID' } } }));
    const use = (load: string) =>
      `${load}; const t = classifyTransform({ mode: 'line', at: 'response' }); t.on('data', (c) => process.stdout.write(JSON.parse(String(c)).error.id)); t.end(${line});`;
    const cjs = execFileSync(process.execPath, ['-e', use(`const { classifyTransform } = require('./dist/stream.cjs')`)], { cwd: root, encoding: 'utf8' });
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', use(`import { classifyTransform } from './dist/stream.js'`)], { cwd: root, encoding: 'utf8' });
    expect([cjs, esm]).toEqual(['braze.invalid_campaign_id', 'braze.invalid_campaign_id']);
    for (const file of ['index.js', 'index.cjs']) expect(readFileSync(join(root, 'dist', file), 'utf8')).not.toMatch(/(?:from\s*|require\()["'](?:node:)?(?:stream|string_decoder)["']/);
  });

  it('resolves its own subpaths and catalog JSON by package name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vendor-errors-consumer-'));
    const script = [
      `const { createRequire } = require('node:module');`,
      `const req = createRequire(${JSON.stringify(join(root, 'package.json'))});`,
      `const sinch = req('vendor-errors/sinch');`,
      `const catalog = req('vendor-errors/catalog/sinch.json');`,
      `console.log(sinch.classify({ status: 400, body: { code: 'syntax_invalid_json', text: 'x' } }).error.id, catalog.vendor);`,
    ].join('\n');
    const output = execFileSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
    expect(output.trim()).toBe('sinch.syntax_invalid_json sinch');
  });
});

describe('built code', () => {
  it("keeps VendorError's class name through minification, in both builds (loggers print constructor.name)", () => {
    const script = (load: string) => `${load}; const e = new VendorError(classify({ status: 503 })); process.stdout.write([VendorError.name, e.constructor.name, e.name].join())`;
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', script(`import { VendorError, classify } from './dist/index.js'`)], { cwd: root, encoding: 'utf8' });
    const cjs = execFileSync(process.execPath, ['-e', script(`const { VendorError, classify } = require('./dist/index.cjs')`)], { cwd: root, encoding: 'utf8' });
    expect([esm, cjs]).toEqual(['VendorError,VendorError,VendorError', 'VendorError,VendorError,VendorError']);
  });

  it('ships no source maps (they would point at sources the package does not ship)', () => {
    const files = packedFiles();
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    for (const file of files.filter((name) => /^dist\/.*\.c?js$/.test(name))) expect(readFileSync(join(root, file), 'utf8')).not.toContain('sourceMappingURL');
  });

  it('a bundle of the helpers alone (isVendorError, shouldRetry, retryDelay, throwIfError) carries no catalog', async () => {
    const result = await build({
      stdin: { contents: `export { isVendorError, shouldRetry, retryDelay, throwIfError } from ${JSON.stringify(join(root, 'dist/index.js'))};`, resolveDir: root, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      logLevel: 'silent',
    });
    const text = result.outputFiles[0]!.text;
    // Catalog data: ids, and the `$schema` member every catalog file starts with.
    for (const marker of ['braze.invalid_campaign_id', 'http.503', 'sinch.syntax', 'spotzee.validation', '"$schema":"./schema.json"']) expect(text).not.toContain(marker);
  });
});

describe('per-vendor bundles', () => {
  it('vendor-errors/braze bundles the Braze and generic catalogs and no other vendor', async () => {
    const text = await bundleOf('dist/braze.js');
    expect(text).toContain('braze.invalid_campaign_id');
    expect(text).toContain('http.503');
    for (const other of ['sinch.syntax_invalid_json', 'spotzee.validation_failed', 'transformify.too_many_recipients']) expect(text).not.toContain(other);
  });

  it.each(['sinch', 'transformify', 'spotzee'])('vendor-errors/%s bundles no Braze entries', async (vendor) => {
    const text = await bundleOf(`dist/${vendor}.js`);
    expect(text).toContain(`${vendor}.`);
    expect(text).not.toContain('braze.invalid_campaign_id');
  });

  it('the root entry bundles every catalog', async () => {
    const text = await bundleOf('dist/index.js');
    for (const id of ['braze.invalid_campaign_id', 'sinch.syntax_invalid_json', 'spotzee.validation_failed', 'transformify.too_many_recipients']) expect(text).toContain(id);
  });

  it('per-vendor catalogs, in both entries, are exact copies of catalog/*.json', () => {
    const onDisk = JSON.parse(readFileSync(join(root, 'catalog/braze.json'), 'utf8')) as unknown;
    const script = [
      `const root = await import('./dist/index.js');`,
      `const braze = await import('./dist/braze.js');`,
      // Examples are parsed on first read (src/catalogs/deferred-examples.ts).
      `const deferred = [root, braze].map((m) => typeof Object.getOwnPropertyDescriptor(m.brazeCatalog.entries[0], 'examples').get);`,
      `console.log(JSON.stringify([root.brazeCatalog, braze.brazeCatalog, root.brazeCatalog === braze.brazeCatalog, deferred]));`,
    ].join('\n');
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    // Each entry carries its own copy (see tsup.config.ts): equal data, separate objects.
    expect(JSON.parse(output) as unknown).toEqual([onDisk, onDisk, false, ['function', 'function']]);
  });

  it('the root entry imports one shared chunk; a vendor entry imports that chunk and the vendor helper', () => {
    const relativeImports = (file: string) => [...readFileSync(join(root, 'dist', file), 'utf8').matchAll(/from\s*["'](\.\/[^"']+)["']/g)].map((m) => m[1]);
    const index = relativeImports('index.js');
    const braze = relativeImports('braze.js');
    // The root entry loads one chunk besides itself: its catalogs are inline, not four more files.
    expect(index).toHaveLength(1);
    expect(braze).toContain(index[0]);
    expect(braze).toHaveLength(2);
  });
});
