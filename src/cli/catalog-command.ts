/**
 * `vendor-errors catalog [vendor]`: the entries of a catalog (or all), as a table for a
 * terminal, a Markdown table for docs, or the catalog JSON itself.
 */
import type { Catalog, CatalogEntry } from '../index.js';
import { flag, parseCommandArgs, positionalsUpTo, stringOption, type OptionSpec, wroteHelp } from './args.js';
import { allCatalogs, loadCatalogSet, type CatalogSet } from './catalog-set.js';
import { describeMatch } from './describe-match.js';
import { EXIT_OK } from './exit-codes.js';
import { CATALOG_HELP } from './help.js';
import type { CliIo } from './io.js';
import { formatTable } from './table.js';
import { UsageError } from './usage-error.js';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  catalog: { type: 'string' },
} as const satisfies OptionSpec;

/** One entry's row: id, category (or outcome for accepted entries), retryable, matches, description. */
export function entryCells(entry: CatalogEntry): string[] {
  const outcome = entry.outcome ?? 'error';
  return [
    entry.id,
    outcome === 'error' ? (entry.category ?? '') : `(${outcome})`,
    outcome === 'error' ? (entry.retryable === true ? 'yes' : 'no') : '-',
    describeMatch(entry),
    entry.description,
  ];
}

function textSection(catalog: Catalog, file: string | undefined): string {
  const heading = `${catalog.vendor}: ${catalog.name} (${catalog.entries.length} ${catalog.entries.length === 1 ? 'entry' : 'entries'})\ndocs: ${catalog.docs}${file === undefined ? '' : `\nfile: ${file}`}`;
  const table = formatTable(
    [
      { header: 'ID', width: 48 },
      { header: 'CATEGORY', width: 14 },
      { header: 'RETRYABLE', width: 9 },
      { header: 'MATCHES', width: 60 },
      { header: 'DESCRIPTION', width: 80 },
    ],
    catalog.entries.map(entryCells),
  );
  return `${heading}\n\n${table.join('\n')}\n`;
}

/** Makes text safe inside a Markdown table cell. */
export function markdownCell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').trim();
}

function markdownSection(catalog: Catalog): string {
  const rows = catalog.entries.map((entry) => {
    const [id, category, retryable, matches, description] = entryCells(entry).map(markdownCell);
    return `| \`${id}\` | ${category} | ${retryable} | ${matches} | ${description} |`;
  });
  return [
    `## ${markdownCell(catalog.name)} (\`${catalog.vendor}\`)`,
    '',
    `Docs: ${catalog.docs}`,
    '',
    '| id | category | retryable | matches | description |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

function selectCatalogs(set: CatalogSet, vendor: string | undefined): Catalog[] {
  const catalogs = allCatalogs(set);
  if (vendor === undefined) return catalogs;
  const wanted = vendor.trim().toLowerCase();
  const found = catalogs.find((catalog) => catalog.vendor === wanted);
  if (found === undefined) throw new UsageError(`catalog: unknown vendor '${vendor}' (known: ${catalogs.map((catalog) => catalog.vendor).join(', ')})`);
  return [found];
}

/** Runs `vendor-errors catalog`. */
export async function catalogCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('catalog', argv, OPTIONS);
  if (wroteHelp(values, io, CATALOG_HELP)) return EXIT_OK;
  const [vendor] = positionalsUpTo('catalog', positionals, 1);
  if (flag(values, 'json') && flag(values, 'markdown')) throw new UsageError('catalog: choose one of --json and --markdown');
  const set = await loadCatalogSet('catalog', stringOption(values, 'catalog'));
  const catalogs = selectCatalogs(set, vendor);
  if (flag(values, 'json')) io.stdout.write(`${JSON.stringify(vendor === undefined ? catalogs : catalogs[0], null, 2)}\n`);
  else if (flag(values, 'markdown')) io.stdout.write(catalogs.map(markdownSection).join('\n'));
  else io.stdout.write(catalogs.map((catalog) => textSection(catalog, set.files.get(catalog.vendor))).join('\n'));
  return EXIT_OK;
}
