/**
 * The conformance suite (conformance/), run the way conformance/README.md tells any port
 * to run it: every case's input through `classify` or `normalizeError` with its options,
 * the whole result compared with `expect`. Also: the suite covers every rule of
 * docs/spec.md, every catalog example and every fixture, and the Python port passes it.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, normalizeError } from '../src/index.js';
import { runCase, type ConformanceCase } from '../scripts/conformance.js';
import { RULES } from '../scripts/conformance-cases.js';
import { readShippedCatalogs } from '../scripts/generate.js';

const root = join(import.meta.dirname, '..');
const read = (path: string): ConformanceCase[] => JSON.parse(readFileSync(join(root, path), 'utf8')) as ConformanceCase[];

const caseFiles = readdirSync(join(root, 'conformance/cases'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => `conformance/cases/${file}`);
const suite = [...caseFiles, 'conformance/catalog-examples.json', 'conformance/fixtures.json'];
const spec = readFileSync(join(root, 'docs/spec.md'), 'utf8');

describe('conformance suite', () => {
  for (const file of suite) {
    it(`${file}: every case classifies to its expected result`, () => {
      const failures = read(file)
        .filter((one) => JSON.stringify(runCase({ classify, normalizeError }, one.input, one.options)) !== JSON.stringify(one.expect))
        .map((one) => one.description);
      expect(failures).toEqual([]);
    });
  }

  it('has one case file per spec rule, each with cases citing that rule', () => {
    expect(caseFiles.sort()).toEqual(RULES.map((rule) => `conformance/cases/${rule.id}-${rule.slug}.json`).sort());
    for (const rule of RULES) {
      const cases = read(`conformance/cases/${rule.id}-${rule.slug}.json`);
      expect(cases.length, rule.id).toBeGreaterThan(0);
      expect(new Set(cases.map((one) => one.rule))).toEqual(new Set([rule.id]));
    }
  });

  it('cites only rules docs/spec.md defines, and the spec defines no rule without cases', () => {
    const defined = [...spec.matchAll(/^#{2,4} (R\d+)\b/gm)].map((match) => match[1]);
    expect(defined).toEqual(RULES.map((rule) => rule.id));
    const cited = new Set(suite.flatMap((file) => read(file).map((one) => one.rule)));
    for (const rule of cited) expect(defined).toContain(rule);
  });

  it('holds every catalog example and every fixture', () => {
    const examples = readShippedCatalogs().flatMap((catalog) => catalog.entries.flatMap((entry) => (entry.examples ?? []).map((example) => `${entry.id}: ${example.name}`)));
    expect(read('conformance/catalog-examples.json').map((one) => one.description)).toEqual(examples);
    const fixtures = (JSON.parse(readFileSync(join(root, 'test/fixtures/responses.json'), 'utf8')) as { name: string }[]).map((fixture) => fixture.name);
    expect(read('conformance/fixtures.json').map((one) => one.description)).toEqual(fixtures);
  });

  it('every case uses the fixed clock of the catalog examples unless it says otherwise', () => {
    const clocks = new Set(suite.flatMap((file) => read(file).map((one) => one.options.now)));
    expect([...clocks]).toEqual([Date.UTC(2025, 0, 1)]);
  });

  it('the Python port passes every case', () => {
    const total = suite.reduce((sum, file) => sum + read(file).length, 0);
    const output = execFileSync('python3', [join(root, 'python/run_conformance.py')], { encoding: 'utf8' });
    expect(output.trim()).toBe(`${total} passed, 0 failed`);
  });
});
