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
import { BODY_KINDS, CATEGORIES, MATCHED_BY, OUTCOMES, READER_TRANSFORMS } from './vocabulary.js';
import { VALUE_TYPES } from './json-path.js';
import type { Catalog } from './generated/catalog-types.js';
import { describeCaught } from './safe.js';

const ID = /^[a-z0-9_]+\.[a-z0-9_]+$/;
const STATUS_CLASS = /^[1-5]xx$/;
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const SHAPE_NAME = /^[a-z0-9_]+$/;

/**
 * Builds the catalog schema. Only validating a user's catalog and generating the published
 * schema need it, so it is built on first use (see {@link lazy}) rather than on import.
 */
function buildCatalogSchema() {
  const oneOrMany = (description: string) =>
    union([string({ minLength: 1 }), array(string({ minLength: 1 }), { minItems: 1 })], { description });

  const path = (description: string) => string({ description });
  const readerSchema = union(
    [
      string({ description: 'A path: dot-separated member names; an integer segment indexes an array, `*` tries each element.' }),
      object(
        {
          path: optional(path('Where the value is (default: the whole body).')),
          as: optional(literal(READER_TRANSFORMS, { description: 'A named transformation of the value (docs/catalog-format.md "Readers").' })),
          ignoreHosts: optional(array(string({ minLength: 1 }), { description: '`uri-last-segment`: hosts whose URIs carry no code (HTTP status reference pages).' })),
          index: optional(path('`with-index`: the path, relative to the same object, of an integer appended as `[n]`.')),
          base: optional(path('`url`: the path of a base URL a relative URL is resolved against.')),
        },
        { name: 'ShapeReader', description: 'A path with a named transformation.' },
      ),
    ],
    { discriminate: (value) => (typeof value === 'string' ? 0 : 1) },
  );
  const readers = (description: string) => optional(array(readerSchema, { description }));
  const conditionSchema = record(literal(VALUE_TYPES), { description: 'Path → JSON type (string, number, integer, boolean, object, array, present); all must hold.' });
  const itemsSchema = object(
    {
      at: path('Where the list of per-item results sits.'),
      when: optional(conditionSchema),
      code: readers("Where an item's code is (first present wins)."),
      message: readers("Where an item's message is; an item that is a string is its own message."),
      path: readers('Where the name of the failed input is.'),
    },
    { name: 'ShapeItems', description: 'Per-item results of a 2xx body: the items `when` accepts are minor errors (outcome partial).' },
  );
  const shapeSchema = object(
    {
      name: string({ pattern: SHAPE_NAME, patternName: 'a shape name', description: 'Unique among all loaded catalogs; entries name it in `match.shape`.' }),
      description: optional(string({ description: 'What answers in this shape.' })),
      body: optional(literal(BODY_KINDS, { description: 'The kind of body this shape reads (default "json").' })),
      when: optional(
        union([conditionSchema, array(conditionSchema, { minItems: 1 })], {
          description: 'JSON bodies: the conditions that recognise the shape; a list means any one of them.',
          discriminate: (value) => (Array.isArray(value) ? 1 : 0),
        }),
      ),
      mediaType: optional(string({ minLength: 1, description: 'The response must have this media type (parameters and case ignored).' })),
      code: readers('Where the code is (first present, non-empty value wins; numbers become strings).'),
      message: readers('Where the message is.'),
      fields: readers('Where field errors are, read by the generic field reader.'),
      items: optional(itemsSchema),
    },
    { name: 'ShapeDeclaration', description: 'How to recognise and read one envelope (docs/catalog-format.md "Shapes").' },
  );
  const thrownSchema = object(
    {
      responses: array(
        object(
          {
            when: optional(conditionSchema),
            status: array(readerSchema, { minItems: 1, description: 'Where the HTTP status is; a form applies when one is a number.' }),
            headers: readers('Where the response headers are.'),
            body: readers('Where the response body is.'),
          },
          { name: 'ThrownResponse', description: 'One way a client error carries the response it failed on.' },
        ),
        { description: 'Client errors that carry a response, tried in order.' },
      ),
      url: readers('Where the request URL is.'),
      method: readers('Where the request method is.'),
      requestHeaders: readers('Where the request headers are (only the Idempotency-Key is read).'),
      name: readers("Where an error's name is."),
      code: readers("Where an error's code is."),
      message: readers("Where an error's message is."),
      causes: readers('Where the errors behind an error are (a trailing `*` takes each element).'),
    },
    { name: 'ThrownForms', description: 'Where HTTP client errors keep their response, request and cause (generic catalog).' },
  );

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
      shape: optional(string({ pattern: SHAPE_NAME, patternName: 'a shape name', description: 'The name of the shape the body was read with.' })),
      fields: optional(literal([true], { description: 'The body yields field errors (responses only).' })),
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
      general: optional(
        literal([true], {
          description:
            'A general wording rule: its message conditions apply to any vendor, after every code, message and shape entry and before status entries.',
        }),
      ),
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
      shapes: array(
        union([string({ pattern: SHAPE_NAME, patternName: 'a shape name', description: "A standard shape (declared by the generic catalog), by name." }), shapeSchema], {
          discriminate: (value) => (typeof value === 'string' ? 0 : 1),
        }),
        { unique: true, description: 'The envelopes this vendor answers in: standard shapes by name, its own as objects (docs/catalog-format.md "Shapes").' },
      ),
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
      thrown: optional(thrownSchema),
      entries: array(entrySchema, { description: 'The known errors and outcomes.' }),
    },
    { name: 'Catalog', description: 'A vendor error catalog (docs/catalog-format.md).', allowExtra: ['$schema'] },
  );
}

/**
 * The catalog schema: the single source of the catalog's type, validator and JSON Schema.
 * Marked pure so a bundle that never validates a catalog leaves the schema code out.
 */
export const catalogSchema = /* @__PURE__ */ lazy(buildCatalogSchema);

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
