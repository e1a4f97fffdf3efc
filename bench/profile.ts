/**
 * Where does `classify` spend its time? Samples the CPU (V8's profiler via node:inspector)
 * while classifying a workload in a loop against the built library, then prints the
 * functions by self time and by inclusive time, and writes the .cpuprofile
 * (open it in Chrome DevTools → Performance, or speedscope) to bench/.data/.
 *
 *   npx tsx bench/profile.ts [corpus|synthetic|synthetic-lines|synthetic-lines-100|adversarial:<name part>|cold]
 *                            [--seconds=5] [--dist=DIR]
 *
 * Add `node --no-turbo-inlining --import tsx bench/profile.ts …` to attribute time to the
 * small functions V8 would otherwise inline into their callers.
 *
 * `cold` profiles a fresh process doing `import` + first `classify` (target 5) with
 * `node --cpu-prof` instead of a loop.
 *
 * Not part of `npm run bench`: a tool for whoever optimizes the library.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Library from '../src/index.js';
import { adversarialCases } from './adversarial.js';
import { generateCorpus, type BenchInput } from './corpus.js';
import { syntheticCatalog, syntheticLines } from './synthetic-catalog.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const workload = args.find((arg) => !arg.startsWith('--')) ?? 'corpus';
const seconds = Number(args.find((arg) => arg.startsWith('--seconds='))?.slice('--seconds='.length) ?? 5);
const distArg = args.find((arg) => arg.startsWith('--dist='));
const dist = distArg === undefined ? join(root, 'dist') : resolve(distArg.slice('--dist='.length));
/** Prints self and inclusive time per function of a V8 CPU profile. */
function summarize(profile: Profiler.Profile, title: string): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = (node: Profiler.ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || '(anonymous)'} ${url === '' ? '' : `${basename(url)}:${lineNumber + 1}`}`.trim();
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const samples = profile.samples ?? [];
  for (const leaf of samples) {
    const node = byId.get(leaf)!;
    self.set(keyOf(node), (self.get(keyOf(node)) ?? 0) + 1);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const key = keyOf(byId.get(id)!);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + 1);
    }
  }
  const total = samples.length;
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .filter(([key]) => !/^\((root|program|idle)\)/.test(key))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, count]) => `${((100 * count) / total).toFixed(1).padStart(5)}%  ${key}`);
  console.log(`${title}, ${total} samples`);
  console.log('\nself time:');
  console.log(top(self, 25).join('\n'));
  console.log('\ninclusive time:');
  console.log(top(inclusive, 30).join('\n'));
}

const dataDir = join(root, 'bench', '.data');
mkdirSync(dataDir, { recursive: true });

if (workload === 'cold') {
  const dir = join(dataDir, 'cold-profile');
  rmSync(dir, { recursive: true, force: true });
  const script = `const lib = await import(${JSON.stringify(pathToFileURL(join(dist, 'index.js')).href)});
lib.classify({ vendor: 'braze', status: 400, body: '{"message":"Invalid Campaign ID"}' });`;
  const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '50', '--input-type=module', '-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  const file = join(dir, readdirSync(dir).find((name) => name.endsWith('.cpuprofile'))!);
  summarize(JSON.parse(readFileSync(file, 'utf8')) as Profiler.Profile, 'cold start (whole process: node boot, import, first classify)');
  console.log(`\nprofile: ${file}`);
  process.exit(0);
}

const lib = (await import(pathToFileURL(join(dist, 'index.js')).href)) as typeof Library;

let classify: (input: BenchInput) => { outcome: string } = lib.classify;
let inputs: BenchInput[];
if (workload === 'corpus') inputs = generateCorpus(2000).map((record) => record.input);
else if (workload === 'synthetic') {
  const synthetic = syntheticCatalog(10_000);
  const classifier = lib.createClassifier({ catalogs: [...lib.shippedCatalogs, synthetic.catalog] });
  classify = classifier.classify;
  inputs = [...generateCorpus(2000).map((record) => record.input), ...syntheticLines(synthetic, 500, 10_000)];
} else if (workload === 'synthetic-lines' || workload === 'synthetic-lines-100') {
  // Only lines of the synthetic vendor (entries 0-99), with the 10k- or 100-entry catalog.
  const synthetic = syntheticCatalog(10_000);
  const catalog = workload === 'synthetic-lines' ? synthetic.catalog : syntheticCatalog(100).catalog;
  classify = lib.createClassifier({ catalogs: [...lib.shippedCatalogs, catalog] }).classify;
  inputs = syntheticLines(synthetic, 2000, 100, 0x5ca1e);
} else if (workload.startsWith('adversarial:')) {
  const part = workload.slice('adversarial:'.length);
  inputs = adversarialCases()
    .filter((c) => c.name.includes(part))
    .map((c) => c.input);
  if (inputs.length === 0) throw new Error(`no adversarial case name contains "${part}"`);
} else throw new Error(`unknown workload "${workload}" (corpus, synthetic, synthetic-lines, synthetic-lines-100, adversarial:<name part>)`);

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((ok, fail) => session.post(method, params ?? {}, (error, result) => (error === null ? ok(result as T) : fail(error))));
}

// Warm up first, so the profile shows optimized steady state rather than compilation.
let sink = 0;
const warmUntil = performance.now() + 1000;
while (performance.now() < warmUntil) for (const input of inputs) sink += classify(input).outcome.length;

const session = new Session();
session.connect();
await post(session, 'Profiler.enable');
await post(session, 'Profiler.setSamplingInterval', { interval: 100 });
await post(session, 'Profiler.start');
let passes = 0;
const until = performance.now() + seconds * 1000;
while (performance.now() < until) {
  for (const input of inputs) sink += classify(input).outcome.length;
  passes++;
}
const { profile } = await post<{ profile: Profiler.Profile }>(session, 'Profiler.stop');
session.disconnect();

const file = join(dataDir, `${workload.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`);
writeFileSync(file, JSON.stringify(profile));

summarize(profile, `${workload}: ${inputs.length} inputs × ${passes} passes in ${seconds} s (${((seconds * 1e6) / (passes * inputs.length)).toFixed(2)} µs/input)`);
console.log(`\nprofile: ${file} (checksum ${sink})`);
