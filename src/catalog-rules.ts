/**
 * The rules about a catalog's meaning that hold without running it: the ones a
 * classifier must refuse to be built with, because breaking them would give results that
 * break the output contract (DESIGN.md "Output") or would silently lose data. Both
 * `createClassifier` (which throws a `CatalogError`) and `lintCatalogs` (which reports
 * them) apply these same rules, so a catalog lint calls wrong never reaches a classifier.
 */
import type { Catalog, CatalogEntry } from './generated/catalog-types.js';
import { isTemplate, parseTemplate } from './template.js';

/** One broken rule: lint's rule name, the entry when there is one, and what is wrong. */
export interface RuleProblem {
  rule: 'namespace' | 'entry' | 'template' | 'duplicate-id' | 'duplicate-vendor';
  /** The catalog's vendor name. */
  catalog: string;
  entry?: string;
  message: string;
}

function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The names of the holes of an entry's message templates; templates that do not parse are reported. */
function templateHoles(entry: CatalogEntry, problem: (rule: RuleProblem['rule'], message: string) => void): Set<string> {
  const holes = new Set<string>();
  for (const text of toList(entry.match?.message)) {
    if (!isTemplate(text)) continue;
    const parsed = parseTemplate(text);
    if ('error' in parsed) problem('template', `"${text}": ${parsed.error}`);
    else for (const part of parsed.parts) if (part.kind === 'hole') holes.add(part.name);
  }
  return holes;
}

/**
 * The problems of one entry of a structurally valid catalog: ids outside the catalog's
 * namespaces, entries whose outcome, category and flags do not fit together (category
 * `unknown` is reserved for `matchedBy: 'none'`), conditions that cannot apply, templates
 * that do not parse, and `secret` names that are no template hole (nothing would be
 * redacted).
 */
export function entryProblems(catalog: Catalog, entry: CatalogEntry): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const problem = (rule: RuleProblem['rule'], message: string): void => {
    problems.push({ rule, catalog: catalog.vendor, entry: entry.id, message });
  };
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
  const holes = templateHoles(entry, problem);
  for (const name of entry.secret ?? []) if (!holes.has(name)) problem('entry', `secret "${name}" is not a template param`);
  return problems;
}

/**
 * Problems between catalogs used together: a vendor given twice (the second would
 * replace the first) and an id used twice, in one catalog or two (results would be
 * ambiguous). Linear: one pass with a map of what was seen.
 */
export function catalogSetProblems(catalogs: readonly Catalog[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const vendors = new Set<string>();
  const ids = new Map<string, string>();
  for (const catalog of catalogs) {
    if (vendors.has(catalog.vendor))
      problems.push({ rule: 'duplicate-vendor', catalog: catalog.vendor, message: `the vendor "${catalog.vendor}" is given by more than one catalog` });
    vendors.add(catalog.vendor);
    for (const entry of catalog.entries) {
      const owner = ids.get(entry.id);
      if (owner !== undefined) problems.push({ rule: 'duplicate-id', catalog: catalog.vendor, entry: entry.id, message: `id already used in ${owner}` });
      else ids.set(entry.id, catalog.vendor);
    }
  }
  return problems;
}
