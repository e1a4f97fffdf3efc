/**
 * Per-item (minor) errors: the per-item results a shape declares (`items`), matched
 * against the catalog's item entries, and the same items as field errors when the whole
 * request failed. Which items are errors, and where their code, message and input name
 * sit, is the shape's data (docs/catalog-format.md "Per-item results").
 */
import { buildError } from './assemble.js';
import type { CompiledCatalog } from './compile-catalog.js';
import type { CompiledItems } from './compile-shapes.js';
import { conditionsHold, messageString, readCode, readMessage, readValue } from './extract.js';
import { createMatchContext, matchByCode, matchByMessage } from './match.js';
import { isRecord } from './safe.js';
import type { FieldError, NormalizedError } from './types.js';

/** One per-item error, read. */
interface ItemParts {
  code: string | null;
  message: string | null;
  path: string | undefined;
}

const NOTHING_SAID: ItemParts = { code: null, message: null, path: undefined };

/**
 * An item's parts, or undefined when the item is not an error: a string is an error
 * whose message it is; an object is one when the shape's `when` holds for it (always,
 * without a `when`).
 */
function itemParts(item: unknown, spec: CompiledItems): ItemParts | undefined {
  if (typeof item === 'string') return { code: null, message: messageString(item), path: undefined };
  // Without a `when`, every item of the list is an error, even one that says nothing.
  if (!isRecord(item)) return spec.when.length === 0 ? NOTHING_SAID : undefined;
  if (!conditionsHold(item, spec.when)) return undefined;
  let path: string | undefined;
  for (let i = 0; i < spec.path.length && path === undefined; i++) {
    const value = readValue(item, spec.path[i]!);
    if (typeof value === 'string' && value !== '') path = value;
  }
  return { code: readCode(item, spec.code), message: readMessage(item, spec.message), path };
}

/** The items that are errors, read once each. */
function errorItems(items: readonly unknown[], spec: CompiledItems): ItemParts[] {
  const out: ItemParts[] = [];
  for (let i = 0; i < items.length; i++) {
    const parts = itemParts(items[i], spec);
    if (parts !== undefined) out.push(parts);
  }
  return out;
}

/** Classifies each per-item error as a non-fatal error; an empty list when no item is one. */
export function classifyItems(
  catalog: CompiledCatalog,
  spec: CompiledItems,
  items: readonly unknown[],
  vendor: string | null,
  status: number | null,
  pii: boolean,
): NormalizedError[] {
  return errorItems(items, spec).map(({ code, message, path }) => {
    const context = createMatchContext(null, null, code, message);
    const match = matchByCode(catalog.items, context) ?? matchByMessage(catalog.items, context);
    const entry = match?.entry ?? catalog.items.fallback ?? catalog.unknown;
    return buildError(
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
    );
  });
}

/** The per-item errors as field errors (at most 100), for a request that failed as a whole. */
export function itemsAsFields(spec: CompiledItems | null, items: readonly unknown[] | undefined): FieldError[] | undefined {
  if (spec === null || items === undefined) return undefined;
  const fields: FieldError[] = [];
  for (const { message, path } of errorItems(items, spec)) {
    if (message !== null) fields.push({ path: path ?? '', message });
    if (fields.length >= 100) break;
  }
  return fields.length > 0 ? fields : undefined;
}
