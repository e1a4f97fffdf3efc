/**
 * The compiled engine behind a classifier: validated and compiled catalogs, the lookups
 * built from them once (hosts, shape claims, request-id and wanted headers), and the
 * options with their defaults. Built when a classifier is created, never per call.
 */
import { catalogSetProblems, entryProblems, type RuleProblem } from './catalog-rules.js';
import { validateCatalog } from './catalog-schema.js';
import { isShipped } from './catalogs/shipped.js';
import { CatalogError, compileCatalog, type CompiledCatalog } from './compile-catalog.js';
import { buildHostIndex, type HostIndex } from './detect-vendor.js';
import { HeaderNames, slotBits } from './headers.js';
import { RETRY_HEADERS, retrySlots, type RetrySlots } from './retry-after.js';
import type { Catalog } from './generated/catalog-types.js';
import { describeCaught, isArray, own, ownString } from './safe.js';
import { clip } from './text.js';
import type { ClassifyOptions, RawResponse } from './types.js';
import { assignMemberBits, compileThrown, orderShapes, type CompiledShape, type CompiledThrown } from './compile-shapes.js';

const DEFAULT_MAX_RETRY_AFTER_MS = 86_400_000;
const DEFAULT_MAX_BODY_BYTES = 1_048_576;
/** Headers read besides request ids: the media type and the retry hints. */
const RESPONSE_HEADERS_READ = ['content-type', ...RETRY_HEADERS];

/** Configuration of a classifier: its catalogs and default options. */
export interface ClassifierConfig extends ClassifyOptions {
  /** Vendor catalogs (validated when the classifier is created). */
  catalogs: readonly unknown[];
  /** The generic catalog: HTTP status defaults, gateway pages, network errors. */
  generic: unknown;
}

/** Compiled state shared by every call. */
export interface Engine {
  vendors: Map<string, CompiledCatalog>;
  /** The slot of `content-type` in `wantedHeaders`. */
  contentTypeSlot: number;
  /** The slots of the retry headers in `wantedHeaders`. */
  retrySlots: RetrySlots;
  /** Every response header name the pipeline reads (lower case). */
  wantedHeaders: HeaderNames;
  generic: CompiledCatalog;
  hosts: HostIndex;
  /** Where HTTP client errors keep their response, request and cause (generic catalog `thrown`). */
  thrown: CompiledThrown;
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

/** How a classifier treats the rules of src/catalog-rules.ts. */
export interface RuleMode {
  /**
   * Build even when a catalog breaks them. Only for lint, which reports them itself and
   * still runs the examples of such catalogs.
   */
  readonly skipRules?: boolean;
}

function loadCatalog(value: unknown, label: string, standard: boolean, mode: RuleMode): CompiledCatalog {
  if (isShipped(value)) return compileCatalog(value as Catalog, { lazy: true, standard });
  const result = validateCatalog(value);
  if (!result.ok) {
    const issues = result.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw new CatalogError(`${label} is not a valid catalog: ${issues[0] ?? ''}`, issues);
  }
  const { catalog } = result;
  if (mode.skipRules !== true) rejectProblems(`${label} ("${catalog.vendor}")`, catalog.entries.flatMap((entry) => entryProblems(catalog, entry)));
  return compileCatalog(catalog, { standard });
}

/**
 * Puts every catalog's shapes in the extractor's order (compile-shapes.ts): the generic
 * catalog's declared shapes are the standard ones every vendor may list by name; a
 * vendor's own shapes identify it. Names are unique among all loaded catalogs.
 */
function orderAllShapes(generic: CompiledCatalog, vendors: readonly CompiledCatalog[]): void {
  const all: CompiledShape[] = [];
  const byName = new Map<string, CompiledShape>();
  for (const catalog of [generic, ...vendors])
    for (const shape of catalog.ownShapes) {
      const clash = byName.get(shape.name);
      if (clash !== undefined)
        throw new CatalogError(`shape "${shape.name}" is declared twice (by ${clash.owner ?? generic.vendor} and ${shape.owner ?? generic.vendor})`, []);
      byName.set(shape.name, shape);
      all.push(shape);
    }
  const bits = assignMemberBits(all);
  generic.shapeOrder = orderShapes(all, [], bits);
  for (const catalog of vendors) {
    const listed = catalog.shapeNames.map((name) => {
      const shape = catalog.ownShapes.find((own) => own.name === name) ?? generic.ownShapes.find((own) => own.name === name);
      if (shape === undefined) throw new CatalogError(`catalog "${catalog.vendor}" lists shape "${name}", which neither it nor ${generic.vendor} declares`, []);
      return shape;
    });
    catalog.shapeOrder = orderShapes(all, listed, bits);
  }
}

/** Throws a {@link CatalogError} listing `problems`, when there are any. */
function rejectProblems(label: string, problems: readonly RuleProblem[]): void {
  if (problems.length === 0) return;
  const issues = problems.map((problem) => `${problem.entry ?? problem.catalog}: ${problem.message} (lint rule ${problem.rule})`);
  throw new CatalogError(`${label} breaks a catalog rule: ${issues[0]!}`, issues);
}

/**
 * The list of catalogs, read once into a plain array. Anything but an array (a vendor
 * name given where a list belongs, a Proxy that throws) is a {@link CatalogError}: the
 * one error `createClassifier` documents.
 */
function catalogList(value: unknown): unknown[] {
  if (!isArray(value)) throw new CatalogError(`"catalogs" must be an array of catalogs, got ${value === null ? 'null' : typeof value}`, []);
  try {
    return Array.from(value);
  } catch (cause) {
    throw new CatalogError(`"catalogs" could not be read: ${describeCaught(cause)}`, [], { cause });
  }
}

/**
 * The options of one call over `base`. Options come from the caller and are read like
 * any other untrusted input (DESIGN.md "Never": never throws): `null` or a non-object is
 * no options, each member is read once, as an own property (a polluted `Object.prototype`
 * sets no option), and a member whose getter or Proxy trap throws, or that has the wrong
 * type, keeps its default.
 */
export function settingsFrom(options: ClassifyOptions | undefined, base: Settings): Settings {
  if (options === undefined) return base;
  if (typeof options !== 'object' || options === null) return base;
  const vendor = own(options, 'vendor');
  const now = own(options, 'now');
  const max = own(options, 'maxRetryAfterMs');
  const body = own(options, 'maxBodyBytes');
  const redactPii = own(options, 'redactPii');
  const request = own(options, 'request');
  return {
    vendor: typeof vendor === 'string' ? vendor : base.vendor,
    now: typeof now === 'function' ? (now as () => number) : base.now,
    maxRetryAfterMs: typeof max === 'number' && max >= 0 ? Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER) : base.maxRetryAfterMs,
    maxBodyBytes: typeof body === 'number' && body >= 0 ? body : base.maxBodyBytes,
    redactPii: typeof redactPii === 'boolean' ? redactPii : base.redactPii,
    request: request === undefined || request === null ? base.request : (request as Settings['request']),
  };
}

/** Builds the compiled engine. Throws {@link CatalogError} for an invalid catalog. */
export function buildEngine(config: ClassifierConfig, mode: RuleMode = {}): Engine {
  const generic = loadCatalog(config.generic, 'the generic catalog', true, mode);
  const vendors = new Map<string, CompiledCatalog>();
  catalogList(config.catalogs).forEach((value, index) => {
    const catalog = loadCatalog(value, `catalog #${index}`, false, mode);
    if (catalog.vendor === generic.vendor) throw new CatalogError(`catalog #${index} uses the reserved vendor name "${generic.vendor}"`, []);
    if (mode.skipRules !== true && vendors.has(catalog.vendor)) {
      const issue = `${catalog.vendor}: the vendor is given by more than one catalog; the second would replace the first (lint rule duplicate-vendor)`;
      throw new CatalogError(`catalog #${index} breaks a catalog rule: ${issue}`, [issue]);
    }
    vendors.set(catalog.vendor, catalog);
  });
  if (mode.skipRules !== true) rejectProblems('the catalogs', catalogSetProblems([...[...vendors.values()].map((catalog) => catalog.source), generic.source]));
  orderAllShapes(generic, [...vendors.values()]);
  const thrownProblems: string[] = [];
  const thrown = compileThrown(generic.source.thrown, thrownProblems);
  if (thrownProblems.length > 0) throw new CatalogError('the generic catalog has invalid thrown-error forms', thrownProblems);
  // Each catalog tries its own request-id headers, then the generic ones.
  const requestIdHeaders = new Map<CompiledCatalog, readonly string[]>([[generic, generic.requestIdHeaders]]);
  for (const catalog of vendors.values()) requestIdHeaders.set(catalog, [...new Set([...catalog.requestIdHeaders, ...generic.requestIdHeaders])]);
  const wantedHeaders = new HeaderNames([...RESPONSE_HEADERS_READ, ...[...requestIdHeaders.values()].flat()]);
  for (const [catalog, names] of requestIdHeaders) {
    catalog.requestIdSlots = names.map((name) => wantedHeaders.slot(name));
    catalog.requestIdBits = slotBits(catalog.requestIdSlots);
  }
  return {
    vendors,
    contentTypeSlot: wantedHeaders.slot('content-type'),
    retrySlots: retrySlots(wantedHeaders),
    wantedHeaders,
    generic,
    hosts: buildHostIndex([...vendors.values()]),
    thrown,
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

/** Vendor names from input are untrusted: bounded and trimmed before they reach a result. */
export function vendorName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = (value.length > 256 ? value.slice(0, 256) : value).trim().toLowerCase();
  return name === '' ? undefined : clip(name, 64);
}

/**
 * Request-aware retry advice: where the vendor requires an Idempotency-Key for a method
 * (Spotzee: mutations), a retry without one could repeat the mutation, so it is not
 * advised.
 */
export function retryAllowed(catalog: CompiledCatalog | undefined, request: unknown): boolean {
  if (catalog === undefined || catalog.idempotencyKeyRequiredFor.size === 0) return true;
  const method = ownString(request, 'method');
  if (method === undefined) return true;
  // Methods are upper case almost always: `toUpperCase` is a runtime call, made only when needed.
  const required = catalog.idempotencyKeyRequiredFor;
  if (!required.has(method) && !required.has(method.toUpperCase())) return true;
  const key = ownString(request, 'idempotencyKey');
  return key !== undefined && key.trim() !== '';
}
