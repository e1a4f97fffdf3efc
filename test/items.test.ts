/**
 * Per-item (minor) errors: each item of a shape's `items` list normalized and non-fatal;
 * the same items as fields. The item spec is Braze's, as its catalog declares it.
 */
import { describe, expect, it } from 'vitest';
import { brazeCatalog } from '../src/generated/catalogs/braze.js';
import { genericCatalog } from '../src/generated/catalogs/generic.js';
import { compileCatalog } from '../src/compile-catalog.js';
import { compileShape } from '../src/compile-shapes.js';
import { buildEngine } from '../src/engine.js';
import { extract } from '../src/extract.js';
import type { ShapeDeclaration } from '../src/generated/catalog-types.js';
import { classifyItems, itemsAsFields } from '../src/items.js';

const braze = compileCatalog(brazeCatalog);
const spec = braze.ownShapes.find((shape) => shape.items !== null)!.items!;

describe('classifyItems', () => {
  it('matches Braze items by their type text and keeps input_array[index] as the field path', () => {
    const [minor] = classifyItems(braze, spec, [{ type: "'external_id' or 'braze_id' or 'user_alias' is required", input_array: 'attributes', index: 0 }], 'braze', 201, false);
    expect(minor).toMatchObject({ id: 'braze.user_identifier_required', fatal: false, matchedBy: 'message', fields: [{ path: 'attributes[0]', message: "'external_id' or 'braze_id' or 'user_alias' is required" }] });
  });

  it('gives unknown items the vendor default for items, with matchedBy none', () => {
    const minors = classifyItems(braze, spec, ['something new', 42, null], 'braze', 201, false);
    expect(minors.map((minor) => [minor.id, minor.matchedBy, minor.message])).toEqual([
      ['braze.minor_error', 'none', 'something new'],
      ['braze.minor_error', 'none', braze.entries.find((entry) => entry.id === 'braze.minor_error')!.description],
      ['braze.minor_error', 'none', braze.entries.find((entry) => entry.id === 'braze.minor_error')!.description],
    ]);
  });

  it('reads at most 1,000 items of a list, once each', () => {
    const engine = buildEngine({ catalogs: [brazeCatalog], generic: genericCatalog });
    const errors = Array.from({ length: 1500 }, () => 'x');
    const extracted = extract({ kind: 'json', value: { message: 'success', errors }, truncated: false, textLength: -1 }, undefined, engine.vendors.get('braze')!.shapeOrder);
    expect(extracted.items).toHaveLength(1000);
    expect(classifyItems(braze, spec, extracted.items!, 'braze', 201, false)).toHaveLength(1000);
  });

  it('with a `when`, only the items it accepts are errors; strings always are', () => {
    const declaration: ShapeDeclaration = {
      name: 'bulk',
      when: { results: 'array' },
      items: { at: 'results', when: { error: 'object' }, code: ['error.code'], message: ['error.message'], path: ['id'] },
    };
    const problems: string[] = [];
    const bulk = compileShape(declaration, 'acme', 'shapes[0]', problems);
    expect(problems).toEqual([]);
    const minors = classifyItems(braze, bulk.items!, [{ id: 'a', status: 'ok' }, { id: 'b', error: { code: 'E7', message: 'bad number' } }, 'plain'], 'acme', 200, false);
    expect(minors.map((minor) => [minor.code, minor.message, minor.fields])).toEqual([
      ['E7', 'bad number', [{ path: 'b', message: 'bad number' }]],
      [null, 'plain', undefined],
    ]);
  });
});

describe('itemsAsFields', () => {
  it('turns items into field errors for a failed request, skipping items without text', () => {
    expect(itemsAsFields(spec, [{ type: 'bad', input_array: 'events', index: 2 }, 'plain', {}])).toEqual([
      { path: 'events[2]', message: 'bad' },
      { path: '', message: 'plain' },
    ]);
    expect(itemsAsFields(spec, undefined)).toBeUndefined();
    expect(itemsAsFields(null, ['x'])).toBeUndefined();
  });
});
