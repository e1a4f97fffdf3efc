/**
 * The `vendor-errors` executable (built to dist/cli.js). Wires the process to
 * {@link runCli}: standard streams in, exit code out, and a closed stdout handled.
 *
 * A reader that goes away (`vendor-errors classify big.ndjson | head -1`) makes the next
 * write fail with EPIPE. That is the reader's choice, not an error: end at once, quietly,
 * with exit code 0, instead of Node's default of an unhandled 'error' event and a stack
 * trace. Output that cannot be written at all (stdout closed) is an error: exit code 1
 * and a message on stderr.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import { EXIT_PROBLEMS } from './exit-codes.js';
import type { CliIo } from './io.js';
import { runCli } from './run-cli.js';

/**
 * Whether standard output was closed when the process started (`vendor-errors ... >&-`).
 * Node then opens /dev/null read-write on the empty descriptor (node.cc, PlatformInit),
 * so every write succeeds and the output is silently lost. A shell's `> /dev/null` opens
 * it write-only, so on Linux the access mode shown in /proc tells the two apart (a
 * parent that spawns the CLI with stdout "ignore" looks the same, and is told the same:
 * the output goes nowhere). Where /proc does not exist this cannot be seen.
 */
function stdoutWasClosed(): boolean {
  try {
    if (readlinkSync('/proc/self/fd/1') !== '/dev/null') return false;
    const flags = /^flags:\s*([0-7]+)$/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'));
    // The low two bits are the access mode: 2 is O_RDWR.
    return flags !== null && (Number.parseInt(flags[1]!, 8) & 3) === 2;
  } catch {
    return false;
  }
}

function onOutputError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(0);
  process.stderr.write(`vendor-errors: cannot write output: ${error.code ?? error.message}\n`);
  process.exit(EXIT_PROBLEMS);
}

process.stdout.on('error', onOutputError);
process.stderr.on('error', () => process.exit(process.exitCode ?? 0));

const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

if (stdoutWasClosed()) {
  process.stderr.write('vendor-errors: cannot write output: standard output is closed\n');
  process.exitCode = EXIT_PROBLEMS;
} else {
  // Set the exit code rather than calling process.exit(): output still queued for a pipe
  // would be cut off. Every stream the commands open is finished by the time they resolve.
  void runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
