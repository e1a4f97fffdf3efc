/**
 * Child process of target 6: classifies the adversarial cases from a start index on and
 * prints one JSON line per case. Structural cases are also classified with the body parsed
 * beforehand (outside the timing), which measures the library's own work on the structure
 * apart from `JSON.parse` and its garbage collection. It runs apart from the benchmark so that a case that
 * never finishes (a super-linear scan) can be killed and reported without hanging the run.
 *
 * argv: <dist/index.js path> <first case index>
 */
import { pathToFileURL } from 'node:url';
import type * as Library from '../src/index.js';
import { adversarialCases } from './adversarial.js';

/** One measured case, as printed. */
export interface CaseTiming {
  index: number;
  id: string;
  times: number[];
  parseMs: number;
  /** Structural cases: runs with the body given already parsed. */
  parsedTimes?: number[];
}

const [distIndex, first = '0'] = process.argv.slice(2);
if (distIndex === undefined) throw new Error('usage: adversarial-child <dist/index.js> [first case]');
const lib = (await import(pathToFileURL(distIndex).href)) as typeof Library;
const cases = adversarialCases();
let sink = 0;

function timeOnce(input: unknown): { ms: number; id: string } {
  const t = performance.now();
  const result = lib.classify(input);
  const ms = performance.now() - t;
  return { ms, id: result.error?.id ?? result.outcome };
}

/** Median-of-runs timings after warm-up calls; slow inputs get fewer runs. */
function timeRuns(input: unknown): { times: number[]; id: string } {
  // A first (cold) call; slow cases get fewer runs so the budget is spent on the rest.
  const cold = timeOnce(input);
  const slow = cold.ms > 200;
  for (let i = slow ? 0 : 3; i > 0; i--) timeOnce(input);
  const times: number[] = [];
  let id = cold.id;
  for (let i = slow ? 2 : 7; i > 0; i--) {
    const run = timeOnce(input);
    times.push(run.ms);
    id = run.id;
  }
  return { times, id };
}

/**
 * A full collection before each case: the cases before it leave megabytes of garbage, and
 * when a collection of that garbage falls is otherwise decided by the order of the cases.
 * Each case still pays for the collections its own calls cause.
 */
function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

for (let index = Number(first); index < cases.length; index++) {
  const { input, kind } = cases[index]!;
  collect();
  const { times, id } = timeRuns(input);
  const parse: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    try {
      sink += JSON.parse(input.body) === null ? 0 : 1;
    } catch {
      sink += 2;
    }
    parse.push(performance.now() - t);
  }
  const timing: CaseTiming = { index, id, times, parseMs: Math.min(...parse) };
  if (kind === 'structure') {
    const parsed = { ...input, body: JSON.parse(input.body) as unknown };
    collect();
    const own = timeRuns(parsed);
    if (own.id !== id) throw new Error(`case ${index}: the parsed body classified as ${own.id}, the text as ${id}`);
    timing.parsedTimes = own.times;
  }
  process.stdout.write(`${JSON.stringify(timing)}\n`);
}
process.stdout.write(`${JSON.stringify({ done: true, sink })}\n`);
