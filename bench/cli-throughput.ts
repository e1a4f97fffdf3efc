/**
 * Target 4: `vendor-errors classify FILE > /dev/null` over 100k- and 1M-line NDJSON files
 * from the corpus, against a bare Node pipe (readline → JSON.parse → JSON.stringify →
 * stdout) on the same files. Reports the throughput ratio and the CLI's peak RSS at both
 * sizes (it must stay flat as the file grows).
 *
 * Peak RSS comes from `/usr/bin/time -v` when it exists, else from polling the child's
 * `VmHWM` (the kernel's high-water mark) in /proc, so CI does not depend on `time`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { corpusSource, CORPUS_VERSION } from './corpus.js';

/** The bare pipe the CLI is compared with (run as `node -e BASELINE_PIPE FILE`). */
export const BASELINE_PIPE = `
const { createReadStream } = require('node:fs');
const { createInterface } = require('node:readline');
const lines = createInterface({ input: createReadStream(process.argv[1]), crlfDelay: Infinity });
lines.on('line', (line) => {
  if (line === '') return;
  process.stdout.write(JSON.stringify(JSON.parse(line)) + '\\n');
});
`;

const TIME = '/usr/bin/time';

/** One process run. */
export interface RunStats {
  wallMs: number;
  peakRssMb: number | null;
  exitCode: number | null;
  stderr: string;
}

/** Per-size figures. */
export interface SizeResult {
  lines: number;
  fileMb: number;
  baselineMs: number[];
  cliMs: number[];
  baselineLinesPerSec: number;
  cliLinesPerSec: number;
  /** CLI throughput / baseline throughput (medians). */
  throughputRatio: number;
  /** Highest peak RSS of the CLI over the runs, MB. */
  cliPeakRssMb: number | null;
  baselinePeakRssMb: number | null;
}

/** Result of {@link runCliTarget}. */
export type CliResult =
  | { measurable: true; rssMethod: string; sizes: SizeResult[] }
  | { measurable: false; reason: string; rssMethod: string };

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

/** Writes (or reuses) `bench/.data/corpus-v<version>-<lines>.ndjson`. */
export function ensureNdjson(dataDir: string, lines: number): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `corpus-v${CORPUS_VERSION}-${lines}.ndjson`);
  const stamp = `${file}.done`;
  if (existsSync(file) && existsSync(stamp) && readFileSync(stamp, 'utf8') === String(statSync(file).size)) return file;
  const next = corpusSource();
  const fd = openSync(file, 'w');
  try {
    const batch: string[] = [];
    for (let i = 0; i < lines; i++) {
      batch.push(JSON.stringify(next().input));
      if (batch.length === 10_000 || i === lines - 1) {
        writeSync(fd, `${batch.join('\n')}\n`);
        batch.length = 0;
      }
    }
  } finally {
    closeSync(fd);
  }
  writeFileSync(stamp, String(statSync(file).size));
  return file;
}

function hasGnuTime(): boolean {
  if (!existsSync(TIME)) return false;
  const probe = spawnSync(TIME, ['-v', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /Maximum resident set size/.test(probe.stderr);
}

function readHwmKb(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

/** Runs `argv` with stdout to /dev/null; wall time and peak RSS. */
export function runProcess(argv: readonly string[], gnuTime: boolean): Promise<RunStats> {
  const devNull = openSync('/dev/null', 'w');
  const command = gnuTime ? TIME : argv[0]!;
  const args = gnuTime ? ['-v', ...argv] : argv.slice(1);
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', devNull, 'pipe'] });
    let stderr = '';
    let hwmKb = 0;
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 1_000_000) stderr += chunk;
    });
    const poll =
      gnuTime || child.pid === undefined
        ? undefined
        : setInterval(() => {
            hwmKb = Math.max(hwmKb, readHwmKb(child.pid!) ?? 0);
          }, 5);
    child.on('error', (error) => {
      if (poll !== undefined) clearInterval(poll);
      closeSync(devNull);
      reject(error);
    });
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (poll !== undefined) clearInterval(poll);
      closeSync(devNull);
      let peakRssMb: number | null = hwmKb > 0 ? hwmKb / 1024 : null;
      if (gnuTime) {
        const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        peakRssMb = match === null ? null : Number(match[1]) / 1024;
        const exited = /Command exited with non-zero status (\d+)/.exec(stderr);
        if (exited !== null) code = Number(exited[1]);
        stderr = stderr.replace(/(Command exited with non-zero status \d+\s*)?\s*Command being timed[\s\S]*$/, '');
      }
      resolve({ wallMs, peakRssMb, exitCode: code, stderr: stderr.trim() });
    });
  });
}

/**
 * Can `dist/cli.js classify FILE` classify yet? Runs it on a small sample and expects one
 * JSON object per input line on stdout.
 */
export function cliCanClassify(cli: string, dataDir: string): { ok: true } | { ok: false; reason: string } {
  const sample = join(dataDir, 'cli-sample.ndjson');
  const next = corpusSource(7);
  const lines = Array.from({ length: 20 }, () => JSON.stringify(next().input));
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(sample, `${lines.join('\n')}\n`);
  if (!existsSync(cli)) return { ok: false, reason: `${cli} does not exist` };
  const run = spawnSync(process.execPath, [cli, 'classify', sample], { encoding: 'utf8', timeout: 30_000 });
  const shortOut = (run.stdout ?? '').trim().slice(0, 120).replace(/\s+/g, ' ');
  if (run.status !== 0) return { ok: false, reason: `\`classify\` exited with ${run.status ?? run.signal}: ${(run.stderr || shortOut).trim().slice(0, 160)}` };
  const out = (run.stdout ?? '').split('\n').filter((line) => line.trim() !== '');
  if (out.length !== lines.length) return { ok: false, reason: `expected ${lines.length} output lines, got ${out.length} (stdout: "${shortOut}")` };
  for (const line of out) {
    try {
      const value = JSON.parse(line) as unknown;
      if (typeof value !== 'object' || value === null || !line.includes('outcome')) return { ok: false, reason: `output line is not a classification: ${line.slice(0, 120)}` };
    } catch {
      return { ok: false, reason: `output line is not JSON: ${line.slice(0, 120)}` };
    }
  }
  return { ok: true };
}

/** Options of {@link runCliTarget}. */
export interface CliOptions {
  /** The build to run (`dist/`, holding cli.js). */
  dist: string;
  dataDir: string;
  sizes: readonly { lines: number; runs: number }[];
  log: (line: string) => void;
}

/** Target 4. Never fakes a number: an unusable CLI gives `measurable: false`. */
export async function runCliTarget(options: CliOptions): Promise<CliResult> {
  const gnuTime = hasGnuTime();
  const rssMethod = gnuTime ? '/usr/bin/time -v (max RSS)' : '/proc/<pid>/status VmHWM, polled every 5 ms';
  const cli = join(options.dist, 'cli.js');
  const usable = cliCanClassify(cli, options.dataDir);
  if (!usable.ok) return { measurable: false, reason: usable.reason, rssMethod };
  const sizes: SizeResult[] = [];
  for (const { lines, runs } of options.sizes) {
    const t0 = performance.now();
    const file = ensureNdjson(options.dataDir, lines);
    const fileMb = statSync(file).size / 1048576;
    options.log(`  ${lines.toLocaleString('en-US')} lines (${fileMb.toFixed(0)} MB) ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const baselineRuns: RunStats[] = [];
    const cliRuns: RunStats[] = [];
    for (let run = 0; run < runs; run++) {
      // Alternate which side goes first, so drift hits both.
      const order = run % 2 === 0 ? (['baseline', 'cli'] as const) : (['cli', 'baseline'] as const);
      for (const side of order) {
        const argv = side === 'baseline' ? [process.execPath, '-e', BASELINE_PIPE, file] : [process.execPath, cli, 'classify', file];
        const stats = await runProcess(argv, gnuTime);
        if (stats.exitCode !== 0) {
          if (side === 'cli') return { measurable: false, reason: `CLI exited with ${stats.exitCode} on ${lines} lines: ${stats.stderr.slice(0, 200)}`, rssMethod };
          throw new Error(`baseline pipe exited with ${stats.exitCode}: ${stats.stderr.slice(0, 200)}`);
        }
        (side === 'baseline' ? baselineRuns : cliRuns).push(stats);
        options.log(`    ${side.padEnd(8)} ${(stats.wallMs / 1000).toFixed(2)} s, peak RSS ${stats.peakRssMb?.toFixed(0) ?? '?'} MB`);
      }
    }
    const baselineMs = baselineRuns.map((r) => r.wallMs);
    const cliMs = cliRuns.map((r) => r.wallMs);
    const peak = (runs: RunStats[]) => (runs.some((r) => r.peakRssMb === null) ? null : Math.max(...runs.map((r) => r.peakRssMb!)));
    sizes.push({
      lines,
      fileMb,
      baselineMs,
      cliMs,
      baselineLinesPerSec: lines / (median(baselineMs) / 1000),
      cliLinesPerSec: lines / (median(cliMs) / 1000),
      throughputRatio: median(baselineMs) / median(cliMs),
      cliPeakRssMb: peak(cliRuns),
      baselinePeakRssMb: peak(baselineRuns),
    });
  }
  return { measurable: true, rssMethod, sizes };
}
