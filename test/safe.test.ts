/**
 * Defensive reads (src/safe.ts): own properties only, never throwing on Proxies, throwing
 * getters or revoked objects, and `__proto__` / `constructor` read as data.
 */
import { describe, expect, it } from 'vitest';
import { isArray, isRecord, own, ownKeys, ownPath, ownString, prop } from '../src/safe.js';

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
