/**
 * Shape detection and extraction (docs/catalog-format.md "Shapes"): names the body's shape
 * and takes out the vendor's code, message, field errors and per-item errors. Shapes are
 * structural knowledge only; what a code or message means lives in the catalog.
 */
import type { ParsedBody } from './parse-body.js';
import { extractFields } from './fields.js';
import { mine, plainCopy } from './safe.js';
import { clip, detached, firstNonSpace, hasText } from './text.js';
import type { FieldError } from './types.js';
import type { Shape } from './vocabulary.js';

/** What the extractor found in a body. */
export interface Extracted {
  shape: Shape;
  /** The vendor's machine code as received, stringified. */
  code: string | null;
  /** The vendor's message as received. */
  message: string | null;
  fields: FieldError[] | undefined;
  /** Per-item errors beside the message (Braze `errors`), classified as minor errors. */
  items: unknown[] | undefined;
}

const MAX_MESSAGE = 2000;
const MAX_TEXT_MESSAGE = 500;

function codeString(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : clip(value, 200);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function messageString(value: unknown): string | null {
  return typeof value === 'string' && hasText(value) ? clip(value, MAX_MESSAGE) : null;
}

// JSON bodies are read member by member at their own call sites through `mine` (one
// inline cache per site). Those reads may throw on hostile caller objects (throwing
// getters, revoked Proxies); `extract` then reruns on a guarded plain copy.

type Members = Record<string, unknown>;

/** Any object (arrays included) whose members can be read. */
function readable(value: unknown): Members | undefined {
  return typeof value === 'object' && value !== null ? (value as Members) : undefined;
}

/** A non-array object. */
function record(value: unknown): Members | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Members) : undefined;
}

/** The first element of an array, else undefined. */
function head(value: unknown): unknown {
  return Array.isArray(value) && value.length > 0 ? mine(value, '0', value[0]) : undefined;
}

/**
 * Braze per-item errors are strings or `{"type", "input_array", "index"}` objects; a list of
 * JSON:API-style objects (`status`, `title`, `detail`) is left to the generic shape.
 */
function isBrazeItemList(value: unknown): boolean {
  const first = head(value);
  if (typeof first === 'string') return true;
  const item = readable(first);
  return item !== undefined && (typeof mine(item, 'type', item.type) === 'string' || mine(item, 'input_array', item.input_array) !== undefined);
}

/**
 * Problem types that name a generic HTTP status (frameworks default to the RFC section of
 * the status, e.g. `https://tools.ietf.org/html/rfc9110#section-15.5.1`) say nothing a
 * code would: no code is derived from them.
 */
const GENERIC_PROBLEM_TYPE_HOSTS: ReadonlySet<string> = new Set(['tools.ietf.org', 'www.rfc-editor.org', 'datatracker.ietf.org', 'developer.mozilla.org', 'httpstatuses.com']);

/** Whether a problem `type` URI is on one of {@link GENERIC_PROBLEM_TYPE_HOSTS} (`https://host/...`). */
function isGenericProblemType(type: string): boolean {
  const scheme = type.indexOf('://');
  if (scheme === -1 || scheme > 8) return false;
  const start = scheme + 3;
  const end = type.indexOf('/', start);
  // Only a host as long as a generic one is cut out and looked up.
  return end !== -1 && GENERIC_PROBLEM_HOST_LENGTHS.has(end - start) && GENERIC_PROBLEM_TYPE_HOSTS.has(type.slice(start, end));
}

const GENERIC_PROBLEM_HOST_LENGTHS: ReadonlySet<number> = new Set([...GENERIC_PROBLEM_TYPE_HOSTS].map((host) => host.length));

/** The shapes a JSON body can have. */
export type JsonShape = Exclude<Shape, 'html' | 'text' | 'empty'>;

// Structural tests, in the order they are tried when the vendor is unknown. A body can fit
// several (a problem document with a legacy `error` text member also fits `transformify`);
// a known vendor's own shapes are preferred. Bit i of a shape mask is SHAPE_ORDER[i].
/** The shapes only some vendors use. */
type VendorShape = Exclude<JsonShape, 'json'>;

const SHAPE_ORDER: readonly VendorShape[] = ['google', 'spotzee', 'transformify', 'sinch', 'problem', 'braze'];
/** Set in a preference mask when the vendor lists the generic `json` shape. */
const JSON_SHAPE = 64;

/** A known vendor's shapes as a bit mask (see {@link shapePreference}). */
export type ShapePreference = number & { readonly __shapePreference: true };

const NO_PREFERENCE = 0 as ShapePreference;

/** The shapes of a vendor's catalog as a preference mask for {@link extract}; computed once per catalog. */
export function shapePreference(shapes: ReadonlySet<Shape>): ShapePreference {
  let mask = shapes.has('json') ? JSON_SHAPE : 0;
  SHAPE_ORDER.forEach((shape, bit) => {
    if (shapes.has(shape)) mask |= 1 << bit;
  });
  return mask as ShapePreference;
}

/** RFC 9457 §3: the problem details media type (`application/problem+json`), in any case. */
const PROBLEM_MEDIA = /problem\+json/i;

/**
 * What the response's media type says: a content type (tested only when the body has a
 * problem member, which most bodies do not), or the answer itself.
 */
export type MediaHint = string | boolean | undefined;

function isProblemMedia(media: MediaHint): boolean {
  if (typeof media !== 'string') return media === true;
  // The usual media types are answered without running the regex.
  if (media === 'application/problem+json') return true;
  return media !== 'application/json' && media !== 'application/json; charset=utf-8' && PROBLEM_MEDIA.test(media);
}

/** RFC 9457 §3.1: the body has a problem details member. */
function hasProblemMember(body: Members): boolean {
  return (
    mine(body, 'type', body.type) !== undefined ||
    mine(body, 'title', body.title) !== undefined ||
    mine(body, 'status', body.status) !== undefined ||
    mine(body, 'detail', body.detail) !== undefined ||
    mine(body, 'instance', body.instance) !== undefined
  );
}

const VENDOR_SHAPES = (1 << SHAPE_ORDER.length) - 1;

/**
 * Names the shape of a parsed JSON body. `problemMedia`: the content type said
 * problem+json (RFC 9457 §3), which settles it. `preferred`: the known vendor's shapes,
 * tried before the others.
 */
export function detectShape(value: unknown, problemMedia: boolean, preferred?: ReadonlySet<Shape>): JsonShape {
  const preference = preferred === undefined ? NO_PREFERENCE : shapePreference(preferred);
  try {
    return fromJson(value, problemMedia, preference).shape as JsonShape;
  } catch {
    return fromJson(plainCopy(value), problemMedia, preference).shape as JsonShape;
  }
}

/** The last path segment of a problem `type` URI, used as its code when no `code` member exists. */
function problemTypeCode(value: unknown): string | null {
  if (typeof value !== 'string' || value === '' || value === 'about:blank') return null;
  // A type URI is short; a longer one is read only as far as any real one would go.
  const type = value.length > 2048 ? value.slice(0, 2048) : value;
  if (isGenericProblemType(type)) return null;
  // Loops from the end, not regexes: /[/#]+$/ retries from every position and turns a
  // hostile `type` of many slashes quadratic. Trailing `/` and `#` are skipped, then the
  // segment runs back to the last `/`, `#` or `:` (one pass, where three `lastIndexOf`
  // calls would each go through the runtime).
  let end = type.length;
  while (end > 0 && isSegmentEnd(type.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isSegmentEnd(type.charCodeAt(start - 1)) && type.charCodeAt(start - 1) !== 58) start--;
  return codeString(type.slice(start, end));
}

/** `/` or `#`: what ends a path segment of a problem type URI. */
function isSegmentEnd(code: number): boolean {
  return code === 47 || code === 35;
}

/** Every Extracted is built here, so all have one hidden class (monomorphic call sites). */
function extracted(shape: Shape, code: string | null, message: string | null, fields: FieldError[] | undefined, items: unknown[] | undefined): Extracted {
  return { shape, code, message, fields, items };
}

function extractGeneric(value: unknown): Extracted {
  // Some APIs answer with a top-level array of error objects.
  const body = readable(Array.isArray(value) ? head(value) : value);
  if (body === undefined) return extracted('json', null, null, undefined, undefined);
  const errorValue = mine(body, 'error', body.error);
  const error = readable(errorValue);
  const errors = mine(body, 'errors', body.errors);
  const firstError = readable(head(errors));
  return extracted(
    'json',
    codeString(mine(body, 'code', body.code)) ??
      codeString(mine(body, 'error_code', body.error_code)) ??
      codeString(mine(body, 'errorCode', body.errorCode)) ??
      (error === undefined ? null : (codeString(mine(error, 'code', error.code)) ?? codeString(mine(error, 'type', error.type)))) ??
      (firstError === undefined ? null : codeString(mine(firstError, 'code', firstError.code))),
    messageString(mine(body, 'message', body.message)) ??
      messageString(mine(body, 'error_description', body.error_description)) ??
      messageString(mine(body, 'detail', body.detail)) ??
      messageString(mine(body, 'error_message', body.error_message)) ??
      messageString(mine(body, 'errorMessage', body.errorMessage)) ??
      messageString(mine(body, 'msg', body.msg)) ??
      messageString(mine(body, 'description', body.description)) ??
      (error === undefined ? null : (messageString(mine(error, 'message', error.message)) ?? messageString(mine(error, 'detail', error.detail)))) ??
      (firstError === undefined
        ? null
        : (messageString(mine(firstError, 'message', firstError.message)) ??
          messageString(mine(firstError, 'detail', firstError.detail)) ??
          messageString(mine(firstError, 'title', firstError.title)))) ??
      messageString(mine(body, 'title', body.title)) ??
      messageString(errorValue),
    extractFields(errors) ?? (error === undefined ? undefined : extractFields(mine(error, 'details', error.details))),
    undefined,
  );
}

/** RFC 9457 problem details: `code` (or the last segment of `type`), `detail`, field errors. */
function problemOf(body: Members): Extracted {
  return extracted(
    'problem',
    codeString(mine(body, 'code', body.code)) ?? codeString(mine(body, 'error_code', body.error_code)) ?? problemTypeCode(mine(body, 'type', body.type)),
    messageString(mine(body, 'detail', body.detail)) ?? messageString(mine(body, 'message', body.message)) ?? messageString(mine(body, 'title', body.title)),
    extractFields(mine(body, 'errors', body.errors)) ??
      extractFields(mine(body, 'invalid-params', body['invalid-params'])) ??
      extractFields(mine(body, 'invalid_params', body.invalid_params)),
    undefined,
  );
}

/** AIP-193 field violations: the first `details[]` entry that has any. */
function googleFields(details: unknown): FieldError[] | undefined {
  if (!Array.isArray(details)) return undefined;
  let fields: FieldError[] | undefined;
  for (let i = 0; i < details.length && i < 16 && fields === undefined; i++) {
    const detail = readable(mine(details, String(i), details[i]));
    if (detail !== undefined) fields = extractFields(mine(detail, 'fieldViolations', detail.fieldViolations));
  }
  return fields;
}

/**
 * The body read as a vendor shape (docs/catalog-format.md "Shapes"), or undefined when it
 * does not have that shape. Testing and reading are one step, so each member is read once.
 * A `switch` on the shape's name, not a table of closures: one call site, inlined cases.
 */
function readShape(body: Members, shape: VendorShape): Extracted | undefined {
  switch (shape) {
    case 'google': {
      // AIP-193: {"error": {"code": 400, "status": "INVALID_ARGUMENT", ...}}
      const error = record(mine(body, 'error', body.error));
      if (error === undefined) return undefined;
      const code = mine(error, 'code', error.code);
      const status = mine(error, 'status', error.status);
      if (typeof code !== 'number' || typeof status !== 'string') return undefined;
      return extracted('google', codeString(status) ?? codeString(code), messageString(mine(error, 'message', error.message)), googleFields(mine(error, 'details', error.details)), undefined);
    }
    case 'spotzee': {
      // {"error": {"code": "rate_limited", "message": "...", "details": ...}}
      const error = record(mine(body, 'error', body.error));
      if (error === undefined) return undefined;
      const code = mine(error, 'code', error.code);
      if (typeof code !== 'string') return undefined;
      return extracted('spotzee', codeString(code), messageString(mine(error, 'message', error.message)), extractFields(mine(error, 'details', error.details)), undefined);
    }
    case 'transformify': {
      // {"error": "Bad Request", "message": "...", "validationErrors": {...}}
      const error = mine(body, 'error', body.error);
      if (typeof error !== 'string') return undefined;
      return extracted(
        'transformify',
        codeString(error),
        messageString(mine(body, 'message', body.message)) ??
          messageString(mine(body, 'error_description', body.error_description)) ??
          messageString(mine(body, 'detail', body.detail)) ??
          messageString(error),
        extractFields(mine(body, 'validationErrors', body.validationErrors)) ?? extractFields(mine(body, 'details', body.details)),
        undefined,
      );
    }
    case 'sinch': {
      // Sinch XMS: {"code": "syntax_invalid_json", "text": "..."}
      const code = mine(body, 'code', body.code);
      const text = mine(body, 'text', body.text);
      if (typeof code !== 'string' || typeof text !== 'string') return undefined;
      return extracted('sinch', codeString(code), messageString(text), undefined, undefined);
    }
    case 'problem': {
      const type = mine(body, 'type', body.type);
      const title = mine(body, 'title', body.title);
      const fitsProblem =
        (typeof type === 'string' || typeof title === 'string') &&
        (mine(body, 'status', body.status) !== undefined || mine(body, 'detail', body.detail) !== undefined);
      return fitsProblem ? problemOf(body) : undefined;
    }
    case 'braze': {
      // {"message": "...", "errors": [...]}: per-item errors beside the message.
      const message = mine(body, 'message', body.message);
      const errors = mine(body, 'errors', body.errors);
      if (typeof message !== 'string' && !isBrazeItemList(errors)) return undefined;
      return extracted('braze', null, messageString(message), undefined, Array.isArray(errors) && errors.length > 0 ? errors : undefined);
    }
  }
}

function fromJson(value: unknown, media: MediaHint, preferred: ShapePreference): Extracted {
  const body = record(value);
  if (body === undefined) return extractGeneric(value);
  // RFC 9457 §3: the media type settles it when the body has any problem member; a vendor
  // that labels its own envelope problem+json (seen with Spotzee) is still read by its
  // structure.
  if (isProblemMedia(media) && hasProblemMember(body)) return problemOf(body);
  // A known vendor answers in its own shapes almost always: those are tried first, in order.
  for (let bits = preferred & VENDOR_SHAPES; bits !== 0; bits &= bits - 1) {
    const found = readShape(body, SHAPE_ORDER[31 - Math.clz32(bits & -bits)]!);
    if (found !== undefined) return found;
  }
  // A vendor that lists the generic `json` shape prefers it to another vendor's shape.
  if ((preferred & JSON_SHAPE) === 0) {
    for (let bit = 0; bit < SHAPE_ORDER.length; bit++) {
      if ((preferred & (1 << bit)) !== 0) continue;
      const found = readShape(body, SHAPE_ORDER[bit]!);
      if (found !== undefined) return found;
    }
  }
  return extractGeneric(body);
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

function firstLine(body: string): string | null {
  // Only the head of a text body can hold its message; never scan megabytes for it.
  const text = body.length > 8192 ? body.slice(0, 8192) : body;
  const start = firstNonSpace(text);
  if (start === -1) return null;
  const end = text.indexOf('\n', start);
  return ownCopy(clip((end === -1 ? text.slice(start) : text.slice(start, end)).trim(), MAX_TEXT_MESSAGE), body);
}

/**
 * Detects the shape of a parsed body and extracts code, message, fields and items.
 * `media`: the response's content type (or whether it is problem+json); `preferred`: the
 * known vendor's shapes.
 */
export function extract(body: ParsedBody, media: MediaHint, preferred: ShapePreference = NO_PREFERENCE): Extracted {
  if (body.kind !== 'json') return extractText(body);
  try {
    return fromJson(body.value, media, preferred);
  } catch {
    // A hostile caller object (a getter or Proxy trap threw): read a guarded copy.
    return fromJson(plainCopy(body.value), media, preferred);
  }
}

/** {@link extract} for bodies that are not JSON. Apart, so `extract` stays small enough for V8 to inline. */
function extractText(body: Exclude<ParsedBody, { kind: 'json' }>): Extracted {
  switch (body.kind) {
    case 'html':
      return extracted('html', null, htmlTitle(body.text), undefined, undefined);
    case 'text':
      return extracted('text', null, firstLine(body.text), undefined, undefined);
    case 'empty':
      return extracted('empty', null, null, undefined, undefined);
    case 'unparsed':
      // Not read, so not known to be empty: no shape entry for empty bodies may claim it.
      return extracted('text', null, null, undefined, undefined);
  }
}
