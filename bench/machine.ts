/**
 * What the figures were measured on, printed in the header and stored in results.json:
 * ratios are comparable across runs, absolute times only on the same machine.
 */
import { execFileSync } from 'node:child_process';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';

/** Machine and runtime facts. */
export interface Machine {
  node: string;
  v8: string;
  platform: string;
  kernel: string;
  arch: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  loadAverage: number[];
  commit: string;
  date: string;
}

function gitCommit(root: string): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'catalog'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha} (+ uncommitted src/catalog changes)` : sha;
  } catch {
    return 'unknown';
  }
}

/** Facts about this machine and runtime. */
export function describeMachine(root: string): Machine {
  const list = cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: platform(),
    kernel: release(),
    arch: arch(),
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    commit: gitCommit(root),
    date: new Date().toISOString(),
  };
}

/** Header lines for the console. */
export function machineLines(machine: Machine): string[] {
  return [
    `Node ${machine.node} (V8 ${machine.v8}) on ${machine.platform} ${machine.kernel} ${machine.arch}`,
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB RAM, load ${machine.loadAverage.join(' ')}`,
    `commit ${machine.commit}, ${machine.date}`,
  ];
}
