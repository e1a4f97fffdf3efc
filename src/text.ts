/**
 * Text normalization shared by catalog compilation and matching: DESIGN.md says matching
 * "ignores case and surrounding/repeated whitespace", so both sides go through the same
 * two steps: {@link collapseWhitespace}, then {@link foldCase}.
 */

/**
 * Whitespace other than the plain space (what JavaScript's `\s` matches, ECMA-262
 * WhiteSpace and LineTerminator, minus U+0020), or two spaces in a row.
 */
const UNCOLLAPSED = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

/**
 * No whitespace but single spaces between words. One native regex scan instead of a loop
 * over the characters, or of a search for two spaces and a second scan: `includes('  ')`
 * stops at every space of a sentence, and on the matcher's messages the one scan takes
 * about a third less time than the two.
 */
export function isCollapsed(text: string): boolean {
  const { length } = text;
  if (length === 0) return true;
  return text.charCodeAt(0) !== 32 && text.charCodeAt(length - 1) !== 32 && !UNCOLLAPSED.test(text);
}

/**
 * Trims and collapses every run of whitespace to one space. Returns the input itself
 * when it is already normalized (the common case), so no string is allocated.
 */
export function collapseWhitespace(text: string): string {
  return isCollapsed(text) ? text : text.replace(/\s+/g, ' ').trim();
}

/** Whether `text` has a character other than whitespace. */
export function hasText(text: string): boolean {
  const first = text.charCodeAt(0);
  // Almost every text starts with a visible ASCII character: nothing to scan.
  return (first > 32 && first < 127) || text.trim() !== '';
}

/** `text.trim()`, without the call when both ends are visible ASCII characters. */
export function trimmed(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? text : text.trim();
}

/** Case folding used for every comparison. */
export function foldCase(text: string): string {
  return text.toLowerCase();
}

/** Both steps: the key used for exact-text lookups. */
export function textKey(text: string): string {
  return foldCase(collapseWhitespace(text));
}

/** Shortens `text` to at most `max` characters, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * `text` as a string of its own. A substring can share the memory of the string it was cut
 * from (V8 sliced strings): a page title would keep its whole page alive for as long as a
 * result holds the title. Concatenating forces a flat copy; the slice
 * that follows shares only that copy.
 */
export function detached(text: string): string {
  return `${text} `.slice(0, -1);
}

const NON_SPACE = /\S/;

/** Index of the first non-whitespace character (a BOM counts as whitespace), or -1. */
export function firstNonSpace(text: string): number {
  // Almost every body is empty or starts at its first character; otherwise a native regex
  // search (a body of a megabyte of whitespace costs microseconds).
  if (text.length === 0) return -1;
  const first = text.charCodeAt(0);
  if (first > 32 && first !== 0xfeff && first !== 0xa0 && first < 0x1680) return 0;
  return text.search(NON_SPACE);
}
