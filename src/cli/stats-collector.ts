/**
 * The counting behind `vendor-errors stats`: one pass over classified lines, bounded
 * memory (every map is capped, see {@link createBoundedCounter}), and a plain JSON
 * report at the end.
 */
import type { Classification, NormalizedError } from '../index.js';
import { createBoundedCounter, DEFAULT_MAX_KEYS } from './bounded-counter.js';
import type { LineResult } from './classify-line.js';
import { messageShape } from './message-shape.js';

/** One group of unmatched messages. */
export interface UnmatchedGroup {
  /** Vendor of the responses (null when unknown). */
  vendor: string | null;
  /** The message with its variable parts collapsed; `(no message)` when the response had none. */
  shape: string;
  /** How many errors had this shape. */
  count: number;
  /** The ids they were given (`braze.unknown`, `http.400`), at most a few. */
  ids: string[];
}

/** The `stats --json` report. */
export interface StatsReport {
  /** Input lines read. */
  lines: number;
  /** Lines classified (lines minus invalid). */
  classified: number;
  /** Blank, non-JSON, non-object or oversized lines. */
  invalid: number;
  /** Classified lines by vendor (`(none)` when unknown). */
  byVendor: Record<string, number>;
  /** Classified lines by outcome. */
  byOutcome: Record<string, number>;
  /** Categories of fatal errors. */
  byCategory: Record<string, number>;
  /** Ids of fatal errors. */
  byId: Record<string, number>;
  /** Ids of per-item (minor) errors of partial results. */
  minorById: Record<string, number>;
  /** Fatal errors. */
  errors: number;
  /** Fatal errors that are retryable. */
  retryable: number;
  /** retryable / errors (0 without errors). */
  retryableShare: number;
  /** Errors no code or message entry matched (matched by status only, or not at all). */
  unmatched: number;
  /** The most frequent unmatched message shapes, largest first. */
  topUnmatched: UnmatchedGroup[];
  /** Distinct unmatched shapes seen (up to the cap). */
  unmatchedShapes: number;
}

/** Label for results without a vendor. */
export const NO_VENDOR = '(none)';
/** Shape of an error whose response carried no message (its message is the catalog's description). */
export const NO_MESSAGE = '(no message)';
const MAX_IDS_PER_GROUP = 3;

/** Counts classified lines. */
export interface StatsCollector {
  /** Counts one line. */
  add(line: LineResult): void;
  /** The report, with the `top` most frequent unmatched shapes. */
  report(top: number): StatsReport;
}

/** Whether an error is worth a catalog entry: nothing specific matched it. */
export function isUnmatched(error: NormalizedError): boolean {
  return error.matchedBy === 'none' || error.matchedBy === 'status' || error.matchedBy === 'status_class' || error.id.endsWith('.unknown');
}

/**
 * Creates a collector. `descriptions` maps entry ids to their catalog description, to
 * tell a vendor's message from the description the classifier falls back to.
 */
export function createStatsCollector(descriptions: ReadonlyMap<string, string>): StatsCollector {
  let lines = 0;
  let invalid = 0;
  let errors = 0;
  let retryable = 0;
  let unmatched = 0;
  const byVendor = createBoundedCounter();
  const byOutcome = createBoundedCounter();
  const byCategory = createBoundedCounter();
  const byId = createBoundedCounter();
  const minorById = createBoundedCounter();
  const groups = new Map<string, UnmatchedGroup>();
  let overflow: UnmatchedGroup | undefined;

  const addUnmatched = (error: NormalizedError, vendor: string | null): void => {
    unmatched++;
    const shape = descriptions.get(error.id) === error.message ? NO_MESSAGE : messageShape(error.message);
    const key = `${vendor ?? ''}\u0000${shape}`;
    let group = groups.get(key);
    if (group === undefined) {
      if (groups.size >= DEFAULT_MAX_KEYS) group = overflow ??= { vendor: null, shape: '(other shapes)', count: 0, ids: [] };
      else groups.set(key, (group = { vendor, shape, count: 0, ids: [] }));
    }
    group.count++;
    if (group.ids.length < MAX_IDS_PER_GROUP && !group.ids.includes(error.id)) group.ids.push(error.id);
  };

  const addResult = (result: Classification): void => {
    byVendor.add(result.vendor ?? NO_VENDOR);
    byOutcome.add(result.outcome);
    const error = result.error;
    if (error !== null) {
      errors++;
      if (error.retryable) retryable++;
      byCategory.add(error.category);
      byId.add(error.id);
      if (isUnmatched(error)) addUnmatched(error, result.vendor);
    }
    for (const minor of result.minor) {
      minorById.add(minor.id);
      if (minor.matchedBy === 'none') addUnmatched(minor, result.vendor);
    }
  };

  return {
    add(line) {
      lines++;
      if (line.ok) addResult(line.result);
      else invalid++;
    },
    report(top) {
      const sortedGroups = [...groups.values(), ...(overflow === undefined ? [] : [overflow])].sort(
        (a, b) => b.count - a.count || (a.shape < b.shape ? -1 : a.shape > b.shape ? 1 : 0),
      );
      return {
        lines,
        classified: lines - invalid,
        invalid,
        byVendor: Object.fromEntries(byVendor.sorted()),
        byOutcome: Object.fromEntries(byOutcome.sorted()),
        byCategory: Object.fromEntries(byCategory.sorted()),
        byId: Object.fromEntries(byId.sorted()),
        minorById: Object.fromEntries(minorById.sorted()),
        errors,
        retryable,
        retryableShare: errors === 0 ? 0 : retryable / errors,
        unmatched,
        topUnmatched: sortedGroups.slice(0, top),
        unmatchedShapes: groups.size,
      };
    },
  };
}
