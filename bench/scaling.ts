/**
 * Linear time (DESIGN.md "Never": never more than linear time in input size), measured:
 * each case runs at doubling sizes and prints the time ratio of each doubling. Linear
 * work doubles (2×); the limit is 2.5× per doubling, which leaves room for noise and for
 * caches, while quadratic work (4× per doubling) fails at once.
 *
 *   npm run bench:scaling            # every case
 *   npm run bench:scaling -- slash   # the cases whose name contains "slash"
 *
 * Each time is the fastest of several runs (the least disturbed by the other processes
 * of a shared machine). Runs against the sources (tsx), like bench/lint-synthetic.ts.
 */
import { genericCatalog } from '../src/generated/catalogs/generic.js';
import { createClassifier, shippedCatalogs } from '../src/create-classifier.js';
import { lintCatalogs } from '../src/lint.js';
import { redactPii } from '../src/redact.js';
import { scrubSecrets } from '../src/secrets.js';

/** The most one doubling of the input may multiply the time by. */
const LIMIT = 2.5;
const REPEATS = 7;

interface Case {
  name: string;
  /** Sizes, each twice the one before. */
  sizes: readonly number[];
  /** Builds the input of one size (not timed). */
  build: (size: number) => unknown;
  /** The measured work. */
  run: (input: unknown) => void;
}

const classifier = createClassifier();
let sink = 0;

const doublings = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from * 2 ** i);

/** A catalog of `count` templates sharing their first word, each with one example. */
function sharedFirstWord(count: number): Record<string, unknown> {
  return {
    vendor: 'shared',
    name: 'Shared first word',
    docs: 'https://shared.example/errors',
    shapes: ['braze'],
    hosts: ['api.shared.example'],
    requestIdHeaders: [],
    entries: Array.from({ length: count }, (_, i) => ({
      id: `shared.e${i}`,
      category: 'validation',
      retryable: false,
      fatal: true,
      description: `entry ${i}`,
      match: { message: `Invalid {field:word} w${i}` },
      examples: [{ name: 'example', input: { vendor: 'shared', status: 400, body: { message: `Invalid name w${i}` } }, expect: { outcome: 'error', id: `shared.e${i}` } }],
    })),
  };
}

/** A text of about `size` characters: `unit` repeated. */
const fill = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.floor(size / unit.length)));

const PII_UNITS = ['1 ', 'a@', 'a.a@b', '+1 (', 'call +1 415 555 0100 or jane@example.com '];

const CASES: Case[] = [
  {
    name: 'scrub: slash runs after a scheme (https://////…@h)',
    sizes: doublings(125_000, 4),
    build: (size) => `https://${'/'.repeat(size)}@h ${'/'.repeat(size)}`,
    run: (text) => (sink += scrubSecrets(text as string).length),
  },
  {
    name: 'scrub: user:pass@ runs, name=value pairs, bearer words, markers',
    sizes: doublings(125_000, 4),
    build: (size) => [fill('u:p@', size), fill('token=a&', size), fill('bearer ', size), fill('invalid api key:', size)],
    run: (texts) => {
      for (const text of texts as string[]) sink += scrubSecrets(text, [['invalid', 'api', 'key:']]).length;
    },
  },
  {
    name: 'normalizeError: axios baseURL of many slashes (normalize-error.ts)',
    sizes: doublings(10_000, 4),
    build: (size) => Object.assign(new Error('timeout'), { code: 'ECONNABORTED', config: { baseURL: `https://h${'/'.repeat(size)}x`, url: 'v1' } }),
    run: (thrown) => (sink += classifier.normalizeError(thrown).outcome.length),
  },
  {
    name: 'redactPii: hostile texts of 8 KB to 1 MB',
    sizes: doublings(8_192, 8),
    build: (size) => PII_UNITS.map((unit) => fill(unit, size)),
    run: (texts) => {
      for (const text of texts as string[]) sink += redactPii(text).length;
    },
  },
  {
    name: 'classify with redactPii: bodies of 8 KB to 1 MB (message, fields, items)',
    sizes: doublings(8_192, 8),
    build: (size) =>
      PII_UNITS.map((unit) => {
        const text = fill(unit, size / 4);
        return JSON.stringify({ message: 'success', errors: [text, { type: text, input_array: 'a', index: 0 }], detail: text });
      }),
    run: (bodies) => {
      for (const body of bodies as string[]) {
        sink += classifier.classify({ vendor: 'braze', status: 201, body }, { redactPii: true }).outcome.length;
        sink += classifier.classify({ status: 422, body }, { redactPii: true }).outcome.length;
      }
    },
  },
  {
    name: 'classify: templates sharing a first word (1,000 calls; match.ts)',
    sizes: doublings(1_000, 4),
    build: (size) => createClassifier({ catalogs: [sharedFirstWord(size)] }),
    run: (custom) => {
      const { classify } = custom as ReturnType<typeof createClassifier>;
      for (let i = 0; i < 1_000; i++) sink += classify({ vendor: 'shared', status: 400, body: { message: `Invalid name w${i}` } }).outcome.length;
    },
  },
  {
    name: 'lint: templates sharing a first word',
    sizes: doublings(500, 4),
    build: (size) => sharedFirstWord(size),
    run: (catalog) => (sink += lintCatalogs([...shippedCatalogs, catalog], { generic: genericCatalog }).length),
  },
];

/** `gc` when node runs with --expose-gc (npm run bench:scaling does): each run starts from a collected heap. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** Work shorter than this is repeated within one timing, so timer and scheduling noise stay small beside it. */
const MIN_TIMING_MS = 25;

/** How many calls of `run` make one timing of at least {@link MIN_TIMING_MS} (the first call also warms the code up). */
function callsFor(run: () => void): number {
  const started = performance.now();
  run();
  return Math.max(1, Math.ceil(MIN_TIMING_MS / Math.max(0.01, performance.now() - started)));
}

/** Milliseconds per call of `run`, over `calls` calls. */
function timing(run: () => void, calls: number): number {
  collect();
  const begin = performance.now();
  for (let call = 0; call < calls; call++) run();
  return (performance.now() - begin) / calls;
}

/**
 * The fastest time per size over {@link REPEATS} rounds. Each round times every size in
 * turn, so a burst of load from other processes slows one round of all sizes rather than
 * every timing of one size.
 */
function fastestPerSize(scaling: Case): number[] {
  const runs = scaling.sizes.map((size) => {
    const input = scaling.build(size);
    const run = (): void => scaling.run(input);
    return { run, calls: callsFor(run) };
  });
  const best = runs.map(() => Infinity);
  for (let round = 0; round < REPEATS; round++)
    runs.forEach(({ run, calls }, i) => {
      best[i] = Math.min(best[i]!, timing(run, calls));
    });
  return best;
}

const filter = process.argv[2];
let failed = 0;
for (const scaling of CASES) {
  if (filter !== undefined && !scaling.name.includes(filter)) continue;
  const times = fastestPerSize(scaling);
  const ratios = times.slice(1).map((time, i) => time / times[i]!);
  const worst = Math.max(...ratios);
  const pass = worst <= LIMIT;
  if (!pass) failed++;
  process.stdout.write(
    `${pass ? 'pass' : 'FAIL'}  ${scaling.name}\n      sizes ${scaling.sizes.join(', ')}\n      ms    ${times.map((time) => time.toFixed(2)).join(', ')}\n      ratio per doubling ${ratios.map((ratio) => `${ratio.toFixed(2)}×`).join(', ')} (limit ${LIMIT}×)\n`,
  );
}
process.stdout.write(`${failed === 0 ? 'every case linear' : `${failed} case(s) above ${LIMIT}× per doubling`} (sink ${sink % 10})\n`);
process.exitCode = failed === 0 ? 0 : 1;
