/**
 * `classify --format csv|tsv|logfmt`: one record per input line, in order, each on one
 * physical line (log pipelines split on newlines), under a fixed, documented set of
 * columns. Every value printed is one the result holds (already redacted by the
 * library) or one `--keep` copied from the input line.
 *
 * - csv (RFC 4180): a header row; a cell with a comma, a double quote or a line break is
 *   quoted, quotes doubled. Line breaks inside a cell are written as the two characters
 *   `\n` (`\r`), so a record never spans lines. A text cell starting with `=`, `+`, `-`,
 *   `@`, tab or CR gets a leading `'`, as OWASP advises against formula injection, since
 *   csv is what spreadsheets open (https://owasp.org/www-community/attacks/CSV_Injection).
 * - tsv (the IANA text/tab-separated-values type forbids tabs and line breaks in a
 *   cell): a header row; backslash, tab, LF and CR are written `\\`, `\t`, `\n`, `\r`,
 *   the escapes PostgreSQL's COPY and most tools read back.
 * - logfmt: `key=value` pairs in column order, no header; a value with a space, `=`, a
 *   quote, a backslash or a control character is double-quoted with backslash escapes;
 *   null values are left out, as logfmt has no null.
 */

/** The flat output formats. */
export type FlatFormat = 'csv' | 'tsv' | 'logfmt';

/** The text of one cell: empty for null, JSON for objects and arrays. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

const CSV_NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: unknown): string {
  let text = cellText(value).replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return CSV_NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const TSV_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function tsvCell(value: unknown): string {
  return cellText(value).replace(/[\\\t\n\r]/g, (character) => TSV_ESCAPES[character] ?? character);
}

// eslint-disable-next-line no-control-regex
const LOGFMT_NEEDS_QUOTES = /[\s="\\\u0000-\u001f\u007f]/;
const LOGFMT_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function logfmtValue(value: unknown): string {
  const text = cellText(value);
  if (text !== '' && !LOGFMT_NEEDS_QUOTES.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  const escaped = text.replace(/[\\"\n\r\t]|[\u0000-\u001f\u007f]/g, (character) => LOGFMT_ESCAPES[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}"`;
}

/** The header row of `format` over `columns`, or undefined (logfmt has none). */
export function flatHeader(format: FlatFormat, columns: readonly string[]): string | undefined {
  if (format === 'logfmt') return undefined;
  return format === 'csv' ? columns.map(csvCell).join(',') : columns.map(tsvCell).join('\t');
}

/** One record: `values[i]` is the value of `columns[i]`. */
export function flatRecord(format: FlatFormat, columns: readonly string[], values: readonly unknown[]): string {
  if (format === 'csv') return values.map(csvCell).join(',');
  if (format === 'tsv') return values.map(tsvCell).join('\t');
  const pairs: string[] = [];
  for (let i = 0; i < columns.length; i++) {
    const value = values[i];
    if (value !== null && value !== undefined) pairs.push(`${columns[i]}=${logfmtValue(value)}`);
  }
  return pairs.join(' ');
}
