/**
 * Per-item (minor) errors: the items of a list such as Braze `errors: [...]` beside
 * `"message": "success"`, matched against the catalog's item entries, and the same items
 * as field errors when the whole request failed.
 */
import { buildError } from './assemble.js';
import type { CompiledCatalog } from './compile-catalog.js';
import { extractFields } from './fields.js';
import { createMatchContext, matchByCode, matchByMessage } from './match.js';
import { isRecord, own, ownString } from './safe.js';
import { clip, hasText } from './text.js';
import type { FieldError, NormalizedError } from './types.js';

const MAX_ITEMS = 1000;

/** Message, code and path of one item: a string, or an object such as Braze's `{type, input_array, index}`. */
function itemParts(item: unknown): { code: string | null; message: string | null; path: string | undefined } {
  if (typeof item === 'string') return { code: null, message: item, path: undefined };
  if (!isRecord(item)) return { code: null, message: null, path: undefined };
  let message: string | null = null;
  for (const key of ['type', 'message', 'error', 'detail', 'title']) {
    const value = own(item, key);
    if (typeof value === 'string' && hasText(value)) {
      message = clip(value, 2000);
      break;
    }
  }
  const rawCode = own(item, 'code');
  const code = typeof rawCode === 'string' || (typeof rawCode === 'number' && Number.isFinite(rawCode)) ? String(rawCode) : null;
  // Braze items name the input array and index: {"input_array": "attributes", "index": 0}.
  const array = ownString(item, 'input_array');
  const index = own(item, 'index');
  let path: string | undefined;
  if (array !== undefined) path = typeof index === 'number' ? `${array}[${index}]` : array;
  else path = extractFields([item])?.[0]?.path || undefined;
  return { code, message, path };
}

/** Classifies each item (at most 1,000) as a non-fatal error. */
export function classifyItems(
  catalog: CompiledCatalog,
  items: unknown[],
  vendor: string | null,
  status: number | null,
  pii: boolean,
): NormalizedError[] {
  const out: NormalizedError[] = [];
  const count = Math.min(items.length, MAX_ITEMS);
  for (let i = 0; i < count; i++) {
    const { code, message, path } = itemParts(own(items, String(i)));
    const context = createMatchContext(null, null, code, message);
    const match = matchByCode(catalog.items, context) ?? matchByMessage(catalog.items, context);
    const entry = match?.entry ?? catalog.items.fallback ?? catalog.unknown;
    out.push(
      buildError(
        entry,
        {
          vendor,
          status,
          code,
          message,
          params: match?.params,
          fields: path !== undefined && message !== null ? [{ path, message }] : undefined,
          retryable: entry.retryable,
          fatal: false,
          retryAfterMs: undefined,
          matchedBy: match === undefined ? 'none' : entry.matchedBy,
        },
        pii,
      ),
    );
  }
  return out;
}

/** The items as field errors, for a request that failed as a whole. */
export function itemsAsFields(items: unknown[] | undefined): FieldError[] | undefined {
  if (items === undefined) return undefined;
  const fields: FieldError[] = [];
  for (let i = 0; i < items.length && fields.length < 100; i++) {
    const { message, path } = itemParts(own(items, String(i)));
    if (message !== null) fields.push({ path: path ?? '', message });
  }
  return fields.length > 0 ? fields : undefined;
}
