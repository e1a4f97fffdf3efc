/**
 * Runs target 6 in a child process (bench/adversarial-child.ts) with a time limit per
 * case: a case that does not finish in time is killed, reported as timed out (a failure,
 * with the limit as its figure), and the child restarts at the next case.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adversarialCases, type AdversarialKind } from './adversarial.js';
import type { CaseTiming } from './adversarial-child.js';

/** One case's result. */
export interface AdversarialResult {
  name: string;
  kind: AdversarialKind;
  attack: string;
  bodyChars: number;
  /** The classification's id (or outcome); null when timed out. */
  id: string | null;
  /** Median of the measured runs, ms; the time limit when timed out. */
  medianMs: number;
  maxMs: number;
  /** Fastest JSON.parse (or failed parse) of the same body, ms. */
  parseMs: number | null;
  /** Structural cases: median with the body given already parsed (the library's own work), ms. */
  parsedMedianMs: number | null;
  timedOut: boolean;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

const child = join(dirname(fileURLToPath(import.meta.url)), 'adversarial-child.ts');

/** Runs the children from `first` until they finish or one case exceeds `limitMs`. */
function runFrom(distIndex: string, first: number, limitMs: number, onCase: (timing: CaseTiming) => void): Promise<{ stuckAt: number | null }> {
  return new Promise((resolve, reject) => {
    // process.execArgv carries tsx's loader, so the child runs TypeScript too. `gc` lets the
    // child start every case from a collected heap (see adversarial-child.ts).
    const proc = spawn(process.execPath, [...process.execArgv, '--expose-gc', child, distIndex, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let next = first;
    let stuck = false;
    let stderr = '';
    let timer = setTimeout(() => kill(), limitMs);
    const kill = () => {
      stuck = true;
      proc.kill('SIGKILL');
    };
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    createInterface({ input: proc.stdout }).on('line', (line) => {
      const value = JSON.parse(line) as CaseTiming | { done: true };
      if ('done' in value) return;
      clearTimeout(timer);
      onCase(value);
      next = value.index + 1;
      timer = setTimeout(() => kill(), limitMs);
    });
    proc.on('close', (code) => {
      clearTimeout(timer);
      if (stuck) resolve({ stuckAt: next });
      else if (code === 0) resolve({ stuckAt: null });
      else reject(new Error(`adversarial child exited with ${code}: ${stderr.slice(0, 500)}`));
    });
  });
}

/** Target 6 over every case; `limitMs` bounds each case (warm-up and runs included). */
export async function runAdversarial(distIndex: string, limitMs: number): Promise<AdversarialResult[]> {
  const cases = adversarialCases();
  const results: AdversarialResult[] = [];
  let first = 0;
  while (first < cases.length) {
    const { stuckAt } = await runFrom(distIndex, first, limitMs, (timing) => {
      const item = cases[timing.index]!;
      results.push({
        name: item.name,
        kind: item.kind,
        attack: item.attack,
        bodyChars: item.input.body.length,
        id: timing.id,
        medianMs: median(timing.times),
        maxMs: Math.max(...timing.times),
        parseMs: timing.parseMs,
        parsedMedianMs: timing.parsedTimes === undefined ? null : median(timing.parsedTimes),
        timedOut: false,
      });
    });
    if (stuckAt === null) break;
    const item = cases[stuckAt]!;
    results.push({ name: item.name, kind: item.kind, attack: item.attack, bodyChars: item.input.body.length, id: null, medianMs: limitMs, maxMs: limitMs, parseMs: null, parsedMedianMs: null, timedOut: true });
    first = stuckAt + 1;
  }
  return results;
}
