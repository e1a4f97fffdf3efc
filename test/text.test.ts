/**
 * Text normalization (src/text.ts): the one definition of "ignores case and surrounding or
 * repeated whitespace" used by both catalog compilation and matching.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clip, collapseWhitespace, detached, firstNonSpace, foldCase, hasText, isCollapsed, textKey, trimmed } from '../src/text.js';

describe('collapseWhitespace', () => {
  it('trims both ends', () => {
    expect(collapseWhitespace('  Invalid Campaign ID \n')).toBe('Invalid Campaign ID');
  });

  it('collapses every run of spaces, tabs and line breaks to one space', () => {
    expect(collapseWhitespace('Invalid \t\r\n  Campaign    ID')).toBe('Invalid Campaign ID');
  });

  it('treats a no-break space as whitespace (vendor docs render tables with &nbsp;)', () => {
    expect(collapseWhitespace('Invalid\u00a0Campaign \u00a0ID')).toBe('Invalid Campaign ID');
  });

  it('returns already-normalized text unchanged', () => {
    expect(collapseWhitespace('Invalid Campaign ID')).toBe('Invalid Campaign ID');
    expect(collapseWhitespace('')).toBe('');
  });

  it('turns whitespace-only text into the empty string', () => {
    expect(collapseWhitespace(' \t\n ')).toBe('');
  });

  it('normalizes a character the same way whether or not the rest of the text needed changes', () => {
    // U+2003 EM SPACE: a message must get one key, not two depending on a stray leading space.
    expect(collapseWhitespace('Access\u2003Denied')).toBe(collapseWhitespace(' Access\u2003Denied'));
  });

  it('is idempotent', () => {
    for (const text of ['  a  b ', 'a\u00a0\u00a0b', '\tx\ny\r', 'plain']) {
      expect(collapseWhitespace(collapseWhitespace(text))).toBe(collapseWhitespace(text));
    }
  });
});

describe('foldCase', () => {
  it('lower-cases', () => {
    expect(foldCase('Invalid Campaign ID')).toBe('invalid campaign id');
  });
});

describe('textKey', () => {
  it('is collapseWhitespace then foldCase: differently spaced and cased texts share one key', () => {
    expect(textKey('  INVALID   campaign\tId ')).toBe('invalid campaign id');
    expect(textKey('Invalid Campaign ID')).toBe(textKey('invalid  campaign id'));
  });
});

describe('clip', () => {
  it('returns text within the limit unchanged', () => {
    expect(clip('abc', 3)).toBe('abc');
  });

  it('cuts longer text to exactly max characters, the last one an ellipsis', () => {
    const clipped = clip('abcdef', 4);
    expect(clipped).toBe('abc…');
    expect(clipped).toHaveLength(4);
  });
});

describe('isCollapsed', () => {
  it('is true only for text collapseWhitespace leaves as it is', () => {
    for (const text of ['', 'a', 'invalid campaign id', 'a b c']) expect(isCollapsed(text)).toBe(true);
    for (const text of [' a', 'a ', 'a  b', 'a\tb', 'a\nb', 'a\u00a0b', 'a\u2003b', 'a\u3000b', 'a\ufeffb', ' ', '\r']) expect(isCollapsed(text)).toBe(false);
  });

  it("agrees with JavaScript's own \\s on any text", () => {
    // Every character \s matches, and look-alikes it does not (U+0085, U+180E, U+200B).
    const unit = fc.constantFrom('a', 'B', ' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u180e', '\u200b', 'é', 'İ');
    fc.assert(fc.property(fc.string({ unit }), (value) => isCollapsed(value) === (value.replace(/\s+/g, ' ').trim() === value)));
  });
});

describe('firstNonSpace', () => {
  it('is the index of the first character \\s does not match (a BOM counts as space), or -1', () => {
    expect(['', 'x', '  x', '\ufeff{', '\u00a0\u3000y', ' \t\r\n', '\u1680z'].map(firstNonSpace)).toEqual([-1, 0, 2, 1, 2, -1, 1]);
    const unit = fc.constantFrom('a', ' ', '\t', '\n', '\u00a0', '\ufeff', '\u2028', '\u1680', 'é', '<');
    fc.assert(fc.property(fc.string({ unit }), (value) => firstNonSpace(value) === value.search(/\S/)));
  });
});

describe('hasText and trimmed', () => {
  it('hasText is false only for empty or all-whitespace text', () => {
    expect([hasText('x'), hasText(' x'), hasText('\u00a0x'), hasText(''), hasText(' \t\n'), hasText('\u00a0\u3000')]).toEqual([true, true, true, false, false, false]);
  });

  it('trimmed equals trim() for any text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\u00a0', 'é', '~') }), (value) => trimmed(value) === value.trim()));
  });
});

describe('detached', () => {
  it('returns an equal string', () => {
    const page = `<title>${'x'.repeat(40)}</title>${'y'.repeat(100_000)}`;
    const title = page.slice(7, 47);
    expect(detached(title)).toBe(title);
    expect(detached('')).toBe('');
  });
});
