/**
 * Reads a directory of user catalogs: every `*.json` file except `schema.json` (the
 * published JSON Schema sits beside the catalogs in `catalog/`, and users copy that
 * layout). Files are read in name order so reports are stable. Only regular files are
 * read: anything else named `*.json` (a FIFO, a socket, a device) is reported, not read.
 */
import { constants } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describeCaught } from '../safe.js';
import { UsageError } from './usage-error.js';

/** One catalog file: parsed JSON, or why it could not be read. */
export type CatalogFile =
  | { readonly file: string; readonly ok: true; readonly value: unknown }
  | { readonly file: string; readonly ok: false; readonly message: string };

function isCatalogFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.json') && name.toLowerCase() !== 'schema.json';
}

/**
 * Lists and parses the catalog files in `dir`. A missing or unreadable directory is a
 * usage error; a file that is not JSON is returned as `ok: false` so lint can report it
 * beside the others.
 */
export async function readCatalogFiles(command: string, dir: string): Promise<CatalogFile[]> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries.filter((entry) => !entry.isDirectory() && isCatalogFileName(entry.name)).map((entry) => entry.name);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const reason = code === 'ENOENT' ? 'no such directory' : code === 'ENOTDIR' ? 'not a directory' : `cannot read directory (${code ?? describeCaught(cause)})`;
    throw new UsageError(`${command}: ${reason}: ${dir}`, { cause });
  }
  names.sort();
  const files: CatalogFile[] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      const text = await readRegularFile(file);
      files.push(text === undefined ? { file, ok: false, message: 'not a regular file (a catalog must be a plain file, not a FIFO, socket or device)' } : { file, ok: true, value: JSON.parse(text) as unknown });
    } catch (cause) {
      const message = cause instanceof SyntaxError ? `not valid JSON (${cause.message})` : `cannot read (${(cause as NodeJS.ErrnoException).code ?? describeCaught(cause)})`;
      files.push({ file, ok: false, message });
    }
  }
  return files;
}

/**
 * The text of `file` when it is a regular file (symbolic links followed), else undefined.
 * Opened without blocking and checked on the open handle, not by name first: reading a
 * FIFO named `x.json` would wait forever for a writer, and a check by name could be
 * answered by another file than the one then read.
 */
async function readRegularFile(file: string): Promise<string | undefined> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) return undefined;
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
