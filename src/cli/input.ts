/**
 * Opens the NDJSON input of `classify` and `stats`: a file, or stdin for `-` (or no
 * argument when stdin is piped). Problems found before reading starts (missing file, a
 * directory, no input at all) are usage errors, reported before any output.
 */
import { open } from 'node:fs/promises';
import { describeCaught } from '../safe.js';
import type { InputStream } from './io.js';
import { UsageError } from './usage-error.js';

/** An opened input. */
export interface OpenedInput {
  /** The bytes to read. */
  readonly stream: AsyncIterable<Buffer | string>;
  /** Total size in bytes for a regular file (progress reports), else undefined. */
  readonly size: number | undefined;
  /** A name for messages: the path, or `stdin`. */
  readonly label: string;
}

/** Larger reads than the 64 KB default mean fewer chunks and fewer awaits per line. */
const FILE_CHUNK_BYTES = 256 * 1024;

function describeOpenError(path: string, cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `no such file: ${path}`;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied: ${path}`;
  if (code === 'EISDIR') return `is a directory: ${path}`;
  return `cannot open ${path}: ${code ?? describeCaught(cause)}`;
}

/**
 * Opens `path` (`-` or undefined: stdin). Without a path and with stdin on a terminal
 * there is nothing to read, which is almost always a mistake: a usage error rather than
 * a silent wait.
 */
export async function openInput(command: string, path: string | undefined, stdin: InputStream): Promise<OpenedInput> {
  if (path === undefined || path === '-') {
    if (path === undefined && stdin.isTTY === true)
      throw new UsageError(`${command}: no input: give a file, or pipe NDJSON to stdin (use '-' to read a terminal)`);
    return { stream: stdin as AsyncIterable<Buffer | string>, size: undefined, label: 'stdin' };
  }
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    throw new UsageError(`${command}: ${describeOpenError(path, cause)}`, { cause });
  }
  const info = await handle.stat();
  if (info.isDirectory()) {
    await handle.close();
    throw new UsageError(`${command}: is a directory: ${path}`);
  }
  return {
    stream: handle.createReadStream({ highWaterMark: FILE_CHUNK_BYTES }),
    size: info.isFile() ? info.size : undefined,
    label: path,
  };
}
