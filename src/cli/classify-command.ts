/**
 * `vendor-errors classify`: NDJSON in, one JSON result per input line out, in order,
 * streaming. Line N of the output always answers line N of the input (invalid lines get
 * `{"line": N, "invalid": reason}`), so a pipeline can zip the two files.
 *
 * Memory stays constant: lines are read in chunks, output is batched into ~64 KB writes,
 * and reading pauses while stdout is backed up.
 */
import type { ClassifyOptions } from '../index.js';
import { flag, parseCommandArgs, positionalsUpTo, positiveIntegerOption, stringOption, type OptionSpec } from './args.js';
import { createBatchedWriter } from './batched-writer.js';
import { loadCatalogSet } from './catalog-set.js';
import { classifyLine, type LineResult } from './classify-line.js';
import { EXIT_OK, EXIT_PROBLEMS } from './exit-codes.js';
import { CLASSIFY_HELP } from './help.js';
import { openInput } from './input.js';
import type { CliIo } from './io.js';
import { checkVendor, makeClassifier } from './make-classifier.js';
import { DEFAULT_MAX_LINE_BYTES, readLineBatches } from './ndjson.js';
import { parseFieldList, pickFields, type FieldPath } from './pick-fields.js';
import { createProgress } from './progress.js';
import { createResultTable } from './result-table.js';
import { UsageError } from './usage-error.js';
import { OUTCOMES } from '../index.js';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  vendor: { type: 'string' },
  fields: { type: 'string' },
  summary: { type: 'boolean' },
  strict: { type: 'boolean' },
  format: { type: 'string' },
  'no-redact': { type: 'boolean' },
  catalog: { type: 'string' },
  'max-line-bytes': { type: 'string' },
} as const satisfies OptionSpec;

const FORMATS = ['ndjson', 'table'] as const;
type Format = (typeof FORMATS)[number];

function formatOption(value: string | undefined): Format {
  if (value === undefined) return 'ndjson';
  const format = FORMATS.find((name) => name === value);
  if (format === undefined) throw new UsageError(`classify: --format must be ndjson or table (got '${value}')`);
  return format;
}

/** Counts for `--summary`: per outcome, plus invalid lines. */
interface Counts {
  lines: number;
  invalid: number;
  outcomes: Record<string, number>;
}

function summaryText(counts: Counts, elapsedMs: number): string {
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(counts.lines / seconds) : counts.lines;
  const outcomes = OUTCOMES.map((outcome) => `${outcome} ${counts.outcomes[outcome] ?? 0}`).join(', ');
  return `classify: ${counts.lines} lines in ${seconds.toFixed(2)} s (${rate} lines/s): ${outcomes}, invalid ${counts.invalid}\n`;
}

/** Renders one line's output: the result (or its picked fields) as compact JSON. */
function createJsonRenderer(fields: readonly FieldPath[] | undefined): (line: LineResult) => string {
  if (fields === undefined) return (line) => JSON.stringify(line.ok ? line.result : line.invalid);
  return (line) => JSON.stringify(line.ok ? pickFields(line.result, fields) : line.invalid);
}

/** Runs `vendor-errors classify`. Resolves to the exit code. */
export async function classifyCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('classify', argv, OPTIONS);
  if (flag(values, 'help')) {
    io.stdout.write(CLASSIFY_HELP);
    return EXIT_OK;
  }
  const [path] = positionalsUpTo('classify', positionals, 1);
  const format = formatOption(stringOption(values, 'format'));
  const fieldList = stringOption(values, 'fields');
  const fields = fieldList === undefined ? undefined : parseFieldList('classify', fieldList);
  const maxLineBytes = positiveIntegerOption('classify', values, 'max-line-bytes', DEFAULT_MAX_LINE_BYTES);
  const set = await loadCatalogSet('classify', stringOption(values, 'catalog'));
  const classifier = makeClassifier('classify', set, { redactPii: !flag(values, 'no-redact') });
  const vendor = checkVendor('classify', classifier, stringOption(values, 'vendor'));
  const options: ClassifyOptions | undefined = vendor === undefined ? undefined : { vendor };
  const input = await openInput('classify', path, io.stdin);

  const writer = createBatchedWriter(io.stdout);
  const table = format === 'table' ? createResultTable(fields) : undefined;
  const render = table === undefined ? createJsonRenderer(fields) : (line: LineResult, n: number) => table.row(line, n);
  const progress = createProgress(io.stderr, io.stdout, input.size);
  const counts: Counts = { lines: 0, invalid: 0, outcomes: {} };
  const started = Date.now();

  if (table !== undefined) writer.line(table.header());
  for await (const batch of readLineBatches(input.stream, { maxLineBytes })) {
    for (const line of batch.lines) {
      const lineNumber = ++counts.lines;
      const result = classifyLine(classifier, line, lineNumber, options);
      if (result.ok) counts.outcomes[result.result.outcome] = (counts.outcomes[result.result.outcome] ?? 0) + 1;
      else counts.invalid++;
      writer.line(render(result, lineNumber));
    }
    progress.update(counts.lines, batch.bytesRead);
    const blocked = writer.ready();
    if (blocked !== undefined) await blocked;
  }
  await writer.flush();
  progress.done();
  if (flag(values, 'summary')) io.stderr.write(summaryText(counts, Date.now() - started));
  return flag(values, 'strict') && counts.invalid > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
