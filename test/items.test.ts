/** Per-item (minor) errors: each item normalized and non-fatal; the same items as fields. */
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../src/compile-catalog.js';
import { brazeCatalog } from '../src/catalogs/braze.js';
import { classifyItems, itemsAsFields } from '../src/items.js';

const braze = compileCatalog(brazeCatalog);

describe('classifyItems', () => {
  it('matches Braze items by their type text and keeps input_array[index] as the field path', () => {
    const [minor] = classifyItems(braze, [{ type: "'external_id' or 'braze_id' or 'user_alias' is required", input_array: 'attributes', index: 0 }], 'braze', 201, false);
    expect(minor).toMatchObject({ id: 'braze.user_identifier_required', fatal: false, matchedBy: 'message', fields: [{ path: 'attributes[0]', message: "'external_id' or 'braze_id' or 'user_alias' is required" }] });
  });

  it('gives unknown items the vendor default for items, with matchedBy none', () => {
    const minors = classifyItems(braze, ['something new', 42, null], 'braze', 201, false);
    expect(minors.map((minor) => [minor.id, minor.matchedBy, minor.message])).toEqual([
      ['braze.minor_error', 'none', 'something new'],
      ['braze.minor_error', 'none', braze.entries.find((entry) => entry.id === 'braze.minor_error')!.description],
      ['braze.minor_error', 'none', braze.entries.find((entry) => entry.id === 'braze.minor_error')!.description],
    ]);
  });

  it('classifies at most 1,000 items', () => {
    expect(classifyItems(braze, Array.from({ length: 1500 }, () => 'x'), 'braze', 201, false)).toHaveLength(1000);
  });
});

describe('itemsAsFields', () => {
  it('turns items into field errors for a failed request, skipping items without text', () => {
    expect(itemsAsFields([{ type: 'bad', input_array: 'events', index: 2 }, 'plain', {}])).toEqual([
      { path: 'events[2]', message: 'bad' },
      { path: '', message: 'plain' },
    ]);
    expect(itemsAsFields(undefined)).toBeUndefined();
  });
});
