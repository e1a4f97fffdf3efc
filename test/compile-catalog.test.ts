/**
 * The catalog compiler (src/compile-catalog.ts): validated catalog data becomes lookup maps
 * once; entries carry their defaults, specificity rank and `matchedBy`; bad templates are a
 * CatalogError.
 */
import { describe, expect, it } from 'vitest';
import { CatalogError, compileCatalog, isCatalogError } from '../src/compile-catalog.js';
import type { Catalog, CatalogEntry } from '../src/generated/catalog-types.js';

const example = [{ name: 'x', input: {}, expect: { outcome: 'error' as const } }];

function entry(id: string, match: NonNullable<CatalogEntry['match']>, extra: Partial<CatalogEntry> = {}): CatalogEntry {
  return { id: `acme.${id}`, category: 'bad_request', retryable: false, fatal: true, description: `entry ${id}`, match, examples: example, ...extra };
}

function catalog(entries: CatalogEntry[], extra: Partial<Catalog> = {}): Catalog {
  return { vendor: 'acme', name: 'Acme API', docs: 'https://acme.example/errors', shapes: ['json'], hosts: [], requestIdHeaders: [], entries, ...extra };
}

describe('compileCatalog: entries', () => {
  it('applies the entry defaults: outcome error, fatal true, docs from the catalog', () => {
    const compiled = compileCatalog(catalog([{ id: 'acme.bare', description: 'd', match: { status: 400 }, examples: example }]));
    expect(compiled.entries[0]).toMatchObject({
      id: 'acme.bare',
      catalog: 'acme',
      outcome: 'error',
      category: 'unknown',
      retryable: false,
      fatal: true,
      docs: 'https://acme.example/errors',
      description: 'd',
    });
  });

  it("keeps an entry's own docs, facts and secret params", () => {
    const compiled = compileCatalog(
      catalog([entry('key', { message: 'Bad key: {key}' }, { docs: 'https://acme.example/key', facts: { smsFallback: true }, secret: ['key'] })]),
    );
    expect(compiled.entries[0]).toMatchObject({ docs: 'https://acme.example/key', facts: { smsFallback: true } });
    expect([...(compiled.entries[0]?.secret ?? [])]).toEqual(['key']);
  });

  it('reads a number status as exact and a "4xx" string as a class', () => {
    const compiled = compileCatalog(catalog([entry('a', { status: 404 }), entry('b', { status: '4xx' })]));
    expect(compiled.entries.map((e) => [e.status, e.statusClass])).toEqual([
      [404, null],
      [null, 4],
    ]);
  });

  it('case-folds codes and error names, and normalizes exact messages', () => {
    const compiled = compileCatalog(
      catalog([
        entry('code', { code: ['Unknown_Group', 'X'] }),
        entry('msg', { message: '  Invalid   Campaign ID ' }),
        entry('net', { transport: true, name: 'AbortError' }),
      ]),
    );
    expect([...(compiled.entries[0]?.codes ?? [])]).toEqual(['unknown_group', 'x']);
    expect([...(compiled.entries[1]?.exact ?? [])]).toEqual(['invalid campaign id']);
    expect([...(compiled.entries[2]?.names ?? [])]).toEqual(['aborterror']);
  });

  it('parses templates and keeps exact texts apart from them', () => {
    const compiled = compileCatalog(catalog([entry('mixed', { message: ['Campaign is not active', 'Campaign status is {status:word}.'] })]));
    const compiledEntry = compiled.entries[0]!;
    expect([...(compiledEntry.exact ?? [])]).toEqual(['campaign is not active']);
    expect(compiledEntry.templates.map((template) => template.source)).toEqual(['Campaign status is {status:word}.']);
  });

  it('ranks entries by their conditions: code 8, message 4, shape 2, status 1, status class 0.5', () => {
    const compiled = compileCatalog(
      catalog([
        entry('code', { code: 'x' }),
        entry('code_message_status', { code: 'x', message: 'm', status: 400 }),
        entry('message', { message: 'm' }),
        entry('shape_status', { shape: 'html', status: 502 }),
        entry('shape_class', { shape: 'html', status: '5xx' }),
        entry('status', { status: 400 }),
        entry('class', { status: '4xx' }),
      ]),
    );
    expect(compiled.entries.map((e) => e.rank)).toEqual([8, 13, 4, 3, 2.5, 1, 0.5]);
  });

  it('names the strongest condition in matchedBy', () => {
    const compiled = compileCatalog(
      catalog([
        entry('code', { code: 'x', message: 'm', status: 400 }),
        entry('message', { message: 'm', status: 400 }),
        entry('shape', { shape: 'empty', status: 502 }),
        entry('status', { status: 400 }),
        entry('class', { status: '4xx' }),
        entry('net', { transport: true, code: 'ECONNRESET' }),
        entry('item', {}, { fatal: false }),
      ]),
    );
    expect(compiled.entries.map((e) => e.matchedBy)).toEqual(['code', 'message', 'status', 'status', 'status_class', 'transport', 'none']);
  });
});

describe('compileCatalog: indexes', () => {
  const compiled = compileCatalog(
    catalog([
      entry('code', { code: 'E1' }),
      entry('code_status', { code: 'E1', status: 409 }),
      entry('exact', { message: 'Access Denied' }),
      entry('template', { message: 'Maximum {max:int} recipients' }),
      entry('hole_led', { message: "'{field}' is not valid" }),
      entry('html', { shape: 'html', status: 502 }),
      entry('status', { status: 404 }),
      entry('class', { status: '5xx' }),
      entry('item', { message: 'item failed' }, { fatal: false }),
      entry('item_default', {}, { fatal: false }),
      entry('net', { transport: true, code: 'ECONNRESET' }),
      entry('abort', { transport: true, name: 'AbortError' }),
      entry('net_default', { transport: true }),
      entry('ok', { message: 'success' }, { outcome: 'success' }),
    ]),
  );
  const ids = (list: readonly { id: string }[] | undefined) => (list ?? []).map((e) => e.id);

  it('splits whole-response, per-item and transport entries', () => {
    expect(compiled.responses.byCode.has('econnreset')).toBe(false);
    expect(ids(compiled.items.byExact.get('item failed'))).toEqual(['acme.item']);
    expect(compiled.items.fallback?.id).toBe('acme.item_default');
    expect(ids(compiled.transport.byCode.get('econnreset'))).toEqual(['acme.net']);
    expect(ids(compiled.transport.byCode.get('name:aborterror'))).toEqual(['acme.abort']);
    expect(compiled.transport.fallback?.id).toBe('acme.net_default');
  });

  it('keys codes, exact texts, shapes, statuses and classes, most specific first', () => {
    expect(ids(compiled.responses.byCode.get('e1'))).toEqual(['acme.code_status', 'acme.code']);
    expect(ids(compiled.responses.byExact.get('access denied'))).toEqual(['acme.exact']);
    expect(ids(compiled.responses.byExact.get('success'))).toEqual(['acme.ok']);
    expect(ids(compiled.responses.byShape.get('html'))).toEqual(['acme.html']);
    expect(ids(compiled.responses.byStatus[404])).toEqual(['acme.status']);
    expect(ids(compiled.responses.byClass[5])).toEqual(['acme.class']);
  });

  it('indexes literal-led templates by their first word', () => {
    expect(compiled.responses.templates.byFirstWord.get('maximum')?.map((c) => c.entry.id)).toEqual(['acme.template']);
    expect(compiled.responses.templates.size).toBe(2);
  });
});

describe('compileCatalog: catalog settings', () => {
  it('defaults: resetUnit auto, no body fields, no idempotency rule, errorsIn2xx false', () => {
    const compiled = compileCatalog(catalog([]));
    expect(compiled).toMatchObject({ vendor: 'acme', name: 'Acme API', docs: 'https://acme.example/errors', resetUnit: 'auto', retryBodyFields: [], errorsIn2xx: false });
    expect(compiled.idempotencyKeyRequiredFor.size).toBe(0);
  });

  it('reads retry hints, retry policy, hosts and request-id headers', () => {
    const compiled = compileCatalog(
      catalog([], {
        hosts: ['API.Acme.example'],
        requestIdHeaders: ['X-Acme-Request'],
        shapes: ['problem', 'json'],
        retryHints: { resetUnit: 'epoch-seconds', bodyFields: [{ path: 'error.retry.after', unit: 'milliseconds' }] },
        retryPolicy: { idempotencyKeyRequiredFor: ['POST', 'PATCH'] },
        errorsIn2xx: true,
      }),
    );
    expect(compiled.hosts).toEqual(['api.acme.example']);
    expect(compiled.requestIdHeaders).toEqual(['x-acme-request']);
    expect(compiled.shapeNames).toEqual(['problem', 'json']);
    expect(compiled.resetUnit).toBe('epoch-seconds');
    expect(compiled.retryBodyFields).toEqual([{ path: ['error', 'retry', 'after'], unit: 'milliseconds' }]);
    expect([...compiled.idempotencyKeyRequiredFor]).toEqual(['POST', 'PATCH']);
    expect(compiled.errorsIn2xx).toBe(true);
  });

  it('synthesizes the <vendor>.unknown entry', () => {
    expect(compileCatalog(catalog([])).unknown).toMatchObject({
      id: 'acme.unknown',
      category: 'unknown',
      retryable: false,
      fatal: true,
      matchedBy: 'none',
      docs: 'https://acme.example/errors',
    });
  });

  it('keeps the source catalog for tools', () => {
    const source = catalog([entry('a', { status: 400 })]);
    expect(compileCatalog(source).source).toBe(source);
  });
});

describe('CatalogError', () => {
  it('is thrown for a template that does not parse, listing every problem', () => {
    const bad = catalog([entry('a', { message: 'Maximum {max:integer} recipients' }), entry('b', { message: ['fine', '{x}{y:int} z'] })]);
    let thrown: unknown;
    try {
      compileCatalog(bad);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CatalogError);
    const error = thrown as CatalogError;
    expect(error.name).toBe('CatalogError');
    expect(error.message).toContain('"acme"');
    expect(error.issues).toHaveLength(2);
    expect(error.issues[0]).toMatch(/^acme\.a: template "Maximum \{max:integer\} recipients": unknown hole type/);
    expect(error.issues[1]).toMatch(/^acme\.b: template "\{x\}\{y:int\} z": holes must be separated/);
  });

  it('is an Error but not a TypeError (retry libraries rethrow TypeErrors)', () => {
    const error = new CatalogError('x', []);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TypeError);
  });

  it('keeps its cause', () => {
    const cause = new Error('root');
    expect(new CatalogError('x', ['a'], { cause }).cause).toBe(cause);
  });
});

describe('isCatalogError', () => {
  it('recognises a CatalogError by name and issues, across realms', () => {
    expect(isCatalogError(new CatalogError('x', []))).toBe(true);
    expect(isCatalogError(Object.assign(new Error('x'), { name: 'CatalogError', issues: ['a'] }))).toBe(true);
  });

  it('rejects other values', () => {
    expect(isCatalogError(new Error('x'))).toBe(false);
    expect(isCatalogError(Object.assign(new Error('x'), { name: 'CatalogError' }))).toBe(false);
    expect(isCatalogError({ name: 'CatalogError', issues: [] })).toBe(false);
    expect(isCatalogError(null)).toBe(false);
  });
});

describe('compileCatalog: lazy', () => {
  const broken = {
    vendor: 'acme',
    name: 'Acme',
    docs: 'https://acme.example',
    shapes: ['json'],
    hosts: [],
    requestIdHeaders: [],
    entries: [{ id: 'acme.bad', description: 'd', category: 'validation', match: { message: 'Bad {unclosed' } }],
  } as unknown as Catalog;

  it('builds the indexes on first use, once', async () => {
    const { brazeCatalog } = await import('../src/generated/catalogs/braze.js');
    const lazy = compileCatalog(brazeCatalog, { lazy: true });
    const responses = lazy.responses;
    expect(responses.byExact.size).toBeGreaterThan(10);
    expect(lazy.responses).toBe(responses);
    expect(lazy.entries).toHaveLength(brazeCatalog.entries.length);
    expect(lazy.items.byCode).toBe(lazy.items.byCode);
    // Nothing is compiled before first use: a broken template only surfaces then.
    const later = compileCatalog(broken, { lazy: true });
    expect(later.vendor).toBe('acme');
    expect(() => later.responses).toThrow(CatalogError);
  });

  it('builds each index on its own: a broken per-item template leaves the whole-response index usable', () => {
    const itemBroken = {
      ...broken,
      entries: [
        { id: 'acme.ok', description: 'd', category: 'validation', match: { code: 'ok' } },
        { id: 'acme.item', description: 'd', category: 'validation', fatal: false, match: { message: 'Bad {unclosed' } },
      ],
    } as unknown as Catalog;
    const lazy = compileCatalog(itemBroken, { lazy: true });
    expect(lazy.responses.byCode.get('ok')?.map((entry) => entry.id)).toEqual(['acme.ok']);
    expect(lazy.transport.byCode.size).toBe(0);
    expect(() => lazy.items).toThrow(CatalogError);
    expect(() => compileCatalog(itemBroken)).toThrow(CatalogError);
  });

  it.each(['braze', 'generic'] as const)('builds the same %s indexes lazily as eagerly, from one compiled object per entry', async (vendor) => {
    const catalogs = { braze: (await import('../src/generated/catalogs/braze.js')).brazeCatalog, generic: (await import('../src/generated/catalogs/generic.js')).genericCatalog };
    const catalog = catalogs[vendor];
    const eager = compileCatalog(catalog);
    const lazy = compileCatalog(catalog, { lazy: true });
    // Built in another order than the eager constructor uses.
    expect(lazy.transport).toEqual(eager.transport);
    expect(lazy.items).toEqual(eager.items);
    expect(lazy.responses).toEqual(eager.responses);
    expect(lazy.entries).toEqual(eager.entries);
    const byId = new Map(lazy.entries.map((entry) => [entry.id, entry]));
    for (const index of [lazy.responses, lazy.items, lazy.transport])
      for (const list of [...index.byCode.values(), ...index.byExact.values(), ...index.byStatus.filter((list) => list !== undefined)])
        for (const entry of list) expect(byId.get(entry.id)).toBe(entry);
    const indexed = lazy.responses.byStatus.flatMap((list) => list ?? []).length + lazy.transport.byCode.size + lazy.items.byExact.size;
    expect(indexed).toBeGreaterThan(0);
  });

  it('compiles eagerly by default: a broken template throws at once', () => {
    expect(() => compileCatalog(broken)).toThrow(CatalogError);
    const eager = compileCatalog({ vendor: 'acme', name: 'Acme', docs: 'https://acme.example', shapes: ['json'], hosts: [], requestIdHeaders: [], entries: [] });
    expect(eager.responses.byCode.size).toBe(0);
  });

  it('gives every compiled catalog one prototype (one object layout for the hot path)', async () => {
    const { brazeCatalog } = await import('../src/generated/catalogs/braze.js');
    const a = compileCatalog(brazeCatalog, { lazy: true });
    const b = compileCatalog({ vendor: 'acme', name: 'Acme', docs: 'https://acme.example', shapes: ['json'], hosts: [], requestIdHeaders: [], entries: [] });
    expect(Object.getPrototypeOf(a)).toBe(Object.getPrototypeOf(b));
    expect(Object.keys(a)).toEqual(Object.keys(b));
  });
});
