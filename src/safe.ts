/**
 * Defensive reads of untrusted values. Inputs may be Proxies, objects with throwing
 * getters, or carry `__proto__` / `constructor` keys as data (DESIGN.md "Never"): every
 * read goes through these helpers, reads own properties only, and never throws.
 */

/** A non-null, non-array object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return !Array.isArray(value);
  } catch {
    return false; // a revoked Proxy: nothing can be read from it
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * `value[key]` for an own property, else `undefined`. Inherited properties are never
 * read, so `constructor` or `toString` on a plain object read as absent.
 */
export function own(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    // Read first: most keys asked for are absent, and only a found value needs the
    // own-property check (which keeps `Object.prototype` out of it).
    const found = (value as Record<string, unknown>)[key];
    return found !== undefined && hasOwn.call(value, key) ? found : undefined;
  } catch {
    return undefined;
  }
}

/**
 * {@link own} for values `JSON.parse` made: plain data has no getters or Proxy traps to
 * guard against, only inherited members to leave out.
 */
export function dataMember(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Record<string, unknown>)[key];
  return found !== undefined && hasOwn.call(value, key) ? found : undefined;
}

/**
 * `value`, just read as `object[key]` by the caller, if it is the object's own property.
 * Reading at the call site (`mine(body, 'code', body.code)`) gives every read its own
 * inline cache, where {@link own}'s one keyed read serves every key and object layout and
 * goes megamorphic; the own-property check runs only for found values. The read itself is
 * not guarded: callers catch and retry on a guarded copy ({@link plainCopy}, {@link shallowCopy}).
 */
export function mine(object: object, key: string, value: unknown): unknown {
  return value === undefined || hasOwn.call(object, key) ? value : undefined;
}

/**
 * Like {@link own} but also reads inherited properties. Only for error objects, whose
 * useful fields (`name`, `message`, `code`) commonly live on the prototype.
 */
export function prop(value: unknown, key: string): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/**
 * `value[key]` when the value or a class it inherits from owns `key`, else undefined:
 * error classes keep `name` (and getters such as DOMException's) on their prototype, but
 * `Object.prototype` and `Function.prototype` are never read, so a polluted prototype
 * (`Object.prototype.cause = ...`) cannot make every error look like another. Never throws.
 */
export function classMember(value: unknown, key: string): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  try {
    let holder: object | null = value;
    for (let depth = 0; holder !== null && depth < MAX_PROTOTYPE_DEPTH; depth++) {
      if (holder === Object.prototype || holder === Function.prototype) return undefined;
      if (hasOwn.call(holder, key)) return (value as Record<string, unknown>)[key];
      holder = Object.getPrototypeOf(holder) as object | null;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/** Class chains are short; a longer one is hostile and read no further. */
const MAX_PROTOTYPE_DEPTH = 16;

/** A string property, or undefined. */
export function ownString(value: unknown, key: string): string | undefined {
  const v = own(value, key);
  return typeof v === 'string' ? v : undefined;
}

/** `Array.isArray` that survives revoked Proxies. */
export function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** Own enumerable keys, at most `limit` of them; [] when the object refuses. */
export function ownKeys(value: object, limit: number): string[] {
  try {
    const keys = Object.keys(value);
    return keys.length > limit ? keys.slice(0, limit) : keys;
  } catch {
    return [];
  }
}

/** Reads a dotted path (`error.details.retryAfter`) through own properties. */
export function ownPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    current = own(current, key);
    if (current === undefined) return undefined;
  }
  return current;
}

/** Bounds of {@link plainCopy}: deeper than any shape is read, wider than any list is. */
const COPY_DEPTH = 8;
const COPY_WIDTH = 1000;
const COPY_BUDGET = 10_000;

/**
 * A plain-data copy of an untrusted value, every read guarded: a throwing getter or Proxy
 * trap loses only its own member, a revoked Proxy reads as `{}`. Own enumerable members
 * only, at most 8 levels deep, 1,000 members per object or array and 10,000 values in all
 * (what lies beyond is left out). Objects are copied without a prototype, so `__proto__`
 * and `constructor` stay data. Lets the fast readers of parsed JSON run on hostile input.
 */
export function plainCopy(value: unknown): unknown {
  const budget = { left: COPY_BUDGET };
  return copyValue(value, COPY_DEPTH, budget);
}

/**
 * The own enumerable members of an untrusted object (at most 1,000), each read guarded,
 * into an object without a prototype; member values are not copied.
 */
export function shallowCopy(value: object): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of ownKeys(value, COPY_WIDTH)) {
    const member = own(value, key);
    if (member !== undefined) out[key] = member;
  }
  return out;
}

function copyValue(value: unknown, depth: number, budget: { left: number }): unknown {
  if (typeof value !== 'object' || value === null) return typeof value === 'function' ? undefined : value;
  if (depth === 0 || --budget.left < 0) return undefined;
  if (isArray(value)) {
    let length = 0;
    try {
      length = Math.min(value.length, COPY_WIDTH);
    } catch {
      return [];
    }
    const out: unknown[] = [];
    for (let i = 0; i < length && budget.left > 0; i++) out.push(copyValue(own(value, String(i)), depth - 1, budget));
    return out;
  }
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of ownKeys(value, COPY_WIDTH)) {
    if (budget.left <= 0) break;
    const member = copyValue(own(value, key), depth - 1, budget);
    if (member !== undefined) out[key] = member;
  }
  return out;
}

/**
 * What a caught value says about itself, for a message: its `message` when that is a
 * string, else a short description. Never throws: a caught value may be anything a
 * callee threw, including a null-prototype object (which `String(x)` cannot convert), a
 * revoked Proxy, or an object whose `message` getter throws. Every `catch` that quotes
 * what it caught goes through here, so that formatting the failure cannot fail in turn.
 */
export function describeCaught(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' || typeof value === 'function') {
    if (value === null) return 'null';
    try {
      const message = (value as { message?: unknown }).message;
      if (typeof message === 'string') return message;
    } catch {
      // the getter or a Proxy trap threw: describe the value by its kind instead
    }
    return typeof value === 'function' ? 'a thrown function' : 'a thrown object';
  }
  // Primitives other than strings: String() is defined for every one (symbols included).
  return String(value);
}
