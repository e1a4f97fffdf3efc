/**
 * The precedence rules of DESIGN.md "Matching precedence", as small lookups over a
 * compiled {@link EntryIndex}. Each function answers one tier; the classifier chains them.
 */
import type { CompiledEntry, EntryIndex, TemplateCandidate } from './compile-catalog.js';
import { matchTemplate, type TemplateParams } from './template.js';
import { collapseWhitespace, foldCase, isCollapsed } from './text.js';

/**
 * Where the words of a folded message break: the first, second, last and next-to-last
 * space (-1 where there is none). The template index keys are ranges between them, looked
 * up without cutting them out (`TextIndex.find`).
 */
interface WordBounds {
  first: number;
  second: number;
  last: number;
  beforeLast: number;
}

/** The template index keys of a message: its first and last word, and first and last two words (undefined for one word). */
export interface MessageKeys {
  firstWord: string;
  lastWord: string;
  firstTwoWords: string | undefined;
  lastTwoWords: string | undefined;
}

/**
 * A message folded for matching, and, once `checked`, trimmed with its whitespace
 * collapsed: exact texts are looked up before that check (a hit needs none: catalog texts
 * are normalized, so a folded message equal to one is normalized too).
 */
interface NormalizedMessage {
  /** The message, normalized once `checked`, with its original case. */
  original: string;
  /** The message case-folded, normalized once `checked`. */
  folded: string;
  /** Whether whitespace was checked (and collapsed where needed). */
  checked: boolean;
  /** Computed when a template index is first consulted (an exact hit never needs them). */
  bounds: WordBounds | undefined;
}

/** What the matcher knows about one response (or one item, or one thrown error). */
export interface MatchContext {
  status: number | null;
  /** `Math.floor(status / 100)`, or null. */
  statusClass: number | null;
  shape: string | null;
  /** Case-folded code, or null. */
  code: string | null;
  /** The message as extracted, or null. */
  message: string | null;
  /**
   * The message folded (then normalized); undefined until a message tier first needs it
   * (most responses that match by code never do). Read through `folding` and `collapse`.
   */
  text: NormalizedMessage | null | undefined;
  /** Case-folded error names (thrown errors only). */
  names: readonly string[];
  /** The body yielded field errors. */
  hasFields: boolean;
}

/** No error names (responses and items): one shared array, not a new one per context. */
const NO_NAMES: readonly string[] = [];

/**
 * Builds the context for one response, item or thrown error. Code and message are
 * normalized the way the catalog compiler normalized its side (trimmed, whitespace
 * collapsed, case-folded), so lookups compare like with like; the message only when a
 * message tier asks for it.
 */
export function createMatchContext(
  status: number | null,
  shape: string | null,
  code: string | null,
  message: string | null,
  names: readonly string[] = NO_NAMES,
  hasFields = false,
): MatchContext {
  return {
    status,
    statusClass: status === null ? null : Math.floor(status / 100),
    shape,
    code: code === null ? null : foldCase(code),
    message,
    text: message === null ? null : undefined,
    names,
    hasFields,
  };
}

/** The message case-folded, whitespace not yet checked; null when there is none. */
function folding(context: MatchContext): NormalizedMessage | null {
  if (context.text !== undefined) return context.text;
  const message = context.message!;
  const text: NormalizedMessage = { original: message, folded: foldCase(message), checked: false, bounds: undefined };
  context.text = text;
  return text;
}

/** `text` with its whitespace checked and collapsed; true when that changed it. */
function collapse(text: NormalizedMessage): boolean {
  if (text.checked) return false;
  text.checked = true;
  // The folded string is flat (an HTML title is a slice of its page) and has the same
  // whitespace as the original: folding neither adds nor removes whitespace.
  if (isCollapsed(text.folded)) return false;
  text.original = collapseWhitespace(text.original);
  text.folded = foldCase(text.original);
  return true;
}

/**
 * The last space at or before `from`, or -1. A loop: messages end in short words, and
 * `lastIndexOf` is a call into the runtime that costs more than the few characters it
 * passes over (V8 has no inline fast path for it, unlike `indexOf`).
 */
function spaceAtOrBefore(text: string, from: number): number {
  for (let i = from; i >= 0; i--) if (text.charCodeAt(i) === 32) return i;
  return -1;
}

function wordBounds(folded: string): WordBounds {
  const first = folded.indexOf(' ');
  if (first === -1) return { first, second: -1, last: -1, beforeLast: -1 };
  // The scans stop at `first` at the latest: it is a space.
  const last = spaceAtOrBefore(folded, folded.length - 1);
  return { first, second: folded.indexOf(' ', first + 1), last, beforeLast: last === first ? -1 : spaceAtOrBefore(folded, last - 1) };
}

/** The template index keys of a normalized, folded message. */
export function messageKeys(folded: string): MessageKeys {
  const { first, second, last, beforeLast } = wordBounds(folded);
  if (first === -1) return { firstWord: folded, lastWord: folded, firstTwoWords: undefined, lastTwoWords: undefined };
  return {
    firstWord: folded.slice(0, first),
    lastWord: folded.slice(last + 1),
    firstTwoWords: second === -1 ? folded : folded.slice(0, second),
    lastTwoWords: beforeLast === -1 ? folded : folded.slice(beforeLast + 1),
  };
}

/** The winning entry and the params its template captured. */
export interface Match {
  entry: CompiledEntry;
  params: TemplateParams | undefined;
}

const NO_PARAMS = undefined;

/**
 * Status, shape and outcome conditions. Success and queued entries only describe 2xx
 * responses: a success body with an error status is not a success.
 */
function accepts(entry: CompiledEntry, context: MatchContext): boolean {
  if (entry.status !== null && entry.status !== context.status) return false;
  if (entry.statusClass !== null && entry.statusClass !== context.statusClass) return false;
  if (entry.shape !== null && entry.shape !== context.shape) return false;
  if (entry.fields && !context.hasFields) return false;
  if (entry.outcome !== 'error' && context.statusClass !== 2) return false;
  return entry.names === null || hasAnyName(entry.names, context.names);
}

/** Whether one of the error's names is one the entry lists (thrown errors only). */
function hasAnyName(listed: ReadonlySet<string>, names: readonly string[]): boolean {
  for (let i = 0; i < names.length; i++) if (listed.has(names[i]!)) return true;
  return false;
}

/**
 * The first entry of `list` whose conditions hold. Indexed loops here and below, not
 * `for…of`: the same machine code once optimized, but far less bytecode, which is what
 * V8's inlining budget counts.
 */
function firstAccepted(list: readonly CompiledEntry[] | undefined, context: MatchContext): CompiledEntry | undefined {
  if (list === undefined) return undefined;
  for (let i = 0; i < list.length; i++) if (accepts(list[i]!, context)) return list[i];
  return undefined;
}

/** The entry's message condition: params (possibly none) when it holds, false when not. */
function messageParams(entry: CompiledEntry, context: MatchContext): TemplateParams | undefined | false {
  if (entry.exact === null && entry.templates.length === 0) return NO_PARAMS;
  const text = folding(context);
  if (text === null) return false;
  if (entry.exact !== null && (entry.exact.has(text.folded) || (collapse(text) && entry.exact.has(text.folded)))) return NO_PARAMS;
  collapse(text);
  const { templates } = entry;
  for (let i = 0; i < templates.length; i++) {
    const params = matchTemplate(templates[i]!, text.folded, text.original);
    if (params !== null) return params;
  }
  return false;
}

/** Tier "code": entries with a code condition (and whatever else they require). */
export function matchByCode(index: EntryIndex, context: MatchContext): Match | undefined {
  if (context.code === null) return undefined;
  const list = index.byCode.get(context.code);
  if (list === undefined) return undefined;
  for (let i = 0; i < list.length; i++) {
    const entry = list[i]!;
    if (!accepts(entry, context)) continue;
    const params = messageParams(entry, context);
    if (params !== false) return { entry, params };
  }
  return undefined;
}

/** Tier "name": thrown-error entries keyed by error name. */
export function matchByName(index: EntryIndex, context: MatchContext): Match | undefined {
  for (const name of context.names) {
    const entry = firstAccepted(index.byCode.get(`name:${name}`), context);
    if (entry !== undefined) return { entry, params: NO_PARAMS };
  }
  return undefined;
}

/** The best template match so far. */
interface Best {
  candidate: TemplateCandidate;
  params: TemplateParams;
}

function better(best: Best | undefined, candidate: TemplateCandidate): boolean {
  if (best === undefined) return true;
  const a = best.candidate;
  return candidate.entry.rank > a.entry.rank || (candidate.entry.rank === a.entry.rank && candidate.template.literalLength > a.template.literalLength);
}

function tryCandidates(
  list: readonly TemplateCandidate[] | undefined,
  context: MatchContext,
  text: NormalizedMessage,
  best: Best | undefined,
): Best | undefined {
  if (list === undefined) return best;
  for (let i = 0; i < list.length; i++) {
    const candidate = list[i]!;
    if (!better(best, candidate) || !accepts(candidate.entry, context)) continue;
    const params = matchTemplate(candidate.template, text.folded, text.original);
    // Lists are sorted by specificity, so the first hit is this list's best.
    if (params !== null) return { candidate, params };
  }
  return best;
}

/** Tier "message": exact texts first, then templates (most specific wins). */
export function matchByMessage(index: EntryIndex, context: MatchContext): Match | undefined {
  const text = folding(context);
  if (text === null) return undefined;
  let exact = index.byExact.find(text.folded, 0, text.folded.length);
  if (exact === undefined && collapse(text)) exact = index.byExact.find(text.folded, 0, text.folded.length);
  const entry = firstAccepted(exact, context);
  if (entry !== undefined) return { entry, params: NO_PARAMS };
  const { templates } = index;
  if (templates.size === 0) return undefined;
  collapse(text);
  const { folded } = text;
  const { length } = folded;
  const { first, second, last, beforeLast } = (text.bounds ??= wordBounds(folded));
  let best: Best | undefined;
  if (first !== -1 && templates.byFirstTwoWords.size > 0)
    best = tryCandidates(templates.byFirstTwoWords.find(folded, 0, second === -1 ? length : second), context, text, best);
  if (templates.byFirstWord.size > 0) best = tryCandidates(templates.byFirstWord.find(folded, 0, first === -1 ? length : first), context, text, best);
  if (first !== -1 && templates.byLastTwoWords.size > 0)
    best = tryCandidates(templates.byLastTwoWords.find(folded, beforeLast + 1, length), context, text, best);
  if (templates.byLastWord.size > 0) best = tryCandidates(templates.byLastWord.find(folded, last + 1, length), context, text, best);
  if (templates.byAnyWord.size > 0) {
    // One pass over the message's words; each word is one filtered lookup.
    let start = 0;
    // Messages are clipped to 2,000 characters on extraction, which bounds this loop.
    while (start <= length) {
      const end = folded.indexOf(' ', start);
      best = tryCandidates(templates.byAnyWord.find(folded, start, end === -1 ? length : end), context, text, best);
      if (end === -1) break;
      start = end + 1;
    }
  }
  return best === undefined ? undefined : { entry: best.candidate.entry, params: best.params };
}

/** Tier "shape": an HTML page or empty body with a given status. */
export function matchByShape(index: EntryIndex, context: MatchContext): Match | undefined {
  if (context.shape === null) return undefined;
  const entry = firstAccepted(index.byShape.get(context.shape), context);
  return entry === undefined ? undefined : { entry, params: NO_PARAMS };
}

/** Tier "field errors": entries that need field errors in the body (a 400 with field errors is a validation error). */
export function matchByFields(index: EntryIndex, context: MatchContext): Match | undefined {
  if (!context.hasFields) return undefined;
  const entry = firstAccepted(index.withFields, context);
  return entry === undefined ? undefined : { entry, params: NO_PARAMS };
}

/** Tier "status": an exact status entry, else a status class entry. */
export function matchByStatus(index: EntryIndex, context: MatchContext): Match | undefined {
  if (context.status === null) return undefined;
  const entry = firstAccepted(index.byStatus[context.status], context) ?? firstAccepted(index.byClass[context.statusClass!], context);
  return entry === undefined ? undefined : { entry, params: NO_PARAMS };
}
