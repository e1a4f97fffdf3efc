/**
 * The human rendering of a {@link StatsReport}: a few small tables, shares as
 * percentages, and the unmatched message shapes last (the part an operator acts on).
 */
import type { StatsReport } from './stats-collector.js';
import { formatTable } from './table.js';

function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((part * 100) / whole).toFixed(1)}%`;
}

function countTable(title: string, counts: Record<string, number>, whole: number): string[] {
  const rows = Object.entries(counts).map(([key, count]) => [key, String(count), percent(count, whole)]);
  if (rows.length === 0) return [];
  return [
    ...formatTable(
      [
        { header: title, width: 60 },
        { header: 'COUNT', width: 12, right: true },
        { header: 'SHARE', width: 6, right: true },
      ],
      rows,
    ),
    '',
  ];
}

/** The report as text lines for a terminal. */
export function statsText(report: StatsReport): string {
  const lines = [`Lines: ${report.lines} (classified ${report.classified}, invalid ${report.invalid})`, ''];
  lines.push(...countTable('OUTCOME', report.byOutcome, report.classified));
  lines.push(...countTable('VENDOR', report.byVendor, report.classified));
  lines.push(...countTable('CATEGORY', report.byCategory, report.errors));
  lines.push(...countTable('ID', report.byId, report.errors));
  const minorTotal = Object.values(report.minorById).reduce((sum, count) => sum + count, 0);
  lines.push(...countTable('MINOR ID', report.minorById, minorTotal));
  lines.push(`Retryable: ${report.retryable} of ${report.errors} errors (${percent(report.retryable, report.errors)})`, '');
  if (report.topUnmatched.length === 0) lines.push('Unmatched messages: none');
  else {
    lines.push(`Top unmatched messages (${report.topUnmatched.length} of ${report.unmatchedShapes} shapes, ${report.unmatched} errors):`);
    lines.push(
      ...formatTable(
        [
          { header: 'COUNT', width: 12, right: true },
          { header: 'VENDOR', width: 16 },
          { header: 'IDS', width: 48 },
          { header: 'MESSAGE SHAPE', width: 200 },
        ],
        report.topUnmatched.map((group) => [String(group.count), group.vendor ?? '(none)', group.ids.join(', '), group.shape]),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
