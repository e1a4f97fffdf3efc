/**
 * The one error the CLI expects: the user asked for something it cannot do (unknown
 * flag, missing file, unknown vendor). The dispatcher prints its message without a
 * stack trace and exits with {@link EXIT_USAGE}.
 */
import { EXIT_USAGE } from './exit-codes.js';

/** A mistake in the command line; reported as one line on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The exit code to end with (2 unless a command says otherwise). */
  readonly exitCode: number;

  constructor(message: string, options?: { cause?: unknown; exitCode?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options?.exitCode ?? EXIT_USAGE;
  }
}

/** Type guard for {@link UsageError} that does not rely on `instanceof` across bundles. */
export function isUsageError(value: unknown): value is UsageError {
  return value instanceof Error && value.name === 'UsageError' && typeof (value as UsageError).exitCode === 'number';
}
