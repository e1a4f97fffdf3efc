/**
 * The retry-hint resolver (README "Retry advice"): one ordered, defensive pass over
 * `Retry-After`, `RateLimit` / `RateLimit-Reset`, `X-RateLimit-Reset`, then the vendor's
 * body fields. Malformed values are ignored, negative delays become 0, and the result is
 * clamped. The clock is injected so results are deterministic.
 */
import { slotBits, type HeaderNames, type HeaderReader } from './headers.js';
import { ownPath } from './safe.js';

/** How a vendor's reset headers count (from its catalog). */
export type ResetUnit = 'delta-seconds' | 'epoch-seconds' | 'auto';

/** Where a vendor puts retry delays in its body. */
export interface RetryBodyField {
  /** Dotted path split into keys. */
  path: readonly string[];
  unit: 'seconds' | 'milliseconds';
}

/** Reset values from 1,000,000,000 upwards are epoch seconds (2001-09-09); below, delays. */
const EPOCH_THRESHOLD = 1_000_000_000;

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const LONG_DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// The three HTTP-date forms of RFC 9110 §5.6.7, each a fixed layout (no nested
// quantifiers, linear time):
//   IMF-fixdate:  Sun, 06 Nov 1994 08:49:37 GMT
//   rfc850-date:  Sunday, 06-Nov-94 08:49:37 GMT
//   asctime-date: Sun Nov  6 08:49:37 1994
const IMF_FIXDATE = /^([a-z]{3}), (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) gmt$/;
const RFC850_DATE = /^([a-z]{6,9}), (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) gmt$/;
const ASCTIME_DATE = /^([a-z]{3}) ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

function dateFromParts(
  weekday: number,
  day: string,
  month: string,
  year: number,
  hour: string,
  minute: string,
  second: string,
): number | undefined {
  const monthIndex = MONTHS.indexOf(month);
  if (monthIndex === -1 || weekday === -1) return undefined;
  const d = Number(day);
  const h = Number(hour);
  const m = Number(minute);
  const s = Number(second);
  const time = Date.UTC(year, monthIndex, d, h, m, s);
  const date = new Date(time);
  // Round-trip to reject impossible dates (31 Feb, 25:00) and a weekday that contradicts the date.
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== monthIndex ||
    date.getUTCDate() !== d ||
    date.getUTCHours() !== h ||
    date.getUTCMinutes() !== m ||
    date.getUTCSeconds() !== s ||
    date.getUTCDay() !== weekday
  )
    return undefined;
  return time;
}

/**
 * Parses an HTTP-date in any of the three RFC 9110 forms to epoch milliseconds, or
 * undefined. A two-digit rfc850 year is read per RFC 9110 §5.6.7: more than 50 years in
 * the future means the previous century.
 */
export function parseHttpDate(value: string, now: number): number | undefined {
  if (value.length > 64) return undefined;
  const text = value.trim().toLowerCase();
  let match = IMF_FIXDATE.exec(text);
  if (match !== null) {
    const [, wd, day, mon, year, h, m, s] = match as unknown as string[];
    return dateFromParts(DAY_NAMES.indexOf(wd!), day!, mon!, Number(year), h!, m!, s!);
  }
  match = RFC850_DATE.exec(text);
  if (match !== null) {
    const [, wd, day, mon, yy, h, m, s] = match as unknown as string[];
    const currentYear = new Date(now).getUTCFullYear();
    let year = Math.floor(currentYear / 100) * 100 + Number(yy);
    if (year > currentYear + 50) year -= 100;
    else if (year < currentYear - 50) year += 100;
    return dateFromParts(LONG_DAY_NAMES.indexOf(wd!), day!, mon!, year, h!, m!, s!);
  }
  match = ASCTIME_DATE.exec(text);
  if (match !== null) {
    const [, wd, mon, day, h, m, s, year] = match as unknown as string[];
    return dateFromParts(DAY_NAMES.indexOf(wd!), day!.trim().padStart(2, '0'), mon!, Number(year), h!, m!, s!);
  }
  return undefined;
}

const RESET_HEADERS = ['ratelimit-reset', 'x-ratelimit-reset'];

/** Every header {@link resolveRetryDelay} reads, lower case. */
export const RETRY_HEADERS: readonly string[] = ['retry-after', 'ratelimit', ...RESET_HEADERS];

/** The slots of {@link RETRY_HEADERS} in a classifier's {@link HeaderNames}: read by index, not by name. */
export interface RetrySlots {
  retryAfter: number;
  rateLimit: number;
  /** `RateLimit-Reset`, then `X-RateLimit-Reset`. */
  resets: readonly number[];
  /** All of them as slot bits (see `HeaderReader.filled`). */
  bits: number;
}

/** The {@link RetrySlots} of `names`, which must include {@link RETRY_HEADERS}. */
export function retrySlots(names: HeaderNames): RetrySlots {
  const retryAfter = names.slot('retry-after');
  const rateLimit = names.slot('ratelimit');
  const resets = RESET_HEADERS.map((name) => names.slot(name));
  return { retryAfter, rateLimit, resets, bits: slotBits([retryAfter, rateLimit, ...resets]) };
}

/** Whether `text[from, to)` is 1 to `max` ASCII digits (a loop: these values are a few characters long). */
function digits(text: string, from: number, to: number, max: number): boolean {
  if (to <= from || to - from > max) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** RFC 9110 delta-seconds, bounded to 12 digits. */
function isDeltaSeconds(text: string): boolean {
  return digits(text, 0, text.length, 12);
}

/** Up to 15 integer digits, optionally a dot and 1 to 6 more. */
function isDecimal(text: string): boolean {
  const dot = text.indexOf('.');
  return dot === -1 ? digits(text, 0, text.length, 15) : digits(text, 0, dot, 15) && digits(text, dot + 1, text.length, 6);
}

/**
 * A delay as the result carries it: past hints (negative) become 0, and anything at or
 * above the cap, however large, becomes the cap. A hint too large for a double (seconds
 * times 1000 overflowing to Infinity) is still a hint to wait long, never "retry now".
 * NaN says nothing and is dropped.
 */
function clamp(ms: number, maxMs: number): number | undefined {
  if (Number.isNaN(ms)) return undefined;
  if (ms <= 0) return 0;
  return ms >= maxMs ? maxMs : Math.round(ms);
}

/**
 * `Retry-After` (RFC 9110 §10.2.3): delta-seconds or an HTTP-date. Returns undefined for
 * anything else (fractions, negative numbers and words are malformed per the RFC).
 */
export function parseRetryAfter(value: string, now: number): number | undefined {
  const text = value.trim();
  if (isDeltaSeconds(text)) return Number(text) * 1000;
  const date = parseHttpDate(text, now);
  return date === undefined ? undefined : date - now;
}

/** A reset header value (seconds) read per the vendor's unit. */
export function parseResetValue(value: string, unit: ResetUnit, now: number): number | undefined {
  const text = value.trim();
  if (!isDecimal(text)) return undefined;
  const n = Number(text);
  const epoch = unit === 'epoch-seconds' || (unit === 'auto' && n >= EPOCH_THRESHOLD);
  return epoch ? n * 1000 - now : n * 1000;
}

/**
 * The `t` parameter of the IETF `RateLimit` header field
 * (draft-ietf-httpapi-ratelimit-headers: `"default";r=0;t=30`): seconds until reset.
 */
function parseRateLimitField(value: string): number | undefined {
  if (value.length > 1024) return undefined;
  // The field is a List of policies; the first one is the one to wait for.
  const first = value.split(',')[0] ?? '';
  for (const param of first.split(';')) {
    const eq = param.indexOf('=');
    if (eq !== -1 && param.slice(0, eq).trim().toLowerCase() === 't') {
      const seconds = param.slice(eq + 1).trim();
      return isDeltaSeconds(seconds) ? Number(seconds) * 1000 : undefined;
    }
  }
  return undefined;
}

function fromBody(body: unknown, fields: readonly RetryBodyField[]): number | undefined {
  for (const field of fields) {
    let value = ownPath(body, field.path);
    if (typeof value === 'string' && isDecimal(value.trim())) value = Number(value.trim());
    // Infinity too (a parsed body may hold one): it is the longest wait, clamped to the cap.
    if (typeof value === 'number' && value >= 0)
      return field.unit === 'seconds' ? value * 1000 : value;
  }
  return undefined;
}

/** The caller's clock, read defensively: a clock that throws or returns junk reads as `Date.now()`. */
function readClock(now: () => number): number {
  try {
    const value = now();
    return typeof value === 'number' && Number.isFinite(value) ? value : Date.now();
  } catch {
    return Date.now();
  }
}

/**
 * The retry delay in milliseconds, or undefined when nothing valid says. `Retry-After`
 * is authoritative when valid; only its absence (or a malformed value) falls through to
 * the reset headers and then the body. `headers` are read by slot (`slots`, from the
 * names they were read with); `now` is read only when a value needs it, and a clock that
 * throws or returns junk reads as `Date.now()`. Arguments rather than one options object:
 * the classifier calls this for every retryable error.
 */
export function resolveRetryDelay(
  headers: HeaderReader,
  slots: RetrySlots,
  body: unknown,
  resetUnit: ResetUnit,
  bodyFields: readonly RetryBodyField[],
  now: () => number,
  maxMs: number,
): number | undefined {
  // The clock is read only when a value needs it (HTTP-date or epoch), in this order.
  let ms: number | undefined;
  // A response without any retry header (most) goes straight to the body fields.
  if ((headers.filled & slots.bits) === 0) return bodyFields.length > 0 ? clampOrUndefined(fromBody(body, bodyFields), maxMs) : undefined;
  const retryAfter = headers.at(slots.retryAfter);
  if (retryAfter !== undefined) ms = parseRetryAfter(retryAfter, readClock(now));
  if (ms === undefined) {
    const rateLimit = headers.at(slots.rateLimit);
    if (rateLimit !== undefined) ms = parseRateLimitField(rateLimit);
  }
  for (let i = 0; i < slots.resets.length && ms === undefined; i++) {
    const reset = headers.at(slots.resets[i]!);
    if (reset !== undefined) ms = parseResetValue(reset, resetUnit, readClock(now));
  }
  if (ms === undefined && bodyFields.length > 0) ms = fromBody(body, bodyFields);
  return clampOrUndefined(ms, maxMs);
}

function clampOrUndefined(ms: number | undefined, maxMs: number): number | undefined {
  return ms === undefined ? undefined : clamp(ms, maxMs);
}
