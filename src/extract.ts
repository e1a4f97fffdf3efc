/**
 * Shape detection and extraction (docs/catalog-format.md "Shapes"): finds the first shape
 * of the classifier's order that recognises the body, and reads the code, message, field
 * errors and per-item results where that shape says they are. Every shape is catalog
 * data; this module knows the path language and the named transformations only.
 */
import type { CompiledItems, CompiledReader, CompiledShape, ShapeCandidate, ShapeOrder } from './compile-shapes.js';
import { extractFields } from './fields.js';
import { hasType, readPath, type MemberReader } from './json-path.js';
import type { ParsedBody } from './parse-body.js';
import { dataMember, isArray, own } from './safe.js';
import { clip, detached, firstNonSpace, hasText } from './text.js';
import type { FieldError } from './types.js';

/** What the extractor found in a body. */
export interface Extracted {
  /** The name of the shape that read the body; null when none did (an unread body). */
  shape: string | null;
  /** The vendor that declared that shape (null: a standard shape). */
  owner: string | null;
  /** The vendor's machine code as received, stringified. */
  code: string | null;
  /** The vendor's message as received. */
  message: string | null;
  fields: FieldError[] | undefined;
  /** Per-item results (at most {@link MAX_ITEMS}, read once), for the shape's `items`. */
  items: readonly unknown[] | undefined;
  /** How to read `items`. */
  itemSpec: CompiledItems | null;
}

const MAX_MESSAGE = 2000;
const MAX_TEXT_MESSAGE = 500;
/** Per-item lists are read this far: a batch answer never needs more, a hostile one gets no further. */
export const MAX_ITEMS = 1000;

/** A code as the result carries it: a non-empty string (clipped) or a finite number as text. */
export function codeString(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : clip(value, 200);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** A message as the result carries it: a string with visible text, clipped. */
export function messageString(value: unknown): string | null {
  return typeof value === 'string' && hasText(value) ? clip(value, MAX_MESSAGE) : null;
}

/** RFC 9457 §4.2.1: `about:blank` is the type of a problem with no more semantics than its status. */
const NO_TYPE = 'about:blank';

/** Whether a URI is `scheme://host/...` with its host in `hosts`. */
function onHost(uri: string, hosts: ReadonlySet<string>): boolean {
  const scheme = uri.indexOf('://');
  if (scheme === -1 || scheme > 8) return false;
  const start = scheme + 3;
  const end = uri.indexOf('/', start);
  return end !== -1 && hosts.has(uri.slice(start, end).toLowerCase());
}

/**
 * `uri-last-segment`: the last segment of a URI such as a problem `type`, after its last
 * `/`, `#` or `:` and past trailing `/` and `#`; none for `about:blank` or a URI on one of
 * `ignoreHosts` (status reference pages say nothing a code would).
 */
export function uriLastSegment(value: unknown, ignoreHosts: ReadonlySet<string> | null): string | null {
  if (typeof value !== 'string' || value === '' || value === NO_TYPE) return null;
  // A type URI is short; a longer one is read only as far as any real one would go.
  const uri = value.length > 2048 ? value.slice(0, 2048) : value;
  if (ignoreHosts !== null && onHost(uri, ignoreHosts)) return null;
  // Loops from the end, not regexes: /[/#]+$/ retries from every position and turns a
  // hostile URI of many slashes quadratic.
  let end = uri.length;
  while (end > 0 && isSegmentEnd(uri.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isSegmentEnd(uri.charCodeAt(start - 1)) && uri.charCodeAt(start - 1) !== 58) start--;
  return codeString(uri.slice(start, end));
}

/** `/` or `#`: what ends a path segment of a URI. */
function isSegmentEnd(code: number): boolean {
  return code === 47 || code === 35;
}

/**
 * A URL as a thrown client error keeps it: a string, or a `URL`-like object's `href`.
 * Relative URLs are joined to `base` with exactly one slash between them.
 */
export function urlValue(value: unknown, base: unknown, read: MemberReader): string | undefined {
  const url = typeof value === 'string' ? value : read(value, 'href');
  if (typeof url !== 'string' || url === '') return undefined;
  if (typeof base !== 'string' || base === '' || url.includes('://')) return url;
  return `${trimEnd(base, 47)}/${url.slice(leadingRun(url, 47))}`;
}

/** `text` without its trailing run of `code` (a loop: `/\/+$/` is quadratic on a long run). */
function trimEnd(text: string, code: number): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === code) end--;
  return text.slice(0, end);
}

/** The length of the leading run of `code` in `text`. */
function leadingRun(text: string, code: number): number {
  let start = 0;
  while (start < text.length && text.charCodeAt(start) === code) start++;
  return start;
}

/**
 * The value one reader finds in `root` (a parsed body, an item, a thrown error, or for
 * HTML and text bodies their text), transformed as it says.
 */
export function readValue(root: unknown, reader: CompiledReader, read: MemberReader = own): unknown {
  const value = readPath(root, reader.path, read);
  switch (reader.as) {
    case null:
      return value;
    case 'uri-last-segment':
      return uriLastSegment(value, reader.ignoreHosts);
    case 'html-title':
      return typeof value === 'string' ? htmlTitle(value) : undefined;
    case 'first-line':
      return typeof value === 'string' ? firstLine(value) : undefined;
    case 'field-path':
      return value === undefined ? undefined : extractFields([value])?.[0]?.path || undefined;
    case 'with-index': {
      if (typeof value !== 'string') return undefined;
      const index = reader.index === null ? undefined : readPath(root, reader.index, read);
      return Number.isInteger(index) ? `${value}[${index as number}]` : value;
    }
    case 'url':
      return urlValue(value, reader.base === null ? undefined : readPath(root, reader.base, read), read);
  }
}

/**
 * The top-level members of a JSON object body, as the bits the engine gave member names
 * (compile-shapes.ts `assignMemberBits`): a recogniser or reader that starts at a member
 * the body lacks is skipped without a read. Undefined: nothing is skipped.
 */
type Members = number | undefined;

/**
 * Listing an object's members costs time in proportion to all of them (a body of 50,000
 * members takes milliseconds), so only bodies this library parsed from a short text are
 * listed: a text of this many characters holds few members. Larger bodies, and objects a
 * caller passed (whose size is unknown), are read without skipping.
 */
const MAX_LISTED_TEXT = 4096;

function membersOf(value: unknown, textLength: number, memberBits: ReadonlyMap<string, number>): Members {
  if (textLength < 0 || textLength > MAX_LISTED_TEXT) return undefined;
  if (typeof value !== 'object' || value === null || isArray(value)) return undefined;
  const names = Object.keys(value);
  let bits = 0;
  for (let i = 0; i < names.length; i++) bits |= memberBits.get(names[i]!) ?? 0;
  return bits;
}

/** Whether a body may hold a value at a path whose first member has bit `bit` (0: none given, so maybe). */
function mayHave(members: Members, bit: number): boolean {
  return members === undefined || bit === 0 || (members & bit) !== 0;
}


// Three loops rather than one taking a converter: each then calls its converter directly.

/** The first code the readers find; readers starting at a member the body lacks are skipped. */
export function readCode(root: unknown, readers: readonly CompiledReader[], read: MemberReader = own, members?: Members): string | null {
  for (let i = 0; i < readers.length; i++) {
    const code = mayHave(members, readers[i]!.bit) ? codeString(readValue(root, readers[i]!, read)) : null;
    if (code !== null) return code;
  }
  return null;
}

/** The first message the readers find (see {@link readCode}). */
export function readMessage(root: unknown, readers: readonly CompiledReader[], read: MemberReader = own, members?: Members): string | null {
  for (let i = 0; i < readers.length; i++) {
    const message = mayHave(members, readers[i]!.bit) ? messageString(readValue(root, readers[i]!, read)) : null;
    if (message !== null) return message;
  }
  return null;
}

/** The first field errors the readers find (see {@link readCode}). */
function readFields(root: unknown, readers: readonly CompiledReader[], read: MemberReader, members: Members): FieldError[] | undefined {
  for (let i = 0; i < readers.length; i++) {
    const fields = mayHave(members, readers[i]!.bit) ? extractFields(readValue(root, readers[i]!, read)) : undefined;
    if (fields !== undefined) return fields;
  }
  return undefined;
}

/** Whether every condition of a recogniser holds for `root`. */
export function conditionsHold(root: unknown, conditions: ShapeCandidate['conditions'], read: MemberReader = own): boolean {
  for (let i = 0; i < conditions.length; i++) {
    const condition = conditions[i]!;
    if (!hasType(readPath(root, condition.path, read), condition.type)) return false;
  }
  return true;
}

/** A list's elements, at most {@link MAX_ITEMS}, each read once into a plain array. */
function readList(value: unknown): unknown[] | undefined {
  if (!isArray(value)) return undefined;
  let length = 0;
  try {
    length = Math.min(value.length, MAX_ITEMS);
  } catch {
    return undefined;
  }
  const out: unknown[] = [];
  for (let i = 0; i < length; i++) out.push(own(value, String(i)));
  return out.length > 0 ? out : undefined;
}

/**
 * Whether a content type has the media type `required` (lower case): the same letters in
 * any case, then its end, parameters (`;`) or whitespace. Compared in place, so the
 * common `application/json; charset=utf-8` costs a few character reads, no new string.
 */
function hasMediaType(contentType: string, required: string): boolean {
  const start = firstNonSpace(contentType);
  if (start === -1 || contentType.length - start < required.length) return false;
  for (let i = 0; i < required.length; i++) {
    let code = contentType.charCodeAt(start + i);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== required.charCodeAt(i)) return false;
  }
  const next = contentType.charCodeAt(start + required.length);
  return Number.isNaN(next) || next === 59 || next === 32 || next === 9;
}

const NOTHING: Extracted = { shape: null, owner: null, code: null, message: null, fields: undefined, items: undefined, itemSpec: null };

/** The body read with `shape` (for HTML and text, `root` is the text). */
function readShape(shape: CompiledShape, root: unknown, members: Members, read: MemberReader = own): Extracted {
  const items = shape.items === null || !mayHave(members, shape.items.atBit) ? undefined : readList(readPath(root, shape.items.at, read));
  return {
    shape: shape.name,
    owner: shape.owner,
    code: readCode(root, shape.code, read, members),
    message: readMessage(root, shape.message, read, members),
    fields: readFields(root, shape.fields, read, members),
    items,
    itemSpec: items === undefined ? null : shape.items,
  };
}

/** The first JSON recogniser of `order` that holds, read. */
function fromJson(value: unknown, textLength: number, contentType: string | undefined, order: ShapeOrder): Extracted {
  const { json } = order;
  // JSON this library parsed has no getters or Proxy traps: it is read without guards.
  const read = textLength >= 0 ? dataMember : own;
  const members = membersOf(value, textLength, order.memberBits);
  for (let i = 0; i < json.length; i++) {
    const candidate = json[i]!;
    // A member without a bit is looked up by the conditions themselves.
    if (members !== undefined && (candidate.mask & ~members) !== 0) continue;
    const required = candidate.shape.mediaType;
    if (required !== null && (contentType === undefined || !hasMediaType(contentType, required))) continue;
    if (conditionsHold(value, candidate.conditions, read)) return readShape(candidate.shape, value, members, read);
  }
  return NOTHING;
}

/** Where a page names itself: its `<title>`, else its first `<h1>`. */
const TITLE_TAGS: readonly RegExp[] = [/<title\b/i, /<h1\b/i];
const MAX_TITLE = 500;

/**
 * The text right after the first `tag`, up to the next `<`. Plain searches with no
 * backtracking: a hostile page (thousands of unclosed `<title` tags) stays linear.
 */
function tagText(html: string, tag: RegExp): string | null {
  // `search` gives the index without building a match array.
  const open = html.search(tag);
  if (open === -1) return null;
  const gt = html.indexOf('>', open);
  if (gt === -1) return null;
  const lt = html.indexOf('<', gt + 1);
  const end = Math.min(lt === -1 ? html.length : lt, gt + 1 + MAX_TITLE);
  return html.slice(gt + 1, end);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,6});/gi, (entity, name: string) => {
    const known = ENTITIES[name.toLowerCase()];
    if (known !== undefined) return known;
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return entity;
  });
}

/** Bodies this long are not kept alive by a message cut from them (see {@link detached}). */
const DETACH_FROM = 1024;

/** `message`, cut from `source`, as a string of its own when `source` is large. */
function ownCopy(message: string, source: string): string {
  return source.length > DETACH_FROM ? detached(message) : message;
}

/** The `<title>` of an HTML page (else its first `<h1>`), entities decoded. */
export function htmlTitle(html: string): string | null {
  for (const tag of TITLE_TAGS) {
    const raw = tagText(html, tag);
    const text = raw === null ? '' : decodeEntities(raw).trim();
    if (text !== '') return ownCopy(text, html);
  }
  return null;
}

/** The first line of a text body, trimmed and clipped. */
export function firstLine(body: string): string | null {
  // Only the head of a text body can hold its message; never scan megabytes for it.
  const text = body.length > 8192 ? body.slice(0, 8192) : body;
  const start = firstNonSpace(text);
  if (start === -1) return null;
  const end = text.indexOf('\n', start);
  return ownCopy(clip((end === -1 ? text.slice(start) : text.slice(start, end)).trim(), MAX_TEXT_MESSAGE), body);
}

/**
 * Detects the shape of a parsed body and extracts code, message, fields and per-item
 * results. `contentType`: the response's content type; `order`: the shapes to try, for
 * the known vendor or for none (compile-shapes.ts).
 */
export function extract(body: ParsedBody, contentType: string | undefined, order: ShapeOrder): Extracted {
  switch (body.kind) {
    case 'json':
      return fromJson(body.value, body.textLength, contentType, order);
    case 'html':
      return order.html === undefined ? NOTHING : readShape(order.html, body.text, undefined);
    case 'text':
      return order.text === undefined ? NOTHING : readShape(order.text, body.text, undefined);
    case 'empty':
      return order.empty === undefined ? NOTHING : readShape(order.empty, undefined, undefined);
    case 'unparsed':
      // Not read, so not known to be empty: no shape may claim it.
      return NOTHING;
  }
}
