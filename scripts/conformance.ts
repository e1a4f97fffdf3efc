/**
 * The language-neutral conformance suite (conformance/): every case is an input, the
 * options it is classified with, and the whole Classification it must give, grouped by
 * the rule of docs/spec.md it shows. Three sources:
 * - the rule cases written in scripts/conformance-cases.ts;
 * - every example of every catalog entry (catalog/*.json);
 * - the cross-vendor fixtures (test/fixtures/responses.json).
 * The expected results are what the TypeScript classifier returns today, so a behaviour
 * change shows up as a stale file (test/generated.test.ts) and as a changed case in review.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClassifier } from '../src/create-classifier.js';
import type { Catalog } from '../src/generated/catalog-types.js';
import { EXAMPLE_NOW } from '../src/examples.js';
import { isRecord } from '../src/safe.js';
import type { ClassifyOptions } from '../src/types.js';
import { RULE_CASES, RULES, type RuleCase } from './conformance-cases.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Options of a conformance case: plain JSON (the clock is a number, in epoch milliseconds). */
export interface CaseOptions {
  now: number;
  vendor?: string;
  maxRetryAfterMs?: number;
}

/** One conformance case. */
export interface ConformanceCase {
  description: string;
  rule: string;
  input: unknown;
  options: CaseOptions;
  expect: unknown;
}

/** Runs one case input through a classifier (`{"thrown": X}` → normalizeError). */
export function runCase(
  classifier: { classify(input: unknown, options?: ClassifyOptions): unknown; normalizeError(thrown: unknown, options?: ClassifyOptions): unknown },
  input: unknown,
  options: CaseOptions,
): unknown {
  const settings: ClassifyOptions = { now: () => options.now };
  if (options.vendor !== undefined) settings.vendor = options.vendor;
  if (options.maxRetryAfterMs !== undefined) settings.maxRetryAfterMs = options.maxRetryAfterMs;
  const result = isRecord(input) && Object.prototype.hasOwnProperty.call(input, 'thrown') ? classifier.normalizeError(input['thrown'], settings) : classifier.classify(input, settings);
  // The JSON form is what other languages compare with.
  return JSON.parse(JSON.stringify(result)) as unknown;
}

/** The members of an example's `expect` that say which rule it shows. */
interface ExpectedSummary {
  outcome?: string;
  matchedBy?: string;
}

/** The rule an example or fixture mostly shows, from its expected result. */
function ruleOf(expect: ExpectedSummary): string {
  if (expect.outcome === 'partial') return 'R17';
  if (expect.outcome !== 'error') return 'R16';
  switch (expect.matchedBy) {
    case 'transport':
      return 'R24';
    case 'none':
      return 'R26';
    default:
      return 'R13';
  }
}

interface ExampleLike {
  name: string;
  input: unknown;
  expect: ExpectedSummary;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(root, path), 'utf8')) as T;
}

function render(cases: readonly ConformanceCase[]): string {
  return `${JSON.stringify(cases, null, 2)}\n`;
}

/** Every file of conformance/ that is generated, path → content. `catalogs`: shipped, generic last. */
export function renderConformanceFiles(catalogs: readonly Catalog[]): Map<string, string> {
  const generic = catalogs.find((catalog) => catalog.vendor === 'generic')!;
  const vendors = catalogs.filter((catalog) => catalog !== generic);
  const classifier = createClassifier({ catalogs: vendors, generic });
  const files = new Map<string, string>();
  const complete = (rule: string, description: string, input: unknown, options: CaseOptions = { now: EXAMPLE_NOW }): ConformanceCase => ({
    description,
    rule,
    input,
    options,
    expect: runCase(classifier, input, options),
  });

  const byRule = new Map<string, RuleCase[]>();
  for (const one of RULE_CASES) {
    const list = byRule.get(one.rule) ?? [];
    list.push(one);
    byRule.set(one.rule, list);
  }
  for (const rule of RULES) {
    const cases = (byRule.get(rule.id) ?? []).map((one) => complete(one.rule, one.description, one.input, { now: EXAMPLE_NOW, ...one.options }));
    files.set(`conformance/cases/${rule.id}-${rule.slug}.json`, render(cases));
  }

  const examples: ConformanceCase[] = [];
  for (const catalog of catalogs)
    for (const entry of catalog.entries)
      for (const example of entry.examples ?? [])
        examples.push(complete(ruleOf(example.expect), `${entry.id}: ${example.name}`, example.input));
  files.set('conformance/catalog-examples.json', render(examples));

  const fixtures = readJson<ExampleLike[]>('test/fixtures/responses.json').map((fixture) => complete(ruleOf(fixture.expect), fixture.name, fixture.input));
  files.set('conformance/fixtures.json', render(fixtures));

  files.set(
    'conformance/catalogs.json',
    `${JSON.stringify({ generic: `${generic.vendor}.json`, vendors: vendors.map((catalog) => `${catalog.vendor}.json`) }, null, 2)}\n`,
  );
  return files;
}
