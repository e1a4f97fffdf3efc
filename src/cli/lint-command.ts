/**
 * `vendor-errors lint [dir]`: runs the catalog lint over the shipped catalogs, or over
 * the user catalogs in `dir` (checked together with the shipped generic catalog, which
 * they are always used with), and prints every problem with its file and entry.
 */
import { basename } from 'node:path';
import { genericCatalog, shippedCatalogs } from '../index.js';
import { lintCatalogs, type LintOptions, type LintProblem, type RedosChecker } from '../lint.js';
import { flag, parseCommandArgs, positionalsUpTo, type OptionSpec, wroteHelp } from './args.js';
import { readCatalogFiles } from './catalog-files.js';
import { shippedFile } from './catalog-set.js';
import { EXIT_OK, EXIT_PROBLEMS } from './exit-codes.js';
import { LINT_HELP } from './help.js';
import type { CliIo } from './io.js';
import { terminalSafe } from './table.js';
import { UsageError } from './usage-error.js';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  redos: { type: 'boolean' },
} as const satisfies OptionSpec;

/** The part of the `recheck` package used here. */
interface Recheck {
  checkSync(source: string, flags: string): { status: string; complexity?: { type?: string } };
}

/**
 * The `--redos` checker: `recheck`, an optional package (not a dependency: most users never
 * lint). The specifier is a variable so bundlers leave the import to run time.
 */
async function loadRedosChecker(): Promise<RedosChecker> {
  const name = 'recheck';
  let recheck: Recheck;
  try {
    recheck = (await import(name)) as Recheck;
  } catch {
    throw new UsageError('lint: --redos needs the recheck package (npm install --save-dev recheck)');
  }
  return (source, flags) => {
    const diagnostics = recheck.checkSync(source, flags);
    return { safe: diagnostics.status === 'safe', detail: diagnostics.complexity?.type ?? diagnostics.status };
  };
}

/** A lint problem with the file it is in. */
export interface FileProblem extends LintProblem {
  /** The catalog file (`catalog/braze.json` for shipped catalogs). */
  file: string;
}

/**
 * Schema problems carry a path (`entries[3].match.status`) but no entry; when the entry
 * at that index has a readable id, name it, so the report says which entry to fix.
 */
function entryOfSchemaProblem(problem: LintProblem, catalog: unknown): { entry?: string } {
  if (problem.entry !== undefined || problem.rule !== 'schema') return {};
  const index = /^entries\[(\d+)\]/.exec(problem.message)?.[1];
  if (index === undefined || typeof catalog !== 'object' || catalog === null) return {};
  const entries = (catalog as Record<string, unknown>)['entries'];
  const entry: unknown = Array.isArray(entries) ? entries[Number(index)] : undefined;
  const id = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)['id'] : undefined;
  return typeof id === 'string' ? { entry: id } : {};
}

/** Problems of the shipped catalogs, generic included. */
function lintShipped(extra: Pick<LintOptions, 'redos'>): FileProblem[] {
  const problems = lintCatalogs(shippedCatalogs, { generic: genericCatalog, ...extra });
  return problems.map((problem) => ({ file: problem.catalog.startsWith('#') || problem.catalog === '*' ? 'catalog/' : shippedFile(problem.catalog), ...problem }));
}

/**
 * Problems of the catalogs in `dir`. Lint names a catalog by its vendor (or `#index`
 * when it has none); both are mapped back to the file it came from.
 */
async function lintDirectory(dir: string, extra: Pick<LintOptions, 'redos'>): Promise<{ problems: FileProblem[]; files: number }> {
  const files = await readCatalogFiles('lint', dir);
  if (files.length === 0) throw new UsageError(`lint: no catalog files (*.json) in ${dir}`);
  const problems: FileProblem[] = [];
  const parsed: { file: string; value: unknown }[] = [];
  for (const entry of files) {
    if (entry.ok) parsed.push({ file: entry.file, value: entry.value });
    else problems.push({ file: entry.file, catalog: basename(entry.file, '.json'), rule: 'json', message: entry.message });
  }
  const fileOf = new Map<string, string>();
  parsed.forEach(({ file, value }, index) => {
    fileOf.set(`#${index}`, file);
    const vendor = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['vendor'] : undefined;
    if (typeof vendor === 'string') fileOf.set(vendor, fileOf.has(vendor) ? `${fileOf.get(vendor)}, ${file}` : file);
  });
  const found = lintCatalogs(
    parsed.map(({ value }) => value),
    { generic: genericCatalog, includeGeneric: false, ...extra },
  );
  const valueOf = new Map(parsed.map(({ file, value }) => [file, value]));
  for (const problem of found) {
    const file = fileOf.get(problem.catalog) ?? dir;
    problems.push({ file, ...problem, ...entryOfSchemaProblem(problem, valueOf.get(file)) });
  }
  // Stable sort: problems stay in lint's order within a file.
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { problems, files: files.length };
}

/** One problem as a line: `file: entry: example #n: [rule] message`. */
export function problemLine(problem: FileProblem): string {
  const where = [problem.file, problem.entry, problem.example === undefined ? undefined : `example #${problem.example + 1}`].filter((part) => part !== undefined);
  return `${where.join(': ')}: [${problem.rule}] ${terminalSafe(problem.message)}`;
}

/** Runs `vendor-errors lint`. Exit code 1 when there are problems. */
export async function lintCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('lint', argv, OPTIONS);
  if (wroteHelp(values, io, LINT_HELP)) return EXIT_OK;
  const [dir] = positionalsUpTo('lint', positionals, 1);
  const extra = flag(values, 'redos') ? { redos: await loadRedosChecker() } : {};
  const { problems, files } = dir === undefined ? { problems: lintShipped(extra), files: shippedCatalogs.length + 1 } : await lintDirectory(dir, extra);
  if (flag(values, 'json')) io.stdout.write(`${JSON.stringify(problems, null, 2)}\n`);
  else if (problems.length === 0) io.stdout.write(`No problems in ${files} catalog${files === 1 ? '' : 's'}.\n`);
  else {
    const withProblems = new Set(problems.map((problem) => problem.file)).size;
    io.stdout.write(`${problems.map(problemLine).join('\n')}\n\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${withProblems} file${withProblems === 1 ? '' : 's'}.\n`);
  }
  return problems.length === 0 ? EXIT_OK : EXIT_PROBLEMS;
}
