/**
 * Plain-text tables for humans. Two kinds: streaming rows with fixed column widths
 * (`classify --format table`, where rows are printed as they come) and tables sized to
 * their content (`stats`, `catalog`). Cell text is made safe for a terminal first:
 * vendor messages are untrusted, and a control character could move the cursor or
 * rewrite the screen.
 */

/** A column: header, width limit, alignment. */
export interface Column {
  readonly header: string;
  /** Maximum width (fixed width for streaming rows); longer cells are clipped with `…`. */
  readonly width: number;
  /** Right-align (numbers). */
  readonly right?: boolean;
}

/**
 * Replaces control characters (C0, DEL, C1) and bidirectional overrides with spaces and
 * collapses whitespace runs, so a cell is one line that displays as what it contains.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\s]+/g, ' ').trim();
}

/** Shortens `text` to `width` characters, marking the cut. */
export function clipTo(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 1 ? text.slice(0, width) : `${text.slice(0, width - 1)}…`;
}

function pad(text: string, width: number, right: boolean | undefined): string {
  return right === true ? text.padStart(width) : text.padEnd(width);
}

/** One row with fixed widths; the last column is not padded (no trailing spaces). */
export function formatRow(columns: readonly Column[], cells: readonly string[]): string {
  const parts: string[] = [];
  columns.forEach((column, index) => {
    const text = clipTo(terminalSafe(cells[index] ?? ''), column.width);
    parts.push(index === columns.length - 1 && column.right !== true ? text : pad(text, column.width, column.right));
  });
  return parts.join('  ').trimEnd();
}

/** The header row of a fixed-width table. */
export function formatHeader(columns: readonly Column[]): string {
  return formatRow(columns, columns.map((column) => column.header));
}

/**
 * A whole table sized to its content: each column as wide as its widest cell, at most
 * its `width`. Returns the lines (header first).
 */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string[] {
  const safeRows = rows.map((row) => columns.map((column, index) => clipTo(terminalSafe(row[index] ?? ''), column.width)));
  const sized = columns.map((column, index) => ({
    ...column,
    width: safeRows.reduce((widest, row) => Math.max(widest, row[index]!.length), column.header.length),
  }));
  return [formatHeader(sized), ...safeRows.map((row) => formatRow(sized, row))].map((line) => line.trimEnd());
}
