/**
 * What an entry matches, in one line for people: `status 400 · message "Invalid Campaign
 * ID"`. Used by `catalog` and `explain`; the catalog data itself stays the reference.
 */
import type { CatalogEntry } from '../index.js';

function quoted(value: string | string[]): string {
  return (Array.isArray(value) ? value : [value]).map((text) => JSON.stringify(text)).join(' | ');
}

/** The entry's match conditions as text; per-item and default entries say so. */
export function describeMatch(entry: CatalogEntry): string {
  const match = entry.match ?? {};
  const parts: string[] = [];
  if (entry.fatal === false) parts.push('per-item');
  if (match.transport === true) parts.push('thrown error');
  if (match.name !== undefined) parts.push(`name ${quoted(match.name)}`);
  if (match.status !== undefined) parts.push(`status ${match.status}`);
  if (match.code !== undefined) parts.push(`code ${quoted(match.code)}`);
  if (match.message !== undefined) parts.push(`message ${quoted(match.message)}`);
  if (match.shape !== undefined) parts.push(`${match.shape} body`);
  const conditions = match.name !== undefined || match.status !== undefined || match.code !== undefined || match.message !== undefined || match.shape !== undefined;
  if (!conditions) parts.push('default (nothing more specific matched)');
  return parts.join(' · ');
}
