/**
 * The "shape" of a message for `stats`: the variable parts collapsed so that messages of
 * one kind group together (`Invalid campaign id 8f3a…` and `Invalid campaign id 91c0…`
 * both become `Invalid campaign id <ID>`).
 *
 * Collapsed: quoted values → `"<VALUE>"`, e-mail addresses (and the classifier's
 * `[EMAIL]`) → `<EMAIL>`, phone numbers (`[PHONE]`) → `<PHONE>`, UUIDs, long hex strings
 * and long digit or letter-digit tokens → `<ID>`, other numbers → `<N>`. Works token by
 * token with anchored checks, so the cost is linear in the message length.
 */

/** Longest shape kept: beyond this the message is clipped (shapes are for reading). */
const MAX_SHAPE_LENGTH = 200;

// Quoted values: the quotes must sit at a word boundary, so apostrophes in "can't" do
// not pair up. Each attempt scans to the next quote only, so the total work is linear.
const QUOTED = /(^|[\s=:(\[{,])(["'`])[^"'`]*\2(?=$|[\s,.;:)\]}!?])/g;
const SEPARATORS = /([=:,;/()]+)/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^(0x)?[0-9a-f]{8,}$/i;
const NUMBER = /^[-+]?\d+([.,]\d+)*$/;
const DIGITS = /\d/g;
const ID_LIKE = /^[A-Za-z0-9_-]{8,}$/;
const NUMBER_WITH_UNIT = /^(\d+(?:\.\d+)?)([A-Za-z%]{1,3})$/;

/** Letters, digits and the characters that belong to a token's core (`[EMAIL]`, `+1`, `-3`). */
function isCore(code: number, leading: boolean): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 91 || code === 93 || // [ ]
    (leading && (code === 43 || code === 45)) || // + - starting a number
    code > 127
  );
}

/** Collapses the core of a token and keeps punctuation around it: "id 42." → "id <N>.". */
function collapseWord(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && !isCore(token.charCodeAt(start), true)) start++;
  while (end > start && !isCore(token.charCodeAt(end - 1), false)) end--;
  if (start === end) return token;
  return `${token.slice(0, start)}${collapseToken(token.slice(start, end))}${token.slice(end)}`;
}

function digitCount(token: string): number {
  return token.match(DIGITS)?.length ?? 0;
}

function collapseToken(token: string): string {
  if (token === '[EMAIL]') return '<EMAIL>';
  if (token === '[PHONE]') return '<PHONE>';
  if (token === '[REDACTED]') return '<SECRET>';
  const at = token.indexOf('@');
  if (at > 0 && token.indexOf('.', at) > at + 1) return '<EMAIL>';
  if (UUID.test(token)) return '<ID>';
  if (NUMBER.test(token)) return token.replace(/[-+.,]/g, '').length >= 6 ? '<ID>' : '<N>';
  if (HEX.test(token) && digitCount(token) > 0) return '<ID>';
  if (ID_LIKE.test(token) && digitCount(token) >= 2) return '<ID>';
  const unit = NUMBER_WITH_UNIT.exec(token);
  if (unit !== null) return `<N>${unit[2]}`;
  return token;
}

/** Collapses the variable parts of `message` (see the module comment). */
export function messageShape(message: string): string {
  const unquoted = message.length > 4 * MAX_SHAPE_LENGTH ? message.slice(0, 4 * MAX_SHAPE_LENGTH) : message;
  const text = unquoted.replace(QUOTED, (_, before: string, quote: string) => `${before}${quote}<VALUE>${quote}`);
  const tokens = text.split(/\s+/).filter((token) => token !== '');
  const shaped = tokens.map((token) =>
    token.includes('<VALUE>')
      ? token
      : // `id=123`, `limit:100`, `a/b`: each side of a separator is collapsed on its own.
        token
          .split(SEPARATORS)
          .map((part, index) => (index % 2 === 1 ? part : collapseWord(part)))
          .join(''),
  );
  const shape = shaped.join(' ');
  return shape.length > MAX_SHAPE_LENGTH ? `${shape.slice(0, MAX_SHAPE_LENGTH - 1)}…` : shape;
}
