/**
 * Catalog lint: the shipped catalogs are clean (including a ReDoS check of every
 * template's regular-expression form with recheck), and each rule catches what it names.
 */
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { genericCatalog } from '../src/generated/catalogs/generic.js';
import { shippedCatalogs } from '../src/create-classifier.js';
import type { Catalog, CatalogEntry } from '../src/generated/catalog-types.js';
import { lintCatalogs, type LintProblem } from '../src/lint.js';

function catalogWith(entries: CatalogEntry[], extra: Partial<Catalog> = {}): Catalog {
  return { vendor: 'acme', name: 'Acme', docs: 'https://acme.test/errors', shapes: ['json'], hosts: ['api.acme.test'], requestIdHeaders: [], entries, ...extra };
}

function entry(id: string, match: NonNullable<CatalogEntry['match']>, body: unknown, overrides: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    id,
    category: 'validation',
    retryable: false,
    fatal: true,
    description: id,
    match,
    examples: [{ name: 'example', input: { vendor: 'acme', status: 400, body }, expect: { outcome: 'error', id } }],
    ...overrides,
  };
}

const rules = (problems: LintProblem[]) => problems.map((problem) => `${problem.entry ?? '-'}:${problem.rule}`);

describe('lintCatalogs on the shipped catalogs', () => {
  it('finds no problem', () => {
    expect(lintCatalogs(shippedCatalogs, { generic: genericCatalog })).toEqual([]);
  });

  it('finds every template linear-time with recheck', () => {
    const checked: string[] = [];
    const problems = lintCatalogs(shippedCatalogs, {
      generic: genericCatalog,
      redos: (source, flags) => {
        checked.push(source);
        const diagnostics = checkSync(source, flags);
        return { safe: diagnostics.status === 'safe', detail: diagnostics.status };
      },
    });
    expect(problems).toEqual([]);
    expect(checked.length).toBeGreaterThan(10);
  });
});

describe('lint rules', () => {
  it('schema: reports structural problems with their path', () => {
    const problems = lintCatalogs([{ vendor: 'acme', entries: 'no' }]);
    expect(problems.every((problem) => problem.rule === 'schema')).toBe(true);
    expect(problems.map((problem) => problem.message)).toContain('entries: expected an array, got string');
  });

  it('duplicate-id: the same id twice', () => {
    const a = entry('acme.bad', { code: 'a' }, { error: { code: 'a', message: 'x' } });
    const b = entry('acme.bad', { code: 'b' }, { error: { code: 'b', message: 'x' } });
    expect(rules(lintCatalogs([catalogWith([a, b])], { generic: genericCatalog }))).toContain('acme.bad:duplicate-id');
  });

  it('namespace: ids must start with the vendor or a declared namespace', () => {
    const a = entry('other.bad', { code: 'a' }, { error: { code: 'a', message: 'x' } });
    expect(rules(lintCatalogs([catalogWith([a])]))).toContain('other.bad:namespace');
  });

  it('ambiguous: two entries with the same conditions', () => {
    const a = entry('acme.one', { code: 'same' }, { error: { code: 'same', message: 'x' } });
    const b = entry('acme.two', { code: 'SAME' }, { error: { code: 'same', message: 'x' } });
    expect(rules(lintCatalogs([catalogWith([a, b])], { generic: genericCatalog }))).toContain('acme.two:ambiguous');
  });

  it('ambiguous: two templates of equal specificity that match the same example', () => {
    // Both templates have 9 literal characters ("error " + " ef", "error cd "): no winner.
    const a = entry('acme.one', { message: 'Error {x:word} ef' }, { error: { code: 'x', message: 'Error cd ef' } });
    const b = entry('acme.two', { message: 'Error cd {y:word}' }, { error: { code: 'x', message: 'Error cd zz' } });
    expect(rules(lintCatalogs([catalogWith([a, b])], { generic: genericCatalog }))).toContain('acme.one:ambiguous');
  });

  it('template: holes that are not separated by literal text', () => {
    const a = entry('acme.one', { message: 'Bad {a:int}{b:int} value' }, { error: { code: 'x', message: 'Bad 12 value' } });
    expect(rules(lintCatalogs([catalogWith([a])]))).toContain('acme.one:template');
  });

  it('example-mismatch: an example that classifies elsewhere', () => {
    const a = entry('acme.one', { code: 'a' }, { error: { code: 'b', message: 'x' } });
    const problems = lintCatalogs([catalogWith([a])], { generic: genericCatalog, includeGeneric: false });
    expect(rules(problems)).toContain('acme.one:example-mismatch');
    expect(problems.find((problem) => problem.rule === 'example-mismatch')?.message).toContain('id: expected "acme.one", got "http.400"');
  });

  it('unreachable: no example reaches the entry', () => {
    const a = entry('acme.one', { code: 'a' }, { error: { code: 'b', message: 'x' } });
    expect(rules(lintCatalogs([catalogWith([a])], { generic: genericCatalog, includeGeneric: false }))).toContain('acme.one:unreachable');
  });

  it('entry: secrets must be template params, errors need a category', () => {
    const a = entry('acme.one', { message: 'Key {key:word} is invalid' }, { error: { code: 'x', message: 'Key abc is invalid' } }, { secret: ['token'] });
    const { category: _, ...noCategory } = entry('acme.two', { code: 'c' }, { error: { code: 'c', message: 'x' } });
    expect(rules(lintCatalogs([catalogWith([a, noCategory])]))).toEqual(expect.arrayContaining(['acme.one:entry', 'acme.two:entry']));
  });

  it('redos: reports a template whose regular expression the checker rejects', () => {
    const a = entry('acme.one', { message: 'Limit {n:int} reached' }, { error: { code: 'x', message: 'Limit 5 reached' } });
    const problems = lintCatalogs([catalogWith([a])], { generic: genericCatalog, includeGeneric: false, redos: () => ({ safe: false, detail: 'exponential' }) });
    expect(problems.filter((problem) => problem.rule === 'redos').map((problem) => problem.message)).toEqual([
      '"Limit {n:int} reached" is not linear-time: exponential',
    ]);
  });
});
