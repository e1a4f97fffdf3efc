/**
 * Classifies and renders a batch of lines (one input chunk's worth) into one output
 * string, counting outcomes on the way. One string per chunk keeps the writer's work
 * per line to a string append.
 */
import type { Classifier, ClassifyOptions } from '../index.js';
import { classifyLine, type LineResult } from './classify-line.js';
import type { Line } from './ndjson.js';
import { flatRecord, type FlatFormat } from './flat-formats.js';
import { keptFields, keptValue, parseFieldList, pickFields, valueAt, type FieldPath } from './pick-fields.js';
import { createResultTable } from './result-table.js';

/** How lines are classified and rendered. */
export interface RenderConfig {
  /** `ndjson` (one JSON value per line), `table` (aligned rows for people), or a flat format for log tools. */
  format: 'ndjson' | 'table' | FlatFormat;
  /** `--fields`, already parsed; undefined for whole results (ndjson) or the default columns. */
  fields: readonly FieldPath[] | undefined;
  /** `--vendor`, normalized; undefined to use each line's own. */
  vendor: string | undefined;
  /** `--keep`: members of the input line copied into each output line, before the result. */
  keep?: readonly FieldPath[] | undefined;
  /** `--at`: the member holding the response or thrown error, as segments; undefined for the line itself. */
  at?: readonly string[] | undefined;
}

/** The output of one batch and what it counted. */
export interface BatchOutput {
  /** The rendered lines, each ending with a newline. */
  text: string;
  /** Invalid lines in the batch. */
  invalid: number;
  /** Classified lines by outcome. */
  outcomes: Record<string, number>;
}

/** Renders one line's result (JSON or a table row). */
export type LineRenderer = (line: LineResult, lineNumber: number) => string;

/** The result members a flat format prints when `--fields` is not given (documented in the help). */
export const FLAT_DEFAULT_FIELDS: readonly FieldPath[] = parseFieldList(
  'classify',
  'outcome,vendor,status,error.id,error.category,error.retryable,error.retryAfterMs,error.code,error.message,requestId',
);

/** The columns of a flat format: the line number, the kept members, the result's fields, and the reason a line was invalid. */
export function flatColumns(config: Pick<RenderConfig, 'fields' | 'keep'>): string[] {
  const fields = config.fields ?? FLAT_DEFAULT_FIELDS;
  return ['line', ...(config.keep ?? []).map((field) => field.name), ...fields.map((field) => field.name), 'invalid'];
}

function flatRenderer(format: FlatFormat, config: RenderConfig): LineRenderer {
  const columns = flatColumns(config);
  const keep = config.keep ?? [];
  const fields = config.fields ?? FLAT_DEFAULT_FIELDS;
  return (line, lineNumber) => {
    const values: unknown[] = [lineNumber];
    for (const field of keep) values.push(keptValue(line.record, field));
    for (const field of fields) values.push(line.ok ? valueAt(line.result, field.segments) : null);
    values.push(line.ok ? null : line.invalid.invalid);
    return flatRecord(format, columns, values);
  };
}

/** The renderer for `config`: compact JSON of the result (or its picked fields), a table row, or a flat record. */
export function createLineRenderer(config: RenderConfig): LineRenderer {
  if (config.format === 'table') {
    const table = createResultTable(config.fields, config.keep);
    return (line, lineNumber) => table.row(line, lineNumber);
  }
  if (config.format !== 'ndjson') return flatRenderer(config.format, config);
  const fields = config.fields;
  const keep = config.keep;
  const body = (line: LineResult): unknown => (line.ok ? (fields === undefined ? line.result : pickFields(line.result, fields)) : line.invalid);
  if (keep === undefined || keep.length === 0) return (line) => JSON.stringify(body(line));
  // Kept members first, then the result's: a pipeline reads its correlation ids at the front of every line.
  return (line) => JSON.stringify(Object.assign(keptFields(line.record, keep), body(line)));
}

/** Creates the batch function over `classifier`. */
export function createBatchClassifier(classifier: Classifier, config: RenderConfig): (lines: readonly Line[], firstLine: number) => BatchOutput {
  const render = createLineRenderer(config);
  const options: ClassifyOptions | undefined = config.vendor === undefined ? undefined : { vendor: config.vendor };
  return (lines, firstLine) => {
    let text = '';
    let invalid = 0;
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < lines.length; i++) {
      const lineNumber = firstLine + i;
      const result = classifyLine(classifier, lines[i]!, lineNumber, options, config.at);
      if (result.ok) outcomes[result.result.outcome] = (outcomes[result.result.outcome] ?? 0) + 1;
      else invalid++;
      text += render(result, lineNumber);
      text += '\n';
    }
    return { text, invalid, outcomes };
  };
}
