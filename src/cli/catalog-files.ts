/**
 * Reads a directory of user catalogs: every `*.json` file except `schema.json` (the
 * published JSON Schema sits beside the catalogs in `catalog/`, and users copy that
 * layout). Files are read in name order so reports are stable.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
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
    const reason = code === 'ENOENT' ? 'no such directory' : code === 'ENOTDIR' ? 'not a directory' : `cannot read directory (${code ?? String(cause)})`;
    throw new UsageError(`${command}: ${reason}: ${dir}`, { cause });
  }
  names.sort();
  const files: CatalogFile[] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      files.push({ file, ok: true, value: JSON.parse(await readFile(file, 'utf8')) as unknown });
    } catch (cause) {
      const message = cause instanceof SyntaxError ? `not valid JSON (${cause.message})` : `cannot read (${(cause as NodeJS.ErrnoException).code ?? String(cause)})`;
      files.push({ file, ok: false, message });
    }
  }
  return files;
}
