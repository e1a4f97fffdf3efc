/**
 * Reads response headers by name without copying them (DESIGN.md "Never": no header other
 * than the ones read may reach the result). Accepts a plain object with keys in any case
 * and string or string[] values, or anything with a `get(name)` method (fetch `Headers`).
 */
import { isArray, isRecord, own, ownKeys } from './safe.js';

/** Case-insensitive header lookup; names passed to `get` must be lower case. */
export interface HeaderReader {
  get(name: string): string | undefined;
  /** The header in a slot of the {@link HeaderNames} the reader was made with. */
  at(slot: number): string | undefined;
  /**
   * The slots that may hold a value, one bit each ({@link slotBits}): where `filled &
   * slotBits(slots)` is 0, `at` returns undefined for all of them, so a list of slots is
   * skipped with one test.
   */
  readonly filled: number;
}

/** The bit of a slot in {@link HeaderReader.filled}: slots 0-30 have their own bit, all later slots share bit 31. */
function slotBit(slot: number): number {
  return slot < 31 ? 1 << slot : 1 << 31;
}

/** The bits of several slots (see {@link HeaderReader.filled}). */
export function slotBits(slots: Iterable<number>): number {
  let bits = 0;
  for (const slot of slots) bits |= slotBit(slot);
  return bits;
}

/** Every bit set: a reader that cannot tell which slots hold a value. */
const ANY_SLOT = -1;

const MAX_HEADER_KEYS = 512;

const EMPTY: HeaderReader = { get: () => undefined, at: () => undefined, filled: 0 };

const hasOwn = Object.prototype.hasOwnProperty;

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
 * The code of the key `get` (see {@link HeaderNames.code}): an own `get` function makes a
 * plain object a Headers-like one. Found by the scan's one lookup per key, so header maps
 * (which have no `get`) pay no separate own-property test for it.
 */
const GET_KEY = -2;

/** At most this many distinct key spellings, of at most this length, are remembered by a {@link HeaderNames}. */
const MAX_SPELLINGS = 4096;
const MAX_SPELLING_LENGTH = 128;

/**
 * The header names a classifier reads, each given a slot when the classifier is built, so
 * a plain header object is scanned into an array of slots instead of a Map. Key spellings
 * seen before (`Content-Type`, `x-request-id`) are remembered with their slot, so a scan
 * does one lookup per key and lower-cases a spelling only the first time it is seen.
 */
export class HeaderNames {
  /** Lower-case name → slot. */
  readonly slots: ReadonlyMap<string, number>;
  /** Slot → lower-case name. */
  readonly names: readonly string[];
  /**
   * Key as spelled → `slot * 2 + 1` when spelled in lower case, `slot * 2` otherwise; -1 when
   * not read; {@link GET_KEY} for `get`.
   */
  private readonly spellings = new Map<string, number>();
  /** One empty slot per name, copied when a reader finds more headers than it keeps in fields (a copy is cheaper than building anew). */
  private readonly empty: readonly (string | undefined)[];

  constructor(names: Iterable<string>) {
    const slots = new Map<string, number>();
    for (const name of names) if (!slots.has(name)) slots.set(name, slots.size);
    this.slots = slots;
    this.names = [...slots.keys()];
    this.empty = this.names.map((): string | undefined => undefined);
    // A wanted header named `get` (no vendor has one) is read as a header.
    if (!slots.has('get')) this.spellings.set('get', GET_KEY);
  }

  /** A fresh array with every slot empty. */
  blank(): (string | undefined)[] {
    return this.empty.slice();
  }

  /** The slot of a lower-case name; throws for a name not given to the constructor (a bug). */
  slot(name: string): number {
    const slot = this.slots.get(name);
    if (slot === undefined) throw new Error(`header ${name} is not read`);
    return slot;
  }

  /** The code of a key as spelled (see `spellings`): even codes are upper- or mixed-case spellings, -1 is not read. */
  code(key: string): number {
    const known = this.spellings.get(key);
    if (known !== undefined) return known;
    const lower = key.toLowerCase();
    const slot = this.slots.get(lower);
    const code = slot === undefined ? -1 : slot * 2 + (lower === key ? 1 : 0);
    // Bounded in count and length: a stream of made-up header names cannot grow it without limit.
    if (key.length <= MAX_SPELLING_LENGTH && this.spellings.size < MAX_SPELLINGS) this.spellings.set(key, code);
    return code;
  }
}

/** Headers read through their own `get(name)` (fetch `Headers`, Maps). */
class GetterHeaders implements HeaderReader {
  readonly filled = ANY_SLOT;

  constructor(
    private readonly source: object,
    private readonly getter: (name: string) => unknown,
    private readonly names: HeaderNames | undefined,
  ) {}

  at(slot: number): string | undefined {
    const name = this.names?.names[slot];
    return name === undefined ? undefined : this.get(name);
  }

  get(name: string): string | undefined {
    try {
      const value: unknown = this.getter.call(this.source, name);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * A plain object, scanned once into one slot per wanted name. Scanned when wrapped: every
 * classification reads the media type, so a lazy scan would only add a check per read.
 * A scan that meets an own `get` function stops: the object is Headers-like, and is read
 * through that method instead (see {@link readHeaders}).
 */
class SlottedHeaders implements HeaderReader {
  filled = 0;
  /** The object's own `get` method, when it has one. */
  getter: ((name: string) => unknown) | undefined = undefined;
  // A response carries few of the wanted headers (a media type, a request id, sometimes a
  // retry hint): the first three found are kept in fields, and only a fourth turns them into
  // an array of every slot. Most readers then allocate no array at all.
  private slotA = -1;
  private valueA: string | undefined = undefined;
  private slotB = -1;
  private valueB: string | undefined = undefined;
  private slotC = -1;
  private valueC: string | undefined = undefined;
  /** Every slot, once more than three were found. */
  private values: (string | undefined)[] | undefined = undefined;

  constructor(
    source: Record<string, unknown>,
    private readonly names: HeaderNames,
  ) {
    this.scan(source);
  }

  get(name: string): string | undefined {
    const slot = this.names.slots.get(name);
    return slot === undefined ? undefined : this.at(slot);
  }

  at(slot: number): string | undefined {
    if (this.values !== undefined) return this.values[slot];
    if (slot === this.slotA) return this.valueA;
    if (slot === this.slotB) return this.valueB;
    return slot === this.slotC ? this.valueC : undefined;
  }

  /**
   * Whether a key with `code` (see {@link HeaderNames.code}) is read: a wanted name, spelled
   * in lower case or with its slot still empty. Of several casings of one name, the
   * lower-case spelling wins; among the others, the first.
   */
  private fills(code: number): boolean {
    return code >= 0 && ((code & 1) === 1 || this.at(code >> 1) === undefined);
  }

  /** Stores a value read for the key with `code` (see {@link HeaderNames.code}). */
  private keep(code: number, value: string | undefined): void {
    if (value === undefined) return;
    const slot = code >> 1;
    this.filled |= slotBit(slot);
    if (this.values !== undefined) this.values[slot] = value;
    else if (this.slotA === -1 || this.slotA === slot) {
      this.slotA = slot;
      this.valueA = value;
    } else if (this.slotB === -1 || this.slotB === slot) {
      this.slotB = slot;
      this.valueB = value;
    } else if (this.slotC === -1 || this.slotC === slot) {
      this.slotC = slot;
      this.valueC = value;
    } else this.spill(slot, value);
  }

  /** Moves the three values kept in fields into an array of every slot, with a fourth. */
  private spill(slot: number, value: string): void {
    const values = this.names.blank();
    values[this.slotA] = this.valueA;
    values[this.slotB] = this.valueB;
    values[this.slotC] = this.valueC;
    values[slot] = value;
    this.values = values;
  }

  /** Forgets every value kept. */
  private clear(): void {
    this.filled = 0;
    this.slotA = this.slotB = this.slotC = -1;
    this.valueA = this.valueB = this.valueC = undefined;
    this.values = undefined;
  }

  /** One pass over the keys into the wanted slots. */
  private scan(headers: Record<string, unknown>): void {
    const { names } = this;
    try {
      let count = 0;
      for (const key in headers) {
        if (++count > MAX_HEADER_KEYS) break;
        const code = names.code(key);
        if (!this.fills(code)) {
          if (code === GET_KEY && this.method(hasOwn.call(headers, key) ? headers[key] : undefined)) return;
          continue;
        }
        if (!hasOwn.call(headers, key)) continue;
        const raw = headers[key];
        this.keep(code, typeof raw === 'string' ? raw : firstString(raw));
      }
    } catch {
      this.rescan(headers);
    }
  }

  /** {@link scan} again after a getter or Proxy trap threw, every read guarded. */
  private rescan(headers: Record<string, unknown>): void {
    const { names } = this;
    this.clear();
    for (const key of ownKeys(headers, MAX_HEADER_KEYS)) {
      const code = names.code(key);
      if (this.fills(code)) this.keep(code, guardedHeader(headers, key));
      else if (code === GET_KEY && this.method(own(headers, key))) return;
    }
  }

  /** Whether `value`, an own `get` member, is a method (kept in {@link getter}). */
  private method(value: unknown): boolean {
    if (typeof value !== 'function') return false;
    this.getter = value as (name: string) => unknown;
    return true;
  }
}

/** A plain object, indexed on the first lookup by every name it has (no list of wanted names). */
class IndexedHeaders implements HeaderReader {
  private index: Map<string, string> | undefined = undefined;
  readonly filled = ANY_SLOT;

  constructor(private readonly source: Record<string, unknown>) {}

  get(name: string): string | undefined {
    this.index ??= indexHeaders(this.source);
    return this.index.get(name);
  }

  at(): undefined {
    return undefined; // made without HeaderNames: there are no slots
  }
}

/**
 * A plain object (prototype `Object.prototype` or null): a map of header names, unless its
 * scan finds an own `get` method. False for a Proxy that refuses to say.
 */
function isPlainObject(value: object): value is Record<string, unknown> {
  try {
    const proto: unknown = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
  } catch {
    return false;
  }
}

/** The `get` method of a Headers-like object, read without throwing. */
function getterOf(headers: object): ((name: string) => unknown) | undefined {
  try {
    const getter: unknown = (headers as { get?: unknown }).get;
    return typeof getter === 'function' ? (getter as (name: string) => unknown) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Wraps `headers` for lookups; never throws, even on hostile objects. `names`: the only
 * names that will be asked for, so a plain object is scanned once into their slots.
 */
export function readHeaders(headers: unknown, names?: HeaderNames): HeaderReader {
  if (typeof headers !== 'object' || headers === null) return EMPTY;
  // An object literal (or `Object.fromEntries`) is read by its keys: a header map has no
  // `get` method, and asking every such object for one costs a failed lookup per call.
  if (names !== undefined && isPlainObject(headers)) {
    const slotted = new SlottedHeaders(headers, names);
    return slotted.getter === undefined ? slotted : new GetterHeaders(headers, slotted.getter, names);
  }
  return readOtherHeaders(headers, names);
}

/** {@link readHeaders} for anything but a plain object read with wanted names. Apart, so `readHeaders` stays small enough to inline. */
function readOtherHeaders(headers: object, names: HeaderNames | undefined): HeaderReader {
  const getter = getterOf(headers);
  if (getter !== undefined) return new GetterHeaders(headers, getter, names);
  if (!isRecord(headers)) return EMPTY;
  return names === undefined ? new IndexedHeaders(headers) : new SlottedHeaders(headers, names);
}

function indexHeaders(headers: Record<string, unknown>): Map<string, string> {
  const index = new Map<string, string>();
  const keep = (key: string, value: string | undefined): void => {
    const lower = hasUpperCase(key) ? key.toLowerCase() : key;
    if (value !== undefined && (lower === key || !index.has(lower))) index.set(lower, value);
  };
  try {
    let count = 0;
    for (const key in headers) {
      if (++count > MAX_HEADER_KEYS) break;
      if (hasOwn.call(headers, key)) keep(key, firstString(headers[key]));
    }
  } catch {
    index.clear();
    for (const key of ownKeys(headers, MAX_HEADER_KEYS)) keep(key, guardedHeader(headers, key));
  }
  return index;
}

function guardedHeader(headers: Record<string, unknown>, key: string): string | undefined {
  try {
    return firstString(own(headers, key));
  } catch {
    return undefined;
  }
}
