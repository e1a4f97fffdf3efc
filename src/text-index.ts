/**
 * A string-keyed Map that can be asked about a range of a longer string without cutting
 * the range out first. Most lookups made while classifying miss (a gateway title is not a
 * Braze message; `iad-01.braze.com` is not a vendor domain), and a miss on a Map still pays
 * for a fresh substring and its hash. A small bit filter over each key's length and three
 * of its characters answers most misses from the range itself; only a range that passes
 * the filter is cut out and looked up. The filter ignores ASCII case, so one index serves
 * both folded text and text still to be folded ({@link TextIndex.findFolded}).
 */

const NON_ASCII = /[^\x00-\x7f]/;

/** Filter bits per key: at this density about one miss in 16 reaches the Map. */
const BITS_PER_KEY = 16;
const MIN_BITS = 1024;
/** 2^22 bits (512 KiB) at most: beyond that a larger filter buys little. */
const MAX_BITS = 1 << 22;

/**
 * A character code folded as `toLowerCase` folds it into ASCII: A-Z to a-z, and the
 * Kelvin sign (U+212A), the one other character whose lower case is ASCII, to `k`.
 */
function folded(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  return code === 0x212a ? 107 : code;
}

/** Mixes a range's length, first, middle and last character codes (ASCII case folded) into 32 bits. */
function signature(text: string, start: number, end: number): number {
  const length = end - start;
  // An empty range has no characters to read (those around it are not its own).
  if (length <= 0) return 0;
  const first = folded(text.charCodeAt(start));
  const middle = folded(text.charCodeAt(start + (length >> 1)));
  const last = folded(text.charCodeAt(end - 1));
  let hash = Math.imul(length, 0x9e3779b1) ^ Math.imul(first, 0x85ebca6b) ^ Math.imul(middle, 0xc2b2ae35) ^ Math.imul(last, 0x27d4eb2f);
  hash ^= hash >>> 15;
  return Math.imul(hash, 0x2c1b3c6d) ^ (hash >>> 12);
}

/**
 * A Map from strings to values with range lookups ({@link TextIndex.find}). Filled while a
 * catalog compiles, then {@link TextIndex.seal}ed; a `set` after sealing drops the filter,
 * so lookups stay correct (only slower) until the next seal.
 */
export class TextIndex<V> {
  private readonly map = new Map<string, V>();
  private filter: Uint32Array | undefined = undefined;
  private mask = 0;
  /** Whether every key was ASCII when sealed: only then can {@link TextIndex.findFolded} trust the filter. */
  private ascii = false;

  /** Number of keys. */
  get size(): number {
    return this.map.size;
  }

  /** The value stored under exactly `key`. */
  get(key: string): V | undefined {
    return this.map.get(key);
  }

  /** Stores a value; drops the filter until the next {@link TextIndex.seal}. */
  set(key: string, value: V): this {
    this.map.set(key, value);
    this.filter = undefined;
    return this;
  }

  /** The keys, in insertion order. */
  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  /** The values, in insertion order. */
  values(): IterableIterator<V> {
    return this.map.values();
  }

  /** Builds the filter over the keys present now. */
  seal(): void {
    let bits = MIN_BITS;
    while (bits < this.map.size * BITS_PER_KEY && bits < MAX_BITS) bits *= 2;
    const filter = new Uint32Array(bits >>> 5);
    const mask = bits - 1;
    let ascii = true;
    for (const key of this.map.keys()) {
      const bit = signature(key, 0, key.length) & mask;
      filter[bit >>> 5]! |= 1 << (bit & 31);
      if (ascii && NON_ASCII.test(key)) ascii = false;
    }
    this.filter = filter;
    this.mask = mask;
    this.ascii = ascii;
  }

  /** The value stored under `text.slice(start, end)`; the slice is made only when the filter lets the range through. */
  find(text: string, start: number, end: number): V | undefined {
    if (!this.admits(text, start, end)) return undefined;
    return this.map.get(start === 0 && end === text.length ? text : text.slice(start, end));
  }

  /**
   * As {@link TextIndex.find} for keys stored lower case, with the range lower-cased first
   * (host names). The filter is consulted only when every key is ASCII: a range whose lower
   * case is ASCII then has the same length and folded characters as its key.
   */
  findFolded(text: string, start: number, end: number): V | undefined {
    if (this.ascii && !this.admits(text, start, end)) return undefined;
    return this.map.get(text.slice(start, end).toLowerCase());
  }

  /** False when no key can equal the range; true when one may (or there is no filter yet). */
  private admits(text: string, start: number, end: number): boolean {
    const { filter } = this;
    if (filter === undefined) return true;
    const bit = signature(text, start, end) & this.mask;
    return (filter[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}
