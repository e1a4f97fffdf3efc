/**
 * Assembles the normalized result objects (DESIGN.md "assemble result"): one
 * NormalizedError per matched entry, with secrets and (optionally) PII redacted. Optional
 * members appear only when they have a value.
 */
import type { CompiledCatalog, CompiledEntry } from './compile-catalog.js';
import type { Engine } from './engine.js';
import { REDACTED, redactPii, redactValues } from './redact.js';
import type { TemplateParams } from './template.js';
import { clip } from './text.js';
import type { Classification, FieldError, NormalizedError } from './types.js';

/** Message and params after secret (and optional PII) redaction. */
function redactMessage(
  entry: CompiledEntry,
  message: string | null,
  params: TemplateParams | undefined,
  pii: boolean,
): { message: string; params: TemplateParams | undefined; secrets: readonly string[] } {
  let text = message ?? entry.description;
  let outParams = params;
  const secrets: string[] = [];
  if (entry.secret !== null && params !== undefined) {
    outParams = { ...params };
    for (const name of entry.secret) {
      const value = params[name];
      if (value === undefined) continue;
      secrets.push(String(value));
      outParams[name] = REDACTED;
    }
    if (message !== null) {
      text = redactValues(text, secrets);
      // A secret that is not found verbatim (case folding changed its length) could
      // still be in the text: say only what the catalog says.
      for (const secret of secrets) if (!message.includes(secret)) text = entry.description;
    }
  }
  if (pii && message !== null) text = redactPii(text);
  return { message: text, params: outParams, secrets };
}

const NO_SECRETS: readonly string[] = [];

/**
 * The error's other texts with the secrets its message held removed: a body may repeat
 * the echoed key in its code or a field (`{"error": "Invalid API key: K"}`).
 */
function withoutSecrets(code: string | null, fields: FieldError[] | undefined, found: readonly string[]): { code: string | null; fields: FieldError[] | undefined } {
  if (found.length === 0) return { code, fields };
  // The tokens of each secret too (runs of token68 characters, RFC 9110 §11.2): the
  // message was matched with its whitespace collapsed, and another text (a code cut from
  // a URI at its last ":" or "/") may hold a part of the value on its own.
  const secrets = [...found];
  for (const secret of found) for (const word of secret.split(/[^\w.~+/-]+/)) if (word.length >= 4 && word !== secret) secrets.push(word);
  return {
    code: code === null ? null : redactValues(code, secrets),
    fields: fields?.map((field) => ({ path: redactValues(field.path, secrets), message: redactValues(field.message, secrets) })),
  };
}

/** Messages and field texts are kept to the length a body's message is clipped to where it is read (src/extract.ts). */
const MAX_FIELD_TEXT = 2000;

function isLong(field: FieldError): boolean {
  return field.message.length > MAX_FIELD_TEXT || field.path.length > MAX_FIELD_TEXT;
}

/**
 * Field errors clipped, then (optionally) PII-redacted. Clipped first: redaction is
 * linear, but a 64 KB field message redacted for each of 100 fields of each of 1,000
 * items is still too much work for one response.
 */
function redactFields(fields: FieldError[] | undefined, pii: boolean): FieldError[] | undefined {
  if (fields === undefined || (!pii && !fields.some(isLong))) return fields;
  return fields.map((field) => {
    const message = clip(field.message, MAX_FIELD_TEXT);
    return { path: clip(field.path, MAX_FIELD_TEXT), message: pii ? redactPii(message) : message };
  });
}

function hasKeys(record: object): boolean {
  for (const _ in record) return true;
  return false;
}

/** Assembles one NormalizedError; optional members appear only when they have a value. */
export function buildError(
  entry: CompiledEntry,
  parts: {
    vendor: string | null;
    status: number | null;
    code: string | null;
    message: string | null;
    params: TemplateParams | undefined;
    fields: FieldError[] | undefined;
    retryable: boolean;
    fatal: boolean;
    retryAfterMs: number | undefined;
    matchedBy?: NormalizedError['matchedBy'];
  },
  pii: boolean,
): NormalizedError {
  // Most entries have no secret and most callers no PII redaction: nothing to rewrite.
  // Clipped before redaction, like field texts: most readers clip what they read, and a
  // text that arrives unclipped (a bare string item of a megabyte) must not make redaction
  // scale with it.
  const received = parts.message !== null && parts.message.length > MAX_FIELD_TEXT ? clip(parts.message, MAX_FIELD_TEXT) : parts.message;
  const { message, params, secrets } =
    entry.secret === null && !pii ? { message: received ?? entry.description, params: parts.params, secrets: NO_SECRETS } : redactMessage(entry, received, parts.params, pii);
  const texts = withoutSecrets(parts.code, parts.fields, secrets);
  const error: NormalizedError = {
    id: entry.id,
    vendor: parts.vendor,
    category: entry.category,
    status: parts.status,
    code: texts.code,
    message,
    retryable: parts.retryable,
    fatal: parts.fatal,
    matchedBy: parts.matchedBy ?? entry.matchedBy,
    // In the literal, not appended: every error then starts from one layout, and only the
    // optional members below add to it.
    docs: entry.docs,
  };
  if (parts.retryAfterMs !== undefined) error.retryAfterMs = parts.retryAfterMs;
  const fields = redactFields(texts.fields, pii);
  if (fields !== undefined) error.fields = fields;
  if (params !== undefined && hasKeys(params)) error.params = params;
  return error;
}

/** The `generic.unknown` / `<vendor>.unknown` entry for this vendor. */
export function unknownFor(engine: Engine, catalog: CompiledCatalog | undefined): CompiledEntry {
  return (catalog ?? engine.generic).unknown;
}

/**
 * A classification for input that is not a response at all, or that nothing matched.
 * `pii`: the reason quotes input (a thrown error's message), so PII redaction applies.
 */
export function invalidInput(engine: Engine, reason: string, vendor: string | null = null, pii = false): Classification {
  return {
    outcome: 'error',
    vendor,
    status: null,
    error: buildError(
      engine.generic.unknown,
      { vendor, status: null, code: null, message: reason, params: undefined, fields: undefined, retryable: false, fatal: true, retryAfterMs: undefined },
      pii,
    ),
    minor: [],
  };
}
