/**
 * `vendor-errors stats`: classifies NDJSON like `classify` but prints aggregate counts
 * instead of one line per input, and the most frequent unmatched message shapes, which
 * show the catalog entries that are missing. Reads as a stream; memory is bounded by the
 * collector's caps, not by the input.
 */
import { flag, memberPathOption, parseCommandArgs, positionalsUpTo, positiveIntegerOption, stringOption, type OptionSpec, wroteHelp } from './args.js';
import { allCatalogs, loadCatalogSet } from './catalog-set.js';
import { classifyLine } from './classify-line.js';
import { EXIT_OK } from './exit-codes.js';
import { STATS_HELP } from './help.js';
import { openInput } from './input.js';
import type { CliIo } from './io.js';
import { checkVendor, makeClassifier } from './make-classifier.js';
import { DEFAULT_MAX_LINE_BYTES, readLineBatches } from './ndjson.js';
import { createProgress } from './progress.js';
import { createStatsCollector } from './stats-collector.js';
import { statsText } from './stats-text.js';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  vendor: { type: 'string' },
  top: { type: 'string' },
  catalog: { type: 'string' },
  at: { type: 'string' },
  'max-line-bytes': { type: 'string' },
} as const satisfies OptionSpec;

const DEFAULT_TOP = 20;

/** Runs `vendor-errors stats`. Resolves to the exit code. */
export async function statsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('stats', argv, OPTIONS);
  if (wroteHelp(values, io, STATS_HELP)) return EXIT_OK;
  const [path] = positionalsUpTo('stats', positionals, 1);
  const top = positiveIntegerOption('stats', values, 'top', DEFAULT_TOP);
  const maxLineBytes = positiveIntegerOption('stats', values, 'max-line-bytes', DEFAULT_MAX_LINE_BYTES);
  const set = await loadCatalogSet('stats', stringOption(values, 'catalog'));
  // Message shapes are printed, so PII is redacted as in `classify` (its default).
  const classifier = makeClassifier('stats', set, { redactPii: true });
  const vendor = checkVendor('stats', classifier, stringOption(values, 'vendor'));
  const at = memberPathOption('stats', values, 'at');
  const options = vendor === undefined ? undefined : { vendor };
  const input = await openInput('stats', path, io.stdin);

  const descriptions = new Map<string, string>();
  for (const catalog of allCatalogs(set)) for (const entry of catalog.entries) descriptions.set(entry.id, entry.description);
  const collector = createStatsCollector(descriptions);
  const progress = createProgress(io.stderr, io.stdout, input.size);
  let lineNumber = 0;
  for await (const batch of readLineBatches(input.stream, { maxLineBytes })) {
    for (const line of batch.lines) collector.add(classifyLine(classifier, line, ++lineNumber, options, at));
    progress.update(lineNumber, batch.bytesRead);
  }
  progress.done();
  const report = collector.report(top);
  io.stdout.write(flag(values, 'json') ? `${JSON.stringify(report, null, 2)}\n` : statsText(report));
  return EXIT_OK;
}
