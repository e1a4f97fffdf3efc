/**
 * Body parsing (src/parse-body.ts): raw text, bytes or already-parsed values become a
 * parsed body and a coarse kind, never throwing and never parsing more than maxBodyBytes.
 */
import { describe, expect, it } from 'vitest';
import { HTML_SCAN_LIMIT, parseBody } from '../src/parse-body.js';

const MAX = 1_048_576;

describe('parseBody: kinds', () => {
  it('reads undefined, null, "" and whitespace-only text as empty', () => {
    for (const body of [undefined, null, '', '   ', '\r\n\t ']) expect(parseBody(body, MAX)).toEqual({ kind: 'empty', truncated: false });
  });

  it('parses text starting with "{" or "[" as JSON', () => {
    expect(parseBody('{"message":"Invalid Campaign ID"}', MAX)).toEqual({ kind: 'json', value: { message: 'Invalid Campaign ID' }, truncated: false, textLength: 33 });
    expect(parseBody('  [{"code":"x"}]', MAX)).toEqual({ kind: 'json', value: [{ code: 'x' }], truncated: false, textLength: 16 });
  });

  it('reads invalid JSON as text (its status and first line may still match)', () => {
    expect(parseBody('{"message": "cut off', MAX)).toEqual({ kind: 'text', text: '{"message": "cut off', truncated: false });
    expect(parseBody('[not json', MAX)).toMatchObject({ kind: 'text' });
  });

  it('reads text starting with "<" as HTML', () => {
    expect(parseBody('\n  <html><title>502 Bad Gateway</title></html>', MAX)).toEqual({
      kind: 'html',
      text: '\n  <html><title>502 Bad Gateway</title></html>',
      truncated: false,
    });
  });

  it('reads any other text as text', () => {
    expect(parseBody('upstream request timeout', MAX)).toEqual({ kind: 'text', text: 'upstream request timeout', truncated: false });
    expect(parseBody('"quoted"', MAX)).toMatchObject({ kind: 'text' });
  });

  it('reads numbers and booleans as text', () => {
    expect(parseBody(503, MAX)).toEqual({ kind: 'text', text: '503', truncated: false });
    expect(parseBody(false, MAX)).toEqual({ kind: 'text', text: 'false', truncated: false });
  });

  it('takes objects and arrays as already-parsed JSON, without copying them', () => {
    const value = { message: 'x' };
    const parsed = parseBody(value, MAX);
    expect(parsed.kind).toBe('json');
    expect(parsed.kind === 'json' && parsed.value).toBe(value);
    // A caller's object may have getters or be a Proxy: it is read through the guarded reader.
    expect(parsed.kind === 'json' && parsed.textLength).toBe(-1);
  });

  it('reads functions, symbols and bigints as empty', () => {
    expect(parseBody(() => 1, MAX)).toEqual({ kind: 'empty', truncated: false });
    expect(parseBody(Symbol('x'), MAX)).toEqual({ kind: 'empty', truncated: false });
    expect(parseBody(10n, MAX)).toEqual({ kind: 'empty', truncated: false });
  });
});

describe('parseBody: byte order mark', () => {
  it('parses JSON text that starts with a byte order mark', () => {
    expect(parseBody('\ufeff{"message":"Invalid Campaign ID"}', MAX)).toEqual({
      kind: 'json',
      value: { message: 'Invalid Campaign ID' },
      truncated: false,
      textLength: 34,
    });
  });

  it('recognises HTML after a byte order mark', () => {
    expect(parseBody('\ufeff<html><title>x</title></html>', MAX)).toMatchObject({ kind: 'html' });
  });

  it('parses JSON bytes that start with a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"code":"x"}')]);
    expect(parseBody(bytes, MAX)).toEqual({ kind: 'json', value: { code: 'x' }, truncated: false, textLength: 12 });
  });
});

describe('parseBody: bytes', () => {
  const json = new TextEncoder().encode('{"error":{"code":"rate_limited","message":"slow down"}}');

  it('decodes a Uint8Array as UTF-8', () => {
    expect(parseBody(json, MAX)).toEqual({ kind: 'json', value: { error: { code: 'rate_limited', message: 'slow down' } }, truncated: false, textLength: 55 });
  });

  it('decodes an ArrayBuffer', () => {
    expect(parseBody(json.slice().buffer, MAX)).toMatchObject({ kind: 'json', value: { error: { code: 'rate_limited' } } });
  });

  it('decodes a Node Buffer', () => {
    expect(parseBody(Buffer.from('<h1>Service Unavailable</h1>'), MAX)).toMatchObject({ kind: 'html', text: '<h1>Service Unavailable</h1>' });
  });

  it('replaces invalid UTF-8 instead of throwing', () => {
    expect(parseBody(new Uint8Array([0x66, 0xff, 0x6f]), MAX)).toEqual({ kind: 'text', text: 'f\ufffdo', truncated: false });
  });

  it('reads zero bytes as empty', () => {
    expect(parseBody(new Uint8Array(0), MAX)).toEqual({ kind: 'empty', truncated: false });
  });
});

describe('parseBody: bounds', () => {
  it('parses a body of exactly maxBodyBytes and truncates one unit more', () => {
    expect(parseBody('{"a":1}', 7)).toEqual({ kind: 'json', value: { a: 1 }, truncated: false, textLength: 7 });
    const over = parseBody('{"a":12}', 7);
    expect(over.truncated).toBe(true);
    expect(over.kind).not.toBe('json');
  });

  it('does not parse a huge JSON body', () => {
    const huge = JSON.stringify({ message: 'x'.repeat(2_000_000) });
    const parsed = parseBody(huge, MAX);
    expect(parsed.truncated).toBe(true);
    expect(parsed.kind).not.toBe('json');
  });

  it('keeps only the head of a huge HTML page, for its title', () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>${'x'.repeat(2_000_000)}</body></html>`;
    const parsed = parseBody(page, MAX);
    expect(parsed.kind).toBe('html');
    expect(parsed.truncated).toBe(true);
    expect(parsed.kind === 'html' && parsed.text.length).toBe(HTML_SCAN_LIMIT);
    expect(parsed.kind === 'html' && parsed.text.startsWith('<html><head><title>502 Bad Gateway</title>')).toBe(true);
  });

  it('applies the limit to bytes too', () => {
    const bytes = new TextEncoder().encode(`<html><title>Too big</title>${'x'.repeat(5000)}</html>`);
    const parsed = parseBody(bytes, 1000);
    expect(parsed).toMatchObject({ kind: 'html', truncated: true });
    expect(parseBody(new TextEncoder().encode(`{"a":"${'x'.repeat(5000)}"}`), 1000)).toMatchObject({ truncated: true });
  });

  it('keeps at most HTML_SCAN_LIMIT characters of a long page within the limit', () => {
    const page = `<html><title>ok</title>${'x'.repeat(HTML_SCAN_LIMIT * 2)}</html>`;
    const parsed = parseBody(page, MAX);
    expect(parsed).toMatchObject({ kind: 'html', truncated: false });
    expect(parsed.kind === 'html' && parsed.text.length).toBe(HTML_SCAN_LIMIT);
  });

  it('never throws on hostile objects', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => parseBody(proxy, MAX)).not.toThrow();
  });
});
