/**
 * Message templates (docs/catalog-format.md "Message matching"):
 * `"Maximum {max:int} recipients allowed per request"`.
 *
 * A template is compiled to literal parts and typed holes and matched by a single
 * left-to-right scan with no backtracking, so matching is linear in the message length
 * whatever the catalog says (DESIGN.md: "templates compile to anchored, linear-time
 * patterns, never user-written backtracking regexes").
 */
import { collapseWhitespace, foldCase } from './text.js';

/** The kinds of hole a template may contain. */
export type HoleType = 'text' | 'int' | 'number' | 'word';

const HOLE_TYPES: readonly HoleType[] = ['text', 'int', 'number', 'word'];

/** A literal run (stored normalized and case-folded) or a typed hole. */
export type TemplatePart = { kind: 'literal'; text: string } | { kind: 'hole'; name: string; type: HoleType };

/** A parsed template. */
export interface Template {
  /** The template as written in the catalog. */
  source: string;
  parts: TemplatePart[];
  /** Whole words that are entirely literal, used to index templates. */
  literalWords: string[];
  /** Total literal characters: the more, the more specific. */
  literalLength: number;
  /** True when the template starts with a whole literal word (indexed by first word). */
  startsWithWord: boolean;
  /** True when the template ends with a whole literal word (indexed by last word). */
  endsWithWord: boolean;
  /** The whole literal words it starts with, at most two (index keys). */
  leading: readonly string[];
  /** The whole literal words it ends with, at most two, in order (index keys). */
  trailing: readonly string[];
  /** Index in `parts` of the free-text hole; `parts.length` when there is none. */
  textHole: number;
  /**
   * True when holes follow the free-text hole. They are matched from the end, so their
   * params are found out of reading order and must be put back in order.
   */
  holesAfterText: boolean;
}

/** Values captured by a template's holes. */
export type TemplateParams = Record<string, string | number>;

/** True when `text` is a template rather than an exact message. */
export function isTemplate(text: string): boolean {
  return text.includes('{');
}

/** The leading tokens up to the first that is not a whole literal word. */
function wholeRun(tokens: readonly string[]): string[] {
  const run: string[] = [];
  for (const token of tokens) {
    if (!isWholeWord(token)) break;
    run.push(token);
  }
  return run;
}

/**
 * Parses a template; returns an error message instead of throwing, for lint.
 * `{{` and `}}` stand for literal braces.
 */
export function parseTemplate(source: string): Template | { error: string } {
  const normalized = collapseWhitespace(source);
  const parts: TemplatePart[] = [];
  const names = new Set<string>();
  let literal = '';
  let textHoles = 0;
  for (let i = 0; i < normalized.length; i++) {
    const ch = normalized[i]!;
    if ((ch === '{' || ch === '}') && normalized[i + 1] === ch) {
      literal += ch;
      i++;
      continue;
    }
    if (ch === '}') return { error: `unmatched "}" at ${i}` };
    if (ch !== '{') {
      literal += ch;
      continue;
    }
    const end = normalized.indexOf('}', i);
    if (end === -1) return { error: `unclosed "{" at ${i}` };
    const [name = '', type = 'text', ...rest] = normalized.slice(i + 1, end).split(':');
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return { error: `invalid hole name "${name}"` };
    // Params are a plain object: a `__proto__` key would set its prototype, not a param.
    if (name === '__proto__') return { error: 'a hole cannot be named "__proto__"' };
    if (rest.length > 0 || !(HOLE_TYPES as readonly string[]).includes(type))
      return { error: `unknown hole type "${normalized.slice(i + 1, end)}" (use ${HOLE_TYPES.join(', ')})` };
    if (names.has(name)) return { error: `hole "${name}" appears twice` };
    names.add(name);
    if (literal === '' && parts.length > 0) return { error: `holes must be separated by literal text (before "${name}")` };
    if (literal !== '') parts.push({ kind: 'literal', text: foldCase(literal) });
    literal = '';
    parts.push({ kind: 'hole', name, type: type as HoleType });
    if (type === 'text') textHoles++;
    i = end;
  }
  if (literal !== '') parts.push({ kind: 'literal', text: foldCase(literal) });
  if (names.size === 0) return { error: 'a template needs at least one {hole}' };
  if (textHoles > 1) return { error: 'at most one free-text hole per template (type the others: int, number, word)' };
  // Whole literal words: split a skeleton where each hole is one placeholder character.
  const skeleton = parts.map((part) => (part.kind === 'literal' ? part.text : '\u0000')).join('');
  const tokens = skeleton.split(' ');
  const literalWords = tokens.filter((token) => token !== '' && !token.includes('\u0000'));
  if (literalWords.length === 0) return { error: 'a template needs at least one whole literal word' };
  const textHole = parts.findIndex((part) => part.kind === 'hole' && part.type === 'text');
  return {
    source,
    parts,
    literalWords,
    literalLength: parts.reduce((sum, part) => sum + (part.kind === 'literal' ? part.text.length : 0), 0),
    startsWithWord: isWholeWord(tokens[0]),
    endsWithWord: isWholeWord(tokens[tokens.length - 1]),
    leading: wholeRun(tokens.slice(0, 2)),
    trailing: wholeRun(tokens.slice(-2).reverse()).reverse(),
    textHole: textHole === -1 ? parts.length : textHole,
    holesAfterText: textHole !== -1 && parts.slice(textHole + 1).some((part) => part.kind === 'hole'),
  };
}

/**
 * A captured number. Digits beyond what a double holds exactly stay text: `Infinity` or a
 * rounded id would not be what the vendor said (and JSON would print `null`).
 */
function numeric(digits: string): number | string {
  const value = Number(digits);
  return Number.isSafeInteger(value) || (Number.isFinite(value) && digits.includes('.') && digits.length <= 17) ? value : digits;
}

function isWholeWord(token: string | undefined): boolean {
  return token !== undefined && token !== '' && !token.includes('\u0000');
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** End of a run of digits starting at `from` (with optional leading '-'); -1 if none. */
function scanInt(text: string, from: number): number {
  let i = from;
  if (text.charCodeAt(i) === 45) i++;
  const start = i;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i === start ? -1 : i;
}

function scanNumber(text: string, from: number): number {
  const end = scanInt(text, from);
  if (end === -1 || text.charCodeAt(end) !== 46 || !isDigit(text.charCodeAt(end + 1))) return end;
  let i = end + 1;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** Start of a run of digits ending at `end` (with optional leading '-'); -1 if none. */
function scanIntBack(text: string, end: number, floor: number): number {
  let i = end;
  while (i > floor && isDigit(text.charCodeAt(i - 1))) i--;
  if (i === end) return -1;
  return i > floor && text.charCodeAt(i - 1) === 45 ? i - 1 : i;
}

function scanNumberBack(text: string, end: number, floor: number): number {
  const start = scanIntBack(text, end, floor);
  if (start === -1 || text.charCodeAt(start) === 45 || start - 1 <= floor || text.charCodeAt(start - 1) !== 46) return start;
  const whole = scanIntBack(text, start - 1, floor);
  return whole === -1 ? start : whole;
}

/**
 * Matches `template` against a message. `folded` is the normalized, case-folded message
 * and `original` the normalized message with its case (params keep the vendor's case).
 *
 * Parts before the free-text hole are matched left to right, parts after it right to left
 * from the end of the message (templates are anchored at both ends), and the free-text hole
 * takes what lies between. Typed holes are scanned greedily; a `word` hole ends at the
 * nearest occurrence of its neighbouring literal inside the word. Nothing is retried, so
 * the cost is linear in the message length, and the outcome equals that of the anchored
 * regular expression {@link templateToRegExpSource} publishes.
 */
export function matchTemplate(template: Template, folded: string, original: string): TemplateParams | null {
  // Case folding can change string length for a few code points; params then come from
  // the folded text so positions stay aligned.
  const source = original.length === folded.length ? original : folded;
  const { parts, textHole: textIndex } = template;
  const params: TemplateParams = {};
  let pos = 0;
  for (let index = 0; index < textIndex; index++) {
    const part = parts[index]!;
    if (part.kind === 'literal') {
      if (!folded.startsWith(part.text, pos)) return null;
      pos += part.text.length;
      continue;
    }
    const next = parts[index + 1];
    let end: number;
    if (part.type === 'word') {
      const space = folded.indexOf(' ', pos);
      const wordEnd = space === -1 ? folded.length : space;
      if (next?.kind !== 'literal') end = wordEnd;
      else {
        end = folded.indexOf(next.text, pos + 1);
        if (end === -1 || end > wordEnd) return null;
      }
      if (end <= pos) return null;
      params[part.name] = source.slice(pos, end);
    } else {
      end = part.type === 'int' ? scanInt(folded, pos) : scanNumber(folded, pos);
      if (end === -1) return null;
      params[part.name] = numeric(folded.slice(pos, end));
    }
    pos = end;
  }
  if (textIndex === parts.length) return pos === folded.length ? params : null;

  let end = folded.length;
  for (let index = parts.length - 1; index > textIndex; index--) {
    const part = parts[index]!;
    if (part.kind === 'literal') {
      const start = end - part.text.length;
      if (start < pos || !folded.startsWith(part.text, start)) return null;
      end = start;
      continue;
    }
    const previous = parts[index - 1];
    let start: number;
    if (part.type === 'word') {
      const wordStart = folded.lastIndexOf(' ', end - 1) + 1;
      if (previous?.kind !== 'literal') start = wordStart;
      else {
        const at = folded.lastIndexOf(previous.text, end - 1 - previous.text.length);
        start = at === -1 ? -1 : at + previous.text.length;
        if (start < wordStart) return null;
      }
      if (start >= end || start < pos) return null;
      params[part.name] = source.slice(start, end);
    } else {
      start = part.type === 'int' ? scanIntBack(folded, end, pos) : scanNumberBack(folded, end, pos);
      if (start === -1) return null;
      params[part.name] = numeric(folded.slice(start, end));
    }
    end = start;
  }
  const hole = parts[textIndex] as Extract<TemplatePart, { kind: 'hole' }>;
  if (end <= pos) return null;
  params[hole.name] = source.slice(pos, end);
  if (!template.holesAfterText) return params;
  // Params read as the template reads, whatever order they were found in.
  const ordered: TemplateParams = {};
  for (const part of parts) if (part.kind === 'hole') ordered[part.name] = params[part.name]!;
  return ordered;
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/**
 * The equivalent regular expression of a template (for ReDoS checkers and for SDKs in
 * other languages). The runtime never uses it: it matches with {@link matchTemplate}.
 */
export function templateToRegExpSource(template: Template): string {
  const body = template.parts
    .map((part) => {
      if (part.kind === 'literal') return part.text.replace(REGEX_SPECIAL, '\\$&');
      switch (part.type) {
        case 'int':
          return `(?<${part.name}>-?[0-9]+)`;
        case 'number':
          return `(?<${part.name}>-?[0-9]+(?:\\.[0-9]+)?)`;
        case 'word':
          return `(?<${part.name}>[^ ]+?)`;
        case 'text':
          return `(?<${part.name}>.+?)`;
      }
    })
    .join('');
  return `^${body}$`;
}
