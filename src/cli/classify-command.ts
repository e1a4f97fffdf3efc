/**
 * `vendor-errors classify`: NDJSON in, one result per input line out (JSON, or a csv,
 * tsv, logfmt or table row), in order, streaming. Line N of the output always answers
 * line N of the input (invalid lines get `{"line": N, "invalid": reason}`; csv and tsv
 * add a header row first), so a pipeline can zip the two files.
 *
 * Memory stays constant: lines are read in chunks, output is batched into ~64 KB writes,
 * and reading pauses while stdout is backed up.
 *
 * Single-threaded on purpose: worker threads were measured (2 cores, 100k-line corpus)
 * to be slower than this loop once structured cloning and worker start-up are paid, and
 * each worker's own heap pushed peak RSS past the 150 MB budget.
 */
import { OUTCOMES } from '../index.js';
import { flag, memberPathOption, parseCommandArgs, positionalsUpTo, positiveIntegerOption, stringOption, type OptionSpec, wroteHelp } from './args.js';
import { createBatchedWriter } from './batched-writer.js';
import { createBatchClassifier, FLAT_DEFAULT_FIELDS, flatColumns, type BatchOutput, type RenderConfig } from './classify-batch.js';
import { flatHeader } from './flat-formats.js';
import { loadCatalogSet } from './catalog-set.js';
import { EXIT_OK, EXIT_PROBLEMS } from './exit-codes.js';
import { CLASSIFY_HELP } from './help.js';
import { openInput } from './input.js';
import type { CliIo } from './io.js';
import { checkVendor, makeClassifier } from './make-classifier.js';
import { DEFAULT_MAX_LINE_BYTES, readLineBatches } from './ndjson.js';
import { parseFieldList, type FieldPath } from './pick-fields.js';
import { createProgress } from './progress.js';
import { createResultTable } from './result-table.js';
import { UsageError } from './usage-error.js';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  vendor: { type: 'string' },
  fields: { type: 'string' },
  at: { type: 'string' },
  keep: { type: 'string' },
  summary: { type: 'boolean' },
  strict: { type: 'boolean' },
  format: { type: 'string' },
  'no-redact': { type: 'boolean' },
  catalog: { type: 'string' },
  'max-line-bytes': { type: 'string' },
} as const satisfies OptionSpec;

const FORMATS = ['ndjson', 'table', 'csv', 'tsv', 'logfmt'] as const;

function formatOption(value: string | undefined): RenderConfig['format'] {
  if (value === undefined) return 'ndjson';
  const format = FORMATS.find((name) => name === value);
  if (format === undefined) throw new UsageError(`classify: --format must be one of ${FORMATS.join(', ')} (got '${value}')`);
  return format;
}

/** Members of a whole result and of an invalid line's output, which a kept member must not overwrite. */
const OUTPUT_MEMBERS = ['outcome', 'vendor', 'status', 'error', 'minor', 'requestId', 'truncated', 'line', 'invalid'];

/** A `--keep` name that is also an output member would overwrite it (or be overwritten): a usage error. */
function checkKeep(keep: readonly FieldPath[], fields: readonly FieldPath[] | undefined): void {
  const taken = new Set([...(fields === undefined ? OUTPUT_MEMBERS : ['line', 'invalid', ...fields.map((field) => field.name)])]);
  const clash = keep.find((field) => taken.has(field.name));
  if (clash !== undefined) throw new UsageError(`classify: --keep: '${clash.name}' is also an output member; keep a more specific path (e.g. request.${clash.name})`);
}

/** Counts for `--summary` and `--strict`. */
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

/** Runs `vendor-errors classify`. Resolves to the exit code. */
export async function classifyCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('classify', argv, OPTIONS);
  if (wroteHelp(values, io, CLASSIFY_HELP)) return EXIT_OK;
  const [path] = positionalsUpTo('classify', positionals, 1);
  const format = formatOption(stringOption(values, 'format'));
  const fieldList = stringOption(values, 'fields');
  const fields = fieldList === undefined ? undefined : parseFieldList('classify', fieldList);
  const keepList = stringOption(values, 'keep');
  const keep = keepList === undefined ? undefined : parseFieldList('classify', keepList, 'keep');
  if (keep !== undefined) checkKeep(keep, format === 'ndjson' ? fields : (fields ?? FLAT_DEFAULT_FIELDS));
  const at = memberPathOption('classify', values, 'at');
  const maxLineBytes = positiveIntegerOption('classify', values, 'max-line-bytes', DEFAULT_MAX_LINE_BYTES);
  const redactPii = !flag(values, 'no-redact');
  const set = await loadCatalogSet('classify', stringOption(values, 'catalog'));
  const classifier = makeClassifier('classify', set, { redactPii });
  const vendor = checkVendor('classify', classifier, stringOption(values, 'vendor'));
  const input = await openInput('classify', path, io.stdin);

  const render: RenderConfig = { format, fields, vendor, keep, at };
  const classifyBatch = createBatchClassifier(classifier, render);
  const writer = createBatchedWriter(io.stdout);
  const progress = createProgress(io.stderr, io.stdout, input.size);
  const counts: Counts = { lines: 0, invalid: 0, outcomes: {} };
  const started = Date.now();
  const take = (output: BatchOutput): void => {
    counts.invalid += output.invalid;
    for (const [outcome, count] of Object.entries(output.outcomes)) counts.outcomes[outcome] = (counts.outcomes[outcome] ?? 0) + count;
    writer.text(output.text);
  };

  if (format === 'table') writer.line(createResultTable(fields, keep).header());
  else if (format !== 'ndjson') {
    const header = flatHeader(format, flatColumns(render));
    if (header !== undefined) writer.line(header);
  }
  for await (const batch of readLineBatches(input.stream, { maxLineBytes })) {
    if (batch.lines.length > 0) {
      const firstLine = counts.lines + 1;
      counts.lines += batch.lines.length;
      take(classifyBatch(batch.lines, firstLine));
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
