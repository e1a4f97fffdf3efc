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

/**
 * Wraps `headers` for lookups; never throws, even on hostile objects. `wanted`: the only
 * names that will be asked for (lower case), so a plain object is indexed in one pass that
 * keeps just those.
 */
export function readHeaders(headers: unknown, wanted?: ReadonlySet<string>): HeaderReader {
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
  let index: Map<string, string> | undefined;
  return {
    get(name) {
      index ??= indexHeaders(headers, wanted);
      return index.size === 0 ? undefined : index.get(name);
    },
  };
}

/**
 * One pass over a plain object's own keys, lower-casing only keys that need it (HTTP
 * clients hand over lower-case names). The lower-case spelling wins over other casings of
 * the same name; otherwise the first one does.
 */
function indexHeaders(headers: Record<string, unknown>, wanted: ReadonlySet<string> | undefined): Map<string, string> {
  try {
    return scanHeaders(headers, wanted);
  } catch {
    return scanHeadersSafely(headers, wanted);
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The common case, in one loop with plain reads: `for...in` over the keys (no key array)
 * and a value read only for wanted names. A getter or Proxy trap that throws sends the
 * whole scan to {@link scanHeadersSafely}.
 */
function scanHeaders(headers: Record<string, unknown>, wanted: ReadonlySet<string> | undefined): Map<string, string> {
  const index = new Map<string, string>();
  let count = 0;
  for (const key in headers) {
    if (++count > MAX_HEADER_KEYS) break;
    const lower = hasUpperCase(key) ? key.toLowerCase() : key;
    if (wanted !== undefined && !wanted.has(lower)) continue;
    if (lower !== key && index.has(lower)) continue;
    if (!hasOwn.call(headers, key)) continue;
    const value = firstString(headers[key]);
    if (value !== undefined) index.set(lower, value);
  }
  return index;
}

/** The same scan with every read guarded: one throwing header loses only itself. */
function scanHeadersSafely(headers: Record<string, unknown>, wanted: ReadonlySet<string> | undefined): Map<string, string> {
  const index = new Map<string, string>();
  for (const key of ownKeys(headers, MAX_HEADER_KEYS)) {
    const lower = hasUpperCase(key) ? key.toLowerCase() : key;
    if (wanted !== undefined && !wanted.has(lower)) continue;
    if (lower !== key && index.has(lower)) continue;
    let value: string | undefined;
    try {
      value = firstString(own(headers, key));
    } catch {
      value = undefined;
    }
    if (value !== undefined) index.set(lower, value);
  }
  return index;
}
