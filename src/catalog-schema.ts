/**
 * The catalog format (docs/catalog-format.md) as one schema: the source of the generated
 * `Catalog` interfaces (src/generated/catalog-types.ts), of the runtime validator used for
 * user-supplied catalogs, and of the published JSON Schema (catalog/schema.json).
 */
import {
  array,
  boolean,
  lazy,
  literal,
  number,
  object,
  optional,
  record,
  string,
  union,
  unknown,
  validate,
  type SchemaIssue,
} from './schema/schema.js';
import { CATEGORIES, MATCHED_BY, OUTCOMES, SHAPES } from './vocabulary.js';
import type { Catalog } from './generated/catalog-types.js';
import { describeCaught } from './safe.js';

const ID = /^[a-z0-9_]+\.[a-z0-9_]+$/;
const STATUS_CLASS = /^[1-5]xx$/;
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * Builds the catalog schema. Only validating a user's catalog and generating the published
 * schema need it, so it is built on first use (see {@link lazy}) rather than on import.
 */
function buildCatalogSchema() {
  const oneOrMany = (description: string) =>
    union([string({ minLength: 1 }), array(string({ minLength: 1 }), { minItems: 1 })], { description });

  const matchSchema = object(
    {
      status: optional(
        union([number({ integer: true, minimum: 100, maximum: 599 }), string({ pattern: STATUS_CLASS, patternName: 'a status class like "5xx"' })], {
          description: 'HTTP status (100-599) or status class ("4xx", "5xx").',
          discriminate: (value) => (typeof value === 'string' ? 1 : 0),
        }),
      ),
      code: optional(oneOrMany("The vendor's machine code (case-insensitive), or a list of alternatives.")),
      message: optional(
        oneOrMany('Exact message text or a template such as "Maximum {max:int} recipients allowed per request"; or a list of alternatives.'),
      ),
      shape: optional(literal(SHAPES, { description: 'The detected body shape.' })),
      transport: optional(literal([true], { description: 'Matches thrown errors (no HTTP response) instead of responses.' })),
      name: optional(oneOrMany('Thrown error `name` (transport entries only).')),
    },
    { name: 'EntryMatch', description: 'Match conditions; every present condition must hold.' },
  );

  const exampleExpectSchema = object(
    {
      outcome: literal(OUTCOMES, { description: 'Expected outcome.' }),
      id: optional(string({ description: 'Expected `error.id` (outcome error).' })),
      category: optional(literal(CATEGORIES, { description: 'Expected `error.category`.' })),
      retryable: optional(boolean({ description: 'Expected `error.retryable`.' })),
      matchedBy: optional(literal(MATCHED_BY, { description: 'Expected `error.matchedBy`.' })),
      code: optional(union([string(), literal([null])], { description: 'Expected `error.code` as received (null: none).' })),
      message: optional(string({ description: 'Expected `error.message` (after redaction).' })),
      params: optional(
        record(union([string(), number()]), { description: 'Expected `error.params`, compared exactly.' }),
      ),
      fields: optional(
        array(object({ path: string(), message: string() }, { name: 'ExpectedFieldError', description: 'An expected field-level error.' }), {
          description: 'Expected `error.fields`, compared exactly.',
        }),
      ),
      retryAfterMs: optional(number({ integer: true, minimum: 0, description: 'Expected `error.retryAfterMs`.' })),
      requestId: optional(string({ description: 'Expected `requestId`.' })),
      vendor: optional(union([string(), literal([null])], { description: 'Expected `vendor` (null: unknown).' })),
      minor: optional(array(string(), { description: 'Expected ids of the minor errors, in order.' })),
    },
    { name: 'ExampleExpect', description: 'The expected classification of an example.' },
  );

  const exampleSchema = object(
    {
      name: string({ minLength: 1, description: 'What this example shows.' }),
      source: optional(string({ description: 'Where the response was seen (URL, or repository and path).' })),
      input: unknown({
        description:
          'A RawResponse (vendor, status, headers, body, url, request), or `{ "thrown": {...} }` for transport entries.',
      }),
      expect: exampleExpectSchema,
    },
    { name: 'CatalogExample', description: 'A raw response and its expected result; tests are generated from these.' },
  );

  const entrySchema = object(
    {
      id: string({ pattern: ID, patternName: 'an id like "vendor.snake_case"', description: 'Stable id: "<namespace>.<name>".' }),
      outcome: optional(literal(['error', 'success', 'queued'], { description: 'What a matching response means (default "error").' })),
      category: optional(literal(CATEGORIES, { description: 'Required for outcome "error".' })),
      retryable: optional(boolean({ description: 'The same request may succeed if sent again later. Required for outcome "error".' })),
      fatal: optional(
        boolean({ description: 'The whole request failed; false marks a per-item (minor) error. Required for outcome "error".' }),
      ),
      description: string({ minLength: 1, description: 'What the error means, in the vendor documentation\'s terms.' }),
      docs: optional(string({ description: 'Documentation URL (defaults to the catalog docs).' })),
      match: optional(matchSchema),
      secret: optional(array(string({ minLength: 1 }), { description: 'Template params redacted in message and params.' })),
      requestNotSent: optional(
        boolean({
          description:
            'The failure happened before the request reached the vendor (connection refused, DNS), so a retry cannot repeat a mutation and Idempotency-Key rules do not apply.',
        }),
      ),
      facts: optional(record(union([string(), number(), boolean()]), { description: 'Vendor facts (e.g. smsFallback).' })),
      examples: array(exampleSchema, { minItems: 1, description: 'At least one example.' }),
    },
    { name: 'CatalogEntry', description: 'One known vendor error, success or queued response.' },
  );

  return object(
    {
      vendor: string({ pattern: /^[a-z0-9_]+$/, patternName: 'a lowercase vendor name', description: 'Vendor name and id namespace.' }),
      name: string({ minLength: 1, description: 'Display name.' }),
      docs: string({ minLength: 1, description: 'Error documentation URL.' }),
      shapes: array(literal(SHAPES), { unique: true, description: 'Body shapes this vendor answers in.' }),
      hosts: array(string({ minLength: 1 }), { description: 'API hosts, exact or "*.domain", for vendor detection from a URL.' }),
      requestIdHeaders: array(string({ minLength: 1 }), { description: 'Response headers carrying the request id, first present wins.' }),
      retryHints: optional(
        object(
          {
            resetUnit: optional(
              literal(['delta-seconds', 'epoch-seconds', 'auto'], { description: 'Unit of RateLimit-Reset / X-RateLimit-Reset (default "auto").' }),
            ),
            bodyFields: optional(
              array(
                object(
                  { path: string({ minLength: 1 }), unit: literal(['seconds', 'milliseconds']) },
                  { name: 'RetryBodyField', description: 'A body field holding a retry delay.' },
                ),
              ),
            ),
          },
          { name: 'RetryHints', description: 'Where retry delays live beyond Retry-After.' },
        ),
      ),
      retryPolicy: optional(
        object(
          {
            idempotencyKeyRequiredFor: optional(array(literal(HTTP_METHODS))),
            note: optional(string()),
          },
          { name: 'RetryPolicy', description: 'Request-aware retry advice.' },
        ),
      ),
      errorsIn2xx: optional(boolean({ description: 'A 2xx body whose message matches no success entry is a fatal error.' })),
      namespaces: optional(array(string({ pattern: /^[a-z0-9_]+$/ }), { description: 'Id prefixes besides `vendor`.' })),
      entries: array(entrySchema, { description: 'The known errors and outcomes.' }),
    },
    { name: 'Catalog', description: 'A vendor error catalog (docs/catalog-format.md).', allowExtra: ['$schema'] },
  );
}

/** The catalog schema: the single source of the catalog's type, validator and JSON Schema. */
export const catalogSchema = lazy(buildCatalogSchema);

/** Result of {@link validateCatalog}. */
export type CatalogValidation = { ok: true; catalog: Catalog } | { ok: false; issues: SchemaIssue[] };

/**
 * Checks that `value` is a well-formed catalog (structure only; `lintCatalogs` checks
 * meaning: reachability, ambiguity, examples). Never throws.
 */
export function validateCatalog(value: unknown): CatalogValidation {
  const data = readOnce(value);
  if (!data.ok) return { ok: false, issues: [{ path: '', message: data.message }] };
  const result = validate(catalogSchema, data.value);
  return result.ok ? { ok: true, catalog: result.value as Catalog } : result;
}

/**
 * `value` as plain JSON data, every member read exactly once. A catalog is data (it must
 * survive JSON: other SDKs read the same files), and a user's catalog may be a Proxy or
 * carry getters: validating one read and compiling another could let a value that changed
 * in between past the schema. A copy also cannot throw later; reading it here may, and is
 * reported as the catalog's problem. `__proto__` keys stay own data (JSON.parse defines
 * properties, it does not assign them).
 */
function readOnce(value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? { ok: false, message: `expected a catalog object, got ${typeof value}` } : { ok: true, value: JSON.parse(text) as unknown };
  } catch (cause) {
    return { ok: false, message: `the catalog could not be read as JSON data: ${describeCaught(cause)}` };
  }
}
