/**
 * Catalog lint (DESIGN.md "Matching precedence"): everything that makes a catalog wrong
 * beyond its structure. Schema errors, duplicate ids, ids outside the catalog's
 * namespaces, inconsistent entries, templates that do not parse or are not linear-time,
 * two entries that match the same response with equal specificity, examples that do not
 * classify as they say, and entries no example reaches.
 */
import { validateCatalog } from './catalog-schema.js';
import { createClassifierFromCatalogs } from './classifier.js';
import { catalogSetProblems, entryProblems } from './catalog-rules.js';
import { shapeTies, type ShapeOrder } from './compile-shapes.js';
import { buildEngine, type Engine } from './engine.js';
import { compileCatalog, type CompiledCatalog, type CompiledEntry, type EntryIndex } from './compile-catalog.js';
import { exampleMismatches, runExample } from './examples.js';
import { extract } from './extract.js';
import type { Catalog } from './generated/catalog-types.js';
import { normalizeThrown } from './normalize-error.js';
import { parseBody } from './parse-body.js';
import { describeCaught, isArray, isRecord, own } from './safe.js';
import { matchTemplate, templateToRegExpSource, type Template } from './template.js';
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
  /** Rule name: `schema`, `duplicate-id`, `duplicate-vendor`, `namespace`, `entry`, `template`, `shape`, `redos`, `ambiguous`, `example-mismatch`, `unreachable`. */
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

/**
 * The message templates of a group of entries keyed by their rarest whole literal word
 * (rarest across the group). A template matches a message only if each of its whole
 * literal words is a word of the message, so the templates that can match a message are
 * among the keys of its words. The classifier's own index keys most templates by their
 * first words, which thousands of templates may share; keyed by the rarest word, the
 * candidates of an example stay few, and the overlap check linear in catalog size.
 */
type RarestWordIndex = Map<string, CompiledEntry[]>;

function rarestWordIndex(entries: readonly CompiledEntry[]): RarestWordIndex {
  const frequency = new Map<string, number>();
  for (const entry of entries)
    for (const template of entry.templates)
      for (const word of new Set(template.literalWords)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const index: RarestWordIndex = new Map();
  for (const entry of entries)
    for (const template of entry.templates) {
      let rarest = template.literalWords[0]!;
      for (const word of template.literalWords) if ((frequency.get(word) ?? 0) < (frequency.get(rarest) ?? 0)) rarest = word;
      const list = index.get(rarest);
      if (list === undefined) index.set(rarest, [entry]);
      else if (list[list.length - 1] !== entry) list.push(entry);
    }
  return index;
}

/** The message entries of a group that could match `folded`: its exact bucket and the templates keyed by its words. */
function messageCandidates(index: EntryIndex, byWord: RarestWordIndex, folded: string): Set<CompiledEntry> {
  const found = new Set<CompiledEntry>(index.byExact.get(folded) ?? []);
  for (const word of new Set(folded.split(' '))) for (const entry of byWord.get(word) ?? []) found.add(entry);
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
  const groupOf = (entry: CompiledEntry): 'transport' | 'general' | 'responses' | 'items' =>
    entry.transport ? 'transport' : entry.general ? 'general' : entry.fatal ? 'responses' : 'items';
  const byWord = {
    transport: rarestWordIndex(compiled.entries.filter((entry) => groupOf(entry) === 'transport')),
    general: rarestWordIndex(compiled.entries.filter((entry) => groupOf(entry) === 'general')),
    responses: rarestWordIndex(compiled.entries.filter((entry) => groupOf(entry) === 'responses')),
    items: rarestWordIndex(compiled.entries.filter((entry) => groupOf(entry) === 'items')),
  };
  for (const entry of templated) {
    const group = groupOf(entry);
    for (const example of byId.get(entry.id)?.examples ?? []) {
      const message = messageOfExample(example.input, order);
      if (message === null) continue;
      for (const other of messageCandidates(compiled[group], byWord[group], textKey(message))) {
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
 * Lints catalogs. Never throws (a catalog that cannot be read, a Proxy or a getter that
 * throws, is itself a problem); returns every problem found (empty when clean). Examples
 * are run with a classifier over all given catalogs plus `options.generic`.
 */
export function lintCatalogs(catalogs: readonly unknown[], options: LintOptions = {}): LintProblem[] {
  const problems: LintProblem[] = [];
  try {
    lintInto(problems, catalogs, options);
  } catch (cause) {
    problems.push({ catalog: '*', rule: 'schema', message: `the catalogs could not be linted: ${describeCaught(cause)}` });
  }
  return problems;
}

/** The arguments of {@link lintCatalogs}, read once into plain values; what cannot be read is a problem. */
function readArguments(catalogs: unknown, options: unknown, problems: LintProblem[]): { values: unknown[]; settings: LintOptions } {
  let values: unknown[] = [];
  if (!isArray(catalogs)) problems.push({ catalog: '*', rule: 'schema', message: `expected an array of catalogs, got ${catalogs === null ? 'null' : typeof catalogs}` });
  else
    try {
      values = Array.from(catalogs);
    } catch (cause) {
      problems.push({ catalog: '*', rule: 'schema', message: `the list of catalogs could not be read: ${describeCaught(cause)}` });
    }
  const generic = own(options, 'generic');
  const includeGeneric = own(options, 'includeGeneric');
  const redos = own(options, 'redos');
  const settings: LintOptions = {};
  if (generic !== undefined) settings.generic = generic;
  if (typeof includeGeneric === 'boolean') settings.includeGeneric = includeGeneric;
  if (typeof redos === 'function') settings.redos = redos as RedosChecker;
  return { values, settings };
}

function lintInto(problems: LintProblem[], catalogArgument: readonly unknown[], optionsArgument: LintOptions): void {
  const { values, settings: options } = readArguments(catalogArgument, optionsArgument, problems);
  const valid: { catalog: Catalog; compiled: CompiledCatalog; isGeneric: boolean }[] = [];
  const all = options.generic === undefined ? values : [...values, options.generic];
  const lintGeneric = options.includeGeneric ?? true;
  all.forEach((value, index) => {
    const vendor = own(value, 'vendor');
    const name = typeof vendor === 'string' ? vendor : `#${index}`;
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
    let templates = false;
    for (const entry of result.catalog.entries)
      for (const problem of entryProblems(result.catalog, entry)) {
        report(problem.entry, problem.rule, problem.message);
        templates ||= problem.rule === 'template';
      }
    if (templates) return;
    try {
      valid.push({ catalog: result.catalog, compiled: compileCatalog(result.catalog, { standard: isGeneric }), isGeneric });
    } catch (error) {
      const issues = (error as { issues?: unknown }).issues;
      const rule = describeCaught(error).includes('shapes') ? 'shape' : 'template';
      for (const issue of Array.isArray(issues) && issues.length > 0 ? issues : [describeCaught(error)]) report(undefined, rule, String(issue));
    }
  });

  // Vendors and ids are global: the same vendor or id in two catalogs would make results ambiguous.
  for (const problem of catalogSetProblems(valid.map(({ catalog }) => catalog)))
    problems.push({ catalog: problem.catalog, ...(problem.entry === undefined ? {} : { entry: problem.entry }), rule: problem.rule, message: problem.message });

  // One engine over every valid catalog (one per vendor, the last one given winning, as the
  // CLI loads a directory): it orders the shapes and runs the examples. The catalog rules
  // were reported above; the engine is built despite them so the examples still run.
  const genericEntry = valid.find(({ isGeneric }) => isGeneric);
  if (genericEntry === undefined && options.generic !== undefined) return;
  const generic = genericEntry?.catalog ?? NO_GENERIC;
  const byVendor = new Map(valid.filter((item) => item !== genericEntry).map(({ catalog }) => [catalog.vendor, catalog]));
  const report = (catalog: string) => (message: string) => problems.push({ catalog, rule: 'shape', message });
  const config = { catalogs: [...byVendor.values()].map((catalog) => withKnownShapes(catalog, generic, report(catalog.vendor))), generic };
  let engine: Engine;
  try {
    engine = buildEngine(config, { skipRules: true });
  } catch (error) {
    problems.push({ catalog: '*', rule: 'shape', message: describeCaught(error) });
    return;
  }
  lintShapes(engine, valid, (catalog, message) => report(catalog)(message));

  for (const { catalog, compiled, isGeneric } of valid) {
    if (isGeneric && !lintGeneric) continue;
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
  let classifier;
  try {
    classifier = createClassifierFromCatalogs(config, normalizeThrown, { skipRules: true });
  } catch (error) {
    problems.push({ catalog: '*', rule: 'schema', message: describeCaught(error) });
    return;
  }
  for (const { catalog, isGeneric } of valid) {
    if (!lintGeneric && isGeneric) continue;
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
}
