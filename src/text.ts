/**
 * Text normalization shared by catalog compilation and matching: DESIGN.md says matching
 * "ignores case and surrounding/repeated whitespace", so both sides go through the same
 * two steps: {@link collapseWhitespace}, then {@link foldCase}.
 */

/** The characters JavaScript's `\s` matches beyond ASCII (ECMA-262 WhiteSpace and LineTerminator). */
function isWideSpace(code: number): boolean {
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** No whitespace but single spaces between words: one pass over the characters, no regex call. */
export function isCollapsed(text: string): boolean {
  let previous = 32; // so that a leading space reads as a repeated one
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (previous === 32) return false;
    } else if (code < 32 ? code >= 9 && code <= 13 : code >= 0xa0 && isWideSpace(code)) return false;
    previous = code;
  }
  return previous !== 32 || text.length === 0;
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
