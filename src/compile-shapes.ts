/**
 * The shape compiler (docs/catalog-format.md "Shapes"): turns the envelope declarations of
 * the catalogs into recognisers and readers once, when a classifier is created, and puts
 * them in the order the extractor tries them.
 *
 * The order is the rule that decides which shape reads a body when several fit:
 * 1. shapes whose `mediaType` the response has, before shapes without one;
 * 2. when the vendor is known, the shapes it lists, before all others;
 * 3. the more specific recogniser first: the one that pins more members (a condition on
 *    `error.code` pins `error` and `error.code`);
 * 4. then the generic catalog's shapes, then the vendor catalogs in the order given, each
 *    in declaration order.
 * Two recognisers that pin the same members with compatible types can never be told apart
 * by this rule: lint reports them ({@link shapeTies}).
 */
import type { Catalog, ShapeDeclaration, ShapeItems, ShapeReader, ThrownForms } from './generated/catalog-types.js';
import { EVERY, parsePath, ROOT, type JsonPath, type ValueType } from './json-path.js';
import type { BodyKind, ReaderTransform } from './vocabulary.js';

/** One compiled reader: a path and what to do with the value found there. */
export interface CompiledReader {
  path: JsonPath;
  /** The top-level member the path starts with (null: the root itself, or `*`). */
  member: string | null;
  /**
   * `member`'s bit in the engine's member bits (0: none): a body whose members lack it is
   * not read at this path. Set by the engine, once ({@link assignMemberBits}).
   */
  bit: number;
  as: ReaderTransform | null;
  /** `uri-last-segment`: hosts whose URIs carry no code. */
  ignoreHosts: ReadonlySet<string> | null;
  /** `with-index`: where the index is, relative to the same object. */
  index: JsonPath | null;
  /** `url`: where the base URL is. */
  base: JsonPath | null;
}

/** One condition of a recogniser: the value at `path` has JSON type `type`. */
export interface CompiledCondition {
  path: JsonPath;
  type: ValueType;
}

/** Per-item results of a 2xx body. */
export interface CompiledItems {
  at: JsonPath;
  /** The bit of `at`'s first member (0: none), set with the readers' ({@link assignMemberBits}). */
  atBit: number;
  when: readonly CompiledCondition[];
  code: readonly CompiledReader[];
  message: readonly CompiledReader[];
  path: readonly CompiledReader[];
}

/** A compiled shape. */
export interface CompiledShape {
  name: string;
  /** The vendor that declared it; null for the generic catalog's standard shapes. */
  owner: string | null;
  body: BodyKind;
  /** Lower-case media type the response must have, or null. */
  mediaType: string | null;
  /** JSON bodies: the alternatives, any of which recognises the shape (each all-of). */
  alternatives: readonly (readonly CompiledCondition[])[];
  code: readonly CompiledReader[];
  message: readonly CompiledReader[];
  fields: readonly CompiledReader[];
  items: CompiledItems | null;
}

/** One recogniser in the extractor's order: a shape and one of its alternatives. */
export interface ShapeCandidate {
  shape: CompiledShape;
  conditions: readonly CompiledCondition[];
  /** The top-level members the conditions need: a body without one of them cannot fit. */
  members: readonly string[];
  /** The bits of `members` (see {@link assignMemberBits}). */
  mask: number;
  /** The members without a bit, checked by name. */
  unmasked: readonly string[];
  /** How many members the conditions pin (paths and the members on the way to them). */
  specificity: number;
}

/** The shapes the extractor tries for one vendor (or for none), per body kind. */
export interface ShapeOrder {
  /** Top-level member name → its bit, shared by every order of one engine. */
  memberBits: ReadonlyMap<string, number>;
  /** JSON recognisers, in the order of the module comment. */
  json: readonly ShapeCandidate[];
  /** The first shape for HTML, text and empty bodies. */
  html: CompiledShape | undefined;
  text: CompiledShape | undefined;
  empty: CompiledShape | undefined;
}

function compilePath(text: string, where: string, problems: string[]): JsonPath {
  const parsed = parsePath(text);
  if ('error' in parsed) {
    problems.push(`${where}: ${parsed.error}`);
    return ROOT;
  }
  return parsed;
}

/** The member a path starts with, when that is a plain member name. */
function firstMember(path: JsonPath): string | null {
  const first = path.segments[0];
  return first === undefined || first === EVERY ? null : first;
}

function compileReader(reader: string | ShapeReader, where: string, problems: string[]): CompiledReader {
  if (typeof reader === 'string') {
    const path = compilePath(reader, where, problems);
    return { path, member: firstMember(path), bit: 0, as: null, ignoreHosts: null, index: null, base: null };
  }
  const as = reader.as ?? null;
  if (reader.index !== undefined && as !== 'with-index') problems.push(`${where}: "index" only applies to "as": "with-index"`);
  if (reader.base !== undefined && as !== 'url') problems.push(`${where}: "base" only applies to "as": "url"`);
  if (reader.ignoreHosts !== undefined && as !== 'uri-last-segment') problems.push(`${where}: "ignoreHosts" only applies to "as": "uri-last-segment"`);
  if (as === 'with-index' && reader.index === undefined) problems.push(`${where}: "with-index" needs "index"`);
  const path = compilePath(reader.path ?? '', where, problems);
  return {
    path,
    // A reader that also reads a base URL or an index may find a value without its path.
    member: reader.base === undefined && reader.index === undefined ? firstMember(path) : null,
    bit: 0,
    as,
    ignoreHosts: reader.ignoreHosts === undefined ? null : new Set(reader.ignoreHosts.map((host) => host.toLowerCase())),
    index: reader.index === undefined ? null : compilePath(reader.index, `${where}.index`, problems),
    base: reader.base === undefined ? null : compilePath(reader.base, `${where}.base`, problems),
  };
}

/** Compiles a list of readers (absent: none). */
export function compileReaders(readers: readonly (string | ShapeReader)[] | undefined, where: string, problems: string[]): CompiledReader[] {
  return (readers ?? []).map((reader, index) => compileReader(reader, `${where}[${index}]`, problems));
}

/** Compiles one `when` object (path → type). */
export function compileConditions(when: Readonly<Record<string, ValueType>> | undefined, where: string, problems: string[]): CompiledCondition[] {
  if (when === undefined) return [];
  return Object.keys(when).map((path) => ({ path: compilePath(path, `${where}.${path}`, problems), type: when[path]! }));
}

function compileItems(items: ShapeItems, where: string, problems: string[]): CompiledItems {
  return {
    at: compilePath(items.at, `${where}.at`, problems),
    atBit: 0,
    when: compileConditions(items.when, `${where}.when`, problems),
    code: compileReaders(items.code, `${where}.code`, problems),
    message: compileReaders(items.message, `${where}.message`, problems),
    path: compileReaders(items.path, `${where}.path`, problems),
  };
}

/** Compiles one shape declaration; problems (bad paths, misplaced options) are added to `problems`. */
export function compileShape(declaration: ShapeDeclaration, owner: string | null, where: string, problems: string[]): CompiledShape {
  const body = declaration.body ?? 'json';
  const when = declaration.when;
  const alternatives = when === undefined ? [[]] : (Array.isArray(when) ? when : [when]).map((one, index) => compileConditions(one, `${where}.when[${index}]`, problems));
  if (body !== 'json' && when !== undefined) problems.push(`${where}: "when" only applies to JSON bodies`);
  if (body !== 'json' && declaration.items !== undefined) problems.push(`${where}: "items" only applies to JSON bodies`);
  return {
    name: declaration.name,
    owner,
    body,
    mediaType: declaration.mediaType === undefined ? null : declaration.mediaType.trim().toLowerCase(),
    alternatives,
    code: compileReaders(declaration.code, `${where}.code`, problems),
    message: compileReaders(declaration.message, `${where}.message`, problems),
    fields: compileReaders(declaration.fields, `${where}.fields`, problems),
    items: declaration.items === undefined ? null : compileItems(declaration.items, `${where}.items`, problems),
  };
}

/**
 * The shapes a catalog declares as objects (its own), compiled. `owner`: the vendor they
 * identify, null for the generic catalog's standard shapes.
 */
export function compileDeclaredShapes(catalog: Catalog, owner: string | null, problems: string[]): CompiledShape[] {
  const shapes: CompiledShape[] = [];
  catalog.shapes.forEach((shape, index) => {
    if (typeof shape !== 'string') shapes.push(compileShape(shape, owner, `shapes[${index}]`, problems));
  });
  return shapes;
}

/** The members a set of conditions pins: every path and every member on the way to it. */
function pinned(conditions: readonly CompiledCondition[]): Set<string> {
  const members = new Set<string>();
  for (const { path } of conditions)
    for (let length = 1; length <= path.segments.length; length++) members.add(path.segments.slice(0, length).join('.'));
  return members;
}

/** How many members `conditions` pin. */
export function specificity(conditions: readonly CompiledCondition[]): number {
  return pinned(conditions).size;
}

/** The recognisers of `shapes`, each alternative one candidate. */
function candidatesOf(shapes: readonly CompiledShape[], bits: ReadonlyMap<string, number> = NO_BITS): ShapeCandidate[] {
  const out: ShapeCandidate[] = [];
  for (const shape of shapes)
    if (shape.body === 'json')
      for (const conditions of shape.alternatives) {
        const members = [...new Set(conditions.map((condition) => firstMember(condition.path)).filter((member) => member !== null))];
        const mask = members.reduce((bits_, member) => bits_ | (bits.get(member) ?? 0), 0);
        out.push({ shape, conditions, members, mask, unmasked: members.filter((member) => !bits.has(member)), specificity: specificity(conditions) });
      }
  return out;
}

const NO_BITS: ReadonlyMap<string, number> = new Map();

/** How many top-level members get a bit: one 32-bit integer holds a body's members. */
const MEMBER_BITS = 31;

/**
 * Gives the top-level members that JSON recognisers and readers start at one bit each
 * (the most used first, at most {@link MEMBER_BITS}), and sets each reader's bit. The
 * extractor then turns a body's member names into one integer once, and skips every
 * recogniser and reader that needs a member the body lacks with one `&` instead of reads.
 */
export function assignMemberBits(all: readonly CompiledShape[]): ReadonlyMap<string, number> {
  const uses = new Map<string, number>();
  const count = (member: string | null): void => {
    if (member !== null) uses.set(member, (uses.get(member) ?? 0) + 1);
  };
  const json = all.filter((shape) => shape.body === 'json');
  for (const candidate of candidatesOf(json)) candidate.members.forEach(count);
  for (const shape of json) {
    for (const reader of [...shape.code, ...shape.message, ...shape.fields]) count(reader.member);
    count(shape.items === null ? null : firstMember(shape.items.at));
  }
  const ranked = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const bits = new Map(ranked.slice(0, MEMBER_BITS).map((member, index) => [member, 1 << index]));
  for (const shape of json) {
    for (const reader of [...shape.code, ...shape.message, ...shape.fields]) reader.bit = reader.member === null ? 0 : (bits.get(reader.member) ?? 0);
    const at = shape.items?.at.segments[0];
    if (shape.items !== null && at !== undefined) shape.items.atBit = bits.get(at) ?? 0;
  }
  return bits;
}

/**
 * The order the extractor tries shapes in (see the module comment). `all`: every shape
 * the classifier knows, the generic catalog's first, then each vendor's in catalog order.
 * `listed`: the known vendor's shapes (its own and the standard ones it names), or empty.
 * `memberBits`: from {@link assignMemberBits} over `all`.
 */
export function orderShapes(all: readonly CompiledShape[], listed: readonly CompiledShape[], memberBits: ReadonlyMap<string, number> = NO_BITS): ShapeOrder {
  const first = new Set(listed);
  const position = new Map(all.map((shape, index) => [shape, index]));
  const candidates = candidatesOf(all, memberBits);
  const rank = (candidate: ShapeCandidate): number[] => [
    candidate.shape.mediaType === null ? 1 : 0,
    first.has(candidate.shape) ? 0 : 1,
    -candidate.specificity,
    position.get(candidate.shape) ?? 0,
  ];
  const ranked = candidates.map((candidate, index) => ({ candidate, key: [...rank(candidate), index] }));
  ranked.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
    return 0;
  });
  const byKind = (kind: BodyKind): CompiledShape | undefined => listed.find((shape) => shape.body === kind) ?? all.find((shape) => shape.body === kind);
  return { memberBits, json: ranked.map(({ candidate }) => candidate), html: byKind('html'), text: byKind('text'), empty: byKind('empty') };
}

/** Whether two types can hold for one value. */
function compatible(a: ValueType, b: ValueType): boolean {
  if (a === b || a === 'present' || b === 'present') return true;
  return (a === 'number' && b === 'integer') || (a === 'integer' && b === 'number');
}

/** Two recognisers of different shapes that the order cannot tell apart. */
export interface ShapeTie {
  a: ShapeCandidate;
  b: ShapeCandidate;
}

/**
 * Pairs of recognisers that tie: same body kind and media type, the same pinned members,
 * and for every path both constrain, types that one value can have. A body that fits one
 * can then fit the other at equal rank, and only catalog order would decide.
 */
export function shapeTies(shapes: readonly CompiledShape[]): ShapeTie[] {
  const candidates = candidatesOf(shapes);
  const keyed = candidates.map((candidate) => ({ candidate, members: [...pinned(candidate.conditions)].sort().join('\n') }));
  const ties: ShapeTie[] = [];
  const groups = new Map<string, ShapeCandidate[]>();
  for (const { candidate, members } of keyed) {
    const key = `${candidate.shape.mediaType ?? ''}\n${members}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [candidate]);
    else group.push(candidate);
  }
  for (const group of groups.values())
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        if (a.shape === b.shape) continue;
        const types = new Map(a.conditions.map((condition) => [condition.path.text, condition.type]));
        const clash = b.conditions.some((condition) => {
          const other = types.get(condition.path.text);
          return other !== undefined && !compatible(other, condition.type);
        });
        if (!clash) ties.push({ a, b });
      }
  return ties;
}

/** Compiled thrown-error forms (generic catalog `thrown`). */
export interface CompiledThrown {
  responses: readonly { when: readonly CompiledCondition[]; status: readonly CompiledReader[]; headers: readonly CompiledReader[]; body: readonly CompiledReader[] }[];
  url: readonly CompiledReader[];
  method: readonly CompiledReader[];
  requestHeaders: readonly CompiledReader[];
  name: readonly CompiledReader[];
  code: readonly CompiledReader[];
  message: readonly CompiledReader[];
  causes: readonly CompiledReader[];
}

/** Compiles the generic catalog's `thrown` member (absent: nothing is read from thrown values but what the forms say, i.e. nothing). */
export function compileThrown(thrown: ThrownForms | undefined, problems: string[]): CompiledThrown {
  const where = 'thrown';
  return {
    responses: (thrown?.responses ?? []).map((form, index) => ({
      when: compileConditions(form.when, `${where}.responses[${index}].when`, problems),
      status: compileReaders(form.status, `${where}.responses[${index}].status`, problems),
      headers: compileReaders(form.headers, `${where}.responses[${index}].headers`, problems),
      body: compileReaders(form.body, `${where}.responses[${index}].body`, problems),
    })),
    url: compileReaders(thrown?.url, `${where}.url`, problems),
    method: compileReaders(thrown?.method, `${where}.method`, problems),
    requestHeaders: compileReaders(thrown?.requestHeaders, `${where}.requestHeaders`, problems),
    name: compileReaders(thrown?.name, `${where}.name`, problems),
    code: compileReaders(thrown?.code, `${where}.code`, problems),
    message: compileReaders(thrown?.message, `${where}.message`, problems),
    causes: compileReaders(thrown?.causes, `${where}.causes`, problems),
  };
}
