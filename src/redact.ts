/**
 * Redaction. Secrets: template params the catalog marks `secret` (Braze echoes API keys
 * in messages) are replaced wherever they appear. PII (opt-in, on by default in the CLI):
 * e-mail addresses and phone numbers, found by linear scans rather than regular
 * expressions so hostile messages cannot make redaction slow.
 */

/** What replaces a secret. */
export const REDACTED = '[REDACTED]';

/** Replaces every occurrence of each secret value in `text`. */
export function redactValues(text: string, values: readonly string[]): string {
  let out = text;
  for (const value of values) if (value.length > 0) out = out.split(value).join(REDACTED);
  return out;
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
      let end = i + 1;
      while (end < n && isDomainChar(text.charCodeAt(end))) end++;
      while (end > i + 1 && text.charCodeAt(end - 1) === 46) end--; // trailing sentence dot
      const dot = text.lastIndexOf('.', end - 1);
      if (start < i && dot > i + 1 && dot < end - 1) {
        out += `${text.slice(copied, start)}[EMAIL]`;
        copied = end;
        i = end;
        continue;
      }
    } else if ((code === 43 /* + */ || isDigit(code)) && (i === 0 || !isEmailLocal(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 46 || text.charCodeAt(i - 1) === 45)) {
      let end = i + 1;
      let digits = isDigit(code) ? 1 : 0;
      while (end < n && (isDigit(text.charCodeAt(end)) || isPhoneSeparator(text.charCodeAt(end)))) {
        if (isDigit(text.charCodeAt(end))) digits++;
        end++;
      }
      while (end > i && !isDigit(text.charCodeAt(end - 1))) end--;
      const next = text.charCodeAt(end);
      const isTime = next === 58; /* : */
      if (digits >= 8 && digits <= 15 && !isTime && !(end < n && isEmailLocal(next) && !isPhoneSeparator(next))) {
        out += `${text.slice(copied, i)}[PHONE]`;
        copied = end;
        i = end;
        continue;
      }
      i = Math.max(end, i + 1);
      continue;
    }
    i++;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Removes credentials from URLs inside a message (`https://user:secret@host` →
 * `https://[REDACTED]@host`): HTTP client errors often quote the request URL.
 */
export function scrubUrlCredentials(text: string): string {
  if (!text.includes('@') || !text.includes('://')) return text;
  // Userinfo runs to the last "@" before the host: a password may hold an unencoded "@".
  return text.replace(/:\/\/[^\s/?#]{1,256}@/g, `://${REDACTED}@`);
}
