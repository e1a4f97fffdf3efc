/**
 * Classifies and renders a batch of lines (one input chunk's worth) into one output
 * string, counting outcomes on the way. One string per chunk keeps the writer's work
 * per line to a string append.
 */
import type { Classifier, ClassifyOptions } from '../index.js';
import { classifyLine, type LineResult } from './classify-line.js';
import type { Line } from './ndjson.js';
import { pickFields, type FieldPath } from './pick-fields.js';
import { createResultTable } from './result-table.js';

/** How lines are classified and rendered. */
export interface RenderConfig {
  /** `ndjson` (one JSON value per line) or `table` (aligned rows for people). */
  format: 'ndjson' | 'table';
  /** `--fields`, already parsed; undefined for whole results. */
  fields: readonly FieldPath[] | undefined;
  /** `--vendor`, normalized; undefined to use each line's own. */
  vendor: string | undefined;
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

/** The renderer for `config`: compact JSON of the result (or its picked fields), or a table row. */
export function createLineRenderer(config: RenderConfig): LineRenderer {
  if (config.format === 'table') {
    const table = createResultTable(config.fields);
    return (line, lineNumber) => table.row(line, lineNumber);
  }
  const fields = config.fields;
  if (fields === undefined) return (line) => JSON.stringify(line.ok ? line.result : line.invalid);
  return (line) => JSON.stringify(line.ok ? pickFields(line.result, fields) : line.invalid);
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
      const result = classifyLine(classifier, lines[i]!, lineNumber, options);
      if (result.ok) outcomes[result.result.outcome] = (outcomes[result.result.outcome] ?? 0) + 1;
      else invalid++;
      text += render(result, lineNumber);
      text += '\n';
    }
    return { text, invalid, outcomes };
  };
}
