/**
 * Redaction. Secrets: template params the catalog marks `secret` (Braze echoes API keys
 * in messages) are replaced wherever they appear. PII (opt-in, on by default in the CLI):
 * e-mail addresses and phone numbers, found by linear scans rather than regular
 * expressions so hostile messages cannot make redaction slow.
 */

import { REDACTED, scrubSecrets } from './secrets.js';

export { REDACTED };

/** Replaces every occurrence of each secret value in `text`. */
export function redactValues(text: string, values: readonly string[]): string {
  let out = text;
  for (const value of values) if (value.length > 0) out = replaceEvery(out, value);
  return out;
}

/**
 * `text` with every occurrence of `value` replaced by {@link REDACTED}: native searches and
 * slices, which cost a third of `split(value).join(...)` (no array of parts) on the short
 * messages secrets are found in, and about two thirds of `replaceAll(value, ...)`.
 */
function replaceEvery(text: string, value: string): string {
  let at = text.indexOf(value);
  if (at === -1) return text;
  let out = '';
  let from = 0;
  while (at !== -1) {
    out += text.slice(from, at) + REDACTED;
    from = at + value.length;
    at = text.indexOf(value, from);
  }
  return out + text.slice(from);
}

function isEmailLocal(code: number): boolean {
  // A-Z a-z 0-9 . _ % + -
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 46 || code === 95 || code === 37 || code === 43 || code === 45
  );
}

function isDomainChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 46 || code === 45;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isPhoneSeparator(code: number): boolean {
  // space - . ( )
  return code === 32 || code === 45 || code === 46 || code === 40 || code === 41;
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/**
 * A phone number starts a token: not inside an id such as a UUID (`a716-446655440000`), a
 * version or a path, where the character before is a word character or a joiner after one.
 */
function startsToken(text: string, i: number): boolean {
  if (i === 0) return true;
  const previous = text.charCodeAt(i - 1);
  if (isWordChar(previous) || previous === 64 /* @ */ || previous === 43 /* + */) return false;
  if (previous === 45 || previous === 46 || previous === 47 /* - . / */) return i < 2 || !isWordChar(text.charCodeAt(i - 2));
  return true;
}

/**
 * The end of a phone number starting at `i`, or -1: 8 to 15 digits with spaces, dashes,
 * dots or parentheses between them (10 when it is one bare run), ending a token, and not a date (2025-01-31,
 * 31.01.2025) or a time. Digit groups such as `1234-5678-9012` count as a phone number:
 * in a privacy filter, redacting one order number too many is the safe mistake.
 */
function phoneEnd(text: string, i: number): number {
  const n = text.length;
  let end = i + 1;
  let digits = isDigit(text.charCodeAt(i)) ? 1 : 0;
  const groups: number[] = [];
  let group = digits;
  // Bounded look-ahead: past 15 digits, or a run of separators longer than a phone number
  // writes (`) (`), it is no phone number. Without the bounds, every digit of a long run of
  // `1 1 1 ...` would rescan the rest of the run: quadratic time.
  let separators = 0;
  while (end < n && digits <= 15) {
    const c = text.charCodeAt(end);
    if (isDigit(c)) {
      digits++;
      group++;
      separators = 0;
    } else if (isPhoneSeparator(c) && separators < 3) {
      if (group > 0) groups.push(group);
      group = 0;
      separators++;
    } else break;
    end++;
  }
  if (group > 0) groups.push(group);
  while (end > i && !isDigit(text.charCodeAt(end - 1))) end--;
  // A bare run of digits needs the length of a number with its area code (38970123456);
  // with a '+' or separators, 8 digits already read as a phone number.
  const minimum = groups.length === 1 && text.charCodeAt(i) !== 43 ? 10 : 8;
  if (digits < minimum || digits > 15) return -1;
  const next = end < n ? text.charCodeAt(end) : 32;
  if (isWordChar(next) || next === 58 /* : */ || next === 64 /* @ */) return -1;
  const shape = groups.join(',');
  if (shape === '4,2,2' || shape === '2,2,4') return -1;
  return end;
}

/** Replaces e-mail addresses with `[EMAIL]` and phone numbers with `[PHONE]`. */
export function redactPii(text: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 64 /* @ */) {
      let start = i;
      while (start > copied && isEmailLocal(text.charCodeAt(start - 1))) start--;
      // After `://` or a `:`, the part before the "@" is URL userinfo (`https://token@host`,
      // `user:password@host`), not a mailbox: left whole for the secret scrubber, which
      // removes it as a credential (and the same value wherever else it appears).
      const before = start > 0 ? text.charCodeAt(start - 1) : 0;
      if (before === 47 /* / */ || before === 58 /* : */) {
        i++;
        continue;
      }
      let end = i + 1;
      while (end < n && isDomainChar(text.charCodeAt(end))) end++;
      while (end > i + 1 && text.charCodeAt(end - 1) === 46) end--; // trailing sentence dot
      // The domain needs a dot inside it. Searched within the domain only: `lastIndexOf`
      // from its end would run back through the whole text for every "@" (quadratic).
      let dot = -1;
      for (let k = end - 2; k > i + 1; k--)
        if (text.charCodeAt(k) === 46) {
          dot = k;
          break;
        }
      if (start < i && dot !== -1) {
        out += `${text.slice(copied, start)}[EMAIL]`;
        copied = end;
        i = end;
        continue;
      }
    } else if ((code === 43 /* + */ || code === 40 /* ( */ || isDigit(code)) && startsToken(text, i)) {
      const end = phoneEnd(text, i);
      if (end !== -1) {
        out += `${text.slice(copied, i)}[PHONE]`;
        copied = end;
        i = end;
        continue;
      }
      i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      continue;
    }
    i++;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Removes credentials from a message before it is clipped (clipping first could cut one
 * in half, leaving a part that no longer looks like one): URL userinfo, secret query
 * parameters and Authorization values, as src/secrets.ts finds them. HTTP client errors
 * often quote the request URL.
 */
export function scrubUrlCredentials(text: string): string {
  return scrubSecrets(text);
}
