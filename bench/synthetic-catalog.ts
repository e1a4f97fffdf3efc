/**
 * Target 3: a synthetic vendor catalog with thousands of entries (distinct codes, exact
 * messages and templates), valid under docs/catalog-format.md, and corpus lines that hit
 * (and miss) its entries.
 *
 * Words come from a shared vocabulary (real error words plus generated ones), so template
 * first words collide the way they do in a large real catalog; a per-entry token (`e123`,
 * `t123`) keeps every entry distinct, so no two entries can match the same message.
 */
import type { BenchInput } from './corpus.js';
import { createRandom, type Random } from './random.js';

/** The vendor name of the synthetic catalog. */
export const SYNTHETIC_VENDOR = 'synthetic';
const HOST = 'api.synthetic.example';

const REAL_WORDS = (
  'invalid missing required request parameter value field account campaign message template recipient ' +
  'limit exceeded quota rate maximum minimum allowed not found access denied permission token key expired ' +
  'revoked format phone number email address user group segment contact list channel provider upstream ' +
  'timeout unavailable service internal error failed failure cannot could must should already exists ' +
  'duplicate conflict state pending active inactive draft scheduled archived deleted blocked suspended ' +
  'unsupported version header body payload size length characters items per day month hour second ' +
  'the a an is are was has have for of to in on with by from this that your'
).split(' ');

function generatedWords(random: Random, count: number): string[] {
  const consonants = 'bcdfghjklmnprstvz';
  const vowels = 'aeiou';
  const words = new Set<string>();
  while (words.size < count) {
    let word = '';
    for (let i = random.int(2, 4); i > 0; i--) word += random.chars(1, consonants) + random.chars(1, vowels);
    words.add(word);
  }
  return [...words];
}

const CATEGORIES = ['validation', 'bad_request', 'not_found', 'conflict', 'precondition', 'permission', 'quota', 'rate_limit', 'server', 'unavailable', 'upstream'] as const;
const RETRYABLE: ReadonlySet<string> = new Set(['rate_limit', 'server', 'unavailable']);

type HoleType = 'word' | 'int' | 'number' | 'text';

/** One generated entry, with what a line needs to hit it. */
export interface SyntheticEntry {
  id: string;
  category: (typeof CATEGORIES)[number];
  retryable: boolean;
  status: number | undefined;
  code: string | undefined;
  exact: string | undefined;
  template: string | undefined;
}

/** The catalog JSON and its entries. */
export interface SyntheticCatalog {
  catalog: Record<string, unknown>;
  entries: SyntheticEntry[];
  vocabulary: readonly string[];
}

function capitalize(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

function templateFor(random: Random, words: readonly string[], token: string): string {
  const w = () => random.pick(words);
  switch (random.int(0, 5)) {
    case 0:
      return `${capitalize(w())} ${w()} {item:word} ${w()} ${w()} ${token}`;
    case 1:
      return `${capitalize(w())} ${w()} ${token} has {count:int} ${w()} ${w()}`;
    case 2:
      return `${capitalize(w())} ${token} ${w()}: {detail}`;
    case 3:
      return `${capitalize(w())} ${w()} {value:number} ${w()} ${token} {unit:word}`;
    case 4:
      return `{name:word} ${w()} ${w()} ${token}`;
    default:
      return `{count:int} ${w()} ${w()} ${token} ${w()}`;
  }
}

function holeValue(random: Random, type: HoleType, words: readonly string[]): string {
  switch (type) {
    case 'word':
      return random.chance(0.5) ? random.pick(words) : `${random.pick(words)}_${random.int(1, 999)}`;
    case 'int':
      return String(random.int(0, 100000));
    case 'number':
      return `${random.int(0, 999)}.${random.int(0, 99)}`;
    case 'text':
      return Array.from({ length: random.int(1, 6) }, () => random.pick(words)).join(' ');
  }
}

/** Fills a template's holes with plausible values; returns the message and its params. */
export function instantiate(random: Random, template: string, words: readonly string[]): { message: string; params: Record<string, string | number> } {
  const params: Record<string, string | number> = {};
  const message = template.replace(/\{(\w+)(?::(\w+))?\}/g, (_, name: string, type: string | undefined) => {
    const holeType = (type ?? 'text') as HoleType;
    const value = holeValue(random, holeType, words);
    params[name] = holeType === 'int' || holeType === 'number' ? Number(value) : value;
    return value;
  });
  return { message, params };
}

/**
 * A catalog of `count` entries: 40% codes (a quarter of them also with a status), 30%
 * exact messages, 30% templates (a third of them starting with a hole).
 */
export function syntheticCatalog(count: number, seed = 0x5717): SyntheticCatalog {
  const random = createRandom(seed);
  const vocabulary = [...REAL_WORDS, ...generatedWords(random, 400)];
  const entries: SyntheticEntry[] = [];
  const json: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const category = CATEGORIES[i % CATEGORIES.length]!;
    const retryable = RETRYABLE.has(category);
    const kind = i % 10 < 4 ? 'code' : i % 10 < 7 ? 'exact' : 'template';
    const entry: SyntheticEntry = { id: `${SYNTHETIC_VENDOR}.entry_${i}`, category, retryable, status: undefined, code: undefined, exact: undefined, template: undefined };
    const match: Record<string, unknown> = {};
    let message: string;
    let params: Record<string, string | number> | undefined;
    if (kind === 'code') {
      entry.code = `${random.pick(vocabulary)}_${random.pick(vocabulary)}_${i}`;
      match.code = entry.code;
      if (i % 4 === 0) entry.status = random.pick([400, 409, 422]);
      message = `${capitalize(random.pick(vocabulary))} ${random.pick(vocabulary)}`;
    } else if (kind === 'exact') {
      entry.exact = `${capitalize(random.pick(vocabulary))} ${random.pick(vocabulary)} ${random.pick(vocabulary)} ${random.pick(vocabulary)} e${i}.`;
      match.message = entry.exact;
      message = entry.exact;
    } else {
      entry.template = templateFor(random, vocabulary, `t${i}`);
      match.message = entry.template;
      ({ message, params } = instantiate(random, entry.template, vocabulary));
    }
    if (entry.status !== undefined) match.status = entry.status;
    entries.push(entry);
    const expect: Record<string, unknown> = { outcome: 'error', id: entry.id, category, retryable, matchedBy: kind === 'code' ? 'code' : 'message' };
    if (params !== undefined) expect.params = params;
    json.push({
      id: entry.id,
      category,
      retryable,
      fatal: true,
      description: `Synthetic ${kind} entry ${i}.`,
      match,
      examples: [
        {
          name: `synthetic ${kind} ${i}`,
          input: {
            vendor: SYNTHETIC_VENDOR,
            status: entry.status ?? 400,
            headers: { 'content-type': 'application/json' },
            body: entry.code === undefined ? { message } : { code: entry.code, message },
          },
          expect,
        },
      ],
    });
  }
  return {
    catalog: {
      vendor: SYNTHETIC_VENDOR,
      name: 'Synthetic benchmark vendor',
      docs: `https://${HOST}/docs/errors`,
      shapes: ['json'],
      hosts: [HOST],
      requestIdHeaders: ['x-request-id'],
      entries: json,
    },
    entries,
    vocabulary,
  };
}

/** Varies case and spacing the way matching must ignore. */
function roughen(random: Random, text: string): string {
  if (random.chance(0.2)) text = text.toUpperCase();
  if (random.chance(0.2)) text = `  ${text.replace(/ /g, '  ')} `;
  return text;
}

/**
 * `count` lines for the synthetic vendor, hitting entries `[0, maxEntry)`: 30% codes,
 * 25% exact messages, 30% templates, 15% misses (a message or code no entry has, which
 * makes the classifier look through its template index and fall back to status).
 */
export function syntheticLines(synthetic: SyntheticCatalog, count: number, maxEntry: number, seed = 0x11e5): BenchInput[] {
  const random = createRandom(seed);
  const { entries, vocabulary } = synthetic;
  const limit = Math.min(maxEntry, entries.length);
  const pickOf = (kind: 'code' | 'exact' | 'template'): SyntheticEntry => {
    for (;;) {
      const entry = entries[random.int(0, limit - 1)]!;
      if (entry[kind] !== undefined) return entry;
    }
  };
  const lines: BenchInput[] = [];
  for (let i = 0; i < count; i++) {
    const kind = random.weighted({ code: 30, exact: 25, template: 30, miss: 15 });
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': random.uuid() };
    let status = 400;
    let body: Record<string, unknown>;
    if (kind === 'code') {
      const entry = pickOf('code');
      status = entry.status ?? random.pick([400, 404, 409, 422, 429, 503]);
      body = { code: entry.code, message: `${capitalize(random.pick(vocabulary))} ${random.pick(vocabulary)} ${random.pick(vocabulary)}` };
    } else if (kind === 'exact') {
      body = { message: roughen(random, pickOf('exact').exact!) };
    } else if (kind === 'template') {
      body = { message: roughen(random, instantiate(random, pickOf('template').template!, vocabulary).message) };
    } else {
      const words = Array.from({ length: random.int(3, 9) }, () => random.pick(vocabulary));
      body = random.chance(0.5) ? { message: capitalize(words.join(' ')) } : { code: `${words[0]}_${words[1]}_x`, message: words.join(' ') };
      status = random.pick([400, 404, 422, 500]);
    }
    const input: BenchInput = random.chance(0.8)
      ? { vendor: SYNTHETIC_VENDOR, status, headers, body: JSON.stringify(body) }
      : { url: `https://${HOST}/v2/things`, status, headers, body: JSON.stringify(body) };
    lines.push(input);
  }
  return lines;
}
