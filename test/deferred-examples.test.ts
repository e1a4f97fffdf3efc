/**
 * Shipped catalogs with examples parsed on first read (src/catalogs/deferred-examples.ts):
 * before and after the first read, the catalog reads as the plain JSON it came from.
 * The built package is checked in test/package.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDeferredExamples } from '../src/catalogs/deferred-examples.js';

const root = join(import.meta.dirname, '..');

interface Entry {
  id: string;
  examples?: unknown;
}

/** Splits a catalog as the build does: entries without examples, and the examples as JSON. */
function split(text: string): { catalog: { entries: Entry[] }; examples: string } {
  const catalog = JSON.parse(text) as { entries: Entry[] };
  const examples = catalog.entries.map((entry) => entry.examples);
  for (const entry of catalog.entries) delete entry.examples;
  return { catalog, examples: JSON.stringify(examples) };
}

const text = readFileSync(join(root, 'catalog/braze.json'), 'utf8');

describe('withDeferredExamples', () => {
  it('reads as the original JSON before anything else touched it', () => {
    const { catalog, examples } = split(text);
    const joined = withDeferredExamples(catalog, examples);
    expect(joined).toBe(catalog);
    expect(JSON.stringify(joined)).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('keeps each entry’s keys in file order, examples last', () => {
    const { catalog, examples } = split(text);
    withDeferredExamples(catalog, examples);
    const original = JSON.parse(text) as { entries: object[] };
    expect(catalog.entries.map((entry) => Object.keys(entry))).toEqual(original.entries.map((entry) => Object.keys(entry)));
  });

  it('parses once, on the first read, and then every entry holds a plain data property', () => {
    const { catalog, examples } = split(text);
    withDeferredExamples(catalog, examples);
    const [first, second] = catalog.entries as [Entry, Entry];
    expect(typeof Object.getOwnPropertyDescriptor(second, 'examples')?.get).toBe('function');
    const read = first.examples;
    expect(read).toEqual((JSON.parse(text) as { entries: Entry[] }).entries[0]!.examples);
    for (const entry of catalog.entries) {
      const descriptor = Object.getOwnPropertyDescriptor(entry, 'examples');
      expect(descriptor).toMatchObject({ writable: true, enumerable: true, configurable: true });
      expect(descriptor?.get).toBeUndefined();
    }
    // Same objects on every read: parsed once.
    expect(first.examples).toBe(read);
  });

  it('takes an assignment before the first read, leaving the other entries intact', () => {
    const { catalog, examples } = split(text);
    withDeferredExamples(catalog, examples);
    const [first, second] = catalog.entries as [Entry, Entry];
    first.examples = ['replaced'];
    expect(first.examples).toEqual(['replaced']);
    expect(second.examples).toEqual((JSON.parse(text) as { entries: Entry[] }).entries[1]!.examples);
  });

  it('still answers for an entry frozen before the first read, and refuses assignment as a frozen object does', () => {
    const { catalog, examples } = split(text);
    withDeferredExamples(catalog, examples);
    const [first] = catalog.entries as [Entry];
    Object.freeze(first);
    expect(first.examples).toEqual((JSON.parse(text) as { entries: Entry[] }).entries[0]!.examples);
    expect(() => {
      first.examples = [];
    }).toThrow(TypeError);
  });

  it('gives each entry its own examples after the entries were reordered or added to', () => {
    const { catalog, examples } = split(text);
    withDeferredExamples(catalog, examples);
    const original = (JSON.parse(text) as { entries: Entry[] }).entries;
    const added: Entry = { id: 'braze.added', examples: ['mine'] };
    catalog.entries.reverse();
    catalog.entries.push(added);
    expect(catalog.entries.map((entry) => entry.examples)).toEqual([...original.map((entry) => entry.examples).reverse(), ['mine']]);
  });

  it('leaves a deleted or redefined examples as it is when another entry is read first', () => {
    const { catalog, examples } = split(text);
    withDeferredExamples(catalog, examples);
    const [first, second, third] = catalog.entries as [Entry, Entry, Entry];
    delete first.examples;
    Object.defineProperty(second, 'examples', { value: 'redefined', enumerable: true, configurable: true, writable: true });
    expect(third.examples).toEqual((JSON.parse(text) as { entries: Entry[] }).entries[2]!.examples);
    expect('examples' in first).toBe(false);
    expect(second.examples).toBe('redefined');
  });

  it('answers through an object that inherits from an entry', () => {
    const { catalog, examples } = split(text);
    withDeferredExamples(catalog, examples);
    const heir = Object.create(catalog.entries[2]!) as Entry;
    expect(heir.examples).toEqual((JSON.parse(text) as { entries: Entry[] }).entries[2]!.examples);
  });

  it('spreads, clones and compares as plain data', () => {
    const { catalog, examples } = split(text);
    withDeferredExamples(catalog, examples);
    expect(structuredClone(catalog)).toEqual(JSON.parse(text));
    expect({ ...catalog.entries[3] }).toEqual((JSON.parse(text) as { entries: Entry[] }).entries[3]);
  });
});
