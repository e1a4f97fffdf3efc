/**
 * The secret scrubber: credentials removed from any text before it leaves the library
 * (DESIGN.md "Never": never outputs Authorization, API keys, cookies). HTTP clients and
 * vendors quote what they were sent: request URLs with userinfo or keys in the query,
 * `Authorization` headers, and API keys echoed in messages. One scrubber handles every
 * form, and it is applied to every output string (see src/scrub-result.ts):
 *
 * - URL userinfo (RFC 3986 §3.2.1), with or without a scheme: `https://u:p@host`,
 *   `u:p@host:443`, passwords holding `/` or `@`;
 * - query and form parameters whose names say they carry a credential (`?api_key=`,
 *   `access_token=`, `X-Amz-Signature=`, ...; {@link SECRET_PARAMETERS});
 * - `Authorization`-style credentials (RFC 9110 §11.4): `Bearer <token>` (RFC 6750 §2.1),
 *   `Basic <base64 of user:password>` (RFC 7617 §2), and any scheme after
 *   `Authorization:`;
 * - the text after the literal that precedes a catalog's `secret` template hole
 *   (`Invalid API key: <key>`), wherever it appears: in a code, a field message, a text
 *   body, with or without the space.
 *
 * Every pass is a left-to-right scan with bounded look-back, so scrubbing is linear in the
 * text's length. The one regular expression, the first test of each text, is a set of
 * literal alternatives: nothing in it can backtrack.
 */
import type { Catalog } from './generated/catalog-types.js';
import { isTemplate, parseTemplate } from './template.js';

/** What replaces a secret. */
export const REDACTED = '[REDACTED]';

/**
 * Query and form parameter names whose values are credentials, compared lower case with
 * `-` and `_` removed (so `api_key`, `api-key` and `apiKey` are one name). The list:
 * API keys (`api_key`, `apikey`, Google's `key`), OAuth 2.0 tokens (RFC 6749 §4.2.2,
 * §10.4; RFC 6750 §2.3 puts `access_token` in the query; the one-time authorization
 * `code` is left out: `code=` names error codes in too many messages), client
 * credentials (RFC 6749 §2.3.1), passwords, session ids, and the signatures and
 * credentials of pre-signed URLs (AWS SigV4 `X-Amz-*`, Google Cloud Storage `X-Goog-*`,
 * Azure SAS `sig`). Over-redacting a harmless parameter of the same name is the safe
 * mistake here.
 */
export const SECRET_PARAMETERS: readonly string[] = [
  'apikey',
  'key',
  'accesskey',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'authtoken',
  'sessiontoken',
  'auth',
  'authorization',
  'secret',
  'clientsecret',
  'password',
  'passwd',
  'pwd',
  'pass',
  'session',
  'sessionid',
  'sid',
  'signature',
  'sig',
  'credential',
  'xamzsignature',
  'xamzcredential',
  'xamzsecuritytoken',
  'xgoogsignature',
  'xgoogcredential',
];

const SECRET_PARAMETER_SET: ReadonlySet<string> = new Set(SECRET_PARAMETERS);

/** Authentication schemes (IANA HTTP Authentication Scheme Registry, plus common API ones) after which a credential follows. */
const AUTH_SCHEMES: ReadonlySet<string> = new Set(['bearer', 'basic', 'digest', 'token', 'negotiate', 'ntlm', 'hoba', 'mutual', 'apikey', 'key', 'sso-key', 'aws4-hmac-sha256', 'dpop', 'gnap', 'privatetoken']);

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x3000 || code === 0xfeff;
}

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Characters of a parameter or header name. */
function isNameChar(code: number): boolean {
  return isAlphanumeric(code) || code === 95 /* _ */ || code === 45 /* - */;
}

/** RFC 9110 §11.2 token68 characters: ALPHA DIGIT - . _ ~ + / (and the trailing `=` padding). */
function isToken68(code: number): boolean {
  return isAlphanumeric(code) || code === 45 || code === 46 || code === 95 || code === 126 || code === 43 || code === 47 || code === 61;
}

/** Where a quoted value, a word or a URL ends in running text: space, quotes, angle brackets, backslash (a JSON escape). */
function endsValue(code: number): boolean {
  return isSpace(code) || code === 34 /* " */ || code === 39 /* ' */ || code === 96 /* ` */ || code === 60 /* < */ || code === 62 /* > */ || code === 92 /* \ */;
}

/** Text cut to a length by `clip` ends with this: what precedes it may be the start of a credential. */
const CLIP_MARK = '…';

/** Parts of `text` to replace, in order and without overlap, each as [start, end). */
type Spans = number[];

/** Found values kept per text: enough for the caller, which searches for a few dozen at most. */
const MAX_FOUND = 256;

/** `text` with each span replaced by `[REDACTED]`; the replaced parts are appended to `found`. */
function applySpans(text: string, spans: Spans, found: string[] | undefined): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let copied = 0;
  for (let i = 0; i < spans.length; i += 2) {
    const start = spans[i]!;
    const end = spans[i + 1]!;
    if (found !== undefined && found.length < MAX_FOUND) found.push(text.slice(start, end));
    parts.push(text.slice(copied, start), REDACTED);
    copied = end;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/**
 * URL userinfo. Tokens are runs of text between spaces and quotes; in a token with a
 * `://`, the userinfo runs from after it to the last `@` before the query or fragment (a
 * password may hold an unencoded `/` or `@`, which RFC 3986 forbids and people write);
 * in a token without a scheme, a `user:password@host` is userinfo when a `:` precedes the
 * last `@` (an e-mail address has none). A token cut by `clip` right after `://user:pass`
 * loses what follows the scheme. One pass: each token is read once.
 */
function userinfoSpans(text: string, spans: Spans): void {
  const n = text.length;
  let end = 0;
  while (end < n) {
    while (end < n && endsValue(text.charCodeAt(end))) end++;
    // One segment per URL: from the token start, or from after each `://` (a URL inside
    // a URL, `https://docs.example/https://u:p@h`, has userinfo of its own).
    let authority = end;
    let scheme = false;
    let lastAt = -1;
    let colon = -1;
    let slash = -1;
    let lastSlash = -1;
    let lastColon = -1;
    let slashBeforeAt = -1;
    let colonBeforeAt = -1;
    let query = false;
    const finish = (segmentEnd: number): void => {
      // A `/` before the `@` belongs to a password only when a `:` came first
      // (`https://u:pa/ss@h`); otherwise the `@` is in the path (`https://h/@scope/pkg`),
      // where a `user:password@` after the last `/` is still userinfo (a proxy URL
      // quoted in a path).
      const inPath = slash !== -1 && slash < lastAt && (colon === -1 || colon > slash);
      if (inPath && colonBeforeAt > slashBeforeAt) spans.push(slashBeforeAt + 1, lastAt);
      else if (lastAt > authority && !inPath && (scheme || (colon !== -1 && colon < lastAt))) spans.push(authority, lastAt);
      else if (lastAt === -1 && segmentEnd === n && text.endsWith(CLIP_MARK) && (scheme ? slash === -1 || (colon !== -1 && colon < slash) : colon >= authority))
        // Cut by `clip` before its "@": with a scheme, all of an authority cut short may be
        // userinfo (`https://token…`); without one, what follows the ":" may be a password.
        spans.push(scheme ? authority : colon + 1, n - CLIP_MARK.length);
    };
    while (end < n) {
      const code = text.charCodeAt(end);
      if (endsValue(code)) break;
      if (code === 58 /* : */ && text.startsWith('//', end + 1)) {
        finish(end);
        scheme = true;
        authority = end + 3;
        lastAt = -1;
        colon = -1;
        slash = -1;
        lastSlash = -1;
        lastColon = -1;
        slashBeforeAt = -1;
        colonBeforeAt = -1;
        query = false;
        end += 3;
        continue;
      }
      if (!query) {
        if (code === 64 /* @ */) {
          lastAt = end;
          slashBeforeAt = lastSlash;
          colonBeforeAt = lastColon;
        } else if (code === 58 /* : */) {
          if (colon === -1) colon = end;
          lastColon = end;
        } else if (code === 47 /* / */) {
          if (slash === -1) slash = end;
          lastSlash = end;
        } else if ((code === 63 /* ? */ || code === 35) /* # */ && scheme) query = true;
      }
      end++;
    }
    finish(end);
  }
}

/**
 * `name=value` where the name is a {@link SECRET_PARAMETERS} one: the value, to `&`, `#`,
 * `;` (a cookie list) or the end of the word. In a query or a form body, or in running
 * text that quotes one.
 */
function parameterSpans(text: string, spans: Spans): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isNameChar(text.charCodeAt(i)) || (i > 0 && isNameChar(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    let end = i;
    while (end < n && isNameChar(text.charCodeAt(end))) end++;
    if (end < n && text.charCodeAt(end) === 61 /* = */ && isSecretName(text, i, end)) {
      let value = end + 1;
      while (value < n) {
        const code = text.charCodeAt(value);
        if (endsValue(code) || code === 38 /* & */ || code === 35 /* # */ || code === 59 /* ; */) break;
        value++;
      }
      if (value > end + 1) spans.push(end + 1, value);
      i = value;
    } else i = end;
  }
}

function isSecretName(text: string, start: number, end: number): boolean {
  // Names are short; a long run of name characters is no parameter name in the list.
  if (end - start > 40) return false;
  let name = '';
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 45 && code !== 95) name += String.fromCharCode(code >= 65 && code <= 90 ? code + 32 : code);
  }
  return SECRET_PARAMETER_SET.has(name);
}

/**
 * Whether `word` (lower case) is at `at` in `text`, compared ASCII case-insensitively,
 * starting a word (or, with `afterHyphen`, the last part of a hyphenated name:
 * `Proxy-Authorization`).
 */
function wordAt(text: string, at: number, word: string, afterHyphen = false): boolean {
  if (at > 0 && isNameChar(text.charCodeAt(at - 1)) && !(afterHyphen && text.charCodeAt(at - 1) === 45)) return false;
  if (at + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    let code = text.charCodeAt(at + k);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** The end of the run of characters from `at` that `accept` takes. */
function runEnd(text: string, at: number, accept: (code: number) => boolean): number {
  let end = at;
  while (end < text.length && accept(text.charCodeAt(end))) end++;
  return end;
}

/** Whether a Basic credential is what RFC 7617 §2 says it is: base64 of `user-id ":" password`. */
function isBasicCredential(token: string): boolean {
  if (token.length < 4 || token.length > 4096) return false;
  try {
    return atob(token).includes(':');
  } catch {
    return false;
  }
}

/**
 * `Bearer <token>`, `Basic <credentials>` and `Authorization: <scheme> <credentials>`
 * (also `Proxy-Authorization`, and `=` for `:`). Basic is a common English word, so its
 * token counts only when it decodes to `user:password`; Bearer is not.
 */
function authorizationSpans(text: string, spans: Spans): void {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i) | 32;
    if (code !== 98 /* b */ && code !== 97 /* a */) continue;
    if (wordAt(text, i, 'bearer') || wordAt(text, i, 'basic')) {
      const basic = (text.charCodeAt(i + 1) | 32) === 97;
      const after = i + (basic ? 5 : 6);
      const from = runEnd(text, after, isSpace);
      if (from === after) continue;
      const end = runEnd(text, from, isToken68);
      if (end > from && (!basic || isBasicCredential(text.slice(from, end)))) spans.push(from, end);
      i = Math.max(i, end - 1);
    } else if (wordAt(text, i, 'authorization', true)) {
      let from = runEnd(text, i + 13, isSpace);
      // `Authorization: x`, `authorization=x`, and the JSON `"authorization": "x"`.
      if (text.charCodeAt(from) === 34) from++;
      const separator = text.charCodeAt(from);
      if (separator !== 58 && separator !== 61) continue;
      from = runEnd(text, from + 1, isSpace);
      if (text.charCodeAt(from) === 34) from++;
      let end = runEnd(text, from, (c) => !endsValue(c) && c !== 44);
      if (end === from) continue;
      // A known scheme keeps its name: the credentials are the token after it.
      if (AUTH_SCHEMES.has(text.slice(from, end).toLowerCase())) {
        const credentials = runEnd(text, end, isSpace);
        if (credentials === end) continue;
        from = credentials;
        end = runEnd(text, from, (c) => !endsValue(c));
        if (end === from) continue;
      }
      spans.push(from, end);
      i = end - 1;
    }
  }
}

/**
 * A literal that precedes a secret: the words of the catalog text before a `secret`
 * hole, lower case (`["invalid", "api", "key:"]`).
 */
export type SecretMarker = readonly string[];

/**
 * The markers of a catalog: for each template hole its entry marks `secret`, the literal
 * text before it (up to the previous hole). A hole at the very start has no marker; the
 * value it captured is still redacted where it was matched.
 */
export function secretMarkers(catalog: Catalog): SecretMarker[] {
  const markers: SecretMarker[] = [];
  for (const entry of catalog.entries) {
    if (entry.secret === undefined || entry.secret.length === 0) continue;
    const messages = entry.match?.message;
    for (const text of messages === undefined ? [] : Array.isArray(messages) ? messages : [messages]) {
      if (!isTemplate(text)) continue;
      const parsed = parseTemplate(text);
      if ('error' in parsed) continue;
      parsed.parts.forEach((part, index) => {
        const before = parsed.parts[index - 1];
        if (part.kind !== 'hole' || !entry.secret!.includes(part.name) || before?.kind !== 'literal') return;
        const words = before.text.split(' ').filter((word) => word !== '');
        // A marker of one short word (`{a}: {b}`) would redact after every such word in any text.
        if (words.length > 0 && words.join(' ').length >= 4) markers.push(words);
      });
    }
  }
  return markers;
}

/**
 * The end of `marker` starting at `at` in `lower` (the text, lower case, same length),
 * words separated by any run of whitespace; -1 when it is not there.
 */
function markerEnd(lower: string, marker: SecretMarker, at: number): number {
  let i = at + marker[0]!.length;
  for (let k = 1; k < marker.length; k++) {
    const from = runEnd(lower, i, isSpace);
    if (from === i || !lower.startsWith(marker[k]!, from)) return -1;
    i = from + marker[k]!.length;
  }
  return i;
}

/** After each marker, the value that follows it (spaces skipped, up to the end of the word): one list of spans per marker. */
function markerSpans(text: string, markers: readonly SecretMarker[], lists: Spans[]): void {
  if (markers.length === 0) return;
  const lower = text.toLowerCase();
  // Case folding that changes the length (a dotted capital I) would shift positions:
  // fall back to folding ASCII only.
  const folded = lower.length === text.length ? lower : asciiLower(text);
  for (const marker of markers) {
    const first = marker[0]!;
    const spans: Spans = [];
    lists.push(spans);
    let valueEnd = -1;
    let at = folded.indexOf(first);
    while (at !== -1) {
      const end = at > 0 && isAlphanumeric(folded.charCodeAt(at - 1)) ? -1 : markerEnd(folded, marker, at);
      if (end !== -1) {
        const from = runEnd(text, end, isSpace);
        // A marker repeated inside the value of the one before ends where that value
        // ends: its end is reused, not searched for again (which would not be linear).
        if (from >= valueEnd) valueEnd = runEnd(text, from, (c) => !endsValue(c));
        if (valueEnd > from) spans.push(from, valueEnd);
      }
      at = folded.indexOf(first, at + 1);
    }
  }
}

function asciiLower(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]!;
  }
  return out;
}

/**
 * The spans of several passes as one ordered list, overlapping spans joined. Each pass
 * lists its spans in order, so this is a merge of sorted lists (linear in the spans for
 * the few lists there are), not a sort.
 */
function merged(lists: readonly Spans[]): Spans {
  const filled = lists.filter((list) => list.length > 0);
  if (filled.length <= 1) return filled[0] ?? [];
  const next = filled.map(() => 0);
  const out: Spans = [];
  for (;;) {
    let pick = -1;
    for (let k = 0; k < filled.length; k++)
      if (next[k]! < filled[k]!.length && (pick === -1 || filled[k]![next[k]!]! < filled[pick]![next[pick]!]!)) pick = k;
    if (pick === -1) return out;
    const start = filled[pick]![next[pick]!]!;
    const end = filled[pick]![next[pick]! + 1]!;
    next[pick] = next[pick]! + 2;
    const last = out.length - 1;
    if (last > 0 && start <= out[last]!) out[last] = Math.max(out[last]!, end);
    else out.push(start, end);
  }
}

/**
 * Whether the URL, parameter or Authorization passes could find something: each needs a
 * character or word most messages lack, so most texts skip them.
 */
function mayHoldCredential(text: string): boolean {
  if (text.includes('@') || text.includes('=')) return true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i) | 32;
    // b(earer), b(asic), a(uthorization): a cheap first-letter filter before the word tests.
    if ((code === 98 || code === 97) && (wordAt(text, i, 'bearer') || wordAt(text, i, 'basic') || wordAt(text, i, 'authorization', true))) return true;
  }
  // A URL or `user:password` cut by `clip` inside its userinfo has no `@` left.
  return text.endsWith(CLIP_MARK) && text.includes(':');
}

/** One scrubber, compiled once for a set of catalog markers (a classifier builds one). */
export interface SecretScrubber {
  /**
   * `text` with every credential replaced by `[REDACTED]` (see the module comment). Each
   * replaced value is appended to `found`, so the caller can remove the same values where
   * they appear without their context (a template param holding only the password).
   * Linear time.
   */
  scrub(text: string, found?: string[]): string;
  /** Whether {@link SecretScrubber.scrub} could change `text` (false means it would not): one native test, no allocation. */
  mayChange(text: string): boolean;
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The test for what any pass needs first, as one regular expression of literal
 * alternatives (`[@=]|://|bearer|basic|authorization|<marker words>`, case-insensitive):
 * nothing in it can backtrack, so it scans a text in linear time, and one native scan
 * costs less than the several searches it replaces.
 */
/** A text `clip` cut after a `:`: it may end inside `user:password`, before the `@` that gives it away. */
function wasCut(text: string): boolean {
  return text.endsWith(CLIP_MARK) && text.includes(':');
}

function triggerPattern(words: readonly string[]): RegExp {
  return new RegExp(['[@=]', ':\\/\\/', ...words.map(escapeForRegExp)].join('|'), 'i');
}

/**
 * A scrubber for `markers` (the catalog secret markers, {@link secretMarkers}). `clean`:
 * texts the classifier writes itself (vendor names, catalog descriptions), which hold no
 * credential and need no test. Most
 * texts hold nothing to scrub: one pass over their characters for what every scan needs
 * first (an `@`, an `=`, a `://`, an Authorization word, or the last word of a marker)
 * sends them back unchanged.
 */
export function createSecretScrubber(markers: readonly SecretMarker[] = [], clean: ReadonlySet<string> = new Set()): SecretScrubber {
  const trigger = triggerPattern([...new Set(['bearer', 'basic', 'authorization', ...markers.map((marker) => marker[marker.length - 1]!)])]);
  return {
    mayChange: (text) => !clean.has(text) && (trigger.test(text) || wasCut(text)),
    scrub(text, found) {
      if (text.length === 0 || !(trigger.test(text) || wasCut(text))) return text;
      const lists: Spans[] = [];
      if (mayHoldCredential(text)) {
        const userinfo: Spans = [];
        const parameters: Spans = [];
        const authorization: Spans = [];
        userinfoSpans(text, userinfo);
        parameterSpans(text, parameters);
        authorizationSpans(text, authorization);
        lists.push(userinfo, parameters, authorization);
      }
      markerSpans(text, markers, lists);
      return applySpans(text, merged(lists), found);
    },
  };
}

const WITHOUT_MARKERS = createSecretScrubber();

/**
 * `text` with every credential replaced by `[REDACTED]`: {@link SecretScrubber.scrub} of a
 * scrubber for `markers`. For one-off texts; a classifier keeps a compiled scrubber.
 */
export function scrubSecrets(text: string, markers: readonly SecretMarker[] = [], found?: string[]): string {
  return (markers.length === 0 ? WITHOUT_MARKERS : createSecretScrubber(markers)).scrub(text, found);
}
