/**
 * Command dispatch: picks the command, runs it, and turns every failure into a message
 * and an exit code. Nothing here prints a stack trace: the CLI sits in pipelines whose
 * logs people read, and a usage mistake deserves one line.
 */
import { catalogCommand } from './catalog-command.js';
import { classifyCommand } from './classify-command.js';
import { closeMatches } from './close-matches.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from './exit-codes.js';
import { explainCommand } from './explain-command.js';
import { MAIN_HELP } from './help.js';
import type { CliIo, Command } from './io.js';
import { lintCommand } from './lint-command.js';
import { statsCommand } from './stats-command.js';
import { describeCaught } from '../safe.js';
import { isUsageError } from './usage-error.js';
import { packageVersion } from './version.js';

/** Every command by name. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  classify: classifyCommand,
  stats: statsCommand,
  lint: lintCommand,
  catalog: catalogCommand,
  explain: explainCommand,
};

function commandNamed(name: string): Command | undefined {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
}

/** The stack of a caught error for a bug report, read as guardedly as its message. */
function stackOf(error: Error): string {
  try {
    return typeof error.stack === 'string' ? error.stack : describeCaught(error);
  } catch {
    return describeCaught(error);
  }
}

function usage(io: CliIo, message: string, hint: string): number {
  io.stderr.write(`vendor-errors: ${message}\n${hint}\n`);
  return EXIT_USAGE;
}

/** Runs the CLI with `argv` (the arguments after the program name). Resolves to the exit code; never rejects. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(MAIN_HELP);
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const command = rest[0] === undefined ? undefined : commandNamed(rest[0]);
    if (command !== undefined) return runCli([rest[0]!, '--help'], io);
    io.stdout.write(MAIN_HELP);
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v' || name === '-V') {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  const command = commandNamed(name);
  if (command === undefined) {
    const kind = name.startsWith('-') ? 'unknown option' : 'unknown command';
    const similar = closeMatches(name, Object.keys(COMMANDS), 1);
    const hint = similar.length > 0 ? `Did you mean '${similar[0]}'? ` : '';
    return usage(io, `${kind} '${name}'`, `${hint}Run 'vendor-errors --help' for the commands.`);
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (isUsageError(error)) {
      io.stderr.write(`vendor-errors ${error.message}\nRun 'vendor-errors ${name} --help' for usage.\n`);
      return error.exitCode;
    }
    // Input that fails while being read (EIO, a file truncated underneath us) or a bug:
    // one line, no stack trace; VENDOR_ERRORS_DEBUG=1 shows the stack for bug reports.
    const detail = error instanceof Error && process.env['VENDOR_ERRORS_DEBUG'] ? stackOf(error) : describeCaught(error);
    io.stderr.write(`vendor-errors ${name}: ${detail}\n`);
    return EXIT_PROBLEMS;
  }
}
