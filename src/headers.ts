/**
 * Reads response headers by name without copying them (DESIGN.md "Never": no header other
 * than the ones read may reach the result). Accepts a plain object with keys in any case
 * and string or string[] values, or anything with a `get(name)` method (fetch `Headers`).
 */
import { isArray, isRecord, own, ownKeys, prop } from './safe.js';

/** Case-insensitive header lookup; names passed to `get` must be lower case. */
export interface HeaderReader {
  get(name: string): string | undefined;
}

const MAX_HEADER_KEYS = 512;

const EMPTY: HeaderReader = { get: () => undefined };

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (isArray(value)) {
    for (let i = 0; i < value.length && i < 16; i++) {
      const item = own(value, String(i));
      if (typeof item === 'string') return item;
    }
  }
  return undefined;
}

function hasUpperCase(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code > 127) return true;
  }
  return false;
}

/** Wraps `headers` for lookups; never throws, even on hostile objects. */
export function readHeaders(headers: unknown): HeaderReader {
  if (typeof headers !== 'object' || headers === null) return EMPTY;
  const getter = prop(headers, 'get');
  if (typeof getter === 'function') {
    return {
      get(name) {
        try {
          const value: unknown = getter.call(headers, name);
          return typeof value === 'string' ? value : undefined;
        } catch {
          return undefined;
        }
      },
    };
  }
  if (!isRecord(headers)) return EMPTY;
  // Plain object. HTTP clients hand over lower-case names (Node, undici, axios), so a direct
  // own-property read answers most lookups; keys in other cases are indexed once, lazily.
  let mixedCase: Map<string, string> | undefined;
  return {
    get(name) {
      const direct = firstString(own(headers, name));
      if (direct !== undefined) return direct;
      if (mixedCase === undefined) {
        mixedCase = new Map();
        for (const key of ownKeys(headers, MAX_HEADER_KEYS)) {
          if (!hasUpperCase(key)) continue;
          const lower = key.toLowerCase();
          const value = firstString(own(headers, key));
          if (value !== undefined && !mixedCase.has(lower)) mixedCase.set(lower, value);
        }
      }
      return mixedCase.size === 0 ? undefined : mixedCase.get(name);
    },
  };
}
