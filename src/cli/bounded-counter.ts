/**
 * A counter over string keys with a cap on distinct keys. `stats` counts values taken
 * from untrusted input (vendor names, message shapes); without a cap, a file of unique
 * values would grow memory without bound. Keys beyond the cap are counted together
 * under {@link OTHER_KEY}.
 */

/** The key that collects everything beyond the cap. */
export const OTHER_KEY = '(other)';

/** Default cap on distinct keys. */
export const DEFAULT_MAX_KEYS = 10_000;

/** Counts by key, at most `maxKeys` distinct keys. */
export interface BoundedCounter {
  /** Adds `amount` (default 1) to `key`. */
  add(key: string, amount?: number): void;
  /** Entries by count, largest first (ties by key, for stable output); {@link OTHER_KEY} last. */
  sorted(): [string, number][];
  /** Sum of all counts. */
  total(): number;
}

/** Creates a {@link BoundedCounter}. */
export function createBoundedCounter(maxKeys: number = DEFAULT_MAX_KEYS): BoundedCounter {
  const counts = new Map<string, number>();
  let sum = 0;
  return {
    add(key, amount = 1) {
      sum += amount;
      const current = counts.get(key);
      if (current !== undefined) counts.set(key, current + amount);
      else if (counts.size < maxKeys) counts.set(key, amount);
      else counts.set(OTHER_KEY, (counts.get(OTHER_KEY) ?? 0) + amount);
    },
    sorted() {
      const other = counts.get(OTHER_KEY);
      const entries = [...counts.entries()].filter(([key]) => key !== OTHER_KEY);
      entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      // The overflow bucket is not a key of its own kind: it goes last, whatever its count.
      return other === undefined ? entries : [...entries, [OTHER_KEY, other]];
    },
    total() {
      return sum;
    },
  };
}
