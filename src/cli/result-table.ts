/**
 * `classify --format table`: one aligned row per input line, printed as it is
 * classified (fixed widths, since the table streams). With `--fields` the columns are
 * the chosen fields instead of the default set.
 */
import type { Classification, NormalizedError } from '../index.js';
import type { LineResult } from './classify-line.js';
import { keptValue, valueAt, type FieldPath } from './pick-fields.js';
import { formatHeader, formatRow, type Column } from './table.js';

/** Renders classify results as table rows. */
export interface ResultTable {
  /** The header row. */
  header(): string;
  /** The row of one input line. */
  row(line: LineResult, lineNumber: number): string;
}

const DEFAULT_COLUMNS: readonly Column[] = [
  { header: 'LINE', width: 6, right: true },
  { header: 'VENDOR', width: 12 },
  { header: 'STATUS', width: 6, right: true },
  { header: 'OUTCOME', width: 7 },
  { header: 'ID', width: 40 },
  { header: 'CATEGORY', width: 14 },
  { header: 'RETRYABLE', width: 9 },
  { header: 'AFTER_MS', width: 9, right: true },
  { header: 'MESSAGE', width: 72 },
];

/** The error a row describes: the fatal error, else the first per-item error. */
function shownError(result: Classification): NormalizedError | undefined {
  return result.error ?? result.minor[0];
}

function defaultCells(result: Classification, lineNumber: number): string[] {
  const error = shownError(result);
  const more = result.minor.length > 1 ? ` (+${result.minor.length - 1})` : '';
  return [
    String(lineNumber),
    result.vendor ?? '-',
    result.status === null ? '-' : String(result.status),
    result.outcome,
    error === undefined ? '-' : `${error.id}${more}`,
    error?.category ?? '-',
    error === undefined ? '-' : error.retryable ? 'yes' : 'no',
    error?.retryAfterMs === undefined ? '-' : String(error.retryAfterMs),
    error?.message ?? '',
  ];
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '-';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function pathColumn(field: FieldPath): Column {
  return { header: field.name.toUpperCase(), width: Math.max(field.name.length, 24) };
}

/**
 * Creates the table renderer, with the default columns or one column per `--fields` path;
 * `--keep` members get a column each after LINE.
 */
export function createResultTable(fields: readonly FieldPath[] | undefined, keep: readonly FieldPath[] = []): ResultTable {
  const [lineColumn, ...resultColumns] = fields === undefined ? DEFAULT_COLUMNS : [DEFAULT_COLUMNS[0]!, ...fields.map(pathColumn)];
  const keptColumns = keep.map(pathColumn);
  const columns: readonly Column[] = [lineColumn!, ...keptColumns, ...resultColumns];
  const keptCells = (line: LineResult) => keep.map((field) => cellText(keptValue(line.record, field)));
  return {
    header: () => formatHeader(columns),
    row(line, lineNumber) {
      if (!line.ok) return formatRow([lineColumn!, ...keptColumns, { header: '', width: 200 }], [String(lineNumber), ...keptCells(line), `invalid: ${line.invalid.invalid}`]);
      const [number, ...cells] = fields === undefined ? defaultCells(line.result, lineNumber) : [String(lineNumber), ...fields.map((field) => cellText(valueAt(line.result, field.segments)))];
      return formatRow(columns, [number!, ...keptCells(line), ...cells]);
    },
  };
}
