/**
 * Text normalization shared by catalog compilation and matching: DESIGN.md says matching
 * "ignores case and surrounding/repeated whitespace", so both sides go through the same
 * two steps: {@link collapseWhitespace}, then {@link foldCase}.
 */

/** Exactly the characters of JavaScript's `\s`, so the fast path and the replace agree. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || // NBSP: vendor pages render tables with &nbsp; (Sinch docs)
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

/**
 * Trims and collapses every run of whitespace to one space. Returns the input itself
 * when it is already normalized (the common case), so no string is allocated.
 */
export function collapseWhitespace(text: string): string {
  const length = text.length;
  let clean = length === 0 || (!isSpace(text.charCodeAt(0)) && !isSpace(text.charCodeAt(length - 1)));
  for (let i = 0; clean && i < length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code) && (code !== 32 || isSpace(text.charCodeAt(i + 1)))) clean = false;
  }
  if (clean) return text;
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
