/**
 * Catalog lint (DESIGN.md "Matching precedence"): everything that makes a catalog wrong
 * beyond its structure. Schema errors, duplicate ids, ids outside the catalog's
 * namespaces, inconsistent entries, templates that do not parse or are not linear-time,
 * two entries that match the same response with equal specificity, examples that do not
 * classify as they say, and entries no example reaches.
 */
import { validateCatalog } from './catalog-schema.js';
import { createClassifierFromCatalogs } from './classifier.js';
import { compileCatalog, type CompiledCatalog, type CompiledEntry, type EntryIndex, type TemplateCandidate } from './compile-catalog.js';
import { exampleMismatches, runExample } from './examples.js';
import { buildEngine, type Engine } from './engine.js';
import { extract } from './extract.js';
import { shapeTies, type ShapeOrder } from './compile-shapes.js';
import { messageKeys } from './match.js';
import type { Catalog, CatalogEntry } from './generated/catalog-types.js';
import { normalizeThrown } from './normalize-error.js';
import { parseBody } from './parse-body.js';
import { isRecord, own } from './safe.js';
import { isTemplate, matchTemplate, parseTemplate, templateToRegExpSource, type Template } from './template.js';
import { foldCase, textKey } from './text.js';
import { readHeaders } from './headers.js';

/** One problem found by {@link lintCatalogs}. */
export interface LintProblem {
  /** The catalog's vendor name, or `#<index>` when it has none. */
  catalog: string;
  /** The entry id, when the problem is in an entry. */
  entry?: string;
  /** The example's index within the entry (0-based), when the problem is in an example. */
  example?: number;
  /** Rule name: `schema`, `duplicate-id`, `namespace`, `entry`, `template`, `redos`, `ambiguous`, `example-mismatch`, `unreachable`. */
  rule: string;
  /** What is wrong. */
  message: string;
}

/** A ReDoS checker for a regular expression source (e.g. `recheck`'s `checkSync`). */
export type RedosChecker = (source: string, flags: string) => { safe: boolean; detail?: string };

/** Options of {@link lintCatalogs}. */
export interface LintOptions {
  /** The generic catalog the vendor catalogs are used with (needed to run examples). */
  generic?: unknown;
  /** Lint the generic catalog too (default true when `generic` is given). */
  includeGeneric?: boolean;
  /** Also check every template's regular-expression equivalent with this checker. */
  redos?: RedosChecker;
}

function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function checkEntry(catalog: Catalog, entry: CatalogEntry, problem: (rule: string, message: string) => void): void {
  const match = entry.match ?? {};
  const outcome = entry.outcome ?? 'error';
  const namespaces = [catalog.vendor, ...(catalog.namespaces ?? [])];
  const prefix = entry.id.slice(0, entry.id.indexOf('.'));
  if (!namespaces.includes(prefix)) problem('namespace', `id prefix "${prefix}" is not one of ${namespaces.join(', ')}`);
  if (entry.id.endsWith('.unknown')) problem('namespace', '".unknown" ids are reserved for "nothing matched"');
  if (outcome === 'error') {
    for (const key of ['category', 'retryable', 'fatal'] as const)
      if (entry[key] === undefined) problem('entry', `an error entry needs "${key}"`);
  } else if (entry.category !== undefined || entry.fatal === false) problem('entry', `a ${outcome} entry takes no category or fatal flag`);
  if (entry.category === 'unknown') problem('entry', 'category "unknown" is reserved for "nothing matched"');
  const hasConditions = Object.keys(match).some((key) => key !== 'transport');
  if (entry.fatal === false && (match.status !== undefined || match.shape !== undefined || match.fields !== undefined || match.transport))
    problem('entry', 'an item (fatal: false) entry can only match code and message');
  if (match.transport && (match.status !== undefined || match.shape !== undefined || match.fields !== undefined))
    problem('entry', 'a transport entry has no status, shape or field errors (there is no response)');
  if (match.name !== undefined && !match.transport) problem('entry', '"name" only applies to transport entries');
  if (entry.general === true && (match.message === undefined || match.code !== undefined || match.transport || entry.fatal === false))
    problem('entry', 'a general wording rule is a whole-response entry with a message condition and no code');
  if (entry.general === true && catalog.namespaces === undefined) problem('entry', 'general wording rules belong to the generic catalog');
  if (entry.requestNotSent === true && !match.transport) problem('entry', '"requestNotSent" only applies to transport entries');
  if (!hasConditions && entry.fatal !== false && !match.transport) problem('entry', 'an entry without match conditions never matches a response');
  if (outcome !== 'error' && match.status !== undefined && !String(match.status).startsWith('2'))
    problem('entry', `a ${outcome} entry can only match a 2xx status`);
  const holes = new Set<string>();
  for (const text of toList(match.message)) {
    if (!isTemplate(text)) continue;
    const parsed = parseTemplate(text);
    if ('error' in parsed) problem('template', `"${text}": ${parsed.error}`);
    else for (const part of parsed.parts) if (part.kind === 'hole') holes.add(part.name);
  }
  for (const name of entry.secret ?? []) if (!holes.has(name)) problem('entry', `secret "${name}" is not a template param`);
}

/** The tier and conditions that decide which of two entries a response reaches first. */
function signatures(entry: CompiledEntry): string[] {
  const base = `${entry.transport ? 'transport' : entry.general ? 'general' : entry.fatal ? 'response' : 'item'}|${entry.status ?? ''}|${entry.statusClass ?? ''}|${entry.shape ?? ''}|${entry.fields ? 'fields' : ''}|${[...(entry.names ?? [])].sort().join(',')}`;
  const codes = entry.codes === null ? [''] : [...entry.codes];
  const texts = [...(entry.exact ?? []).values(), ...entry.templates.map((t) => `template:${textKey(t.source)}`)];
  const messages = texts.length === 0 ? [''] : texts;
  return codes.flatMap((code) => messages.map((message) => `${base}|code:${code}|message:${message}`));
}

function messageOfExample(input: unknown, order: ShapeOrder): string | null {
  if (!isRecord(input)) return null;
  if ('thrown' in input) {
    const message = own(input.thrown, 'message');
    return typeof message === 'string' ? message : typeof input.thrown === 'string' ? input.thrown : null;
  }
  const contentType = readHeaders(own(input, 'headers')).get('content-type');
  return extract(parseBody(own(input, 'body'), 1_048_576), contentType, order).message;
}

function templateMatches(template: Template, message: string): boolean {
  const original = message.replace(/\s+/g, ' ').trim();
  return matchTemplate(template, foldCase(original), original) !== null;
}

/** The message entries of `index` that could match `folded`: its exact bucket and template buckets. */
function messageCandidates(index: EntryIndex, folded: string): Set<CompiledEntry> {
  const found = new Set<CompiledEntry>(index.byExact.get(folded) ?? []);
  const add = (list: readonly TemplateCandidate[] | undefined): void => {
    for (const candidate of list ?? []) found.add(candidate.entry);
  };
  const keys = messageKeys(folded);
  const { templates } = index;
  if (keys.firstTwoWords !== undefined) add(templates.byFirstTwoWords.get(keys.firstTwoWords));
  add(templates.byFirstWord.get(keys.firstWord));
  if (keys.lastTwoWords !== undefined) add(templates.byLastTwoWords.get(keys.lastTwoWords));
  add(templates.byLastWord.get(keys.lastWord));
  for (const word of folded.split(' ')) add(templates.byAnyWord.get(word));
  return found;
}

/**
 * Equal-specificity overlaps between message entries, found through their examples. Only
 * the entries the compiled index offers for an example's message are compared, so the
 * check stays linear in catalog size.
 */
function templateOverlaps(compiled: CompiledCatalog, source: Catalog, order: ShapeOrder, problem: (entry: string, rule: string, message: string) => void): void {
  const byId = new Map(source.entries.map((entry) => [entry.id, entry]));
  const templated = compiled.entries.filter((entry) => entry.templates.length > 0 || entry.exact !== null);
  for (const entry of templated) {
    const index = entry.transport ? compiled.transport : entry.general ? compiled.general : entry.fatal ? compiled.responses : compiled.items;
    for (const example of byId.get(entry.id)?.examples ?? []) {
      const message = messageOfExample(example.input, order);
      if (message === null) continue;
      for (const other of messageCandidates(index, textKey(message))) {
        if (other === entry || other.rank !== entry.rank || other.transport !== entry.transport || other.general !== entry.general || other.fatal !== entry.fatal) continue;
        if (other.status !== entry.status || other.statusClass !== entry.statusClass || other.shape !== entry.shape || other.fields !== entry.fields) continue;
        if (entry.codes !== null && (other.codes === null || ![...entry.codes].some((code) => other.codes!.has(code)))) continue;
        if (entry.codes === null && other.codes !== null) continue;
        const hit = other.templates.find((template) => templateMatches(template, message));
        const mine = entry.templates.find((template) => templateMatches(template, message));
        if (hit === undefined || (entry.exact?.has(textKey(message)) ?? false)) continue;
        if (mine !== undefined && mine.literalLength !== hit.literalLength) continue;
        problem(entry.id, 'ambiguous', `example message "${message}" also matches ${other.id} ("${hit.source}") with equal specificity`);
      }
    }
  }
}

/**
 * `catalog` without the standard shape names `generic` does not declare, each reported:
 * the rest of the catalog can still be linted.
 */
function withKnownShapes(catalog: Catalog, generic: Catalog, problem: (message: string) => void): Catalog {
  const declared = new Set([...generic.shapes, ...catalog.shapes].flatMap((shape) => (typeof shape === 'string' ? [] : [shape.name])));
  const unknown = catalog.shapes.filter((shape): shape is string => typeof shape === 'string' && !declared.has(shape));
  for (const name of unknown) problem(`lists shape "${name}", which neither it nor the generic catalog declares`);
  return unknown.length === 0 ? catalog : { ...catalog, shapes: catalog.shapes.filter((shape) => typeof shape !== 'string' || declared.has(shape)) };
}

/** Stands in for the generic catalog when none is given. */
const NO_GENERIC: Catalog = { vendor: 'generic', name: 'none', docs: '-', shapes: [], hosts: [], requestIdHeaders: [], entries: [] };

/**
 * Shape problems beyond structure: recognisers that tie (compile-shapes.ts), and entries
 * whose `match.shape` names a shape their catalog cannot read with.
 */
function lintShapes(engine: Engine, valid: readonly { catalog: Catalog; compiled: CompiledCatalog }[], problem: (catalog: string, message: string) => void): void {
  const all = [engine.generic, ...engine.vendors.values()].flatMap((catalog) => catalog.ownShapes);
  for (const { a, b } of shapeTies(all)) {
    const describe = (candidate: typeof a): string =>
      `"${candidate.shape.name}" (${candidate.conditions.map((condition) => `${condition.path.text}: ${condition.type}`).join(', ') || 'no condition'})`;
    problem(b.shape.owner ?? engine.generic.vendor, `shapes ${describe(a)} and ${describe(b)} pin the same members: no rule tells them apart`);
  }
  const standard = new Set(engine.generic.ownShapes.map((shape) => shape.name));
  for (const { catalog, compiled } of valid) {
    const own = new Set(compiled.ownShapes.map((shape) => shape.name));
    for (const entry of catalog.entries) {
      const shape = entry.match?.shape;
      if (shape !== undefined && !own.has(shape) && !standard.has(shape))
        problem(catalog.vendor, `${entry.id}: match.shape "${shape}" is not a shape this catalog or the generic catalog declares`);
    }
  }
}

/**
 * Lints catalogs. Never throws; returns every problem found (empty when clean).
 * Examples are run with a classifier over all given catalogs plus `options.generic`.
 */
export function lintCatalogs(catalogs: readonly unknown[], options: LintOptions = {}): LintProblem[] {
  const problems: LintProblem[] = [];
  const valid: { catalog: Catalog; compiled: CompiledCatalog }[] = [];
  const all = options.generic === undefined ? [...catalogs] : [...catalogs, options.generic];
  const lintGeneric = options.includeGeneric ?? true;
  all.forEach((value, index) => {
    const name = typeof own(value, 'vendor') === 'string' ? (own(value, 'vendor') as string) : `#${index}`;
    const isGeneric = options.generic !== undefined && index === all.length - 1;
    const result = validateCatalog(value);
    if (!result.ok) {
      for (const issue of result.issues) problems.push({ catalog: name, rule: 'schema', message: `${issue.path}: ${issue.message}` });
      return;
    }
    const report = (entry: string | undefined, rule: string, message: string, example?: number): void => {
      if (isGeneric && !lintGeneric) return;
      problems.push({ catalog: name, ...(entry === undefined ? {} : { entry }), ...(example === undefined ? {} : { example }), rule, message });
    };
    for (const entry of result.catalog.entries) checkEntry(result.catalog, entry, (rule, message) => report(entry.id, rule, message));
    if (problems.some((p) => p.catalog === name && p.rule === 'template')) return;
    try {
      valid.push({ catalog: result.catalog, compiled: compileCatalog(result.catalog, { standard: isGeneric }) });
    } catch (error) {
      const issues = (error as { issues?: unknown }).issues;
      const rule = String((error as Error).message).includes('shapes') ? 'shape' : 'template';
      for (const issue of Array.isArray(issues) && issues.length > 0 ? issues : [(error as Error).message]) report(undefined, rule, String(issue));
    }
  });

  // Ids are global: the same id in two catalogs would make results ambiguous.
  const seen = new Map<string, string>();
  for (const { catalog } of valid)
    for (const entry of catalog.entries) {
      const owner = seen.get(entry.id);
      if (owner !== undefined) problems.push({ catalog: catalog.vendor, entry: entry.id, rule: 'duplicate-id', message: `id already used in ${owner}` });
      else seen.set(entry.id, catalog.vendor);
    }

  // One engine over every valid catalog: it orders the shapes and runs the examples.
  const genericEntry = valid.find(({ catalog }) => catalog === options.generic);
  const vendorCatalogs = valid.filter((item) => item !== genericEntry).map(({ catalog }) => catalog);
  if (genericEntry === undefined && options.generic !== undefined) return problems;
  const generic = genericEntry?.catalog ?? NO_GENERIC;
  const config = { catalogs: vendorCatalogs.map((catalog) => withKnownShapes(catalog, generic, (message) => problems.push({ catalog: catalog.vendor, rule: 'shape', message }))), generic };
  let engine: Engine;
  try {
    engine = buildEngine(config);
  } catch (error) {
    problems.push({ catalog: '*', rule: 'shape', message: String((error as Error).message) });
    return problems;
  }
  lintShapes(engine, valid, (catalog, message) => problems.push({ catalog, rule: 'shape', message }));

  for (const { catalog, compiled } of valid) {
    const lintThis = lintGeneric || options.generic === undefined || catalog !== options.generic;
    if (!lintThis) continue;
    const signatureOwner = new Map<string, string>();
    const defaults = { item: [] as string[], transport: [] as string[] };
    for (const entry of compiled.entries) {
      for (const signature of signatures(entry)) {
        const owner = signatureOwner.get(signature);
        if (owner !== undefined && owner !== entry.id)
          problems.push({ catalog: catalog.vendor, entry: entry.id, rule: 'ambiguous', message: `matches the same responses as ${owner} with equal specificity` });
        else signatureOwner.set(signature, entry.id);
      }
      const bare = entry.codes === null && entry.exact === null && entry.templates.length === 0 && entry.names === null;
      if (bare && !entry.fatal) defaults.item.push(entry.id);
      if (bare && entry.transport) defaults.transport.push(entry.id);
      if (options.redos !== undefined)
        for (const template of entry.templates) {
          const verdict = options.redos(templateToRegExpSource(template), 'i');
          if (!verdict.safe) problems.push({ catalog: catalog.vendor, entry: entry.id, rule: 'redos', message: `"${template.source}" is not linear-time${verdict.detail === undefined ? '' : `: ${verdict.detail}`}` });
        }
    }
    for (const [kind, ids] of Object.entries(defaults))
      if (ids.length > 1) problems.push({ catalog: catalog.vendor, rule: 'ambiguous', message: `more than one ${kind} default: ${ids.join(', ')}` });
    const order = (engine.vendors.get(catalog.vendor) ?? engine.generic).shapeOrder;
    templateOverlaps(compiled, catalog, order, (entry, rule, message) => problems.push({ catalog: catalog.vendor, entry, rule, message }));
  }

  // Examples: run against every valid catalog at once, as users would.
  const classifier = createClassifierFromCatalogs(config, normalizeThrown);
  for (const { catalog } of valid) {
    if (!lintGeneric && catalog === options.generic) continue;
    const reached = new Set<string>();
    for (const entry of catalog.entries) {
      entry.examples.forEach((example, index) => {
        const result = runExample(classifier, example);
        if (result.error !== null) reached.add(result.error.id);
        for (const minor of result.minor) reached.add(minor.id);
        for (const mismatch of exampleMismatches(result, example.expect))
          problems.push({ catalog: catalog.vendor, entry: entry.id, example: index, rule: 'example-mismatch', message: `${example.name}: ${mismatch}` });
      });
    }
    for (const entry of catalog.entries)
      if ((entry.outcome ?? 'error') === 'error' && !reached.has(entry.id))
        problems.push({ catalog: catalog.vendor, entry: entry.id, rule: 'unreachable', message: 'no example classifies to this entry' });
  }
  return problems;
}
