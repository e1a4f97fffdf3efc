/**
 * How a log record becomes an input (src/log-record.ts), the rules the CLI and
 * classifyStream share.
 */
import { describe, expect, it } from 'vitest';
import { parseDotPath, parseRecordLine, readRecord, valueAtPath } from '../src/log-record.js';

describe('parseDotPath', () => {
  it('splits member names and array indexes; rejects empty or malformed paths', () => {
    expect(parseDotPath('response')).toEqual(['response']);
    expect(parseDotPath(' http.response ')).toEqual(['http', 'response']);
    expect(parseDotPath('errors.0.@raw')).toEqual(['errors', '0', '@raw']);
    for (const bad of ['', '.', 'a..b', 'a.', 'a b', 'a/b']) expect(parseDotPath(bad)).toBeUndefined();
  });
});

describe('valueAtPath', () => {
  it('reads own members only, array indexes included', () => {
    expect(valueAtPath({ a: [{ b: 1 }] }, ['a', '0', 'b'])).toBe(1);
    expect(valueAtPath({ a: {} }, ['a', 'toString'])).toBeUndefined();
    expect(valueAtPath(JSON.parse('{"__proto__":{"x":1}}'), ['__proto__', 'x'])).toBe(1);
  });
});

describe('readRecord', () => {
  it('a record with a response member is a response; one with `thrown` is a thrown error', () => {
    expect(readRecord({ status: 500 })).toEqual({ kind: 'response', response: { status: 500 } });
    expect(readRecord({ headers: {} }).kind).toBe('response');
    expect(readRecord({ body: '' }).kind).toBe('response');
    expect(readRecord({ status: null })).toEqual({ kind: 'response', response: { status: null } });
    expect(readRecord({ thrown: 'boom' })).toEqual({ kind: 'thrown', thrown: 'boom' });
  });

  it('a record with neither is not an input, whatever else it has (vendor, url, message)', () => {
    for (const record of [{}, { vendor: 'braze', url: 'https://rest.iad-01.braze.com' }, { message: 'failed', name: 'Error' }, { response: { status: 500 } }])
      expect(readRecord(record)).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/^the line has no response member \(status, headers, body\) and no thrown member/) });
    expect(readRecord([1])).toEqual({ kind: 'invalid', reason: 'not an input object (got an array)' });
    expect(readRecord(null)).toEqual({ kind: 'invalid', reason: 'not an input object (got null)' });
  });

  it('at a path: a response, a {thrown} object, or an error object itself', () => {
    expect(readRecord({ r: { status: 502 } }, ['r'])).toEqual({ kind: 'response', response: { status: 502 } });
    expect(readRecord({ r: { thrown: { code: 'ECONNRESET' } } }, ['r'])).toEqual({ kind: 'thrown', thrown: { code: 'ECONNRESET' } });
    expect(readRecord({ err: { name: 'AbortError', message: 'aborted' } }, ['err'])).toEqual({ kind: 'thrown', thrown: { name: 'AbortError', message: 'aborted' } });
    expect(readRecord({ r: {} }, ['r'])).toEqual({ kind: 'invalid', reason: "'r' has no response member (status, headers, body) and no thrown member" });
    expect(readRecord({}, ['r', 's'])).toEqual({ kind: 'invalid', reason: "no member at 'r.s'" });
    expect(readRecord({ r: 5 }, ['r'])).toEqual({ kind: 'invalid', reason: "'r' is not an object (got a number)" });
  });
});

describe('parseRecordLine', () => {
  it('parses JSON; says why a line is blank or not JSON without quoting it', () => {
    expect(parseRecordLine('{"status":1}')).toEqual({ ok: true, value: { status: 1 } });
    expect(parseRecordLine(' \t\r')).toEqual({ ok: false, reason: 'blank line' });
    const bad = parseRecordLine('{"authorization":"Bearer s3cr3t"');
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).not.toContain('s3cr3t');
  });
});
