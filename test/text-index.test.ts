/**
 * TextIndex (src/text-index.ts): range lookups must answer exactly what a Map lookup of
 * the cut-out range answers, whatever the filter lets through.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextIndex } from '../src/text-index.js';

function indexOf(keys: readonly string[]): TextIndex<number> {
  const index = new TextIndex<number>();
  keys.forEach((key, i) => index.set(key, i));
  index.seal();
  return index;
}

describe('TextIndex.find', () => {
  it('finds a key at any position of a longer text, and only there', () => {
    const index = indexOf(['too many', 'not valid', 'braze.com']);
    const text = 'too many pending messages: not valid';
    expect(index.find(text, 0, 8)).toBe(0);
    expect(index.find(text, 27, text.length)).toBe(1);
    expect(index.find(text, 0, 9)).toBeUndefined();
    expect(index.find(text, 1, 8)).toBeUndefined();
    expect(index.find('rest.iad-01.braze.com', 12, 21)).toBe(2);
    expect(index.find('braze.com', 0, 9)).toBe(2);
  });

  it('answers as Map.get of the slice for any text, keys and range', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '.', 'é', 'A');
    const word = fc.string({ unit, maxLength: 6 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 40 }), fc.string({ unit, maxLength: 20 }), fc.nat(), fc.nat(), (keys, text, a, b) => {
        const index = indexOf(keys);
        const start = a % (text.length + 1);
        const end = start + (b % (text.length - start + 1));
        const expected = keys.indexOf(text.slice(start, end));
        return index.find(text, start, end) === (expected === -1 ? undefined : expected);
      }),
    );
  });

  it('stays exact when keys outnumber the filter bits, and rejects most misses', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `key ${i}`);
    const index = indexOf(keys);
    for (let i = 0; i < 5000; i += 7) expect(index.find(`xx key ${i} yy`, 3, 3 + `key ${i}`.length)).toBe(i);
    expect(index.find('key 5000', 0, 8)).toBeUndefined();
  });
});

describe('TextIndex.findFolded', () => {
  it('lower-cases the range before the lookup', () => {
    const index = indexOf(['braze.com', 'apix.spotzee.com']);
    expect(index.findFolded('REST.Braze.COM', 5, 14)).toBe(0);
    expect(index.findFolded('https://APIX.Spotzee.com/v1', 8, 24)).toBe(1);
    expect(index.findFolded('Braze.co', 0, 8)).toBeUndefined();
  });

  it('answers as Map.get of the lower-cased slice, for ASCII and other keys alike', () => {
    // The Kelvin sign lower-cases to an ASCII "k"; U+0130 to two characters.
    const unit = fc.constantFrom('a', 'k', 'K', '\u212a', '\u0130', 'i', 'é', 'É', '.');
    const word = fc.string({ unit, maxLength: 5 }).map((key) => key.toLowerCase());
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 30 }), fc.string({ unit, maxLength: 16 }), fc.nat(), fc.nat(), (keys, text, a, b) => {
        const index = indexOf(keys);
        const start = a % (text.length + 1);
        const end = start + (b % (text.length - start + 1));
        const expected = keys.indexOf(text.slice(start, end).toLowerCase());
        return index.findFolded(text, start, end) === (expected === -1 ? undefined : expected);
      }),
    );
    expect(indexOf(['kelvin.example']).findFolded('\u212aELVIN.example', 0, 14)).toBe(0);
  });
});

describe('TextIndex before sealing and after a later set', () => {
  it('finds every key without a filter, and keys added after sealing', () => {
    const index = new TextIndex<string>();
    index.set('first', 'a');
    expect(index.find('the first', 4, 9)).toBe('a');
    index.seal();
    index.set('second', 'b');
    expect(index.find('a second', 2, 8)).toBe('b');
    expect(index.find('the first', 4, 9)).toBe('a');
    expect(index.size).toBe(2);
    expect([...index.keys()]).toEqual(['first', 'second']);
    expect([...index.values()]).toEqual(['a', 'b']);
  });
});
