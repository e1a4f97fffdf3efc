/**
 * Redaction (src/redact.ts): catalog secrets replaced wherever they appear, opt-in PII
 * redaction by linear scans, and credentials scrubbed from URLs inside messages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactPii, redactValues, scrubUrlCredentials } from '../src/redact.js';

describe('redactValues', () => {
  it('replaces every occurrence of each secret', () => {
    expect(redactValues('key abc123 rejected (abc123), token xyz', ['abc123', 'xyz'])).toBe(`key ${REDACTED} rejected (${REDACTED}), token ${REDACTED}`);
  });

  it('ignores empty secrets and leaves text without secrets unchanged', () => {
    expect(redactValues('nothing here', ['', 'absent'])).toBe('nothing here');
  });

  it('uses the literal value, not a pattern', () => {
    expect(redactValues('a.b and axb', ['a.b'])).toBe(`${REDACTED} and axb`);
  });

  it('replaces non-overlapping occurrences left to right, as split and join would', () => {
    expect(redactValues('aaaa', ['aa'])).toBe(`${REDACTED}${REDACTED}`);
    expect(redactValues('aaa', ['aa'])).toBe(`${REDACTED}a`);
    const unit = fc.constantFrom('a', 'b', '$', '&', ' ');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), fc.string({ unit, minLength: 1, maxLength: 4 }), (text, value) => redactValues(text, [value]) === text.split(value).join(REDACTED)),
    );
  });
});

describe('redactPii: e-mail addresses', () => {
  it('replaces addresses with [EMAIL]', () => {
    expect(redactPii('There is no user with the provided email jane.doe+tag@example.co.uk')).toBe('There is no user with the provided email [EMAIL]');
  });

  it('keeps a sentence dot after the address', () => {
    expect(redactPii('Contact ops@example.com.')).toBe('Contact [EMAIL].');
  });

  it('replaces several addresses', () => {
    expect(redactPii('a@example.com, b@example.org')).toBe('[EMAIL], [EMAIL]');
  });

  it('leaves things that are not addresses', () => {
    expect(redactPii('@mention and user@localhost and a @ b')).toBe('@mention and user@localhost and a @ b');
  });
});

describe('redactPii: phone numbers', () => {
  it('replaces international and grouped numbers with [PHONE]', () => {
    expect(redactPii('Invalid number +14155550100')).toBe('Invalid number [PHONE]');
    expect(redactPii('Call +1 (415) 555-0100 now')).toBe('Call [PHONE] now');
    expect(redactPii('Number 415.555.0100 is blocked')).toBe('Number [PHONE] is blocked');
  });

  it('leaves short numbers, times and identifiers alone', () => {
    expect(redactPii('Maximum 1000 recipients allowed per request')).toBe('Maximum 1000 recipients allowed per request');
    expect(redactPii('Retry at 2025-01-01 10:30:00')).toBe('Retry at 2025-01-01 10:30:00');
    expect(redactPii('campaign abc12345678 not found')).toBe('campaign abc12345678 not found');
  });

  it('leaves more than 15 digits alone', () => {
    expect(redactPii('id 12345678901234567890')).toBe('id 12345678901234567890');
  });

  it('returns text without PII unchanged', () => {
    expect(redactPii('Invalid Campaign ID')).toBe('Invalid Campaign ID');
    expect(redactPii('')).toBe('');
  });

  it('is linear on hostile input', () => {
    const hostile = `${'1-'.repeat(100_000)}x ${'a'.repeat(100_000)}@${'b.'.repeat(100_000)}com ${'@x'.repeat(100_000)}`;
    const redacted = redactPii(hostile);
    expect(redacted).toContain('x [EMAIL] @x@x');
    expect(redacted.startsWith('1-1-1-')).toBe(true);
  });
});

describe('scrubUrlCredentials', () => {
  it('replaces user and password in URLs', () => {
    expect(scrubUrlCredentials('request to https://user:s3cret@api.example.com/x failed')).toBe(`request to https://${REDACTED}@api.example.com/x failed`);
  });

  it('replaces a lone user or token', () => {
    expect(scrubUrlCredentials('GET http://tok_abc@host/')).toBe(`GET http://${REDACTED}@host/`);
  });

  it('scrubs every URL in the message', () => {
    expect(scrubUrlCredentials('from https://a:b@one.example to https://c:d@two.example')).toBe(
      `from https://${REDACTED}@one.example to https://${REDACTED}@two.example`,
    );
  });

  it('leaves URLs without credentials and e-mail addresses in paths alone', () => {
    expect(scrubUrlCredentials('https://api.example.com/users/jane@example.com failed')).toBe('https://api.example.com/users/jane@example.com failed');
    expect(scrubUrlCredentials('no url at all, jane@example.com')).toBe('no url at all, jane@example.com');
  });

  it('removes the whole password when it contains an unencoded "@"', () => {
    const scrubbed = scrubUrlCredentials('GET https://user:p@ss@api.example.com/x');
    expect(scrubbed).toBe(`GET https://${REDACTED}@api.example.com/x`);
  });
});

describe('redactPii: numbers that are not phone numbers', () => {
  it('leaves ids, dates, versions and short counts alone', async () => {
    const { redactPii: redact } = await import('../src/redact.js');
    expect(redact('Campaign 660e8400-e29b-41d4-a716-446655440000 not found')).toBe('Campaign 660e8400-e29b-41d4-a716-446655440000 not found');
    expect(redact('sent on 2025-01-31 and 31.01.2025 at 12:00:00')).toBe('sent on 2025-01-31 and 31.01.2025 at 12:00:00');
    expect(redact('v1.2.3 build 20250131, ids 12345678')).toBe('v1.2.3 build 20250131, ids 12345678');
  });

  it('redacts international, grouped and long bare numbers', async () => {
    const { redactPii: redact } = await import('../src/redact.js');
    expect(redact('call +1 (555) 123-4567 or 38970123456.')).toBe('call [PHONE] or [PHONE].');
    expect(redact('tel:+4930123456')).toBe('tel:[PHONE]');
  });
});
