/**
 * The table every run prints (and bench/README.md shows): one row per target with the
 * measured figure, the limit and pass / FAIL / n/a. "n/a" means the target could not be
 * measured in this run (the reason is in the detail); it is never counted as a pass.
 */

/** One row of the table. */
export interface Row {
  /** Target number ("1", "4b", ...), as in bench/README.md. */
  id: string;
  name: string;
  /** The measured figure, or null when not measurable. */
  value: number | null;
  unit: 'x' | 'ms' | 'MB' | 'kB' | '';
  limit: number | null;
  comparison: '<=' | '>=' | '<' | 'pass';
  /** Informational rows are reported but not part of the verdict. */
  info?: boolean;
  /** Pass/fail for rows whose figure is a yes/no check. */
  check?: boolean;
  /** The figure is only a lower bound (the measurement was cut off there). */
  lowerBound?: boolean;
  detail: string;
}

/** pass / FAIL / n/a / info for a row. */
export function verdict(row: Row): 'pass' | 'FAIL' | 'n/a' | 'info' {
  if (row.info === true) return 'info';
  if (row.comparison === 'pass') return row.check === undefined ? 'n/a' : row.check ? 'pass' : 'FAIL';
  if (row.value === null || row.limit === null) return 'n/a';
  const ok =
    row.comparison === '<=' ? row.value <= row.limit : row.comparison === '>=' ? row.value >= row.limit : row.value < row.limit;
  return ok ? 'pass' : 'FAIL';
}

function format(value: number | null, unit: Row['unit'], limit: number | null = null): string {
  if (value === null) return '—';
  let digits = unit === 'x' ? 2 : unit === 'ms' ? (value < 10 ? 2 : 1) : unit === 'kB' ? 1 : 0;
  // A value that rounds to its limit gets one more digit, so the verdict can be read from it
  // ("1.202× ≤ 1.20× FAIL", not "1.20× ≤ 1.20× FAIL").
  if (limit !== null && value !== limit && value.toFixed(digits) === limit.toFixed(digits)) digits++;
  return `${value.toFixed(digits)}${unit === 'x' ? '×' : unit === '' ? '' : ` ${unit}`}`;
}

function cells(row: Row): string[] {
  const limit =
    row.comparison === 'pass' ? 'pass' : row.limit === null ? '—' : `${row.comparison === '<=' ? '≤' : row.comparison === '>=' ? '≥' : '<'} ${format(row.limit, row.unit)}`;
  const measured =
    row.comparison === 'pass' && row.value === null
      ? row.check === undefined
        ? '—'
        : row.check
          ? 'yes'
          : 'no'
      : `${row.lowerBound === true ? '> ' : ''}${format(row.value, row.unit, row.limit)}`;
  return [row.id, row.name, measured, limit, verdict(row), row.detail];
}

const HEADERS = ['#', 'target', 'measured', 'limit', 'result', 'detail'];

/** Fixed-width table for the console. */
export function consoleTable(rows: readonly Row[]): string {
  const body = rows.map(cells);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...body.slice().map((r) => (i === 5 ? 0 : r[i]!.length))));
  const line = (r: readonly string[]) => r.map((c, i) => (i === 5 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(HEADERS), line(widths.map((w, i) => '-'.repeat(i === 5 ? 6 : w))), ...body.map(line)].join('\n');
}

/** Markdown table for the README. */
export function markdownTable(rows: readonly Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${HEADERS.join(' | ')} |`, `|${HEADERS.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`)].join('\n');
}
