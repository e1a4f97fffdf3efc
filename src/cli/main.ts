/**
 * The `vendor-errors` executable (built to dist/cli.js). Wires the process to
 * {@link runCli}: standard streams in, exit code out, and a closed stdout handled.
 *
 * A reader that goes away (`vendor-errors classify big.ndjson | head -1`) makes the next
 * write fail with EPIPE. That is the reader's choice, not an error: end at once, quietly,
 * with exit code 0, instead of Node's default of an unhandled 'error' event and a stack
 * trace.
 */
import { EXIT_PROBLEMS } from './exit-codes.js';
import type { CliIo } from './io.js';
import { runCli } from './run-cli.js';

function onOutputError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(0);
  process.stderr.write(`vendor-errors: cannot write output: ${error.code ?? error.message}\n`);
  process.exit(EXIT_PROBLEMS);
}

process.stdout.on('error', onOutputError);
process.stderr.on('error', () => process.exit(process.exitCode ?? 0));

const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

// Set the exit code rather than calling process.exit(): output still queued for a pipe
// would be cut off. Every stream the commands open is finished by the time they resolve.
void runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
