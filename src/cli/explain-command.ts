/**
 * `vendor-errors explain <id>`: everything about one error id in one place: its
 * category and what that means for the caller, retry advice, docs, what it matches, and
 * one example input with the result it classifies to (computed now, not copied from
 * the catalog, so it shows what this version really returns).
 */
import type { Catalog, CatalogEntry, Classification, Classifier } from '../index.js';
import { scrubSecrets, secretMarkers, type SecretMarker } from '../secrets.js';
import { flag, parseCommandArgs, positionalsUpTo, stringOption, type OptionSpec, wroteHelp } from './args.js';
import { CATEGORY_MEANINGS } from './category-meanings.js';
import { allCatalogs, loadCatalogSet } from './catalog-set.js';
import { closeMatches } from './close-matches.js';
import { describeMatch } from './describe-match.js';
import { EXIT_OK } from './exit-codes.js';
import { EXPLAIN_HELP } from './help.js';
import type { CliIo } from './io.js';
import { makeClassifier } from './make-classifier.js';
import { maskExampleInput } from './mask-headers.js';
import { terminalSafe } from './table.js';
import { UsageError } from './usage-error.js';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  catalog: { type: 'string' },
} as const satisfies OptionSpec;

/** The fixed clock catalog examples are evaluated with (docs/catalog-format.md "Examples"). */
const EXAMPLE_NOW = Date.UTC(2025, 0, 1);

/** What `explain --json` prints. */
export interface Explanation {
  /** The id explained. */
  id: string;
  /** The catalog it belongs to (`generic` for HTTP, gateway and network ids). */
  vendor: string;
  /** The catalog's display name. */
  catalog: string;
  /** `error`, or `success` / `queued` for entries that describe accepted requests. */
  outcome: 'error' | 'success' | 'queued';
  /** The category (errors only). */
  category?: string;
  /** What the category means for the caller (DESIGN.md category table). */
  categoryMeaning?: string;
  /** Whether the same request may succeed later (errors only). */
  retryable?: boolean;
  /** Whether the whole request failed; false for per-item errors (errors only). */
  fatal?: boolean;
  /** The catalog's description of the entry. */
  description: string;
  /** Documentation link (the entry's, else the catalog's). */
  docs: string;
  /** What the entry matches, as text. */
  matches: string;
  /** The vendor's retry policy note, for retryable entries of vendors that have one. */
  retryNote?: string;
  /** The entry's first example, with credentials masked, and the result it gives now. */
  example?: { name: string; source?: string; input: unknown; result: Classification };
}

function runExample(classifier: Classifier, input: unknown): Classification {
  const options = { now: () => EXAMPLE_NOW };
  if (typeof input === 'object' && input !== null && Object.prototype.hasOwnProperty.call(input, 'thrown'))
    return classifier.normalizeError((input as Record<string, unknown>)['thrown'], options);
  return classifier.classify(input, options);
}

function explainEntry(catalog: Catalog, entry: CatalogEntry, classifier: Classifier, markers: readonly SecretMarker[]): Explanation {
  const outcome = entry.outcome ?? 'error';
  const explanation: Explanation = {
    id: entry.id,
    vendor: catalog.vendor,
    catalog: catalog.name,
    outcome,
    description: entry.description,
    docs: entry.docs ?? catalog.docs,
    matches: describeMatch(entry),
  };
  if (outcome === 'error') {
    const category = entry.category ?? 'unknown';
    explanation.category = category;
    explanation.categoryMeaning = CATEGORY_MEANINGS[category];
    explanation.retryable = entry.retryable === true;
    explanation.fatal = entry.fatal !== false;
    if (entry.retryable === true && catalog.retryPolicy?.note !== undefined) explanation.retryNote = catalog.retryPolicy.note;
  }
  const example = entry.examples[0];
  if (example !== undefined) {
    explanation.example = {
      name: scrubSecrets(example.name, markers),
      ...(example.source === undefined ? {} : { source: scrubSecrets(example.source, markers) }),
      input: maskExampleInput(example.input, markers),
      result: runExample(classifier, example.input),
    };
  }
  return explanation;
}

/** `<vendor>.unknown` is not a catalog entry: the classifier makes it up when nothing matches. */
function explainUnknown(catalog: Catalog): Explanation {
  return {
    id: `${catalog.vendor}.unknown`,
    vendor: catalog.vendor,
    catalog: catalog.name,
    outcome: 'error',
    category: 'unknown',
    categoryMeaning: CATEGORY_MEANINGS.unknown,
    retryable: false,
    fatal: true,
    description: `No ${catalog.name} catalog entry matched this response (the status was not one the catalog or the HTTP defaults know either). 'vendor-errors stats' lists such messages.`,
    docs: catalog.docs,
    matches: 'nothing else matched (matchedBy "none")',
  };
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => `${pad}${line}`)
    .join('\n');
}

/** The explanation as text for a terminal. */
export function explanationText(explanation: Explanation): string {
  const rows: [string, string][] = [];
  if (explanation.category !== undefined) rows.push(['category', `${explanation.category}: ${explanation.categoryMeaning ?? ''}`]);
  else rows.push(['outcome', `${explanation.outcome} (not an error)`]);
  if (explanation.retryable !== undefined) rows.push(['retryable', explanation.retryable ? 'yes: the same request may succeed if sent again later' : 'no']);
  if (explanation.fatal !== undefined) rows.push(['fatal', explanation.fatal ? 'yes: the whole request failed' : 'no: a per-item error beside an accepted request']);
  if (explanation.retryNote !== undefined) rows.push(['retry note', explanation.retryNote]);
  rows.push(['matches', explanation.matches], ['docs', explanation.docs]);
  const lines = [`${explanation.id} (${explanation.catalog})`, '', indent(terminalSafe(explanation.description), 2), ''];
  for (const [label, value] of rows) lines.push(`  ${label.padEnd(10)}  ${terminalSafe(value)}`);
  const example = explanation.example;
  if (example !== undefined) {
    lines.push('', `Example: ${terminalSafe(example.name)}`);
    if (example.source !== undefined) lines.push(`  source: ${terminalSafe(example.source)}`);
    lines.push('  input:', indent(JSON.stringify(example.input, null, 2), 4), '  result:', indent(JSON.stringify(example.result, null, 2), 4));
  }
  return `${lines.join('\n')}\n`;
}

/** Runs `vendor-errors explain`. An unknown id exits 2 with close matches. */
export async function explainCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('explain', argv, OPTIONS);
  if (wroteHelp(values, io, EXPLAIN_HELP)) return EXIT_OK;
  const [query] = positionalsUpTo('explain', positionals, 1);
  if (query === undefined) throw new UsageError('explain: which id? e.g. vendor-errors explain braze.invalid_campaign_id');
  const set = await loadCatalogSet('explain', stringOption(values, 'catalog'));
  const catalogs = allCatalogs(set);
  const id = query.trim().toLowerCase();
  let explanation: Explanation | undefined;
  for (const catalog of catalogs) {
    const entry = catalog.entries.find((candidate) => candidate.id === id);
    if (entry !== undefined) {
      explanation = explainEntry(catalog, entry, makeClassifier('explain', set, { redactPii: false }), catalogs.flatMap(secretMarkers));
      break;
    }
    if (id === `${catalog.vendor}.unknown`) {
      explanation = explainUnknown(catalog);
      break;
    }
  }
  if (explanation === undefined) {
    const ids = catalogs.flatMap((catalog) => [...catalog.entries.map((entry) => entry.id), `${catalog.vendor}.unknown`]);
    const similar = closeMatches(id, ids);
    const hint = similar.length > 0 ? ` Did you mean: ${similar.join(', ')}?` : " 'vendor-errors catalog' lists every id.";
    throw new UsageError(`explain: unknown id '${terminalSafe(query)}'.${hint}`);
  }
  io.stdout.write(flag(values, 'json') ? `${JSON.stringify(explanation, null, 2)}\n` : explanationText(explanation));
  return EXIT_OK;
}
