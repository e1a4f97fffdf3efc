/**
 * The retry-hint resolver (DESIGN.md "Retry hints", RFC 9110 §10.2.3 and §5.6.7): one
 * ordered, defensive pass over Retry-After, RateLimit, RateLimit-Reset, X-RateLimit-Reset
 * and the vendor's body fields, with an injected clock.
 */
import { describe, expect, it } from 'vitest';
import { HeaderNames, readHeaders, type HeaderReader } from '../src/headers.js';
import {
  parseHttpDate,
  parseResetValue,
  parseRetryAfter,
  RETRY_HEADERS,
  resolveRetryDelay,
  retrySlots,
  type ResetUnit,
  type RetryBodyField,
  type RetrySlots,
} from '../src/retry-after.js';

/** Wed, 01 Jan 2025 00:00:00 GMT */
const NOW = Date.UTC(2025, 0, 1);
const nowSeconds = NOW / 1000;

/** The header names a classifier reads: the retry headers among others. */
const NAMES = new HeaderNames(['content-type', 'x-request-id', ...RETRY_HEADERS]);

interface Inputs {
  headers: HeaderReader;
  slots: RetrySlots;
  body: unknown;
  resetUnit: ResetUnit;
  bodyFields: readonly RetryBodyField[];
  now: () => number;
  maxMs: number;
}

function resolve(headers: Record<string, string>, overrides: Partial<Inputs> = {}): number | undefined {
  const inputs: Inputs = {
    headers: readHeaders(headers, NAMES),
    slots: retrySlots(NAMES),
    body: undefined,
    resetUnit: 'auto',
    bodyFields: [],
    now: () => NOW,
    maxMs: 86_400_000,
    ...overrides,
  };
  return resolveRetryDelay(inputs.headers, inputs.slots, inputs.body, inputs.resetUnit, inputs.bodyFields, inputs.now, inputs.maxMs);
}

describe('parseRetryAfter: delta-seconds', () => {
  it('reads whole seconds as milliseconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('0', NOW)).toBe(0);
  });

  it('ignores surrounding whitespace', () => {
    expect(parseRetryAfter('  5 ', NOW)).toBe(5000);
  });

  it('rejects negative numbers, fractions and words', () => {
    for (const value of ['-5', '1.5', '5s', 'soon', '', ' ', '+5', '0x10', '1e3']) expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});

describe('parseHttpDate: the three HTTP-date forms of RFC 9110 §5.6.7', () => {
  const nov6 = Date.UTC(1994, 10, 6, 8, 49, 37);

  it('reads an IMF-fixdate', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT', NOW)).toBe(nov6);
  });

  it('reads an rfc850-date', () => {
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(nov6);
  });

  it('reads an asctime-date, with a space-padded or two-digit day', () => {
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994', NOW)).toBe(nov6);
    expect(parseHttpDate('Wed Nov 16 08:49:37 1994', NOW)).toBe(Date.UTC(1994, 10, 16, 8, 49, 37));
  });

  it('ignores case', () => {
    expect(parseHttpDate('SUN, 06 NOV 1994 08:49:37 gmt', NOW)).toBe(nov6);
  });

  it('reads a two-digit rfc850 year in the current century unless that is more than 50 years ahead', () => {
    // now = 2025: "74" is 2074 (49 years ahead), "76" is 1976 (2076 would be 51 years ahead).
    expect(parseHttpDate('Monday, 01-Jan-74 00:00:00 GMT', NOW)).toBe(Date.UTC(2074, 0, 1));
    expect(parseHttpDate('Thursday, 01-Jan-76 00:00:00 GMT', NOW)).toBe(Date.UTC(1976, 0, 1));
    expect(parseHttpDate('Wednesday, 01-Jan-25 00:00:00 GMT', NOW)).toBe(NOW);
  });

  it('reads a two-digit rfc850 year in the next century when that is the nearer one (clock in 2099)', () => {
    // RFC 9110: only a year "more than 50 years in the future" moves to the past, so "01"
    // read in 2099 is 2101 (two years ahead), not 2001 (98 years ago).
    expect(parseHttpDate('Saturday, 01-Jan-01 00:00:00 GMT', Date.UTC(2099, 5, 1))).toBe(Date.UTC(2101, 0, 1));
  });

  it('rejects impossible dates by round-tripping them', () => {
    expect(parseHttpDate('Fri, 31 Feb 2025 00:00:00 GMT', NOW)).toBeUndefined();
    expect(parseHttpDate('Wed, 01 Jan 2025 25:00:00 GMT', NOW)).toBeUndefined();
    expect(parseHttpDate('Wed, 01 Jan 2025 00:60:00 GMT', NOW)).toBeUndefined();
    expect(parseHttpDate('Wed, 01 Jan 2025 00:00:60 GMT', NOW)).toBeUndefined();
    expect(parseHttpDate('Wed, 00 Jan 2025 00:00:00 GMT', NOW)).toBeUndefined();
  });

  it('rejects a weekday that contradicts the date', () => {
    expect(parseHttpDate('Thu, 01 Jan 2025 00:00:00 GMT', NOW)).toBeUndefined();
    expect(parseHttpDate('Thursday, 01-Jan-25 00:00:00 GMT', NOW)).toBeUndefined();
    expect(parseHttpDate('Thu Jan  1 00:00:00 2025', NOW)).toBeUndefined();
  });

  it('rejects other date formats and garbage', () => {
    for (const value of [
      '2025-01-01T00:00:00Z',
      'Wed, 01 Jan 2025 00:00:00 UTC',
      'Wed, 01 Jan 2025 00:00:00 +0000',
      'Wed, 1 Jan 2025 00:00:00 GMT',
      'Wed, 01 Jan 25 00:00:00 GMT',
      'Xyz, 01 Jan 2025 00:00:00 GMT',
      'Wed, 01 Foo 2025 00:00:00 GMT',
      'Wed 01 Jan 2025 00:00:00 GMT',
      '',
    ])
      expect(parseHttpDate(value, NOW)).toBeUndefined();
  });

  it('rejects values longer than any HTTP-date without scanning them', () => {
    expect(parseHttpDate(`Wed, 01 Jan 2025 00:00:00 GMT${' '.repeat(100_000)}`, NOW)).toBeUndefined();
  });
});

describe('parseRetryAfter: HTTP-date', () => {
  it('returns the delay from the injected clock', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:01:00 GMT', NOW)).toBe(60_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:01:00 GMT', NOW + 30_000)).toBe(30_000);
  });

  it('returns a negative delay for a past date (the resolver turns it into 0)', () => {
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', NOW)).toBe(-60_000);
  });
});

describe('parseResetValue', () => {
  it('reads values below 1,000,000,000 as delta seconds in "auto"', () => {
    expect(parseResetValue('30', 'auto', NOW)).toBe(30_000);
    expect(parseResetValue('999999999', 'auto', NOW)).toBe(999_999_999_000);
  });

  it('reads values from 1,000,000,000 upwards as epoch seconds in "auto"', () => {
    expect(parseResetValue(String(nowSeconds + 30), 'auto', NOW)).toBe(30_000);
    expect(parseResetValue('1000000000', 'auto', NOW)).toBe(1_000_000_000_000 - NOW);
  });

  it('follows an explicit unit whatever the magnitude', () => {
    expect(parseResetValue('30', 'epoch-seconds', NOW)).toBe(30_000 - NOW);
    expect(parseResetValue(String(nowSeconds + 30), 'delta-seconds', NOW)).toBe((nowSeconds + 30) * 1000);
  });

  it('accepts decimal seconds', () => {
    expect(parseResetValue('1.5', 'delta-seconds', NOW)).toBe(1500);
  });

  it('rejects negatives and garbage', () => {
    for (const value of ['-1', 'abc', '', '1e3', '1.', '.5']) expect(parseResetValue(value, 'auto', NOW)).toBeUndefined();
  });
});

describe('resolveRetryDelay, header sources', () => {
  it('reads the same values whatever slots the names have, and from fetch Headers', () => {
    // Another layout than NAMES: the retry headers first, other names after them.
    const names = new HeaderNames([...RETRY_HEADERS.slice().reverse(), 'server', 'content-type']);
    const slots = retrySlots(names);
    const cases: Record<string, string>[] = [
      { 'Retry-After': '7' },
      { RateLimit: '"default";r=0;t=12' },
      { 'RateLimit-Reset': '30', 'X-RateLimit-Reset': '99' },
      { 'x-ratelimit-reset': String(nowSeconds + 45) },
      { 'Retry-After': 'soon', 'X-RateLimit-Reset': '5' },
      { 'content-type': 'text/plain' },
    ];
    const expected = [7_000, 12_000, 30_000, 45_000, 5_000, undefined];
    cases.forEach((headers, i) => {
      expect(resolve(headers, { headers: readHeaders(headers, names), slots })).toBe(expected[i]);
      expect(resolve(headers, { headers: readHeaders(new Headers(headers), names), slots })).toBe(expected[i]);
      expect(resolve(headers)).toBe(expected[i]);
    });
  });

  it('falls through to the body fields when no retry header is present', () => {
    const names = new HeaderNames(['content-type', ...RETRY_HEADERS]);
    const bodyFields = [{ path: ['retryAfterSeconds'], unit: 'seconds' as const }];
    const headers = readHeaders({ 'content-type': 'application/json' }, names);
    expect(resolve({}, { headers, slots: retrySlots(names), body: { retryAfterSeconds: 12 }, bodyFields })).toBe(12_000);
    expect(resolve({}, { headers, slots: retrySlots(names), body: { retryAfterSeconds: 1e12 }, bodyFields })).toBe(86_400_000);
    expect(resolve({}, { headers, slots: retrySlots(names), body: {}, bodyFields })).toBeUndefined();
  });
});

describe('resolveRetryDelay', () => {
  it('reads Retry-After delta-seconds and dates', () => {
    expect(resolve({ 'Retry-After': '7' })).toBe(7000);
    expect(resolve({ 'retry-after': 'Wed, 01 Jan 2025 00:00:10 GMT' })).toBe(10_000);
  });

  it('turns a past date into 0', () => {
    expect(resolve({ 'retry-after': 'Sun, 06 Nov 1994 08:49:37 GMT' })).toBe(0);
    expect(resolve({ 'x-ratelimit-reset': String(nowSeconds - 60) })).toBe(0);
  });

  it('returns undefined when nothing says', () => {
    expect(resolve({})).toBeUndefined();
    expect(resolve({ 'retry-after': 'soon' })).toBeUndefined();
  });

  it('treats a valid Retry-After as authoritative over every reset header and the body', () => {
    expect(
      resolve(
        { 'retry-after': '5', ratelimit: '"default";r=0;t=20', 'ratelimit-reset': '30', 'x-ratelimit-reset': '40' },
        { body: { retryAfterSeconds: 50 }, bodyFields: [{ path: ['retryAfterSeconds'], unit: 'seconds' }] },
      ),
    ).toBe(5000);
  });

  it('falls through a malformed Retry-After to the next source', () => {
    expect(resolve({ 'retry-after': '-5', 'x-ratelimit-reset': '40' })).toBe(40_000);
    expect(resolve({ 'retry-after': '1.5', 'ratelimit-reset': '30' })).toBe(30_000);
  });

  it('orders the reset sources: RateLimit t=, then RateLimit-Reset, then X-RateLimit-Reset', () => {
    expect(resolve({ ratelimit: '"default";r=0;t=20', 'ratelimit-reset': '30', 'x-ratelimit-reset': '40' })).toBe(20_000);
    expect(resolve({ 'ratelimit-reset': '30', 'x-ratelimit-reset': '40' })).toBe(30_000);
    expect(resolve({ 'x-ratelimit-reset': '40' })).toBe(40_000);
  });

  it('reads the t parameter of the IETF RateLimit field wherever it is', () => {
    expect(resolve({ ratelimit: 't=12' })).toBe(12_000);
    expect(resolve({ RateLimit: '"burst"; r=0; T=9' })).toBe(9000);
  });

  it('reads the t parameter of the first item of a multi-item RateLimit list', () => {
    // draft-ietf-httpapi-ratelimit-headers: the field is a List; items are separated by commas.
    expect(resolve({ ratelimit: '"burst";r=0;t=30, "daily";r=500;t=3600' })).toBe(30_000);
  });

  it('ignores a malformed RateLimit t and falls through', () => {
    expect(resolve({ ratelimit: '"default";r=0;t=-1', 'x-ratelimit-reset': '40' })).toBe(40_000);
  });

  it('reads reset headers with the catalog unit', () => {
    expect(resolve({ 'x-ratelimit-reset': String(nowSeconds + 45) }, { resetUnit: 'epoch-seconds' })).toBe(45_000);
    expect(resolve({ 'x-ratelimit-reset': '45' }, { resetUnit: 'delta-seconds' })).toBe(45_000);
    expect(resolve({ 'x-ratelimit-reset': String(nowSeconds + 45) }, { resetUnit: 'auto' })).toBe(45_000);
  });

  it('reads vendor body fields last, with their unit', () => {
    const seconds = [{ path: ['retryAfterSeconds'], unit: 'seconds' as const }];
    const millis = [{ path: ['error', 'retry_after_ms'], unit: 'milliseconds' as const }];
    expect(resolve({}, { body: { retryAfterSeconds: 12 }, bodyFields: seconds })).toBe(12_000);
    expect(resolve({}, { body: { retryAfterSeconds: '12' }, bodyFields: seconds })).toBe(12_000);
    expect(resolve({}, { body: { error: { retry_after_ms: 1500 } }, bodyFields: millis })).toBe(1500);
    expect(resolve({ 'x-ratelimit-reset': '40' }, { body: { retryAfterSeconds: 12 }, bodyFields: seconds })).toBe(40_000);
  });

  it('tries body fields in order and ignores invalid values', () => {
    const fields = [
      { path: ['a'], unit: 'seconds' as const },
      { path: ['b'], unit: 'seconds' as const },
    ];
    expect(resolve({}, { body: { a: -3, b: 4 }, bodyFields: fields })).toBe(4000);
    expect(resolve({}, { body: { a: 'soon', b: 'later' }, bodyFields: fields })).toBeUndefined();
    expect(resolve({}, { body: { a: Number.NaN }, bodyFields: fields })).toBeUndefined();
    expect(resolve({}, { body: 'retryAfterSeconds=5', bodyFields: fields })).toBeUndefined();
  });

  it('turns a hint too large for a double, or infinite, into the cap (never into "retry now")', () => {
    const fields = [{ path: ['a'], unit: 'seconds' as const }];
    for (const huge of [Number.POSITIVE_INFINITY, 1e306, Number.MAX_VALUE])
      expect(resolve({}, { body: { a: huge }, bodyFields: fields, maxMs: 60_000 })).toBe(60_000);
  });

  it('does not read inherited body properties', () => {
    const body = Object.create({ retryAfterSeconds: 5 }) as object;
    expect(resolve({}, { body, bodyFields: [{ path: ['retryAfterSeconds'], unit: 'seconds' }] })).toBeUndefined();
  });

  it('clamps to maxMs', () => {
    expect(resolve({ 'retry-after': '3600' }, { maxMs: 60_000 })).toBe(60_000);
    expect(resolve({ 'x-ratelimit-reset': '999999999' }, { maxMs: 86_400_000 })).toBe(86_400_000);
    expect(resolve({ 'retry-after': '0' }, { maxMs: 0 })).toBe(0);
  });

  it('rounds to whole milliseconds', () => {
    expect(resolve({ 'ratelimit-reset': '0.0015' })).toBe(2);
  });

  it('uses the injected clock for dates and epochs, and calls it once', () => {
    let calls = 0;
    const now = () => {
      calls++;
      return NOW + 4000;
    };
    expect(resolve({ 'retry-after': 'Wed, 01 Jan 2025 00:00:10 GMT' }, { now })).toBe(6000);
    expect(calls).toBe(1);
    expect(resolve({ 'x-ratelimit-reset': String(nowSeconds + 10) }, { now })).toBe(6000);
  });
});
