/**
 * The realistic fixture set (test/fixtures/responses.json): raw responses and thrown errors
 * as received, each with the fields of its expected classification. The same file is
 * published for SDKs in other languages (test/fixtures/README.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../src/create-classifier.js';
import type { ExampleExpect } from '../src/generated/catalog-types.js';
import type { Classification } from '../src/types.js';
import { EXAMPLE_NOW, observed } from './support/examples.js';

interface Fixture {
  name: string;
  source?: string;
  input: unknown;
  expect: ExampleExpect;
}

const FILE = new URL('./fixtures/responses.json', import.meta.url);

/** A fresh parse each time, so no test can see another's (possibly mutated) objects. */
function loadFixtures(): Fixture[] {
  return JSON.parse(readFileSync(FILE, 'utf8')) as Fixture[];
}

const fixtures = loadFixtures();

function isThrownCase(input: unknown): input is { thrown: unknown } {
  return typeof input === 'object' && input !== null && !Array.isArray(input) && Object.prototype.hasOwnProperty.call(input, 'thrown');
}

/** Classifies one fixture input with a fresh classifier and the fixed clock. */
function run(input: unknown): Classification {
  const classifier = createClassifier();
  const options = { now: () => EXAMPLE_NOW };
  return isThrownCase(input) ? classifier.normalizeError(input.thrown, options) : classifier.classify(input, options);
}

/** Credential values found in the input (request or response headers, client configs). */
function credentials(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 8 || typeof value !== 'object' || value === null) return out;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' && /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|x-api-token)$/i.test(key)) {
      const secret = item.replace(/^(bearer|basic|token)\s+/i, '').trim();
      if (secret.length >= 8) out.push(secret);
    } else credentials(item, out, depth + 1);
  }
  return out;
}

describe('fixture file', () => {
  it('is a non-empty list of uniquely named cases with an input and an expected outcome', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(60);
    const names = fixtures.map((fixture) => fixture.name);
    expect(new Set(names).size).toBe(names.length);
    for (const fixture of fixtures) {
      expect(typeof fixture.name).toBe('string');
      expect(fixture).toHaveProperty('input');
      expect(['success', 'queued', 'partial', 'error']).toContain(fixture.expect.outcome);
    }
  });
});

describe('fixtures classify as expected', () => {
  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    const result = run(fixture.input);
    expect(observed(result, fixture.expect)).toEqual(fixture.expect);
  });
});

describe('fixture invariants', () => {
  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('deterministic, total and side-effect free: %s', (_name, fixture) => {
    const input = structuredClone(fixture.input);
    const pristine = structuredClone(fixture.input);
    let first: Classification | undefined;
    let second: Classification | undefined;
    expect(() => {
      first = run(input);
      second = run(input);
    }).not.toThrow();
    // Same input, same clock, fresh classifiers: the same result, member for member.
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    // The input is untouched.
    expect(input).toStrictEqual(pristine);
  });

  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('result is consistent and leaks no credential: %s', (_name, fixture) => {
    const result = run(fixture.input);
    expect(result.error !== null).toBe(result.outcome === 'error');
    expect(result.minor.length > 0).toBe(result.outcome === 'partial');
    if (result.error !== null) expect(result.error.fatal).toBe(true);
    for (const minor of result.minor) expect(minor.fatal).toBe(false);
    const text = JSON.stringify(result);
    for (const secret of credentials(fixture.input)) expect(text).not.toContain(secret);
  });
});
