/**
 * The secret scrubber (src/secrets.ts), case by case: what it removes, what it leaves,
 * and that hostile texts of a megabyte finish with the right value (time is measured by
 * the benchmark, not here).
 */
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../src/generated/catalog-types.js';
import { scrubSecrets, secretMarkers } from '../src/secrets.js';

const marker = [['invalid', 'api', 'key:']];
const scrub = (text: string): string => scrubSecrets(text, marker);

describe('scrubSecrets', () => {
  it.each([
    ['https://user:pass@host/x', 'https://[REDACTED]@host/x'],
    ['https://user:pa/ss@host/x', 'https://[REDACTED]@host/x'],
    ['https://user:p@ss@host/x', 'https://[REDACTED]@host/x'],
    ['https://token@host', 'https://[REDACTED]@host'],
    ['connect to user:pass@host:443 failed', 'connect to [REDACTED]@host:443 failed'],
    ['(https://u:p@h/)', '(https://[REDACTED]@h/)'],
    ['{"url":"https://u:p@h/"}', '{"url":"https://[REDACTED]@h/"}'],
    ['cut at https://user:secr…', 'cut at https://[REDACTED]…'],
    ['cut at user:secr…', 'cut at user:[REDACTED]…'],
    ['cut at https://tok…', 'cut at https://[REDACTED]…'],
    ['cut at https://u:pa/ss…', 'cut at https://[REDACTED]…'],
  ])('URL userinfo: %s', (text, expected) => expect(scrub(text)).toBe(expected));

  it.each([
    ['GET /v1?api_key=abc&x=1', 'GET /v1?api_key=[REDACTED]&x=1'],
    ['?API-KEY=abc#frag', '?API-KEY=[REDACTED]#frag'],
    ['?apiKey=abc', '?apiKey=[REDACTED]'],
    ['a=1&access_token=abc', 'a=1&access_token=[REDACTED]'],
    ['?token=abc', '?token=[REDACTED]'],
    ['?key=AIzaSyExample', '?key=[REDACTED]'],
    ['X-Amz-Signature=abcdef&X-Amz-Credential=AKIA%2Fx', 'X-Amz-Signature=[REDACTED]&X-Amz-Credential=[REDACTED]'],
    ['sid=abc; Path=/', 'sid=[REDACTED]; Path=/'],
  ])('secret parameters: %s', (text, expected) => expect(scrub(text)).toBe(expected));

  it.each([
    ['Authorization: Bearer abc.def-ghi', 'Authorization: Bearer [REDACTED]'],
    ['bearer abc', 'bearer [REDACTED]'],
    [`Basic ${btoa('alice:pw')}`, 'Basic [REDACTED]'],
    ['Authorization: Token abc', 'Authorization: Token [REDACTED]'],
    ['Proxy-Authorization: abc123', 'Proxy-Authorization: [REDACTED]'],
    ['authorization=abc', 'authorization=[REDACTED]'],
    ['{"Authorization": "abc"}', '{"Authorization": "[REDACTED]"}'],
  ])('Authorization values: %s', (text, expected) => expect(scrub(text)).toBe(expected));

  it.each([
    ['Invalid API key: K-123', 'Invalid API key: [REDACTED]'],
    ['Invalid API key:K-123', 'Invalid API key:[REDACTED]'],
    ['Error: Invalid API key: K-123.', 'Error: Invalid API key: [REDACTED]'],
    ['INVALID   API\nKEY:\tK-123 and more', 'INVALID   API\nKEY:\t[REDACTED] and more'],
    ['{"error":"Invalid API key: K-123"}', '{"error":"Invalid API key: [REDACTED]"}'],
  ])('catalog secret markers: %s', (text, expected) => expect(scrub(text)).toBe(expected));

  it.each([
    'No user jane.doe@example.com',
    'https://registry.example.org/@scope/pkg',
    'Basic plan does not include this feature',
    'status code=503 at 10:30',
    'Maximum 200000 recipients allowed per request',
    'key validation failed: invalid api keys are rejected',
    '',
  ])('leaves ordinary text alone: %s', (text) => expect(scrub(text)).toBe(text));

  it('reports what it removed', () => {
    const found: string[] = [];
    scrubSecrets('https://u:PASSWORD@h/?token=TOK', [], found);
    expect(found).toEqual(['u:PASSWORD', 'TOK']);
  });

  it.each([
    ['slashes after a scheme', () => `https://${'/'.repeat(1_000_000)}`],
    ['@ signs', () => '@'.repeat(1_000_000)],
    ['user:pass@ runs', () => 'u:p@'.repeat(250_000)],
    ['name=value pairs', () => 'token=a&'.repeat(125_000)],
    ['bearer words', () => 'bearer '.repeat(140_000)],
    ['markers without values', () => 'invalid api key: '.repeat(60_000)],
    ['one marker, then a megabyte value', () => `invalid api key:${'k'.repeat(1_000_000)}`],
    ['repeated markers inside one value', () => `invalid api key:${'invalid'.repeat(140_000)}`],
  ])('a megabyte of %s finishes and leaves no credential', (_label, make) => {
    const text = make();
    const out = scrub(text);
    expect(out.length).toBeLessThanOrEqual(text.length + 10 * 125_000);
    expect(out).not.toMatch(/token=a|:p@|bearer b/);
  });
});

describe('secretMarkers', () => {
  it('are the literal words before each secret hole', () => {
    const catalog = {
      entries: [
        { id: 'a.b', secret: ['key'], match: { message: ['Invalid API key: {key}', 'Key {key} for {app} is revoked', '{key} is wrong'] } },
        { id: 'a.c', match: { message: 'Token {token} rejected' } },
      ],
    } as unknown as Catalog;
    expect(secretMarkers(catalog)).toEqual([['invalid', 'api', 'key:'], ['key']].filter((words) => words.join(' ').length >= 4));
  });
});

describe('scrubSecrets, cases the property tests found', () => {
  it('a marker inside the value of another marker still redacts what follows it', () => {
    expect(scrub('INVALID API KEY:  Invalid API key: K-123')).toBe('INVALID API KEY:  [REDACTED] API key: [REDACTED]');
  });

  it('userinfo of a URL quoted inside another URL, or after a path slash', () => {
    expect(scrub('https://errors.example/https://user:pw12@h.example/v1')).toBe('https://errors.example/https://[REDACTED]@h.example/v1');
    expect(scrub('https://errors.example/user:pw12@proxy.example:443')).toBe('https://errors.example/[REDACTED]@proxy.example:443');
  });
});
