/**
 * The catalog compiler: turns validated catalog data into lookup structures once, when a
 * classifier is created, so `classify` does map lookups instead of scanning entries.
 *
 * - codes, exact texts and statuses are `Map` keys;
 * - templates are indexed by their first two literal words, or their first (or, for
 *   templates that start with a hole, their last two or last one; only templates with
 *   holes at both ends fall back to their rarest literal word and a pass over the
 *   message's words), so a few lookups find the few templates worth trying, however many
 *   the catalog has.
 */
import { compileDeclaredShapes, type CompiledShape, type ShapeOrder } from './compile-shapes.js';
import type { Catalog, CatalogEntry } from './generated/catalog-types.js';
import { isTemplate, parseTemplate, type Template } from './template.js';
import { TextIndex } from './text-index.js';
import { foldCase, textKey } from './text.js';
import type { Category, MatchedBy } from './vocabulary.js';

/** One entry, ready to match. */
export interface CompiledEntry {
  id: string;
  /** The catalog's vendor (`generic` for the generic catalog). */
  catalog: string;
  outcome: 'error' | 'success' | 'queued';
  category: Category;
  retryable: boolean;
  fatal: boolean;
  description: string;
  docs: string;
  status: number | null;
  /** 4 for "4xx", 5 for "5xx"; null without a class condition. */
  statusClass: number | null;
  codes: ReadonlySet<string> | null;
  exact: ReadonlySet<string> | null;
  templates: readonly Template[];
  /** The name of the shape the body must have been read with. */
  shape: string | null;
  /** The body must yield field errors. */
  fields: boolean;
  /** A general wording rule (tried after code, message and shape entries). */
  general: boolean;
  transport: boolean;
  names: ReadonlySet<string> | null;
  secret: ReadonlySet<string> | null;
  /** The request never reached the vendor: retrying is safe even for mutations. */
  requestNotSent: boolean;
  /** Specificity within its precedence tier: more conditions rank higher. */
  rank: number;
  /** The rule that names this entry's strongest condition. */
  matchedBy: MatchedBy;
  facts: Readonly<Record<string, string | number | boolean>> | undefined;
}

/** Templates grouped for one-pass lookup. */
export interface TemplateIndex {
  /** Templates that start with two literal words, keyed by them (`"too many"`). */
  byFirstTwoWords: TextIndex<TemplateCandidate[]>;
  /** Other literal-led templates keyed by their first word. */
  byFirstWord: TextIndex<TemplateCandidate[]>;
  /** Hole-led templates that end with two literal words, keyed by them. */
  byLastTwoWords: TextIndex<TemplateCandidate[]>;
  /** Other hole-led templates that end with a literal word, keyed by that word. */
  byLastWord: TextIndex<TemplateCandidate[]>;
  /** Templates with holes at both ends, keyed by their rarest literal word. */
  byAnyWord: TextIndex<TemplateCandidate[]>;
  size: number;
}

/** A template and the entry it belongs to. */
export interface TemplateCandidate {
  template: Template;
  entry: CompiledEntry;
}

/** Code / message / status lookups for one group of entries. */
export interface EntryIndex {
  byCode: Map<string, CompiledEntry[]>;
  byExact: TextIndex<CompiledEntry[]>;
  templates: TemplateIndex;
  byShape: Map<string, CompiledEntry[]>;
  /** Entries whose strongest body condition is that field errors are present, most specific first. */
  withFields: CompiledEntry[];
  /** Entries by exact status, indexed by the status (100-599): an array read, not a Map lookup. */
  byStatus: readonly (CompiledEntry[] | undefined)[];
  /** Entries by status class, indexed by the class digit (1-5). */
  byClass: readonly (CompiledEntry[] | undefined)[];
  /** Entries without conditions of their kind (item default, transport default). */
  fallback: CompiledEntry | undefined;
}

/** A compiled catalog. */
export interface CompiledCatalog {
  vendor: string;
  name: string;
  docs: string;
  /** The shapes this catalog declares as objects (its own envelopes). */
  ownShapes: readonly CompiledShape[];
  /** Every shape the catalog lists, own or standard, by name, in order. */
  shapeNames: readonly string[];
  /**
   * The order the extractor tries shapes in for this vendor (compile-shapes.ts). Set by
   * the engine that loaded the catalog, once: it depends on the other catalogs loaded.
   */
  shapeOrder: ShapeOrder;
  hosts: readonly string[];
  requestIdHeaders: readonly string[];
  /**
   * The request-id headers to try, as slots of the header names of the engine that loaded
   * this catalog (its own, then the generic catalog's). Set by that engine, once: each
   * engine compiles catalogs of its own, and reading a field costs less than a lookup per
   * response.
   */
  requestIdSlots: readonly number[];
  /** `requestIdSlots` as header slot bits (see `HeaderReader.filled`). */
  requestIdBits: number;
  resetUnit: 'delta-seconds' | 'epoch-seconds' | 'auto';
  retryBodyFields: readonly { path: readonly string[]; unit: 'seconds' | 'milliseconds' }[];
  idempotencyKeyRequiredFor: ReadonlySet<string>;
  errorsIn2xx: boolean;
  entries: readonly CompiledEntry[];
  /** Whole-response entries (fatal errors, success, queued). */
  responses: EntryIndex;
  /**
   * General wording rules (`"general": true`): message entries that apply to any vendor's
   * response, tried after every code, message and shape entry, before status entries.
   */
  general: EntryIndex;
  /** Per-item (minor) entries. */
  items: EntryIndex;
  /** Thrown-error entries. */
  transport: EntryIndex;
  /** The `<vendor>.unknown` entry. */
  unknown: CompiledEntry;
  /** The source data, for tools (lint, CLI `catalog`). */
  source: Catalog;
}

function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function parseStatus(value: number | string | undefined): { status: number | null; statusClass: number | null } {
  if (typeof value === 'number') return { status: value, statusClass: null };
  if (typeof value === 'string') return { status: null, statusClass: Number(value[0]) };
  return { status: null, statusClass: null };
}

/** Thrown when a template in a catalog does not parse (lint reports these first). */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
  /** Every problem found, as `path: message`. */
  readonly issues: readonly string[];

  constructor(message: string, issues: readonly string[], options?: { cause?: unknown }) {
    super(message, options);
    this.issues = issues;
  }
}

/** Type guard for {@link CatalogError}, safe across realms (checks `name`). */
export function isCatalogError(value: unknown): value is CatalogError {
  return value instanceof Error && value.name === 'CatalogError' && Array.isArray((value as CatalogError).issues);
}

function compileEntry(entry: CatalogEntry, catalog: Catalog, problems: string[]): CompiledEntry {
  const match = entry.match ?? {};
  const { status, statusClass } = parseStatus(match.status);
  const codes = toList(match.code).map(foldCase);
  const exact: string[] = [];
  const templates: Template[] = [];
  for (const text of toList(match.message)) {
    if (!isTemplate(text)) {
      exact.push(textKey(text));
      continue;
    }
    const parsed = parseTemplate(text);
    if ('error' in parsed) problems.push(`${entry.id}: template "${text}": ${parsed.error}`);
    else templates.push(parsed);
  }
  const names = toList(match.name);
  const hasMessage = exact.length > 0 || templates.length > 0;
  const rank =
    (codes.length > 0 ? 8 : 0) +
    (hasMessage ? 4 : 0) +
    (match.shape !== undefined ? 2 : 0) +
    (match.fields === true ? 2 : 0) +
    (status !== null ? 1 : statusClass !== null ? 0.5 : 0);
  const matchedBy: MatchedBy = match.transport
    ? 'transport'
    : codes.length > 0
      ? 'code'
      : hasMessage
        ? 'message'
        : status !== null
          ? 'status'
          : statusClass !== null
            ? 'status_class'
            : 'none';
  return {
    id: entry.id,
    catalog: catalog.vendor,
    outcome: entry.outcome ?? 'error',
    category: entry.category ?? 'unknown',
    retryable: entry.retryable ?? false,
    fatal: entry.fatal ?? true,
    description: entry.description,
    docs: entry.docs ?? catalog.docs,
    status,
    statusClass,
    codes: codes.length > 0 ? new Set(codes) : null,
    exact: exact.length > 0 ? new Set(exact) : null,
    templates,
    shape: match.shape ?? null,
    fields: match.fields === true,
    general: entry.general === true,
    transport: match.transport === true,
    names: names.length > 0 ? new Set(names.map(foldCase)) : null,
    secret: entry.secret && entry.secret.length > 0 ? new Set(entry.secret) : null,
    requestNotSent: entry.requestNotSent === true,
    rank,
    matchedBy,
    facts: entry.facts,
  };
}

function push<K, V>(map: { get(key: K): V[] | undefined; set(key: K, value: V[]): unknown }, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function byRankDescending(a: CompiledEntry, b: CompiledEntry): number {
  return b.rank - a.rank;
}

/** A Map with small integer keys as an array of that length (holes read as undefined). */
function denseByNumber(map: ReadonlyMap<number, CompiledEntry[]>, length: number): (CompiledEntry[] | undefined)[] {
  const dense = new Array<CompiledEntry[] | undefined>(length).fill(undefined);
  for (const [key, list] of map) if (Number.isInteger(key) && key >= 0 && key < length) dense[key] = list;
  return dense;
}

/** Builds the lookups for a group of entries (whole responses, items, or transport). */
export function buildIndex(entries: readonly CompiledEntry[]): EntryIndex {
  const index: EntryIndex = {
    byCode: new Map(),
    byExact: new TextIndex(),
    templates: {
      byFirstTwoWords: new TextIndex(),
      byFirstWord: new TextIndex(),
      byLastTwoWords: new TextIndex(),
      byLastWord: new TextIndex(),
      byAnyWord: new TextIndex(),
      size: 0,
    },
    byShape: new Map(),
    withFields: [],
    byStatus: [],
    byClass: [],
    fallback: undefined,
  };
  const byStatus = new Map<number, CompiledEntry[]>();
  const byClass = new Map<number, CompiledEntry[]>();
  // Word frequencies across templates, to key hole-led templates by their rarest word.
  const frequency = new Map<string, number>();
  for (const entry of entries)
    for (const template of entry.templates)
      for (const word of new Set(template.literalWords)) frequency.set(word, (frequency.get(word) ?? 0) + 1);

  for (const entry of entries) {
    if (entry.codes !== null) {
      for (const code of entry.codes) push(index.byCode, code, entry);
    } else if (entry.exact !== null || entry.templates.length > 0) {
      for (const text of entry.exact ?? []) push(index.byExact, text, entry);
      for (const template of entry.templates) {
        const candidate = { template, entry };
        index.templates.size++;
        // Two words narrow a bucket to the few templates that share them.
        if (template.leading.length === 2) push(index.templates.byFirstTwoWords, template.leading.join(' '), candidate);
        else if (template.startsWithWord) push(index.templates.byFirstWord, template.literalWords[0]!, candidate);
        else if (template.trailing.length === 2) push(index.templates.byLastTwoWords, template.trailing.join(' '), candidate);
        else if (template.endsWithWord) push(index.templates.byLastWord, template.literalWords[template.literalWords.length - 1]!, candidate);
        else {
          const rarest = template.literalWords.reduce((best, word) =>
            (frequency.get(word) ?? 0) < (frequency.get(best) ?? 0) ? word : best,
          );
          push(index.templates.byAnyWord, rarest, candidate);
        }
      }
    } else if (entry.names !== null) {
      // Transport entries matched by error name only: kept in the code map under a prefix.
      for (const name of entry.names) push(index.byCode, `name:${name}`, entry);
    } else if (entry.shape !== null) push(index.byShape, entry.shape, entry);
    else if (entry.fields) index.withFields.push(entry);
    else if (entry.status !== null) push(byStatus, entry.status, entry);
    else if (entry.statusClass !== null) push(byClass, entry.statusClass, entry);
    else index.fallback ??= entry;
  }
  for (const map of [index.byCode, index.byExact, index.byShape, byStatus, byClass]) for (const list of map.values()) list.sort(byRankDescending);
  index.withFields.sort(byRankDescending);
  index.byStatus = denseByNumber(byStatus, 600);
  index.byClass = denseByNumber(byClass, 10);
  const { templates } = index;
  for (const map of [templates.byFirstTwoWords, templates.byFirstWord, templates.byLastTwoWords, templates.byLastWord, templates.byAnyWord]) {
    for (const list of map.values())
      list.sort((a, b) => b.entry.rank - a.entry.rank || b.template.literalLength - a.template.literalLength);
    map.seal();
  }
  index.byExact.seal();
  return index;
}

/** The synthesized `<vendor>.unknown` entry: nothing in the catalog matched. */
function unknownEntry(catalog: Catalog): CompiledEntry {
  return {
    id: `${catalog.vendor}.unknown`,
    catalog: catalog.vendor,
    outcome: 'error',
    category: 'unknown',
    retryable: false,
    fatal: true,
    description: `No ${catalog.name} catalog entry matched this response.`,
    docs: catalog.docs,
    status: null,
    statusClass: null,
    codes: null,
    exact: null,
    templates: [],
    shape: null,
    fields: false,
    general: false,
    transport: false,
    names: null,
    secret: null,
    requestNotSent: false,
    rank: 0,
    matchedBy: 'none',
    facts: undefined,
  };
}

/** The three entry indexes of a catalog. */
type Group = 'responses' | 'general' | 'items' | 'transport';

/**
 * The index an entry belongs to, read from the catalog data (the same rule as the
 * compiled `transport` and `fatal` flags), so that building one index compiles only the
 * entries in it.
 */
function groupOf(entry: CatalogEntry): Group {
  if (entry.match?.transport === true) return 'transport';
  if (entry.general === true) return 'general';
  return entry.fatal === false ? 'items' : 'responses';
}

/** Before an engine sets a catalog's order: no shape at all. */
const NO_SHAPES: ShapeOrder = { memberBits: new Map(), json: [], html: undefined, text: undefined, empty: undefined };

function invalidTemplates(catalog: Catalog, problems: readonly string[]): CatalogError {
  return new CatalogError(`catalog "${catalog.vendor}" has invalid templates`, problems);
}

/**
 * One class for every compiled catalog: the hot path reads the same fields of several
 * catalogs per call, and objects of one class share one hidden class (monomorphic loads).
 *
 * A catalog compiled lazily builds each index on first use, compiling only that index's
 * entries: a response from Braze needs the whole-response index of Braze and of the
 * generic catalog, not their per-item or thrown-error indexes. On a cold start that code
 * runs once, unoptimized, so work left undone there is time saved.
 */
class Compiled implements CompiledCatalog {
  readonly vendor: string;
  readonly name: string;
  readonly docs: string;
  readonly ownShapes: readonly CompiledShape[];
  readonly shapeNames: readonly string[];
  shapeOrder: ShapeOrder = NO_SHAPES;
  readonly hosts: readonly string[];
  readonly requestIdHeaders: readonly string[];
  requestIdSlots: readonly number[] = [];
  requestIdBits = 0;
  readonly resetUnit: CompiledCatalog['resetUnit'];
  readonly retryBodyFields: CompiledCatalog['retryBodyFields'];
  readonly idempotencyKeyRequiredFor: ReadonlySet<string>;
  readonly errorsIn2xx: boolean;
  readonly unknown: CompiledEntry;
  readonly source: Catalog;
  /** Compiled entries by their position in `source.entries`, filled as indexes need them. */
  private readonly compiled: (CompiledEntry | undefined)[];
  private all: readonly CompiledEntry[] | undefined = undefined;
  private responsesIndex: EntryIndex | undefined = undefined;
  private itemsIndex: EntryIndex | undefined = undefined;
  private transportIndex: EntryIndex | undefined = undefined;
  private generalIndex: EntryIndex | undefined = undefined;

  constructor(catalog: Catalog, lazy: boolean, standard: boolean) {
    this.vendor = catalog.vendor;
    this.name = catalog.name;
    this.docs = catalog.docs;
    const shapeProblems: string[] = [];
    this.ownShapes = compileDeclaredShapes(catalog, standard ? null : catalog.vendor, shapeProblems);
    if (shapeProblems.length > 0) throw new CatalogError(`catalog "${catalog.vendor}" has invalid shapes`, shapeProblems);
    this.shapeNames = catalog.shapes.map((shape) => (typeof shape === 'string' ? shape : shape.name));
    this.hosts = catalog.hosts.map(foldCase);
    this.requestIdHeaders = catalog.requestIdHeaders.map(foldCase);
    this.resetUnit = catalog.retryHints?.resetUnit ?? 'auto';
    this.retryBodyFields = (catalog.retryHints?.bodyFields ?? []).map((field) => ({ path: field.path.split('.'), unit: field.unit }));
    this.idempotencyKeyRequiredFor = new Set<string>(catalog.retryPolicy?.idempotencyKeyRequiredFor ?? []);
    this.errorsIn2xx = catalog.errorsIn2xx === true;
    this.unknown = unknownEntry(catalog);
    this.source = catalog;
    this.compiled = new Array<CompiledEntry | undefined>(catalog.entries.length).fill(undefined);
    if (lazy) return;
    // Eagerly, every template problem of the catalog is reported at once, when the
    // classifier is created.
    const problems: string[] = [];
    catalog.entries.forEach((entry, index) => {
      this.compiled[index] = compileEntry(entry, catalog, problems);
    });
    if (problems.length > 0) throw invalidTemplates(catalog, problems);
    this.responsesIndex = this.group('responses');
    this.itemsIndex = this.group('items');
    this.transportIndex = this.group('transport');
    this.generalIndex = this.group('general');
  }

  private entryAt(index: number): CompiledEntry {
    const done = this.compiled[index];
    if (done !== undefined) return done;
    const problems: string[] = [];
    const entry = compileEntry(this.source.entries[index]!, this.source, problems);
    if (problems.length > 0) throw invalidTemplates(this.source, problems);
    this.compiled[index] = entry;
    return entry;
  }

  private group(group: Group): EntryIndex {
    const members: CompiledEntry[] = [];
    this.source.entries.forEach((entry, index) => {
      if (groupOf(entry) === group) members.push(this.entryAt(index));
    });
    return buildIndex(members);
  }

  get entries(): readonly CompiledEntry[] {
    return (this.all ??= this.source.entries.map((_, index) => this.entryAt(index)));
  }

  get responses(): EntryIndex {
    return (this.responsesIndex ??= this.group('responses'));
  }

  get items(): EntryIndex {
    return (this.itemsIndex ??= this.group('items'));
  }

  get general(): EntryIndex {
    return (this.generalIndex ??= this.group('general'));
  }

  get transport(): EntryIndex {
    return (this.transportIndex ??= this.group('transport'));
  }
}

/**
 * Compiles a validated catalog. Throws {@link CatalogError} when a template does not
 * parse; everything else about meaning is left to lint.
 *
 * `standard`: the catalog's declared shapes are the standard ones (the generic catalog),
 * which identify no vendor.
 *
 * `lazy`: build the entry indexes on first use. Only for catalogs known to compile (the
 * shipped ones, checked by the test suite): a classifier over all shipped catalogs then
 * compiles just the vendors it meets, which keeps cold start short.
 */
export function compileCatalog(catalog: Catalog, options: { lazy?: boolean; standard?: boolean } = {}): CompiledCatalog {
  return new Compiled(catalog, options.lazy === true, options.standard === true);
}
