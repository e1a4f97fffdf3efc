/**
 * The classification pipeline (DESIGN.md "Data flow"):
 * raw input → parse body → detect shape → extract → match catalog → assemble result.
 *
 * This module knows no vendor: everything vendor-specific arrives as compiled catalogs.
 */
import { buildError, invalidInput, unknownFor } from './assemble.js';
import type { CompiledCatalog } from './compile-catalog.js';
import { vendorFromUrl } from './detect-vendor.js';
import { buildEngine, retryAllowed, settingsFrom, vendorName, type ClassifierConfig, type Engine, type RuleMode, type Settings } from './engine.js';
import { extract, type Extracted } from './extract.js';
import type { ErrorId } from './generated/ids.js';
import { readHeaders, type HeaderReader } from './headers.js';
import { classifyItems, itemsAsFields } from './items.js';
import { createMatchContext, matchByCode, matchByFields, matchByMessage, matchByShape, matchByStatus, type Match, type MatchContext } from './match.js';
import { parseBody, type ParsedBody } from './parse-body.js';
import { resolveRetryDelay, type RetryBodyField } from './retry-after.js';
import { scrubResult } from './scrub-result.js';
import { createSecretScrubber, secretMarkers } from './secrets.js';
import { describeCaught, isArray, isRecord, mine, shallowCopy } from './safe.js';
import { clip, hasText, trimmed } from './text.js';
import type { ClassifyFunction } from './classify-input.js';
import type { Classification, ClassifyOptions, NormalizedError, RawResponse } from './types.js';

export type { ClassifierConfig, Engine, RuleMode, Settings } from './engine.js';

const UNREAD: ParsedBody = { kind: 'unparsed', truncated: false };

/** A classifier bound to a set of catalogs. `Id` is the union of ids it can return. */
export interface Classifier<Id extends string = ErrorId> {
  /**
   * Classifies a raw response (`RawResponse`); an object literal is checked against it,
   * a value typed `unknown` or `any` is accepted. Never throws.
   */
  classify: ClassifyFunction<Id>;
  /** Classifies a thrown error (fetch/undici, axios, got, ky, AbortError, strings). Never throws. */
  normalizeError(thrown: unknown, options?: ClassifyOptions): Classification<Id>;
  /** The vendors this classifier has catalogs for. */
  readonly vendors: readonly string[];
}

/** Marks a status that is present but not an HTTP status. */
const INVALID_STATUS = -1;

/**
 * A status the result can carry: an integer 100-599 (numeric strings accepted); null when
 * absent, {@link INVALID_STATUS} when present but unusable.
 */
function readStatus(value: unknown): number | null {
  if (typeof value === 'number') return statusNumber(value);
  return value === undefined || value === null ? null : statusText(value);
}

/** A numeric status as {@link readStatus} reads it. */
function statusNumber(n: number): number | null {
  // Browsers report status 0 for a request that got no response (CORS, network error).
  if (n === 0) return null;
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : INVALID_STATUS;
}

/** A status that is not a number: a numeric string, else {@link INVALID_STATUS}. Apart, so `readStatus` stays small. */
function statusText(value: unknown): number | null {
  return typeof value === 'string' && value.length <= 8 && /^\s*\d{1,3}\s*$/.test(value) ? statusNumber(Number(value)) : INVALID_STATUS;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return isArray(value) ? 'array' : typeof value;
}

const NO_BODY_FIELDS: readonly RetryBodyField[] = [];

function vendorTiers(catalog: CompiledCatalog, context: MatchContext): Match | undefined {
  return matchByCode(catalog.responses, context) ?? matchByMessage(catalog.responses, context);
}

/** The precedence tiers after the vendor's code and message tiers (which the caller ran). */
function laterTiers(engine: Engine, catalog: CompiledCatalog | undefined, context: MatchContext): Match | undefined {
  const { generic } = engine;
  const is2xx = context.statusClass === 2;
  if (!is2xx) {
    const match =
      matchByCode(generic.responses, context) ??
      matchByMessage(generic.responses, context) ??
      (catalog === undefined ? undefined : matchByShape(catalog.responses, context)) ??
      matchByShape(generic.responses, context) ??
      matchByMessage(generic.general, context) ??
      (catalog === undefined ? undefined : matchByFields(catalog.responses, context)) ??
      matchByFields(generic.responses, context);
    if (match !== undefined) return match;
  }
  const match = catalog === undefined ? undefined : matchByStatus(catalog.responses, context);
  return match === undefined && !is2xx ? matchByStatus(generic.responses, context) : match;
}

function requestId(engine: Engine, catalog: CompiledCatalog | undefined, headers: HeaderReader): string | undefined {
  const { requestIdSlots, requestIdBits } = catalog ?? engine.generic;
  // Without any of the names, one bit test instead of a read per name.
  if ((headers.filled & requestIdBits) === 0) return undefined;
  for (let i = 0; i < requestIdSlots.length; i++) {
    const value = headers.at(requestIdSlots[i]!);
    if (value !== undefined && hasText(value)) return clip(trimmed(value), 200);
  }
  return undefined;
}

/**
 * Whether a 2xx body's per-item results name one of the vendor's item entries by code or
 * message: for a vendor guessed from its shape, as good evidence as a matching code.
 */
function itemsRecognised(catalog: CompiledCatalog, extracted: Extracted, status: number | null): boolean {
  if (status === null || Math.floor(status / 100) !== 2 || extracted.itemSpec === null || extracted.items === undefined) return false;
  return classifyItems(catalog, extracted.itemSpec, extracted.items, catalog.vendor, status, false).some((minor) => minor.matchedBy !== 'none');
}

/** The members of a response object the pipeline reads (DESIGN.md `RawResponse`), own properties only. */
interface Members {
  vendor: unknown;
  status: unknown;
  headers: unknown;
  url: unknown;
  body: unknown;
  request: unknown;
}

const OBJECT_PROTOTYPE = Object.prototype;

/**
 * Whether plain reads of `raw` can only find its own members: true for an object literal
 * or parsed JSON while `Object.prototype` carries none of the member names (nothing has
 * polluted it), and for a null-prototype object. The `in` tests read no values; once the
 * code is optimized they fold to constants, guarded by the prototype's layout. Anything
 * else (class instances, other prototypes, a polluted `Object.prototype`) is read member
 * by member with an own-property check.
 */
function ownMembersOnly(raw: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(raw);
  if (prototype === null) return true;
  return (
    prototype === OBJECT_PROTOTYPE &&
    !('vendor' in OBJECT_PROTOTYPE || 'status' in OBJECT_PROTOTYPE || 'headers' in OBJECT_PROTOTYPE || 'url' in OBJECT_PROTOTYPE || 'body' in OBJECT_PROTOTYPE || 'request' in OBJECT_PROTOTYPE)
  );
}

function members(raw: Record<string, unknown>): Members {
  if (ownMembersOnly(raw)) return { vendor: raw.vendor, status: raw.status, headers: raw.headers, url: raw.url, body: raw.body, request: raw.request };
  return ownMembers(raw);
}

/** {@link members}, each read checked to be an own property. Apart, so `members` stays small enough to inline. */
function ownMembers(raw: Record<string, unknown>): Members {
  return {
    vendor: mine(raw, 'vendor', raw.vendor),
    status: mine(raw, 'status', raw.status),
    headers: mine(raw, 'headers', raw.headers),
    url: mine(raw, 'url', raw.url),
    body: mine(raw, 'body', raw.body),
    request: mine(raw, 'request', raw.request),
  };
}

/**
 * Classifies one raw response with a compiled engine. May throw only on internal bugs.
 * `bodyUnread`: the response had a body that could not be read (a fetch `Response` inside
 * a thrown error), so it must not be taken for an empty one.
 */
export function classifyResponse(engine: Engine, input: unknown, settings: Settings, bodyUnread = false): Classification {
  if (!isRecord(input)) return invalidInput(engine, `input is not a response object (got ${describeValue(input)})`);
  let raw: Members;
  try {
    raw = members(input);
  } catch {
    // A getter or Proxy trap threw: read the members again, each read guarded.
    raw = members(shallowCopy(input));
  }
  const inputVendor = raw.vendor;
  const given = settings.vendor ?? inputVendor;
  // Fast path: a vendor named exactly as its catalog needs no cleaning.
  const named = typeof given === 'string' ? engine.vendors.get(given) : undefined;
  const requested = named !== undefined ? named.vendor : (vendorName(settings.vendor) ?? vendorName(inputVendor));
  const status = readStatus(raw.status);
  const headers = readHeaders(raw.headers, engine.wantedHeaders);
  let catalog = named ?? (requested === undefined ? undefined : engine.vendors.get(requested));
  if (requested === undefined) {
    const url = typeof raw.url === 'string' ? raw.url : undefined;
    const fromUrl = url === undefined ? undefined : vendorFromUrl(engine.hosts, url);
    if (fromUrl !== undefined) catalog = engine.vendors.get(fromUrl);
  }
  if (status === INVALID_STATUS)
    return invalidInput(engine, `invalid HTTP status ${clip(describeValue(raw.status), 40)}`, requested ?? catalog?.vendor ?? null);

  const body: ParsedBody = bodyUnread ? UNREAD : parseBody(raw.body, settings.maxBodyBytes);
  const contentType = headers.at(engine.contentTypeSlot);
  const extracted: Extracted = extract(body, contentType, (catalog ?? engine.generic).shapeOrder);
  // A shape only one vendor declares names that vendor when nothing else did; it counts
  // when that vendor's entries recognise the body, by code or message, or one of its
  // per-item errors (a shape alone is not evidence enough for a vendor's status entries).
  const guessed = catalog === undefined && requested === undefined && extracted.owner !== null ? engine.vendors.get(extracted.owner) : undefined;
  const context = createMatchContext(status, extracted.shape, extracted.code, extracted.message, undefined, extracted.fields !== undefined);

  let match: Match | undefined;
  if (status === null && body.kind === 'empty') {
    match = engine.generic.transport.fallback === undefined ? undefined : { entry: engine.generic.transport.fallback, params: undefined };
  } else {
    if (catalog !== undefined) match = vendorTiers(catalog, context);
    else if (guessed !== undefined) {
      match = vendorTiers(guessed, context);
      if (match !== undefined || itemsRecognised(guessed, extracted, status)) catalog = guessed;
    }
    match ??= laterTiers(engine, catalog, context);
  }
  const vendor = catalog?.vendor ?? requested ?? null;
  const id = requestId(engine, catalog, headers);
  const entry = match?.entry;
  let result: Classification | undefined;
  if (context.statusClass === 2 && (entry === undefined || entry.outcome !== 'error')) {
    const fatal2xx = entry === undefined && catalog?.errorsIn2xx === true && extracted.message !== null && guessed === undefined;
    if (!fatal2xx) {
      const outcome = entry?.outcome === 'queued' ? 'queued' : 'success';
      const minor: NormalizedError[] =
        outcome === 'success' && catalog !== undefined && extracted.itemSpec !== null && extracted.items !== undefined
          ? classifyItems(catalog, extracted.itemSpec, extracted.items, vendor, status, settings.redactPii)
          : [];
      result = minor.length > 0 ? { outcome: 'partial', vendor, status, error: null, minor } : { outcome, vendor, status, error: null, minor: [] };
    }
  }
  if (result === undefined) result = { outcome: 'error', vendor, status, error: errorFor(engine, catalog, match, extracted, raw.request, body, headers, status, vendor, settings), minor: [] };
  if (id !== undefined) result.requestId = id;
  if (body.truncated) result.truncated = true;
  return result;
}

function errorFor(
  engine: Engine,
  catalog: CompiledCatalog | undefined,
  match: Match | undefined,
  extracted: Extracted,
  request: unknown,
  body: ParsedBody,
  headers: HeaderReader,
  status: number | null,
  vendor: string | null,
  settings: Settings,
): NormalizedError {
  const chosen = match?.entry ?? unknownFor(engine, catalog);
  const retryable = chosen.retryable && retryAllowed(catalog, request ?? settings.request);
  const retryAfterMs = retryable
    ? resolveRetryDelay(
        headers,
        engine.retrySlots,
        body.kind === 'json' ? body.value : undefined,
        catalog?.resetUnit ?? 'auto',
        catalog?.retryBodyFields ?? NO_BODY_FIELDS,
        settings.now,
        settings.maxRetryAfterMs,
      )
    : undefined;
  return buildError(
    chosen,
    {
      vendor,
      status,
      code: extracted.code,
      message: extracted.message,
      params: match?.params,
      fields: extracted.fields ?? itemsAsFields(extracted.itemSpec, extracted.items),
      retryable,
      fatal: true,
      retryAfterMs,
    },
    settings.redactPii,
  );
}

/**
 * Creates a classifier from explicit catalogs (no shipped catalog is imported here, so
 * per-vendor bundles stay small). Throws {@link CatalogError} when a catalog is invalid
 * or breaks a rule of src/catalog-rules.ts (unless `mode.skipRules`, for lint).
 */
export function createClassifierFromCatalogs<Id extends string = ErrorId>(
  config: ClassifierConfig,
  normalizeThrown: (engine: Engine, thrown: unknown, settings: Settings) => Classification,
  mode: RuleMode = {},
): Classifier<Id> {
  const engine = buildEngine(config, mode);
  // The texts that precede a catalog secret (`Invalid API key:`), from every catalog.
  const catalogs = [engine.generic, ...engine.vendors.values()];
  // The catalogs' own texts (vendor names, descriptions) are most of what results carry
  // and hold no input: the scrubber skips them.
  const clean = new Set(catalogs.flatMap((catalog) => [catalog.vendor, ...catalog.source.entries.map((entry) => entry.description), catalog.unknown.description]));
  const scrubber = createSecretScrubber(catalogs.flatMap((catalog) => secretMarkers(catalog.source)), clean);
  return {
    classify(input: unknown, options?: ClassifyOptions) {
      let result: Classification;
      try {
        result = classifyResponse(engine, input, settingsFrom(options, engine.defaults));
      } catch (cause) {
        result = invalidInput(engine, `input could not be classified: ${clip(describeCaught(cause), 200)}`);
      }
      return scrubResult(result, scrubber) as Classification<Id>;
    },
    normalizeError(thrown, options) {
      let result: Classification;
      try {
        result = normalizeThrown(engine, thrown, settingsFrom(options, engine.defaults));
      } catch (cause) {
        result = invalidInput(engine, `error could not be classified: ${clip(describeCaught(cause), 200)}`);
      }
      return scrubResult(result, scrubber) as Classification<Id>;
    },
    vendors: [...engine.vendors.keys()],
  };
}
