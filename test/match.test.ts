/**
 * The precedence tiers (src/match.ts) over small synthetic catalogs: within each tier the
 * most specific entry wins, success and queued entries only describe 2xx responses, and
 * the template index finds the right template among thousands.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../src/compile-catalog.js';
import type { Catalog, CatalogEntry } from '../src/generated/catalog-types.js';
import { createMatchContext, matchByCode, matchByMessage, matchByName, matchByShape, matchByStatus, messageKeys, type MatchContext } from '../src/match.js';
import { foldCase } from '../src/text.js';

const example = [{ name: 'x', input: {}, expect: { outcome: 'error' as const } }];

function entry(id: string, match: NonNullable<CatalogEntry['match']>, extra: Partial<CatalogEntry> = {}): CatalogEntry {
  return { id: `acme.${id}`, category: 'bad_request', retryable: false, fatal: true, description: id, match, examples: example, ...extra };
}

function compile(entries: CatalogEntry[]) {
  const catalog: Catalog = { vendor: 'acme', name: 'Acme', docs: 'https://acme.example', shapes: ['json'], hosts: [], requestIdHeaders: [], entries };
  return compileCatalog(catalog);
}

function context(options: { status?: number | null; shape?: string | null; code?: string | null; message?: string | null; names?: string[] }): MatchContext {
  return createMatchContext(options.status ?? null, options.shape ?? null, options.code ?? null, options.message ?? null, (options.names ?? []).map(foldCase));
}

describe('matchByCode', () => {
  const catalog = compile([
    entry('code', { code: 'E1' }),
    entry('code_409', { code: 'E1', status: 409 }),
    entry('code_4xx', { code: 'E1', status: '4xx' }),
    entry('code_message', { code: 'E1', message: 'Already exists' }),
    entry('code_template', { code: 'E2', message: 'Limit is {n:int}' }),
    entry('code_html', { code: 'E3', shape: 'problem' }),
  ]);
  const id = (ctx: MatchContext) => matchByCode(catalog.responses, ctx)?.entry.id;

  it('matches codes case-insensitively', () => {
    expect(id(context({ code: 'e1', status: 500 }))).toBe('acme.code');
  });

  it('prefers the entry with more conditions: code + message over code + status over code + class over code', () => {
    expect(id(context({ code: 'E1', status: 409, message: 'already  EXISTS' }))).toBe('acme.code_message');
    expect(id(context({ code: 'E1', status: 409, message: 'other' }))).toBe('acme.code_409');
    expect(id(context({ code: 'E1', status: 422 }))).toBe('acme.code_4xx');
    expect(id(context({ code: 'E1', status: 500 }))).toBe('acme.code');
    expect(id(context({ code: 'E1', status: null }))).toBe('acme.code');
  });

  it('requires every condition of the entry (AND)', () => {
    expect(id(context({ code: 'E2', message: 'Limit is many' }))).toBeUndefined();
    expect(id(context({ code: 'E3', shape: 'json' }))).toBeUndefined();
    expect(id(context({ code: 'E3', shape: 'problem' }))).toBe('acme.code_html');
  });

  it("returns the template's params", () => {
    expect(matchByCode(catalog.responses, context({ code: 'E2', message: 'Limit is 10' }))?.params).toEqual({ n: 10 });
    // Whitespace is collapsed before any template is tried, also after an exact miss.
    expect(matchByCode(catalog.responses, context({ code: 'E2', message: ' LIMIT   is\t10\n' }))?.params).toEqual({ n: 10 });
    expect(matchByMessage(catalog.responses, context({ message: ' Already\u00a0exists ' }))?.entry.id).toBeUndefined();
    expect(id(context({ code: 'E1', message: ' Already\u00a0exists ' }))).toBe('acme.code_message');
  });

  it('finds nothing without a code or for an unknown code', () => {
    expect(id(context({ message: 'Already exists' }))).toBeUndefined();
    expect(id(context({ code: 'nope' }))).toBeUndefined();
  });
});

describe('matchByMessage', () => {
  const catalog = compile([
    entry('exact', { message: 'Access Denied' }),
    entry('exact_403', { message: 'Access Denied', status: 403 }),
    entry('template_generic', { message: 'Access {what}' }),
    entry('template_status', { message: 'Access {what:word} here', status: 401 }),
    entry('template_short', { message: 'Maximum {max:int} {unit:word}' }),
    entry('template_long', { message: 'Maximum {max:int} recipients allowed' }),
    entry('hole_led', { message: "'{field}' is not valid" }),
    entry('both_ends', { message: '{thing} happened at {n:int}' }),
  ]);
  const find = (ctx: MatchContext) => matchByMessage(catalog.responses, ctx);

  it('prefers exact text to templates, and an exact text with a status first', () => {
    expect(find(context({ message: 'access   denied', status: 403 }))?.entry.id).toBe('acme.exact_403');
    expect(find(context({ message: 'ACCESS DENIED', status: 400 }))?.entry.id).toBe('acme.exact');
  });

  it('gives the same answers for repeated and for thousands of distinct messages', () => {
    const run = (message: string) => {
      const match = find(context({ message, status: 400 }));
      return [match?.entry.id, match?.params];
    };
    const first = [run('Maximum 5 recipients allowed'), run('  ACCESS\tdenied '), run("'email' is not valid")];
    for (let i = 0; i < 3000; i++) expect(run(`Maximum ${i} recipients allowed`)).toEqual(['acme.template_long', { max: i }]);
    const again = [run('Maximum 5 recipients allowed'), run('  ACCESS\tdenied '), run("'email' is not valid")];
    expect(again).toEqual(first);
    expect(first).toEqual([
      ['acme.template_long', { max: 5 }],
      ['acme.exact', undefined],
      ['acme.hole_led', { field: 'email' }],
    ]);
  });

  it('prefers a template with a status to one without', () => {
    expect(find(context({ message: 'Access granted here', status: 401 }))?.entry.id).toBe('acme.template_status');
    expect(find(context({ message: 'Access granted here', status: 400 }))?.entry.id).toBe('acme.template_generic');
  });

  it('prefers the template with more literal text among equals', () => {
    expect(find(context({ message: 'Maximum 5 recipients allowed' }))).toEqual({
      entry: expect.objectContaining({ id: 'acme.template_long' }),
      params: { max: 5 },
    });
    expect(find(context({ message: 'Maximum 5 widgets' }))?.params).toEqual({ max: 5, unit: 'widgets' });
  });

  it('finds templates that start with a hole', () => {
    expect(find(context({ message: "'email' is not valid" }))).toMatchObject({ entry: { id: 'acme.hole_led' }, params: { field: 'email' } });
  });

  it('finds templates with holes at both ends', () => {
    expect(find(context({ message: 'the upload happened at 5' }))).toMatchObject({ entry: { id: 'acme.both_ends' }, params: { thing: 'the upload', n: 5 } });
  });

  it('finds templates with holes at both ends however many words the first hole takes', () => {
    const long = `${'word '.repeat(300)}happened at 5`;
    expect(find(context({ message: long }))?.entry.id).toBe('acme.both_ends');
  });

  it('finds a hole-led template however many words its hole takes', () => {
    expect(find(context({ message: `'${'a '.repeat(400)}b' is not valid` }))?.entry.id).toBe('acme.hole_led');
  });

  it('finds nothing for an unknown message or no message', () => {
    expect(find(context({ message: 'Something else' }))).toBeUndefined();
    expect(find(context({ message: null }))).toBeUndefined();
  });

  it('resolves the right template among 10,000', () => {
    const many = compile(
      Array.from({ length: 10_000 }, (_, i) =>
        entry(`t${i}`, { message: i % 2 === 0 ? `Quota ${i} exceeded for {who:word} today` : `{who:word} reached limit ${i} today` }),
      ),
    );
    expect(matchByMessage(many.responses, context({ message: 'Quota 7342 exceeded for acme today' }))).toMatchObject({
      entry: { id: 'acme.t7342' },
      params: { who: 'acme' },
    });
    expect(matchByMessage(many.responses, context({ message: 'bob reached limit 9999 today' }))).toMatchObject({
      entry: { id: 'acme.t9999' },
      params: { who: 'bob' },
    });
    expect(matchByMessage(many.responses, context({ message: 'bob reached limit 10001 today' }))).toBeUndefined();
  });
});

describe('template buckets by one and two words', () => {
  const catalog = compile([
    entry('too_many_requests', { message: 'Too many requests: {detail}' }),
    entry('too_many_pending', { message: 'Too many pending messages: {count:int}' }),
    entry('too_one_word', { message: 'Too {what:word}' }),
    entry('tail_two', { message: '{name:word} is not valid' }),
    entry('tail_one', { message: '{name:word} {thing:word} valid' }),
  ]);
  const { templates } = catalog.responses;
  const id = (message: string) => matchByMessage(catalog.responses, context({ message }))?.entry.id;

  it('keys templates by their first or last two literal words when they have them', () => {
    expect([...templates.byFirstTwoWords.keys()].sort()).toEqual(['too many']);
    expect(templates.byFirstTwoWords.get('too many')?.map((c) => c.entry.id).sort()).toEqual(['acme.too_many_pending', 'acme.too_many_requests']);
    expect([...templates.byFirstWord.keys()].sort()).toEqual(['too']);
    expect([...templates.byLastTwoWords.keys()]).toEqual(['not valid']);
    expect([...templates.byLastWord.keys()]).toEqual(['valid']);
    expect([...templates.byAnyWord.keys()]).toEqual([]);
  });

  it('finds each template through its bucket, and the one-word buckets still apply', () => {
    expect(id('Too many requests: slow down')).toBe('acme.too_many_requests');
    expect(id('too  MANY pending messages: 12')).toBe('acme.too_many_pending');
    expect(id('Too busy')).toBe('acme.too_one_word');
    expect(id('email is not valid')).toBe('acme.tail_two');
    expect(id('email address valid')).toBe('acme.tail_one');
    expect(id('Too many')).toBe('acme.too_one_word');
    expect(id('valid')).toBeUndefined();
  });
});

describe('matchByShape', () => {
  const catalog = compile([entry('html_502', { shape: 'html', status: 502 }), entry('html_5xx', { shape: 'html', status: '5xx' }), entry('empty_503', { shape: 'empty', status: 503 })]);
  const id = (ctx: MatchContext) => matchByShape(catalog.responses, ctx)?.entry.id;

  it('matches the shape with its status, exact status first', () => {
    expect(id(context({ shape: 'html', status: 502 }))).toBe('acme.html_502');
    expect(id(context({ shape: 'html', status: 504 }))).toBe('acme.html_5xx');
    expect(id(context({ shape: 'empty', status: 503 }))).toBe('acme.empty_503');
  });

  it('needs both shape and status', () => {
    expect(id(context({ shape: 'html', status: 404 }))).toBeUndefined();
    expect(id(context({ shape: 'json', status: 502 }))).toBeUndefined();
    expect(id(context({ shape: null, status: 502 }))).toBeUndefined();
  });
});

describe('matchByStatus', () => {
  const catalog = compile([entry('s404', { status: 404 }), entry('c4xx', { status: '4xx' }), entry('c5xx', { status: '5xx' })]);
  const id = (ctx: MatchContext) => matchByStatus(catalog.responses, ctx)?.entry.id;

  it('prefers an exact status to a status class', () => {
    expect(id(context({ status: 404 }))).toBe('acme.s404');
    expect(id(context({ status: 410 }))).toBe('acme.c4xx');
    expect(id(context({ status: 503 }))).toBe('acme.c5xx');
  });

  it('finds nothing without a status or for an unlisted class', () => {
    expect(id(context({ status: null }))).toBeUndefined();
    expect(id(context({ status: 302 }))).toBeUndefined();
  });
});

describe('success and queued entries describe 2xx responses only', () => {
  const catalog = compile([
    entry('ok', { message: 'success' }, { outcome: 'success' }),
    entry('queued', { message: 'queued', status: 202 }, { outcome: 'queued' }),
    entry('created', { status: 201 }, { outcome: 'success' }),
    entry('ok_code', { code: 'OK' }, { outcome: 'success' }),
  ]);

  it('matches them on a 2xx', () => {
    expect(matchByMessage(catalog.responses, context({ message: 'success', status: 200 }))?.entry.id).toBe('acme.ok');
    expect(matchByMessage(catalog.responses, context({ message: 'queued', status: 202 }))?.entry.id).toBe('acme.queued');
    expect(matchByStatus(catalog.responses, context({ status: 201 }))?.entry.id).toBe('acme.created');
    expect(matchByCode(catalog.responses, context({ code: 'ok', status: 204 }))?.entry.id).toBe('acme.ok_code');
  });

  it('never matches them with an error status or without a status', () => {
    expect(matchByMessage(catalog.responses, context({ message: 'success', status: 500 }))).toBeUndefined();
    expect(matchByMessage(catalog.responses, context({ message: 'success', status: null }))).toBeUndefined();
    expect(matchByCode(catalog.responses, context({ code: 'OK', status: 400 }))).toBeUndefined();
  });
});

describe('matchByName', () => {
  const catalog = compile([
    entry('abort', { transport: true, name: 'AbortError' }, { category: 'cancelled' }),
    entry('timeout', { transport: true, name: ['TimeoutError', 'ETIMEDOUTError'] }, { category: 'network' }),
  ]);

  it('matches thrown-error names case-insensitively, in the order of the names', () => {
    expect(matchByName(catalog.transport, context({ names: ['TypeError', 'abortERROR'] }))?.entry.id).toBe('acme.abort');
    expect(matchByName(catalog.transport, context({ names: ['TimeoutError', 'AbortError'] }))?.entry.id).toBe('acme.timeout');
    expect(matchByName(catalog.transport, context({ names: ['Error'] }))).toBeUndefined();
  });
});

describe('messageKeys', () => {
  /** The same keys from `split`: first and last word, first and last two words when there are three or more. */
  function reference(text: string) {
    const words = text.split(' ');
    if (words.length === 1) return { firstWord: text, lastWord: text, firstTwoWords: undefined, lastTwoWords: undefined };
    return {
      firstWord: words[0],
      lastWord: words[words.length - 1],
      firstTwoWords: words.length > 2 ? `${words[0]} ${words[1]}` : text,
      lastTwoWords: words.length > 2 ? `${words[words.length - 2]} ${words[words.length - 1]}` : text,
    };
  }

  it('agrees with splitting on spaces, for any text (runs of spaces and empty words included)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '\t'), maxLength: 40 });
    fc.assert(
      fc.property(text, (value) => {
        expect(messageKeys(value)).toEqual(reference(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('keys a long last word and a message that starts or ends with a space', () => {
    expect(messageKeys(`bad ${'x'.repeat(300)}`)).toEqual(reference(`bad ${'x'.repeat(300)}`));
    expect(messageKeys(' bad gateway ')).toEqual({ firstWord: '', lastWord: '', firstTwoWords: ' bad', lastTwoWords: 'gateway ' });
  });
});
