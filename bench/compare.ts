/**
 * Interleaved A/B timing with tinybench. The machine is noisy (2 shared cores), so the
 * baseline and the subject run in alternating short rounds (B, A, A, B, ...), each round a
 * fresh tinybench `Bench` of both tasks. The figure is the median of the per-round ratios;
 * the samples of all rounds are also pooled per task for the other statistics.
 *
 * One task iteration is one pass over a whole corpus, so a sample is milliseconds long
 * and far above the timer's resolution.
 */
import { Bench } from 'tinybench';

/** Timing summary of one side. */
export interface SideStats {
  /** Median time of one pass, ms. */
  medianMs: number;
  /** 10th percentile of one pass, ms. */
  p10Ms: number;
  /** Mean time of one pass, ms. */
  meanMs: number;
  /** Relative margin of error of the mean (95%), percent. */
  rmePercent: number;
  samples: number;
}

/** Result of {@link compare}. */
export interface Comparison {
  baseline: SideStats;
  subject: SideStats;
  /**
   * The figure: the median of the per-round ratios (each round's subject median over its
   * baseline median). Rounds are short and alternate, so each ratio compares two sides
   * measured moments apart; a burst of load from elsewhere moves single rounds, not the
   * median.
   */
  ratio: number;
  /** Median of all subject samples over median of all baseline samples. */
  ratioOfPooledMedians: number;
  /** subject mean / baseline mean. */
  ratioOfMeans: number;
  /**
   * subject p10 / baseline p10: interference from other processes only adds time, so the
   * fast tail is the least disturbed view on a busy machine (reported, not judged).
   */
  ratioOfP10: number;
  /** Relative margin of error of the ratio of means, percent (errors added in quadrature). */
  ratioRmePercent: number;
  /** Per-round ratios of medians (median, min, max): the spread between rounds. */
  roundRatios: { median: number; min: number; max: number };
  rounds: number;
}

/** Options of {@link compare}. */
export interface CompareOptions {
  rounds: number;
  /** Measured time per task per round, ms. */
  timeMs: number;
  /** Warm-up time per task per round, ms. */
  warmupMs: number;
}

function stats(samples: readonly number[]): SideStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = sorted.reduce((sum, x) => sum + x, 0) / n;
  const variance = n > 1 ? sorted.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1) : 0;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  // 95% margin of error of the mean; n is in the hundreds, so the normal quantile is fine.
  const moe = 1.96 * Math.sqrt(variance / n);
  const p10 = sorted[Math.floor((n - 1) * 0.1)]!;
  return { medianMs: median, p10Ms: p10, meanMs: mean, rmePercent: (100 * moe) / mean, samples: n };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

/** Times `subject` against `baseline` (each one pass over a corpus) in interleaved rounds. */
export async function compare(baseline: () => void, subject: () => void, options: CompareOptions): Promise<Comparison> {
  const pooled = { baseline: [] as number[], subject: [] as number[] };
  const roundRatios: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const bench = new Bench({ time: options.timeMs, warmupTime: options.warmupMs, retainSamples: true, throws: true, iterations: 5 });
    const order = round % 2 === 0 ? (['baseline', 'subject'] as const) : (['subject', 'baseline'] as const);
    for (const name of order) bench.add(name, name === 'baseline' ? baseline : subject, { async: false });
    await bench.run();
    const medians: Record<string, number> = {};
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed') throw new Error(`task ${task.name} did not complete: ${result.state}`);
      const samples = result.latency.samples ?? [];
      pooled[task.name as 'baseline' | 'subject'].push(...samples);
      medians[task.name] = result.latency.p50;
    }
    roundRatios.push(medians.subject! / medians.baseline!);
  }
  const base = stats(pooled.baseline);
  const subj = stats(pooled.subject);
  return {
    baseline: base,
    subject: subj,
    ratio: median(roundRatios),
    ratioOfPooledMedians: subj.medianMs / base.medianMs,
    ratioOfMeans: subj.meanMs / base.meanMs,
    ratioOfP10: subj.p10Ms / base.p10Ms,
    ratioRmePercent: Math.sqrt(base.rmePercent ** 2 + subj.rmePercent ** 2),
    roundRatios: { median: median(roundRatios), min: Math.min(...roundRatios), max: Math.max(...roundRatios) },
    rounds: options.rounds,
  };
}
