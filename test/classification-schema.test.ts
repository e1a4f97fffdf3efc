/**
 * The published JSON Schema of a Classification (schema/classification.schema.json): it is
 * current with its source (src/classification-schema.ts), every real result validates
 * against the file itself (with Ajv, a JSON Schema 2020-12 validator, as another
 * language's consumer would), and results that break the invariants do not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { CLASSIFICATION_SCHEMA_ID, classificationSchema } from '../src/classification-schema.js';
import { createClassifier, shippedCatalogs } from '../src/create-classifier.js';
import { genericCatalog } from '../src/generated/catalogs/generic.js';
import { toJsonSchemaDocument } from '../src/schema/schema.js';
import { examplesOf, runExample } from './support/examples.js';

const root = join(import.meta.dirname, '..');
const published = JSON.parse(readFileSync(join(root, 'schema', 'classification.schema.json'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(published);
const classifier = createClassifier();

/** Validation errors of `value` against the published file, as `path message` lines. */
function problems(value: unknown): string[] {
  return validate(JSON.parse(JSON.stringify(value))) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

describe('schema/classification.schema.json', () => {
  it('is current with src/classification-schema.ts (npm run schema:classification rewrites it)', () => {
    expect(published).toEqual(toJsonSchemaDocument(classificationSchema, { id: CLASSIFICATION_SCHEMA_ID, title: 'vendor-errors Classification' }));
  });

  const cases = [...shippedCatalogs, genericCatalog].flatMap((catalog) => examplesOf(catalog));
  const fixtures = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'responses.json'), 'utf8')) as { name: string; input: unknown }[];

  it(`accepts the result of every catalog example (${cases.length}) and every fixture response`, () => {
    const rejected = [...cases.map(({ label, example }) => [label, runExample(classifier, example)] as const), ...fixtures.map((fixture) => [fixture.name, classifier.classify(fixture.input)] as const)]
      .map(([label, result]) => [label, problems(result)] as const)
      .filter(([, found]) => found.length > 0);
    expect(rejected).toEqual([]);
    expect(new Set(cases.map(({ example }) => runExample(classifier, example).outcome))).toEqual(new Set(['success', 'queued', 'partial', 'error']));
  });

  it('accepts results of bad input and thrown values', () => {
    for (const value of [null, 'text', 42, { status: 'abc' }, { status: 700 }, { body: '<html>' }]) expect(problems(classifier.classify(value))).toEqual([]);
    for (const thrown of [new Error('boom'), 'connect ECONNREFUSED', { code: 'ETIMEDOUT' }, undefined]) expect(problems(classifier.normalizeError(thrown))).toEqual([]);
  });

  it('rejects results that break the invariants or carry unknown members', () => {
    const failed = classifier.classify({ vendor: 'braze', status: 400, body: { message: 'Invalid Campaign ID' } });
    const accepted = classifier.classify({ vendor: 'braze', status: 201, body: { message: 'success' } });
    expect(problems(failed)).toEqual([]);
    expect(problems({ ...failed, outcome: 'success' })).not.toEqual([]);
    expect(problems({ ...accepted, error: failed.error })).not.toEqual([]);
    expect(problems({ ...accepted, outcome: 'partial' })).not.toEqual([]);
    expect(problems({ ...failed, error: { ...failed.error, category: 'oops' } })).not.toEqual([]);
    expect(problems({ ...failed, headers: { authorization: 'x' } })).not.toEqual([]);
  });
});
