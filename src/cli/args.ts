/**
 * Command-line parsing on Node's own `util.parseArgs` (strict: unknown flags are errors),
 * with its errors turned into {@link UsageError}s so every command reports them the
 * same way and exits with code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseDotPath } from '../log-record.js';
import { UsageError } from './usage-error.js';

/** The option table of one command, in `util.parseArgs` form. */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Parsed values: strings for string options, booleans for flags, absent when not given. */
export type OptionValues = Record<string, string | boolean | undefined>;

/** What a command gets back: its flags and its positional arguments. */
export interface ParsedArgs {
  values: OptionValues;
  positionals: string[];
}

/**
 * Parses `argv` against `options`. Unknown flags, missing values and flags given a value
 * they do not take become a {@link UsageError} naming the command.
 */
export function parseCommandArgs(command: string, argv: readonly string[], options: OptionSpec): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
    return { values: values as OptionValues, positionals };
  } catch (cause) {
    // parseArgs appends a paragraph about `--` to some messages; the first sentence is the point.
    const message = cause instanceof Error ? (cause.message.split('. ')[0] ?? cause.message) : String(cause);
    throw new UsageError(`${command}: ${message.replace(/\.$/, '')}`, { cause });
  }
}

/** A string option's value, or undefined when it was not given. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Whether a boolean flag was given. */
export function flag(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

/**
 * Handles `--help`: writes the command's usage and says so, so the caller returns at
 * once with exit code 0.
 */
export function wroteHelp(values: OptionValues, io: { stdout: { write(text: string): unknown } }, usage: string): boolean {
  if (!flag(values, 'help')) return false;
  io.stdout.write(usage);
  return true;
}

/** At most `max` positionals, else a {@link UsageError} quoting the first extra one. */
export function positionalsUpTo(command: string, positionals: readonly string[], max: number): string[] {
  if (positionals.length > max) throw new UsageError(`${command}: unexpected argument '${positionals[max]}'`);
  return [...positionals];
}

/** A positive integer option (`--top 20`), else a {@link UsageError}. */
export function positiveIntegerOption(command: string, values: OptionValues, name: string, fallback: number): number {
  const raw = stringOption(values, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value <= 0)
    throw new UsageError(`${command}: --${name} needs a positive integer (got '${raw}')`);
  return value;
}

/** A dotted member path option (`--at http.response`) as segments, or undefined when not given; a malformed path is a {@link UsageError}. */
export function memberPathOption(command: string, values: OptionValues, name: string): string[] | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const segments = parseDotPath(raw);
  if (segments === undefined) throw new UsageError(`${command}: --${name}: '${raw}' is not a dotted member path (e.g. response or http.response)`);
  return segments;
}
