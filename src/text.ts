/**
 * Text normalization shared by catalog compilation and matching: DESIGN.md says matching
 * "ignores case and surrounding/repeated whitespace", so both sides go through the same
 * two steps: {@link collapseWhitespace}, then {@link foldCase}.
 */

/** Whitespace other than a space, two spaces in a row, or a space at either end. */
const NEEDS_COLLAPSE = /[^\S ]|  |^ | $/;

/**
 * Trims and collapses every run of whitespace to one space. Returns the input itself
 * when it is already normalized (the common case), so no string is allocated.
 */
export function collapseWhitespace(text: string): string {
  // One native regex test decides the common case: no whitespace other than single
  // spaces between words. Only then is the string rebuilt.
  if (!NEEDS_COLLAPSE.test(text)) return text;
  return text.replace(/\s+/g, ' ').trim();
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
