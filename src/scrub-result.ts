/**
 * The last step of every classification: the secret scrubber (src/secrets.ts) applied to
 * every string of the result that came from the input (message, code, params, field
 * paths and messages, minor errors, request id, vendor), so no path through the pipeline
 * can carry a credential out (DESIGN.md "Never"). Done once, here, rather than at each
 * place a string is read: a new reader cannot forget it.
 *
 * A credential found in one string is then removed from every other string where it
 * appears without the context that gave it away: the password of
 * `Failed to fetch (https://u:PASSWORD@h/)` also in the template param that captured it.
 */
import { REDACTED, type SecretScrubber } from './secrets.js';
import type { Classification, FieldError, NormalizedError } from './types.js';

/** Found values shorter than this are not searched for elsewhere: `u` of `u:p@h` would blank every `u`. */
const MIN_FOUND = 4;
/** At most this many distinct found values are searched for elsewhere (a hostile message may hold hundreds). */
const MAX_FOUND = 64;

/** The distinct found values worth searching for in other strings. */
function searchable(found: readonly string[]): string[] {
  const distinct = new Set<string>();
  for (const value of found) if (value.length >= MIN_FOUND && distinct.size < MAX_FOUND) distinct.add(value);
  return [...distinct];
}

/** `text` with every occurrence of each of `values` replaced by `[REDACTED]`. */
function removeFound(text: string, values: readonly string[]): string {
  let out = text;
  for (const value of values) if (out.includes(value)) out = out.split(value).join(REDACTED);
  return out;
}

function scrubFields(fields: FieldError[] | undefined, each: (text: string) => string): FieldError[] | undefined {
  if (fields === undefined) return undefined;
  let changed = false;
  const out = fields.map((field) => {
    const path = each(field.path);
    const message = each(field.message);
    if (path === field.path && message === field.message) return field;
    changed = true;
    return { path, message };
  });
  return changed ? out : fields;
}

function scrubParams(
  params: Record<string, string | number> | undefined,
  each: (text: string) => string,
  found: readonly string[],
): Record<string, string | number> | undefined {
  if (params === undefined) return undefined;
  let out: Record<string, string | number> | undefined;
  for (const key of Object.keys(params)) {
    const value = params[key]!;
    if (typeof value !== 'string') continue;
    // A param that is part of a credential found elsewhere (the password alone) is redacted whole.
    const part = value.length >= MIN_FOUND && found.some((secret) => secret.includes(value));
    const scrubbed = part ? REDACTED : each(value);
    if (scrubbed === value) continue;
    out ??= { ...params };
    // Defined, not assigned: a param may be named `__proto__`.
    Object.defineProperty(out, key, { value: scrubbed, enumerable: true, writable: true, configurable: true });
  }
  return out ?? params;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * An optional member of a result object, read as an own property: a polluted
 * `Object.prototype.fields` must not be taken for the error's field list.
 */
function optional<T extends object, K extends keyof T>(object: T, key: K): T[K] | undefined {
  return hasOwn.call(object, key) ? object[key] : undefined;
}

function scrubError(error: NormalizedError, each: (text: string) => string, found: readonly string[]): NormalizedError {
  const message = each(error.message);
  const code = error.code === null ? null : each(error.code);
  const vendor = error.vendor === null ? null : each(error.vendor);
  const ownFields = optional(error, 'fields');
  const ownParams = optional(error, 'params');
  const fields = scrubFields(ownFields, each);
  const params = scrubParams(ownParams, each, found);
  if (message === error.message && code === error.code && vendor === error.vendor && fields === ownFields && params === ownParams) return error;
  const out: NormalizedError = { ...error, message, code, vendor };
  if (fields !== undefined) out.fields = fields;
  if (params !== undefined) out.params = params;
  return out;
}

/** One pass over every string of `result` with `each`. Returns `result` itself when nothing changed. */
function scrubAll(result: Classification, each: (text: string) => string, found: readonly string[]): Classification {
  const vendor = result.vendor === null ? null : each(result.vendor);
  const ownRequestId = optional(result, 'requestId');
  const requestId = ownRequestId === undefined ? undefined : each(ownRequestId);
  const error = result.error === null ? null : scrubError(result.error, each, found);
  let minor = result.minor as NormalizedError[];
  for (let i = 0; i < minor.length; i++) {
    const scrubbed = scrubError(minor[i]!, each, found);
    if (scrubbed === minor[i]) continue;
    if (minor === result.minor) minor = [...minor];
    minor[i] = scrubbed;
  }
  if (vendor === result.vendor && requestId === ownRequestId && error === result.error && minor === result.minor) return result;
  const out = { ...result, vendor, error, minor } as Classification;
  if (requestId !== undefined) out.requestId = requestId;
  return out;
}

/**
 * `result` with credentials removed from every string (see the module comment), by the
 * classifier's `scrubber`. Returns `result` itself when there was nothing to remove (the
 * common case: no allocation).
 */
export function scrubResult(result: Classification, scrubber: SecretScrubber): Classification {
  if (!mayNeedScrubbing(result, scrubber)) return result;
  const found: string[] = [];
  const once = scrubAll(result, (text) => scrubber.scrub(text, found), NONE);
  if (found.length === 0) return once;
  const values = searchable(found);
  return values.length === 0 ? once : scrubAll(once, (text) => removeFound(text, values), values);
}

const NONE: readonly string[] = [];

/**
 * Whether any string of `result` could hold a credential: one native test per string.
 * Almost every result holds nothing, and is returned as it is.
 */
function mayNeedScrubbing(result: Classification, scrubber: SecretScrubber): boolean {
  const { vendor } = result;
  if (vendor !== null && scrubber.mayChange(vendor)) return true;
  const requestId = result.requestId;
  if (requestId !== undefined && hasOwn.call(result, 'requestId') && scrubber.mayChange(requestId)) return true;
  if (result.error !== null && errorMayNeedScrubbing(result.error, scrubber, vendor)) return true;
  const { minor } = result;
  for (let i = 0; i < minor.length; i++) if (errorMayNeedScrubbing(minor[i]!, scrubber, vendor)) return true;
  return false;
}

/** {@link mayNeedScrubbing} for the strings of one error (its vendor is tested only when it differs from the result's). */
function errorMayNeedScrubbing(error: NormalizedError, scrubber: SecretScrubber, vendor: string | null): boolean {
  if (scrubber.mayChange(error.message) || (error.code !== null && scrubber.mayChange(error.code))) return true;
  if (error.vendor !== null && error.vendor !== vendor && scrubber.mayChange(error.vendor)) return true;
  const fields = error.fields;
  if (fields !== undefined && hasOwn.call(error, 'fields'))
    for (let i = 0; i < fields.length; i++) if (scrubber.mayChange(fields[i]!.message) || scrubber.mayChange(fields[i]!.path)) return true;
  const params = error.params;
  if (params !== undefined && hasOwn.call(error, 'params'))
    for (const key of Object.keys(params)) {
      const value = params[key];
      if (typeof value === 'string' && scrubber.mayChange(value)) return true;
    }
  return false;
}
