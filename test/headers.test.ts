/**
 * Header reads (src/headers.ts): case-insensitive lookups over a plain object or a fetch
 * `Headers`, never throwing on hostile objects and never copying headers into results.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../src/create-classifier.js';
import { HeaderNames, readHeaders, slotBits } from '../src/headers.js';

describe('readHeaders: plain objects', () => {
  it('finds a header whatever the case of its key', () => {
    const headers = readHeaders({ 'Retry-After': '5', 'X-REQUEST-ID': 'abc', 'content-type': 'application/json' });
    expect(headers.get('retry-after')).toBe('5');
    expect(headers.get('x-request-id')).toBe('abc');
    expect(headers.get('content-type')).toBe('application/json');
  });

  it('returns undefined for a missing header', () => {
    expect(readHeaders({ 'retry-after': '5' }).get('x-request-id')).toBeUndefined();
  });

  it('takes the first string of a string[] value', () => {
    expect(readHeaders({ 'set-cookie': ['a=1', 'b=2'], 'retry-after': ['7'] }).get('retry-after')).toBe('7');
    expect(readHeaders({ 'x-request-id': [42, 'req-1'] }).get('x-request-id')).toBe('req-1');
    expect(readHeaders({ 'x-request-id': [] }).get('x-request-id')).toBeUndefined();
  });

  it('reads a finite number as its decimal text', () => {
    expect(readHeaders({ 'retry-after': 30 }).get('retry-after')).toBe('30');
    expect(readHeaders({ 'retry-after': Number.NaN }).get('retry-after')).toBeUndefined();
  });

  it('ignores values that are not strings, numbers or arrays', () => {
    expect(readHeaders({ 'retry-after': { value: '5' }, 'x-request-id': null }).get('retry-after')).toBeUndefined();
  });

  it('prefers the lower-case key when two keys differ only in case, else the first', () => {
    expect(readHeaders({ 'Retry-After': '1', 'retry-after': '2' }).get('retry-after')).toBe('2');
    expect(readHeaders({ 'Retry-After': '1', 'RETRY-AFTER': '2' }).get('retry-after')).toBe('1');
  });

  it('reads only own properties: inherited headers do not count', () => {
    const headers = Object.create({ 'retry-after': '5' }) as Record<string, string>;
    expect(readHeaders(headers).get('retry-after')).toBeUndefined();
  });

  it('treats "__proto__" and "constructor" keys as data', () => {
    const headers = JSON.parse('{"__proto__": "x", "constructor": "y"}') as unknown;
    const reader = readHeaders(headers);
    expect(reader.get('__proto__')).toBe('x');
    expect(reader.get('constructor')).toBe('y');
  });
});

describe('readHeaders: Headers instances and get() objects', () => {
  it('reads a fetch Headers instance case-insensitively', () => {
    const headers = new Headers({ 'Retry-After': '9', 'X-Request-Id': 'r-1' });
    const reader = readHeaders(headers);
    expect(reader.get('retry-after')).toBe('9');
    expect(reader.get('x-request-id')).toBe('r-1');
    expect(reader.get('ratelimit-reset')).toBeUndefined();
  });

  it('uses any object with a get(name) method', () => {
    const map = new Map([['retry-after', '4']]);
    expect(readHeaders(map).get('retry-after')).toBe('4');
  });

  it('ignores non-string results of get()', () => {
    expect(readHeaders({ get: () => 5 }).get('retry-after')).toBeUndefined();
  });
});

describe('readHeaders: hostile input never throws', () => {
  it('returns an empty reader for non-objects', () => {
    for (const value of [undefined, null, 'retry-after: 5', 42, true]) expect(readHeaders(value).get('retry-after')).toBeUndefined();
  });

  it('turns a throwing get() into undefined', () => {
    const reader = readHeaders({
      get() {
        throw new Error('boom');
      },
    });
    expect(reader.get('retry-after')).toBeUndefined();
  });

  it('turns a throwing property getter into undefined and still reads the other headers', () => {
    const headers = {
      get 'retry-after'(): string {
        throw new Error('boom');
      },
      'x-request-id': 'req-2',
    };
    const reader = readHeaders(headers);
    expect(reader.get('retry-after')).toBeUndefined();
    expect(reader.get('x-request-id')).toBe('req-2');
  });

  it('turns a Proxy that throws on every trap into an empty reader', () => {
    const trap = () => {
      throw new Error('trap');
    };
    const proxy = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap });
    expect(readHeaders(proxy).get('retry-after')).toBeUndefined();
  });

  it('survives a revoked Proxy', () => {
    const { proxy, revoke } = Proxy.revocable({ 'retry-after': '5' }, {});
    revoke();
    expect(readHeaders(proxy).get('retry-after')).toBeUndefined();
  });
});

describe('headers are never copied into results', () => {
  const classifier = createClassifier();

  it('puts no header other than the request id into a classification', () => {
    const headers = {
      Authorization: 'Bearer sk_live_secret',
      Cookie: 'session=cookie-secret',
      'X-Api-Key': 'api-key-secret',
      'X-Request-Id': 'req-42',
      'Retry-After': '3',
    };
    const result = classifier.classify({ vendor: 'braze', status: 429, headers, body: '' });
    const text = JSON.stringify(result);
    expect(text).not.toContain('sk_live_secret');
    expect(text).not.toContain('cookie-secret');
    expect(text).not.toContain('api-key-secret');
    expect(result.requestId).toBe('req-42');
    expect(result.error?.retryAfterMs).toBe(3000);
  });

  it('does not modify the headers object it reads', () => {
    const headers = Object.freeze({ 'Retry-After': '3', 'X-Request-Id': 'req-1' });
    const result = classifier.classify({ vendor: 'sinch', status: 429, headers: headers as Record<string, string> });
    expect(result.error?.retryAfterMs).toBe(3000);
    expect(headers).toEqual({ 'Retry-After': '3', 'X-Request-Id': 'req-1' });
  });
});

describe('readHeaders with the wanted names (HeaderNames)', () => {
  const names = new HeaderNames(['content-type', 'retry-after', 'x-request-id']);

  it('reads the wanted names in any case, lower case first, and nothing else', () => {
    for (let round = 0; round < 2; round++) {
      // The second round reads spellings already remembered.
      const reader = readHeaders({ 'Content-Type': 'text/html', 'RETRY-AFTER': '1', 'retry-after': '2', 'X-Request-Id': 'a', 'x-REQUEST-id': 'b', date: 'd' }, names);
      expect(reader.get('content-type')).toBe('text/html');
      expect(reader.get('retry-after')).toBe('2');
      expect(reader.get('x-request-id')).toBe('a');
      expect(reader.get('date')).toBeUndefined();
    }
  });

  it('keeps inherited headers out and survives throwing getters and Proxies', () => {
    expect(readHeaders(Object.create({ 'retry-after': '5' }) as object, names).get('retry-after')).toBeUndefined();
    const headers = {
      get 'Retry-After'(): string {
        throw new Error('boom');
      },
      'X-Request-Id': 'req-3',
    };
    const reader = readHeaders(headers, names);
    expect(reader.get('retry-after')).toBeUndefined();
    expect(reader.get('x-request-id')).toBe('req-3');
    const trap = () => {
      throw new Error('trap');
    };
    expect(readHeaders(new Proxy({}, { ownKeys: trap, get: trap, getOwnPropertyDescriptor: trap }), names).get('retry-after')).toBeUndefined();
  });

  it('reads long header names without remembering them', () => {
    const long = new HeaderNames(['x-wanted']);
    for (let i = 0; i < 3; i++) {
      const name = `X-${'a'.repeat(10_000)}-${i}`;
      expect(readHeaders({ [name]: 'v', 'X-Wanted': `w${i}` }, long).get('x-wanted')).toBe(`w${i}`);
    }
    expect(readHeaders({ ['x-wanted'.padEnd(200, ' ')]: 'padded', 'x-wanted': 'exact' }, long).get('x-wanted')).toBe('exact');
  });

  it('reads prototype-less objects and objects with an own get() as their kind says', () => {
    const bare = Object.assign(Object.create(null) as Record<string, string>, { 'Retry-After': '3' });
    expect(readHeaders(bare, names).get('retry-after')).toBe('3');
    // An own get() makes a plain object a Headers-like; an own "get" header stays a header.
    expect(readHeaders({ get: (name: string) => (name === 'retry-after' ? '8' : undefined), 'retry-after': '1' }, names).get('retry-after')).toBe('8');
    expect(readHeaders({ get: 'a header named get', 'retry-after': '1' }, names).get('retry-after')).toBe('1');
    // A get() inherited from a class prototype still counts (fetch Headers, Map).
    expect(readHeaders(new Map([['retry-after', '6']]), names).get('retry-after')).toBe('6');
    expect(readHeaders(new Map([['x-request-id', 'm-1']]), names).at(names.slot('x-request-id'))).toBe('m-1');
  });

  it('finds an own get() wherever it sits among the keys, and in any plain kind of object', () => {
    const getter = (name: string) => (name === 'retry-after' ? '8' : undefined);
    // Wanted headers before get() are not read from the keys: the method answers for all.
    const last = readHeaders({ 'Retry-After': '1', 'x-request-id': 'k', get: getter }, names);
    expect([last.get('retry-after'), last.get('x-request-id'), last.filled]).toEqual(['8', undefined, -1]);
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { 'retry-after': '1', get: getter });
    expect(readHeaders(bare, names).at(names.slot('retry-after'))).toBe('8');
    // The guarded rescan after a throwing getter finds the method too.
    const hostile = {
      get 'Retry-After'(): string {
        throw new Error('boom');
      },
      get: getter,
    };
    expect(readHeaders(hostile, names).get('retry-after')).toBe('8');
    // Other casings are just unknown header names.
    expect(readHeaders({ GET: getter, 'retry-after': '1' }, names).get('retry-after')).toBe('1');
  });

  it('reads a wanted header named get as a header', () => {
    const odd = new HeaderNames(['get', 'retry-after']);
    const reader = readHeaders({ get: 'value', 'retry-after': '1' }, odd);
    expect([reader.get('get'), reader.get('retry-after')]).toEqual(['value', '1']);
  });

  it('never throws on a Proxy whose getPrototypeOf or has trap throws', () => {
    const trap = () => {
      throw new Error('trap');
    };
    for (const handler of [{ getPrototypeOf: trap }, { getOwnPropertyDescriptor: trap }, { getPrototypeOf: trap, get: trap, ownKeys: trap }]) {
      const reader = readHeaders(new Proxy({ 'retry-after': '2' }, handler), names);
      expect(['2', undefined]).toContain(reader.get('retry-after'));
    }
  });

  it('reports which slots hold a value, and cannot tell for get()-based readers', () => {
    const reader = readHeaders({ 'Retry-After': '1', date: 'd', 'x-request-id': ['r', 's'], 'content-type': 5 }, names);
    const [ct, ra, rid] = ['content-type', 'retry-after', 'x-request-id'].map((name) => names.slot(name));
    expect(reader.filled).toBe(slotBits([ct!, ra!, rid!]));
    expect(readHeaders({ date: 'd', 'content-type': {} }, names).filled).toBe(0);
    expect(readHeaders(new Headers(), names).filled).toBe(-1);
    expect(readHeaders(undefined, names).filled).toBe(0);
    expect(slotBits([0, 30, 31, 40])).toBe((1 | (1 << 30) | (1 << 31)) >> 0);
  });

  it('agrees with a plain model on any mix of names, casings and values', () => {
    const wanted = ['content-type', 'retry-after', 'x-request-id', 'request-id', 'ratelimit-reset', 'cf-ray'];
    const many = new HeaderNames(wanted);
    // The model: per name, the lower-case key's string value, else the first other casing's.
    const model = (entries: [string, unknown][]): (string | undefined)[] =>
      wanted.map((name) => {
        const strings = entries.filter(([key, value]) => key.toLowerCase() === name && typeof value === 'string') as [string, string][];
        return (strings.find(([key]) => key === name) ?? strings[0])?.[1];
      });
    const spelling = fc.constantFrom(...wanted, ...wanted.map((name) => name.toUpperCase()), 'Content-Type', 'X-Request-Id', 'date', 'server', 'x-other');
    const value = fc.oneof(fc.string({ maxLength: 4 }), fc.constant(undefined), fc.constant(null), fc.constant({}));
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(spelling, value), { selector: ([key]) => key, maxLength: 14 }), (entries) => {
        const reader = readHeaders(Object.fromEntries(entries), many);
        const expected = model(entries);
        expect(wanted.map((name) => reader.at(many.slot(name)))).toEqual(expected);
        expect(wanted.map((name) => reader.get(name))).toEqual(expected);
        expect(reader.filled).toBe(slotBits(wanted.flatMap((name, slot) => (expected[slot] === undefined ? [] : [slot]))));
      }),
      { numRuns: 3000 },
    );
  });

  it('stays correct past the bound on remembered spellings', () => {
    const many = new HeaderNames(['x-wanted']);
    for (let i = 0; i < 5000; i++) expect(readHeaders({ [`X-Other-${i}`]: 'v', 'X-WANTED': `w${i}` }, many).get('x-wanted')).toBe(`w${i}`);
  });
});
