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
  // Plain object: build a lower-cased index on first use (header objects are small).
  let index: Map<string, string> | undefined;
  return {
    get(name) {
      if (index === undefined) {
        index = new Map();
        for (const key of ownKeys(headers, MAX_HEADER_KEYS)) {
          const value = firstString(own(headers, key));
          const lower = key.toLowerCase();
          if (value !== undefined && !index.has(lower)) index.set(lower, value);
        }
      }
      return index.get(name);
    },
  };
}
