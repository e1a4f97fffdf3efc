/**
 * The classification pipeline (DESIGN.md "Data flow"):
 * raw input → parse body → detect shape → extract → match catalog → assemble result.
 *
 * This module knows no vendor: everything vendor-specific arrives as compiled catalogs.
 */
import { compileCatalog, type CompiledCatalog, type CompiledEntry, CatalogError } from './compile-catalog.js';
import { validateCatalog } from './catalog-schema.js';
import { isShipped } from './catalogs/shipped.js';
import type { Catalog } from './generated/catalog-types.js';
import { buildHostIndex, vendorFromUrl, type HostIndex } from './detect-vendor.js';
import { extract, type Extracted } from './extract.js';
import { extractFields } from './fields.js';
import type { ErrorId } from './generated/ids.js';
import { readHeaders, type HeaderReader } from './headers.js';
import { createMatchContext, matchByCode, matchByMessage, matchByShape, matchByStatus, type Match, type MatchContext } from './match.js';
import { parseBody, type ParsedBody } from './parse-body.js';
import { REDACTED, redactPii, redactValues } from './redact.js';
import { RETRY_HEADERS, resolveRetryAfter } from './retry-after.js';
import { isArray, isRecord, own, ownString } from './safe.js';
import type { TemplateParams } from './template.js';
import { clip } from './text.js';
import type { Classification, ClassifyOptions, FieldError, NormalizedError, RawResponse } from './types.js';
import type { Shape } from './vocabulary.js';

/** Configuration of {@link createClassifierFromCatalogs}. */
export interface ClassifierConfig extends ClassifyOptions {
  /** Vendor catalogs (validated when the classifier is created). */
  catalogs: readonly unknown[];
  /** The generic catalog: HTTP status defaults, gateway pages, network errors. */
  generic: unknown;
}

/** A classifier bound to a set of catalogs. `Id` is the union of ids it can return. */
export interface Classifier<Id extends string = ErrorId> {
  /** Classifies a raw response (DESIGN.md `RawResponse`). Never throws. */
  classify(input: RawResponse | unknown, options?: ClassifyOptions): Classification<Id>;
  /** Classifies a thrown error (fetch/undici, axios, got, ky, AbortError, strings). Never throws. */
  normalizeError(thrown: unknown, options?: ClassifyOptions): Classification<Id>;
  /** The vendors this classifier has catalogs for. */
  readonly vendors: readonly string[];
}

/** Compiled state shared by every call. */
export interface Engine {
  vendors: Map<string, CompiledCatalog>;
  /** Request-id headers to try per vendor (its own, then the generic ones); key '' for none. */
  requestIdHeaders: Map<string, readonly string[]>;
  /** Every response header name the pipeline reads (lower case). */
  wantedHeaders: ReadonlySet<string>;
  generic: CompiledCatalog;
  hosts: HostIndex;
  /** Vendors claiming a vendor-specific shape, for detection from the body alone. */
  shapeClaims: Map<Shape, CompiledCatalog[]>;
  defaults: Settings;
}

/** Options with defaults applied. */
export interface Settings {
  vendor: string | undefined;
  now: () => number;
  maxRetryAfterMs: number;
  maxBodyBytes: number;
  redactPii: boolean;
  request: RawResponse['request'];
}

const DEFAULT_MAX_RETRY_AFTER_MS = 86_400_000;
const DEFAULT_MAX_BODY_BYTES = 1_048_576;
const MAX_ITEMS = 1000;
/** Headers read besides request ids: the media type and the retry hints. */
const RESPONSE_HEADERS_READ = ['content-type', ...RETRY_HEADERS];
const UNREAD: ParsedBody = { kind: 'unparsed', truncated: false };
/** Shapes that many APIs share: they say nothing about which vendor answered. */
const SHARED_SHAPES: ReadonlySet<Shape> = new Set(['problem', 'google', 'json', 'html', 'text', 'empty']);

function loadCatalog(value: unknown, label: string): CompiledCatalog {
  if (isShipped(value)) return compileCatalog(value as Catalog, { lazy: true });
  const result = validateCatalog(value);
  if (!result.ok) {
    const issues = result.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw new CatalogError(`${label} is not a valid catalog: ${issues[0] ?? ''}`, issues);
  }
  return compileCatalog(result.catalog);
}

function settingsFrom(options: ClassifyOptions | undefined, base: Settings): Settings {
  if (options === undefined) return base;
  const max = options.maxRetryAfterMs;
  const body = options.maxBodyBytes;
  return {
    vendor: options.vendor ?? base.vendor,
    now: typeof options.now === 'function' ? options.now : base.now,
    maxRetryAfterMs: typeof max === 'number' && max >= 0 ? Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER) : base.maxRetryAfterMs,
    maxBodyBytes: typeof body === 'number' && body >= 0 ? body : base.maxBodyBytes,
    redactPii: options.redactPii ?? base.redactPii,
    request: options.request ?? base.request,
  };
}

/** Builds the compiled engine. Throws {@link CatalogError} for an invalid catalog. */
export function buildEngine(config: ClassifierConfig): Engine {
  const generic = loadCatalog(config.generic, 'the generic catalog');
  const vendors = new Map<string, CompiledCatalog>();
  config.catalogs.forEach((value, index) => {
    const catalog = loadCatalog(value, `catalog #${index}`);
    if (catalog.vendor === generic.vendor) throw new CatalogError(`catalog #${index} uses the reserved vendor name "${generic.vendor}"`, []);
    vendors.set(catalog.vendor, catalog);
  });
  const shapeClaims = new Map<Shape, CompiledCatalog[]>();
  for (const catalog of vendors.values())
    for (const shape of catalog.shapes)
      if (!SHARED_SHAPES.has(shape)) shapeClaims.set(shape, [...(shapeClaims.get(shape) ?? []), catalog]);
  const requestIdHeaders = new Map<string, readonly string[]>([['', generic.requestIdHeaders]]);
  for (const catalog of vendors.values())
    requestIdHeaders.set(catalog.vendor, [...new Set([...catalog.requestIdHeaders, ...generic.requestIdHeaders])]);
  return {
    vendors,
    requestIdHeaders,
    wantedHeaders: new Set([...RESPONSE_HEADERS_READ, ...[...requestIdHeaders.values()].flat()]),
    generic,
    hosts: buildHostIndex([...vendors.values()]),
    shapeClaims,
    defaults: settingsFrom(config, {
      vendor: undefined,
      now: Date.now,
      maxRetryAfterMs: DEFAULT_MAX_RETRY_AFTER_MS,
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      redactPii: false,
      request: undefined,
    }),
  };
}

/** A status the result can carry: an integer 100-599 (numeric strings accepted). */
function readStatus(value: unknown): { status: number | null; invalid: string | undefined } {
  if (value === undefined || value === null) return { status: null, invalid: undefined };
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && value.length <= 8 && /^\s*\d{1,3}\s*$/.test(value)) n = Number(value);
  // Browsers report status 0 for a request that got no response (CORS, network error).
  if (n === 0) return { status: null, invalid: undefined };
  if (n !== undefined && Number.isInteger(n) && n >= 100 && n <= 599) return { status: n, invalid: undefined };
  return { status: null, invalid: `invalid HTTP status ${clip(describeValue(value), 40)}` };
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return isArray(value) ? 'array' : typeof value;
}

/** Vendor names from input are untrusted: bounded and trimmed before they reach a result. */
export function vendorName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = (value.length > 256 ? value.slice(0, 256) : value).trim().toLowerCase();
  return name === '' ? undefined : clip(name, 64);
}

function safeNow(now: () => number): () => number {
  return () => {
    try {
      const value = now();
      return typeof value === 'number' && Number.isFinite(value) ? value : Date.now();
    } catch {
      return Date.now();
    }
  };
}

interface Resolved {
  match: Match | undefined;
  catalog: CompiledCatalog | undefined;
}

function vendorTiers(catalog: CompiledCatalog, context: MatchContext): Match | undefined {
  return matchByCode(catalog.responses, context) ?? matchByMessage(catalog.responses, context);
}

/**
 * Runs the precedence tiers. `guessed` catalogs (vendor inferred from the body shape
 * alone) only count when their code or message matched: a shape is not evidence enough
 * for a vendor-specific status entry.
 */
function resolve(engine: Engine, catalog: CompiledCatalog | undefined, guessed: readonly CompiledCatalog[], context: MatchContext): Resolved {
  const { generic } = engine;
  const is2xx = context.statusClass === 2;
  let match = catalog === undefined ? undefined : vendorTiers(catalog, context);
  if (match === undefined && catalog === undefined) {
    for (const candidate of guessed) {
      match = vendorTiers(candidate, context);
      if (match !== undefined) {
        catalog = candidate;
        break;
      }
    }
  }
  if (match !== undefined) return { match, catalog };
  if (!is2xx) {
    match =
      matchByCode(generic.responses, context) ??
      matchByMessage(generic.responses, context) ??
      (catalog === undefined ? undefined : matchByShape(catalog.responses, context)) ??
      matchByShape(generic.responses, context);
    if (match !== undefined) return { match, catalog };
  }
  match = catalog === undefined ? undefined : matchByStatus(catalog.responses, context);
  if (match === undefined && !is2xx) match = matchByStatus(generic.responses, context);
  return { match, catalog };
}


/** Message and params after secret (and optional PII) redaction. */
function redactMessage(
  entry: CompiledEntry,
  message: string | null,
  params: TemplateParams | undefined,
  pii: boolean,
): { message: string; params: TemplateParams | undefined } {
  let text = message ?? entry.description;
  let outParams = params;
  if (entry.secret !== null && params !== undefined) {
    const secrets: string[] = [];
    outParams = { ...params };
    for (const name of entry.secret) {
      const value = params[name];
      if (value === undefined) continue;
      secrets.push(String(value));
      outParams[name] = REDACTED;
    }
    if (message !== null) {
      text = redactValues(text, secrets);
      // A secret that is not found verbatim (case folding changed its length) could
      // still be in the text: say only what the catalog says.
      if (secrets.some((secret) => !message.includes(secret))) text = entry.description;
    }
  }
  if (pii && message !== null) text = redactPii(text);
  return { message: text, params: outParams };
}

function redactFields(fields: FieldError[] | undefined, pii: boolean): FieldError[] | undefined {
  if (!pii || fields === undefined) return fields;
  return fields.map((field) => ({ path: field.path, message: redactPii(field.message) }));
}

/** Assembles one NormalizedError; optional members appear only when they have a value. */
export function buildError(
  entry: CompiledEntry,
  parts: {
    vendor: string | null;
    status: number | null;
    code: string | null;
    message: string | null;
    params: TemplateParams | undefined;
    fields: FieldError[] | undefined;
    retryable: boolean;
    fatal: boolean;
    retryAfterMs: number | undefined;
    matchedBy?: NormalizedError['matchedBy'];
  },
  pii: boolean,
): NormalizedError {
  const { message, params } = redactMessage(entry, parts.message, parts.params, pii);
  const error: NormalizedError = {
    id: entry.id,
    vendor: parts.vendor,
    category: entry.category,
    status: parts.status,
    code: parts.code,
    message,
    retryable: parts.retryable,
    fatal: parts.fatal,
    matchedBy: parts.matchedBy ?? entry.matchedBy,
  };
  if (parts.retryAfterMs !== undefined) error.retryAfterMs = parts.retryAfterMs;
  const fields = redactFields(parts.fields, pii);
  if (fields !== undefined) error.fields = fields;
  if (params !== undefined && Object.keys(params).length > 0) error.params = params;
  error.docs = entry.docs;
  return error;
}

/** The `generic.unknown` / `<vendor>.unknown` entry for this vendor. */
export function unknownFor(engine: Engine, catalog: CompiledCatalog | undefined): CompiledEntry {
  return (catalog ?? engine.generic).unknown;
}

/**
 * A classification for input that is not a response at all, or that nothing matched.
 * `pii`: the reason quotes input (a thrown error's message), so PII redaction applies.
 */
export function invalidInput(engine: Engine, reason: string, vendor: string | null = null, pii = false): Classification {
  return {
    outcome: 'error',
    vendor,
    status: null,
    error: buildError(
      engine.generic.unknown,
      { vendor, status: null, code: null, message: reason, params: undefined, fields: undefined, retryable: false, fatal: true, retryAfterMs: undefined },
      pii,
    ),
    minor: [],
  };
}

function requestId(engine: Engine, catalog: CompiledCatalog | undefined, headers: HeaderReader): string | undefined {
  for (const name of engine.requestIdHeaders.get(catalog?.vendor ?? '') ?? []) {
    const value = headers.get(name);
    if (value !== undefined && value.trim() !== '') return clip(value.trim(), 200);
  }
  return undefined;
}

/**
 * Request-aware retry advice: where the vendor requires an Idempotency-Key for a method
 * (Spotzee: mutations), a retry without one could repeat the mutation, so it is not
 * advised.
 */
function retryAllowed(catalog: CompiledCatalog | undefined, request: unknown): boolean {
  if (catalog === undefined || catalog.idempotencyKeyRequiredFor.size === 0) return true;
  const method = ownString(request, 'method');
  if (method === undefined || !catalog.idempotencyKeyRequiredFor.has(method.toUpperCase())) return true;
  const key = ownString(request, 'idempotencyKey');
  return key !== undefined && key.trim() !== '';
}

function itemParts(item: unknown): { code: string | null; message: string | null; path: string | undefined } {
  if (typeof item === 'string') return { code: null, message: item, path: undefined };
  if (!isRecord(item)) return { code: null, message: null, path: undefined };
  let message: string | null = null;
  for (const key of ['type', 'message', 'error', 'detail', 'title']) {
    const value = own(item, key);
    if (typeof value === 'string' && value.trim() !== '') {
      message = clip(value, 2000);
      break;
    }
  }
  const rawCode = own(item, 'code');
  const code = typeof rawCode === 'string' || (typeof rawCode === 'number' && Number.isFinite(rawCode)) ? String(rawCode) : null;
  // Braze items name the input array and index: {"input_array": "attributes", "index": 0}.
  const array = ownString(item, 'input_array');
  const index = own(item, 'index');
  let path: string | undefined;
  if (array !== undefined) path = typeof index === 'number' ? `${array}[${index}]` : array;
  else path = extractFields([item])?.[0]?.path || undefined;
  return { code, message, path };
}

function classifyItems(
  catalog: CompiledCatalog,
  items: unknown[],
  vendor: string | null,
  status: number | null,
  pii: boolean,
): NormalizedError[] {
  const out: NormalizedError[] = [];
  const count = Math.min(items.length, MAX_ITEMS);
  for (let i = 0; i < count; i++) {
    const { code, message, path } = itemParts(own(items, String(i)));
    const context = createMatchContext(null, null, code, message);
    const match = matchByCode(catalog.items, context) ?? matchByMessage(catalog.items, context);
    const entry = match?.entry ?? catalog.items.fallback ?? catalog.unknown;
    out.push(
      buildError(
        entry,
        {
          vendor,
          status,
          code,
          message,
          params: match?.params,
          fields: path !== undefined && message !== null ? [{ path, message }] : undefined,
          retryable: entry.retryable,
          fatal: false,
          retryAfterMs: undefined,
          matchedBy: match === undefined ? 'none' : entry.matchedBy,
        },
        pii,
      ),
    );
  }
  return out;
}

function itemsAsFields(items: unknown[] | undefined): FieldError[] | undefined {
  if (items === undefined) return undefined;
  const fields: FieldError[] = [];
  for (let i = 0; i < items.length && fields.length < 100; i++) {
    const { message, path } = itemParts(own(items, String(i)));
    if (message !== null) fields.push({ path: path ?? '', message });
  }
  return fields.length > 0 ? fields : undefined;
}

/**
 * Classifies one raw response with a compiled engine. May throw only on internal bugs.
 * `bodyUnread`: the response had a body that could not be read (a fetch `Response` inside
 * a thrown error), so it must not be taken for an empty one.
 */
export function classifyResponse(engine: Engine, input: unknown, settings: Settings, bodyUnread = false): Classification {
  if (!isRecord(input)) return invalidInput(engine, `input is not a response object (got ${describeValue(input)})`);
  const raw = input as RawResponse;
  const given = settings.vendor ?? own(raw, 'vendor');
  // Fast path: a vendor named exactly as its catalog needs no cleaning.
  const requested = typeof given === 'string' && engine.vendors.has(given) ? given : (vendorName(settings.vendor) ?? vendorName(own(raw, 'vendor')));
  const { status, invalid } = readStatus(own(raw, 'status'));
  const headers = readHeaders(own(raw, 'headers'), engine.wantedHeaders);
  let catalog = requested === undefined ? undefined : engine.vendors.get(requested);
  if (requested === undefined) {
    const url = ownString(raw, 'url');
    const fromUrl = url === undefined ? undefined : vendorFromUrl(engine.hosts, url);
    if (fromUrl !== undefined) catalog = engine.vendors.get(fromUrl);
  }
  if (invalid !== undefined) return invalidInput(engine, invalid, requested ?? catalog?.vendor ?? null);

  const body: ParsedBody = bodyUnread ? UNREAD : parseBody(own(raw, 'body'), settings.maxBodyBytes);
  const contentType = headers.get('content-type');
  const extracted: Extracted = extract(body, contentType !== undefined && contentType.toLowerCase().includes('problem+json'), catalog?.shapes);
  const guessed = catalog === undefined && requested === undefined ? (engine.shapeClaims.get(extracted.shape) ?? []) : [];
  const context = createMatchContext(status, extracted.shape, extracted.code, extracted.message);

  let match: Match | undefined;
  if (status === null && extracted.shape === 'empty') {
    match = engine.generic.transport.fallback === undefined ? undefined : { entry: engine.generic.transport.fallback, params: undefined };
  } else {
    const resolved = resolve(engine, catalog, guessed, context);
    match = resolved.match;
    catalog = resolved.catalog;
  }
  const vendor = catalog?.vendor ?? requested ?? null;
  const id = requestId(engine, catalog, headers);
  const entry = match?.entry;
  let result: Classification | undefined;
  if (context.statusClass === 2 && (entry === undefined || entry.outcome !== 'error')) {
    const fatal2xx = entry === undefined && catalog?.errorsIn2xx === true && extracted.message !== null && guessed.length === 0;
    if (!fatal2xx) {
      const outcome = entry?.outcome === 'queued' ? 'queued' : 'success';
      result =
        outcome === 'success' && catalog !== undefined && extracted.items !== undefined && extracted.items.length > 0
          ? { outcome: 'partial', vendor, status, error: null, minor: classifyItems(catalog, extracted.items, vendor, status, settings.redactPii) }
          : { outcome, vendor, status, error: null, minor: [] };
    }
  }
  if (result === undefined) result = { outcome: 'error', vendor, status, error: errorFor(engine, catalog, match, extracted, raw, body, headers, status, vendor, settings), minor: [] };
  if (id !== undefined) result.requestId = id;
  if (body.truncated) result.truncated = true;
  return result;
}

function errorFor(
  engine: Engine,
  catalog: CompiledCatalog | undefined,
  match: Match | undefined,
  extracted: Extracted,
  raw: RawResponse,
  body: ParsedBody,
  headers: HeaderReader,
  status: number | null,
  vendor: string | null,
  settings: Settings,
): NormalizedError {
  const chosen = match?.entry ?? unknownFor(engine, catalog);
  const retryable = chosen.retryable && retryAllowed(catalog, own(raw, 'request') ?? settings.request);
  const retryAfterMs = retryable
    ? resolveRetryAfter({
        headers,
        body: body.kind === 'json' ? body.value : undefined,
        resetUnit: catalog?.resetUnit ?? 'auto',
        bodyFields: catalog?.retryBodyFields ?? [],
        now: safeNow(settings.now),
        maxMs: settings.maxRetryAfterMs,
      })
    : undefined;
  return buildError(
    chosen,
    {
      vendor,
      status,
      code: extracted.code,
      message: extracted.message,
      params: match?.params,
      fields: extracted.fields ?? itemsAsFields(extracted.items),
      retryable,
      fatal: true,
      retryAfterMs,
    },
    settings.redactPii,
  );
}

/**
 * Creates a classifier from explicit catalogs (no shipped catalog is imported here, so
 * per-vendor bundles stay small). Throws {@link CatalogError} when a catalog is invalid.
 */
export function createClassifierFromCatalogs<Id extends string = ErrorId>(
  config: ClassifierConfig,
  normalizeThrown: (engine: Engine, thrown: unknown, settings: Settings) => Classification,
): Classifier<Id> {
  const engine = buildEngine(config);
  return {
    classify(input, options) {
      const settings = settingsFrom(options, engine.defaults);
      try {
        return classifyResponse(engine, input, settings) as Classification<Id>;
      } catch (cause) {
        return invalidInput(engine, `input could not be classified: ${clip(String((cause as Error)?.message ?? cause), 200)}`) as Classification<Id>;
      }
    },
    normalizeError(thrown, options) {
      const settings = settingsFrom(options, engine.defaults);
      try {
        return normalizeThrown(engine, thrown, settings) as Classification<Id>;
      } catch (cause) {
        return invalidInput(engine, `error could not be classified: ${clip(String((cause as Error)?.message ?? cause), 200)}`) as Classification<Id>;
      }
    },
    vendors: [...engine.vendors.keys()],
  };
}
