/**
 * Shape detection and extraction (docs/catalog-format.md "Shapes"): names the body's shape
 * and takes out the vendor's code, message, field errors and per-item errors. Shapes are
 * structural knowledge only; what a code or message means lives in the catalog.
 */
import type { ParsedBody } from './parse-body.js';
import { extractFields } from './fields.js';
import { isArray, isRecord, own, ownString } from './safe.js';
import { clip } from './text.js';
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
  return typeof value === 'string' && value.trim() !== '' ? clip(value, MAX_MESSAGE) : null;
}

function firstMessage(value: unknown, keys: readonly string[]): string | null {
  for (const key of keys) {
    const message = messageString(own(value, key));
    if (message !== null) return message;
  }
  return null;
}

/**
 * Braze per-item errors are strings or `{"type", "input_array", "index"}` objects; a list of
 * JSON:API-style objects (`status`, `title`, `detail`) is left to the generic shape.
 */
function isBrazeItemList(value: unknown): boolean {
  if (!isArray(value) || value.length === 0) return false;
  const first = own(value, '0');
  return typeof first === 'string' || typeof own(first, 'type') === 'string' || own(first, 'input_array') !== undefined;
}

/** RFC 9457 §3.1 members. */
const PROBLEM_MEMBERS = ['type', 'title', 'status', 'detail', 'instance'];

/**
 * Problem types that name a generic HTTP status (frameworks default to the RFC section of
 * the status, e.g. `https://tools.ietf.org/html/rfc9110#section-15.5.1`) say nothing a
 * code would: no code is derived from them.
 */
const GENERIC_PROBLEM_TYPE_HOSTS = ['tools.ietf.org', 'www.rfc-editor.org', 'datatracker.ietf.org', 'developer.mozilla.org', 'httpstatuses.com'];

/** The shapes a JSON body can have. */
export type JsonShape = Exclude<Shape, 'html' | 'text' | 'empty'>;

// Structural tests, in the order they are tried when the vendor is unknown. A body can fit
// several (a problem document with a legacy `error` text member also fits `transformify`);
// a known vendor's own shapes are preferred. Each field is read once, into a bit mask.
const SHAPE_ORDER: readonly Exclude<JsonShape, 'json'>[] = ['google', 'spotzee', 'transformify', 'sinch', 'problem', 'braze'];
const GOOGLE = 1;
const SPOTZEE = 2;
const TRANSFORMIFY = 4;
const SINCH = 8;
const PROBLEM = 16;
const BRAZE = 32;

const SHAPE_TESTS: Record<Exclude<JsonShape, 'json'>, (body: Record<string, unknown>) => boolean> = {
  google: (body) => {
    const error = own(body, 'error');
    return isRecord(error) && typeof own(error, 'code') === 'number' && typeof own(error, 'status') === 'string';
  },
  spotzee: (body) => {
    const error = own(body, 'error');
    return isRecord(error) && typeof own(error, 'code') === 'string';
  },
  transformify: (body) => typeof own(body, 'error') === 'string',
  sinch: (body) => typeof own(body, 'code') === 'string' && typeof own(body, 'text') === 'string',
  problem: (body) =>
    (typeof own(body, 'type') === 'string' || typeof own(body, 'title') === 'string') &&
    (own(body, 'status') !== undefined || own(body, 'detail') !== undefined),
  braze: (body) => typeof own(body, 'message') === 'string' || isBrazeItemList(own(body, 'errors')),
};

/** Every shape the body fits, as a bit mask over {@link SHAPE_ORDER}; each field read once. */
function fittingShapes(body: Record<string, unknown>): number {
  let mask = 0;
  const error = own(body, 'error');
  if (typeof error === 'string') mask |= TRANSFORMIFY;
  else if (isRecord(error)) {
    const code = own(error, 'code');
    if (typeof code === 'number' && typeof own(error, 'status') === 'string') mask |= GOOGLE;
    else if (typeof code === 'string') mask |= SPOTZEE;
  }
  if (SHAPE_TESTS.sinch(body)) mask |= SINCH;
  if (SHAPE_TESTS.problem(body)) mask |= PROBLEM;
  if (SHAPE_TESTS.braze(body)) mask |= BRAZE;
  return mask;
}

/**
 * Names the shape of a parsed JSON body. `problemMedia`: the content type said
 * problem+json (RFC 9457 §3), which settles it. `preferred`: the known vendor's shapes,
 * tried before the others.
 */
export function detectShape(value: unknown, problemMedia: boolean, preferred?: ReadonlySet<Shape>): JsonShape {
  if (!isRecord(value)) return 'json';
  // The media type settles it when the body has any problem member; a vendor that labels
  // its own envelope problem+json (seen with Spotzee) is still read by its structure.
  if (problemMedia && PROBLEM_MEMBERS.some((key) => own(value, key) !== undefined)) return 'problem';
  // A known vendor answers in its own shapes almost always: test just those first.
  if (preferred !== undefined)
    for (const shape of SHAPE_ORDER) if (preferred.has(shape) && SHAPE_TESTS[shape](value)) return shape;
  const mask = fittingShapes(value);
  let first: JsonShape | undefined;
  for (let bit = 0; bit < SHAPE_ORDER.length; bit++) {
    if ((mask & (1 << bit)) === 0) continue;
    const shape = SHAPE_ORDER[bit]!;
    if (preferred === undefined) return shape;
    first ??= shape;
  }
  // A vendor that lists the generic `json` shape prefers it to another vendor's shape.
  return preferred?.has('json') ? 'json' : (first ?? 'json');
}

/** The last path segment of a problem `type` URI, used as its code when no `code` member exists. */
function problemTypeCode(value: unknown): string | null {
  if (typeof value !== 'string' || value === '' || value === 'about:blank') return null;
  // A type URI is short; a longer one is read only as far as any real one would go.
  const type = value.length > 2048 ? value.slice(0, 2048) : value;
  const head = type.slice(0, 64);
  if (GENERIC_PROBLEM_TYPE_HOSTS.some((host) => head.includes(`://${host}/`))) return null;
  // Trailing separators are trimmed by a loop: a regex such as /[/#]+$/ retries from every
  // position and turns a hostile `type` of many slashes quadratic.
  let end = type.length;
  while (end > 0 && (type.charCodeAt(end - 1) === 47 || type.charCodeAt(end - 1) === 35)) end--;
  const trimmed = type.slice(0, end);
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('#'), trimmed.lastIndexOf(':'));
  return codeString(trimmed.slice(cut + 1));
}

function errorItems(value: unknown): unknown[] | undefined {
  const errors = own(value, 'errors');
  return isArray(errors) && errors.length > 0 ? errors : undefined;
}

type JsonExtractor = (body: Record<string, unknown>, shape: JsonShape) => Extracted;

/** Every Extracted is built here, so all have one hidden class (monomorphic call sites). */
function extracted(shape: Shape, code: string | null, message: string | null, fields: FieldError[] | undefined, items: unknown[] | undefined): Extracted {
  return { shape, code, message, fields, items };
}

const GENERIC_MESSAGE_KEYS = ['message', 'error_description', 'detail', 'error_message', 'errorMessage', 'msg', 'description'];

function extractGeneric(body: unknown, shape: JsonShape): Extracted {
  // Some APIs answer with a top-level array of error objects.
  const first = isArray(body) ? own(body, '0') : body;
  const error = own(first, 'error');
  const errors = own(first, 'errors');
  const firstError = isArray(errors) ? own(errors, '0') : undefined;
  return extracted(
    shape,
    codeString(own(first, 'code')) ??
      codeString(own(first, 'error_code')) ??
      codeString(own(first, 'errorCode')) ??
      codeString(own(error, 'code')) ??
      codeString(own(error, 'type')) ??
      codeString(own(firstError, 'code')),
    firstMessage(first, GENERIC_MESSAGE_KEYS) ??
      firstMessage(error, ['message', 'detail']) ??
      firstMessage(firstError, ['message', 'detail', 'title']) ??
      messageString(own(first, 'title')) ??
      messageString(error),
    extractFields(errors) ?? extractFields(own(error, 'details')),
    undefined,
  );
}

// A table keyed by every JSON shape: adding a shape to SHAPES fails to compile until it
// has an extractor here. (A lookup table rather than a ts-pattern `match`, because this
// runs on every classified response and must not allocate a matcher per call.)
const JSON_EXTRACTORS: Record<JsonShape, JsonExtractor> = {
  problem: (body, shape) =>
    extracted(
      shape,
      codeString(own(body, 'code')) ?? codeString(own(body, 'error_code')) ?? problemTypeCode(own(body, 'type')),
      firstMessage(body, ['detail', 'message', 'title']),
      extractFields(own(body, 'errors')) ?? extractFields(own(body, 'invalid-params')) ?? extractFields(own(body, 'invalid_params')),
      undefined,
    ),
  google: (body, shape) => {
    const error = own(body, 'error');
    const details = own(error, 'details');
    let fields: FieldError[] | undefined;
    if (isArray(details)) {
      for (let i = 0; i < details.length && i < 16 && fields === undefined; i++)
        fields = extractFields(own(own(details, String(i)), 'fieldViolations'));
    }
    return extracted(shape, codeString(own(error, 'status')) ?? codeString(own(error, 'code')), messageString(own(error, 'message')), fields, undefined);
  },
  spotzee: (body, shape) => {
    const error = own(body, 'error');
    return extracted(shape, codeString(own(error, 'code')), messageString(own(error, 'message')), extractFields(own(error, 'details')), undefined);
  },
  transformify: (body, shape) => {
    const error = ownString(body, 'error');
    return extracted(
      shape,
      codeString(error),
      firstMessage(body, ['message', 'error_description', 'detail']) ?? messageString(error),
      extractFields(own(body, 'validationErrors')) ?? extractFields(own(body, 'details')),
      undefined,
    );
  },
  sinch: (body, shape) => extracted(shape, codeString(own(body, 'code')), messageString(own(body, 'text')), undefined, undefined),
  braze: (body, shape) => extracted(shape, null, messageString(own(body, 'message')), undefined, errorItems(body)),
  json: extractGeneric,
};

const TITLE_TAG = /<title\b/i;
const HEADING_TAG = /<h1\b/i;
const MAX_TITLE = 500;

/**
 * The text right after the first `tag`, up to the next `<`. Plain searches with no
 * backtracking: a hostile page (thousands of unclosed `<title` tags) stays linear.
 */
function tagText(html: string, tag: RegExp): string | null {
  const open = tag.exec(html);
  if (open === null) return null;
  const gt = html.indexOf('>', open.index);
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

/** The `<title>` of an HTML page (else its first `<h1>`), entities decoded. */
export function htmlTitle(html: string): string | null {
  for (const tag of [TITLE_TAG, HEADING_TAG]) {
    const raw = tagText(html, tag);
    const text = raw === null ? '' : decodeEntities(raw).trim();
    if (text !== '') return text;
  }
  return null;
}

function firstLine(body: string): string | null {
  // Only the head of a text body can hold its message; never scan megabytes for it.
  const text = body.length > 8192 ? body.slice(0, 8192) : body;
  const start = text.search(/\S/);
  if (start === -1) return null;
  const end = text.indexOf('\n', start);
  return clip((end === -1 ? text.slice(start) : text.slice(start, end)).trim(), MAX_TEXT_MESSAGE);
}

/** Detects the shape of a parsed body and extracts code, message, fields and items. */
export function extract(body: ParsedBody, problemMedia: boolean, preferred?: ReadonlySet<Shape>): Extracted {
  switch (body.kind) {
    case 'json': {
      const shape = detectShape(body.value, problemMedia, preferred);
      return shape === 'json' ? extractGeneric(body.value, shape) : JSON_EXTRACTORS[shape](body.value as Record<string, unknown>, shape);
    }
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
