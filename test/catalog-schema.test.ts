/**
 * The catalog schema (src/catalog-schema.ts): a minimal valid catalog passes, and each kind
 * of mistake is reported at its precise path.
 */
import { describe, expect, it } from 'vitest';
import { catalogSchema, validateCatalog } from '../src/catalog-schema.js';
import { genericCatalog } from '../src/generated/catalogs/generic.js';
import { shippedCatalogs } from '../src/create-classifier.js';
import { toJsonSchemaDocument, type SchemaIssue } from '../src/schema/schema.js';

function minimal(): Record<string, unknown> {
  return {
    vendor: 'acme',
    name: 'Acme API',
    docs: 'https://acme.example/errors',
    shapes: ['json'],
    hosts: ['api.acme.example'],
    requestIdHeaders: ['x-request-id'],
    entries: [
      {
        id: 'acme.not_found',
        category: 'not_found',
        retryable: false,
        fatal: true,
        description: 'No such thing.',
        match: { status: 404 },
        examples: [{ name: 'a 404', input: { vendor: 'acme', status: 404 }, expect: { outcome: 'error', id: 'acme.not_found' } }],
      },
    ],
  };
}

/** The minimal catalog with one change applied to a copy. */
function withChange(change: (catalog: any) => void): unknown {
  const catalog = structuredClone(minimal());
  change(catalog);
  return catalog;
}

function issuesOf(value: unknown): SchemaIssue[] {
  const result = validateCatalog(value);
  return result.ok ? [] : result.issues;
}

describe('validateCatalog: valid catalogs', () => {
  it('accepts a minimal catalog and returns it', () => {
    const catalog = minimal();
    expect(validateCatalog(catalog)).toEqual({ ok: true, catalog });
  });

  it('accepts every optional member', () => {
    const full = withChange((c) => {
      c.$schema = './schema.json';
      c.retryHints = { resetUnit: 'epoch-seconds', bodyFields: [{ path: 'retryAfterSeconds', unit: 'seconds' }] };
      c.retryPolicy = { idempotencyKeyRequiredFor: ['POST', 'PATCH'], note: 'n' };
      c.errorsIn2xx = true;
      c.namespaces = ['http'];
      c.entries.push({
        id: 'acme.ok',
        outcome: 'success',
        description: 'ok',
        docs: 'https://acme.example/ok',
        match: { status: '2xx', code: ['OK', 'DONE'], message: ['Done {n:int} items'], shape: 'json' },
        secret: ['key'],
        facts: { smsFallback: true, limit: 5, note: 'x' },
        examples: [{ name: 'ok', source: 'https://acme.example', input: {}, expect: { outcome: 'success', vendor: null, code: null, minor: [], params: { n: 1 }, fields: [{ path: 'a', message: 'b' }] } }],
      });
      c.entries.push({ id: 'acme.abort', category: 'cancelled', retryable: false, fatal: true, description: 'd', match: { transport: true, name: 'AbortError' }, examples: [{ name: 'x', input: { thrown: { name: 'AbortError' } }, expect: { outcome: 'error' } }] });
    });
    expect(issuesOf(full)).toEqual([]);
  });

  it('accepts every shipped catalog', () => {
    for (const catalog of [...shippedCatalogs, genericCatalog]) expect(issuesOf(catalog)).toEqual([]);
  });

  it('never throws on values that are not catalogs', () => {
    for (const value of [null, undefined, 42, 'x', [], () => 1]) {
      const result = validateCatalog(value);
      expect(result.ok).toBe(false);
    }
    expect(issuesOf(null)).toEqual([{ path: '(root)', message: 'expected an object, got null' }]);
  });
});

describe('validateCatalog: mistakes and their paths', () => {
  it.each<[string, (catalog: any) => void, SchemaIssue[]]>([
    ['a missing top-level member', (c) => delete c.docs, [{ path: 'docs', message: 'is required' }]],
    ['an upper-case vendor name', (c) => (c.vendor = 'Acme'), [{ path: 'vendor', message: '"Acme" is not a lowercase vendor name' }]],
    ['an unknown top-level member (typo)', (c) => (c.entrys = []), [{ path: 'entrys', message: 'is not a known property' }]],
    ['a shape name that is not a name', (c) => (c.shapes = ['json', 'X ML']), [{ path: 'shapes[1]', message: '"X ML" is not a shape name' }]],
    ['a shape object without name', (c) => (c.shapes = [{ when: { code: 'string' } }]), [{ path: 'shapes[0].name', message: 'is required' }]],
    ['a condition type that is not a JSON type', (c) => (c.shapes = [{ name: 'acme', when: { code: 'text' } }]), [{ path: 'shapes[0].when.code', message: expect.stringContaining('got "text"') as string }]],
    ['an unknown reader transformation', (c) => (c.shapes = [{ name: 'acme', code: [{ path: 'type', as: 'last' }] }]), [{ path: 'shapes[0].code[0].as', message: expect.stringContaining('got "last"') as string }]],
    ['a repeated shape', (c) => (c.shapes = ['json', 'json']), [{ path: 'shapes', message: 'expected unique items' }]],
    ['an empty host', (c) => (c.hosts = ['']), [{ path: 'hosts[0]', message: 'expected at least 1 character(s)' }]],
    ['an unknown reset unit', (c) => (c.retryHints = { resetUnit: 'minutes' }), [{ path: 'retryHints.resetUnit', message: expect.stringContaining('got "minutes"') as string }]],
    [
      'a body field without unit',
      (c) => (c.retryHints = { bodyFields: [{ path: 'x' }] }),
      [{ path: 'retryHints.bodyFields[0].unit', message: 'is required' }],
    ],
    ['an unknown HTTP method', (c) => (c.retryPolicy = { idempotencyKeyRequiredFor: ['FETCH'] }), [{ path: 'retryPolicy.idempotencyKeyRequiredFor[0]', message: expect.stringContaining('got "FETCH"') as string }]],
    ['an id without namespace', (c) => (c.entries[0].id = 'not_found'), [{ path: 'entries[0].id', message: '"not_found" is not an id like "vendor.snake_case"' }]],
    ['an unknown category', (c) => (c.entries[0].category = 'oops'), [{ path: 'entries[0].category', message: expect.stringContaining('got "oops"') as string }]],
    ['a string retryable', (c) => (c.entries[0].retryable = 'no'), [{ path: 'entries[0].retryable', message: 'expected a boolean, got string' }]],
    ['an empty description', (c) => (c.entries[0].description = ''), [{ path: 'entries[0].description', message: 'expected at least 1 character(s)' }]],
    ['a status out of range', (c) => (c.entries[0].match.status = 600), [{ path: 'entries[0].match.status', message: 'expected <= 599, got 600' }]],
    ['a fractional status', (c) => (c.entries[0].match.status = 404.5), [{ path: 'entries[0].match.status', message: 'expected an integer, got 404.5' }]],
    ['a bad status class', (c) => (c.entries[0].match.status = '6xx'), [{ path: 'entries[0].match.status', message: '"6xx" is not a status class like "5xx"' }]],
    ['an empty code list', (c) => (c.entries[0].match.code = []), [{ path: 'entries[0].match.code', message: 'does not match any allowed form (array)' }]],
    ['a typo in match', (c) => (c.entries[0].match.stauts = 404), [{ path: 'entries[0].match.stauts', message: 'is not a known property' }]],
    ['transport: false', (c) => (c.entries[0].match.transport = false), [{ path: 'entries[0].match.transport', message: 'expected one of true, got false' }]],
    ['a match shape that is not a name', (c) => (c.entries[0].match.shape = 'X'), [{ path: 'entries[0].match.shape', message: '"X" is not a shape name' }]],
    ['no examples', (c) => (c.entries[0].examples = []), [{ path: 'entries[0].examples', message: 'expected at least 1 item(s)' }]],
    ['an example without name', (c) => delete c.entries[0].examples[0].name, [{ path: 'entries[0].examples[0].name', message: 'is required' }]],
    ['an unknown expected outcome', (c) => (c.entries[0].examples[0].expect.outcome = 'fine'), [{ path: 'entries[0].examples[0].expect.outcome', message: expect.stringContaining('got "fine"') as string }]],
    ['a negative expected retryAfterMs', (c) => (c.entries[0].examples[0].expect.retryAfterMs = -1), [{ path: 'entries[0].examples[0].expect.retryAfterMs', message: 'expected >= 0, got -1' }]],
    ['a fact that is an object', (c) => (c.entries[0].facts = { a: {} }), [{ path: 'entries[0].facts.a', message: 'does not match any allowed form (object)' }]],
    ['an expected field without message', (c) => (c.entries[0].examples[0].expect.fields = [{ path: 'a' }]), [{ path: 'entries[0].examples[0].expect.fields[0].message', message: 'is required' }]],
  ])('%s', (_name, change, expected) => {
    expect(issuesOf(withChange(change))).toEqual(expected);
  });

  it('reports every problem at once', () => {
    const issues = issuesOf(
      withChange((c) => {
        c.vendor = 'A';
        c.entries[0].category = 'x';
        c.entries[0].match.status = 1000;
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual(['vendor', 'entries[0].category', 'entries[0].match.status']);
  });

  it('points into the right entry and example of many', () => {
    const issues = issuesOf(
      withChange((c) => {
        c.entries.push(structuredClone(c.entries[0]), structuredClone(c.entries[0]));
        c.entries[2].examples.push({ name: 'second', input: {}, expect: { outcome: 'error', matchedBy: 'luck' } });
      }),
    );
    expect(issues).toEqual([{ path: 'entries[2].examples[1].expect.matchedBy', message: expect.stringContaining('got "luck"') as string }]);
  });
});

describe('catalogSchema as a JSON Schema', () => {
  it('publishes the Catalog definition with the $schema member allowed', () => {
    const doc = toJsonSchemaDocument(catalogSchema, { id: 'https://example.com/schema.json', title: 'Catalog' });
    const defs = doc['$defs'] as Record<string, { properties: Record<string, unknown>; required: string[] }>;
    expect(doc['$ref']).toBe('#/$defs/Catalog');
    expect(Object.keys(defs)).toEqual(expect.arrayContaining(['Catalog', 'CatalogEntry', 'CatalogExample', 'EntryMatch', 'ExampleExpect']));
    expect(defs['Catalog']?.properties).toHaveProperty('$schema');
    expect(defs['Catalog']?.required).toEqual(['vendor', 'name', 'docs', 'shapes', 'hosts', 'requestIdHeaders', 'entries']);
    expect(defs['CatalogEntry']?.required).toEqual(['id', 'description', 'examples']);
  });
});
