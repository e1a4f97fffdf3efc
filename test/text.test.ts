/**
 * Text normalization (src/text.ts): the one definition of "ignores case and surrounding or
 * repeated whitespace" used by both catalog compilation and matching.
 */
import { describe, expect, it } from 'vitest';
import { clip, collapseWhitespace, foldCase, textKey } from '../src/text.js';

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
