/**
 * Defensive reads (src/safe.ts): own properties only, never throwing on Proxies, throwing
 * getters or revoked objects, and `__proto__` / `constructor` read as data.
 */
import { describe, expect, it } from 'vitest';
import { isArray, isRecord, own, ownKeys, ownPath, ownString, plainCopy, prop } from '../src/safe.js';

const trap = () => {
  throw new Error('trap');
};
const hostile = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap });
const revoked = (() => {
  const { proxy, revoke } = Proxy.revocable([], {});
  revoke();
  return proxy;
})();

describe('isRecord', () => {
  it('is true for non-null, non-array objects', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord(new Map())).toBe(true);
    expect(isRecord(Object.create(null))).toBe(true);
  });

  it('is false for arrays, null and primitives', () => {
    for (const value of [[], null, undefined, 'x', 1, true]) expect(isRecord(value)).toBe(false);
  });

  it('never throws, even on a revoked Proxy', () => {
    expect(() => isRecord(revoked)).not.toThrow();
  });
});

describe('own', () => {
  it('reads own properties', () => {
    expect(own({ a: 1 }, 'a')).toBe(1);
    expect(own(['x'], '0')).toBe('x');
  });

  it('does not read inherited properties', () => {
    expect(own({}, 'toString')).toBeUndefined();
    expect(own({}, 'constructor')).toBeUndefined();
    expect(own(Object.create({ a: 1 }), 'a')).toBeUndefined();
  });

  it('reads "__proto__" and "constructor" keys as data', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "c"}') as unknown;
    expect(own(value, '__proto__')).toEqual({ polluted: true });
    expect(own(value, 'constructor')).toBe('c');
  });

  it('returns undefined for primitives and null', () => {
    expect(own('abc', 'length')).toBeUndefined();
    expect(own(null, 'a')).toBeUndefined();
  });

  it('turns throwing getters and Proxies into undefined', () => {
    const value = {
      get a(): unknown {
        throw new Error('getter');
      },
    };
    expect(own(value, 'a')).toBeUndefined();
    expect(own(hostile, 'a')).toBeUndefined();
    expect(own(revoked, 'a')).toBeUndefined();
  });
});

describe('prop', () => {
  it('reads inherited properties too (error fields live on prototypes)', () => {
    expect(prop(new TypeError('x'), 'name')).toBe('TypeError');
    expect(prop(new DOMException('m', 'AbortError'), 'name')).toBe('AbortError');
    expect(prop(new URL('https://a.example/'), 'href')).toBe('https://a.example/');
  });

  it('reads properties of functions', () => {
    expect(prop(Object.assign(() => 1, { code: 'X' }), 'code')).toBe('X');
  });

  it('returns undefined for primitives and on throwing access', () => {
    expect(prop('abc', 'length')).toBeUndefined();
    expect(prop(hostile, 'message')).toBeUndefined();
  });
});

describe('ownString', () => {
  it('returns string properties only', () => {
    expect(ownString({ a: 'x', b: 1 }, 'a')).toBe('x');
    expect(ownString({ a: 'x', b: 1 }, 'b')).toBeUndefined();
  });
});

describe('isArray', () => {
  it('is Array.isArray', () => {
    expect(isArray([])).toBe(true);
    expect(isArray({ length: 0 })).toBe(false);
    expect(isArray(new Proxy([], {}))).toBe(true);
  });

  it('is false for a revoked Proxy instead of throwing', () => {
    expect(isArray(revoked)).toBe(false);
  });
});

describe('ownKeys', () => {
  it('returns own enumerable keys, at most limit of them', () => {
    expect(ownKeys({ a: 1, b: 2, c: 3 }, 2)).toEqual(['a', 'b']);
    expect(ownKeys(Object.create({ inherited: 1 }) as object, 10)).toEqual([]);
  });

  it('returns [] when the object refuses', () => {
    expect(ownKeys(hostile, 10)).toEqual([]);
  });
});

describe('ownPath', () => {
  it('reads a dotted path through own properties', () => {
    expect(ownPath({ error: { details: { retryAfter: 5 } } }, ['error', 'details', 'retryAfter'])).toBe(5);
  });

  it('stops at missing or inherited steps', () => {
    expect(ownPath({ error: {} }, ['error', 'details', 'retryAfter'])).toBeUndefined();
    expect(ownPath({ error: 'x' }, ['error', 'length'])).toBeUndefined();
    expect(ownPath({}, ['constructor', 'name'])).toBeUndefined();
  });

  it('returns the value itself for an empty path', () => {
    expect(ownPath(5, [])).toBe(5);
  });
});

describe('plainCopy', () => {
  it('copies plain data as prototype-free objects and arrays, keeping __proto__ and constructor as data', () => {
    const copy = plainCopy(JSON.parse('{"a": [1, "x", {"b": null}], "__proto__": {"p": 1}, "constructor": "c"}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(copy['a']).toEqual([1, 'x', expect.objectContaining({ b: null })]);
    expect(Object.keys(copy)).toEqual(['a', '__proto__', 'constructor']);
    expect(copy['constructor']).toBe('c');
    expect({ ...(copy['__proto__'] as object) }).toEqual({ p: 1 });
  });

  it('loses only the member whose getter throws, and reads hostile or revoked Proxies as empty', () => {
    const value = {
      get broken(): string {
        throw new Error('boom');
      },
      kept: 'yes',
      nested: hostile,
      list: revoked,
    };
    const copy = plainCopy(value) as Record<string, unknown>;
    expect(copy['kept']).toBe('yes');
    expect('broken' in copy).toBe(false);
    expect({ ...(copy['nested'] as object) }).toEqual({});
    expect(copy['list']).toEqual({});
    expect(() => plainCopy(hostile)).not.toThrow();
  });

  it('reads own enumerable members only and drops functions', () => {
    const value = Object.create({ inherited: 1 }) as Record<string, unknown>;
    value['own'] = 2;
    value['fn'] = () => 3;
    expect({ ...(plainCopy(value) as object) }).toEqual({ own: 2 });
  });

  it('is bounded in depth, width and total size (cycles end at the depth limit)', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 20; i++) deep = { next: deep };
    let copy = plainCopy(deep) as Record<string, unknown> | undefined;
    let depth = 0;
    while (copy !== undefined && typeof copy === 'object') {
      copy = copy['next'] as Record<string, unknown> | undefined;
      depth++;
    }
    expect(depth).toBe(8);
    expect((plainCopy(Array.from({ length: 5000 }, (_, i) => i)) as unknown[]).length).toBe(1000);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => plainCopy(cyclic)).not.toThrow();
    const wide = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, Array.from({ length: 1000 }, () => ({ x: 1 }))]));
    const counted = JSON.stringify(plainCopy(wide)).match(/"x"/g)?.length ?? 0;
    expect(counted).toBeLessThan(10_000);
    expect(counted).toBeGreaterThan(4000);
  });
});
