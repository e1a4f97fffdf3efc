/**
 * Tests generated from catalog data: every example of every shipped catalog classifies
 * to what it says. Adding a catalog entry adds its tests.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier, shippedCatalogs } from '../src/create-classifier.js';
import { genericCatalog } from '../src/generated/catalogs/generic.js';
import { examplesOf, observed, runExample } from './support/examples.js';

const classifier = createClassifier();

describe.each([...shippedCatalogs, genericCatalog].map((catalog) => [catalog.vendor, catalog] as const))('catalog %s', (_, catalog) => {
  it.each(examplesOf(catalog).map((item) => [item.label, item] as const))('%s', (_label, { example }) => {
    const result = runExample(classifier, example);
    expect(observed(result, example.expect)).toEqual(example.expect);
  });
});
