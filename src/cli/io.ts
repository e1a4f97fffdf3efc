/**
 * The streams a command talks to. Commands receive them instead of reaching for
 * `process`, so the dispatcher owns process-wide concerns (EPIPE, exit codes).
 */

/** A writable terminal-or-pipe stream: `process.stdout` / `process.stderr` in production. */
export type OutputStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** The readable side: `process.stdin` in production. */
export type InputStream = NodeJS.ReadableStream & { isTTY?: boolean };

/** The three standard streams of one CLI run. */
export interface CliIo {
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

/** A command: takes the arguments after its name, resolves to the exit code. */
export type Command = (argv: readonly string[], io: CliIo) => Promise<number>;
