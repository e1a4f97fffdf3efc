/**
 * The progress line of long runs: lines per second and bytes processed of the total,
 * redrawn in place on stderr. Shown only when a person is watching: stderr is a
 * terminal, the input is a file (so there is a total), and stdout is not that same
 * terminal (the result lines would scroll the progress line away and mix with it).
 * Redrawn at most four times a second, checked per input chunk, so no timer keeps the
 * process alive.
 */
import type { OutputStream } from './io.js';

/** A progress display; both methods are no-ops when progress is not shown. */
export interface Progress {
  /** Reports the lines and bytes processed so far. */
  update(lines: number, bytes: number): void;
  /** Clears the progress line (before the summary or the end). */
  done(): void;
}

const REFRESH_MS = 250;
const NO_PROGRESS: Progress = { update() {}, done() {} };

/** Whether a progress line should be drawn for this run. */
export function wantsProgress(stderr: OutputStream, stdout: OutputStream, totalBytes: number | undefined): boolean {
  return stderr.isTTY === true && stdout.isTTY !== true && totalBytes !== undefined;
}

/** `12.3 MB` style sizes (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** The text of one progress line. */
export function progressText(lines: number, bytes: number, totalBytes: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? Math.round((lines * 1000) / elapsedMs) : 0;
  const share = totalBytes > 0 ? ` (${Math.min(100, Math.floor((bytes * 100) / totalBytes))}%)` : '';
  return `${lines.toLocaleString('en-US')} lines  ${rate.toLocaleString('en-US')} lines/s  ${formatBytes(bytes)} of ${formatBytes(totalBytes)}${share}`;
}

/** Creates the progress display, or a silent one when {@link wantsProgress} says no. */
export function createProgress(stderr: OutputStream, stdout: OutputStream, totalBytes: number | undefined, now: () => number = Date.now): Progress {
  if (totalBytes === undefined || !wantsProgress(stderr, stdout, totalBytes)) return NO_PROGRESS;
  const started = now();
  let lastDrawn = started;
  let drawn = false;
  return {
    update(lines, bytes) {
      const time = now();
      if (time - lastDrawn < REFRESH_MS) return;
      lastDrawn = time;
      drawn = true;
      // \r returns to column 0, ESC[K clears what a longer previous line left behind.
      stderr.write(`\r${progressText(lines, bytes, totalBytes, time - started)}\u001b[K`);
    },
    done() {
      if (drawn) stderr.write('\r\u001b[K');
      drawn = false;
    },
  };
}
