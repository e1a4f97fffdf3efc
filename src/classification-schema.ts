/**
 * The JSON shape of a `Classification` (DESIGN.md "Output"), as a schema: the source of
 * the published `schema/classification.schema.json` (written by
 * `npm run schema:classification`), for log pipelines and SDKs in other languages that
 * read results as JSON. Not part of the runtime bundle: nothing in the library imports it.
 *
 * It states the invariants the TypeScript types carry: `error` is non-null exactly when
 * `outcome` is `error`, `minor` is non-empty exactly when it is `partial`.
 */
import { array, boolean, literal, number, object, optional, record, string, union, type Schema } from './schema/schema.js';
import { CATEGORIES, MATCHED_BY } from './vocabulary.js';

const nullableString = (description: string) => union([string(), literal([null])], { description });
const nullableStatus = (description: string) => union([number({ integer: true, minimum: 100, maximum: 599 }), literal([null])], { description });

/** An array that is always empty (`minor` of an accepted or failed request). */
function emptyArray(description: string): Schema<[]> {
  return {
    description,
    check(value, path, issues) {
      if (Array.isArray(value) && value.length === 0) return true;
      issues.push({ path, message: 'expected an empty array' });
      return false;
    },
    toJsonSchema: () => ({ description, type: 'array', maxItems: 0 }),
    toTypeScript: () => '[]',
  };
}

const fieldError = object(
  {
    path: string({ description: 'The field, as the vendor named it (`phoneNumber`, `/email`, `attributes[0]`).' }),
    message: string({ description: "The vendor's text for this field." }),
  },
  { name: 'FieldError', description: 'A field-level validation error, whatever shape the vendor used.' },
);

const normalizedError = object(
  {
    id: string({ description: "Stable id '<vendor>.<entry>': 'braze.invalid_campaign_id', 'http.503', 'network.econnrefused'." }),
    vendor: nullableString('Vendor the error came from, or null when unknown.'),
    category: literal(CATEGORIES, { description: 'What the caller should do next.' }),
    status: nullableStatus('HTTP status, or null without a response.'),
    code: nullableString("The vendor's machine code as received."),
    message: string({ description: "The vendor's text as received (secrets redacted), else the catalog description." }),
    retryable: boolean({ description: 'The same request may succeed if sent again later.' }),
    fatal: boolean({ description: 'The whole request failed (every top-level error); false for per-item (minor) errors.' }),
    retryAfterMs: optional(number({ integer: true, minimum: 0, description: 'How long to wait before retrying, in milliseconds. Only on retryable errors.' })),
    fields: optional(array(fieldError, { description: 'Field-level errors.' })),
    params: optional(record(union([string(), number()]), { description: 'Named values taken out of the message by its template.' })),
    matchedBy: literal(MATCHED_BY, { description: 'Which catalog rule decided this error.' }),
    docs: optional(string({ description: 'Documentation for this error.' })),
  },
  { name: 'NormalizedError', description: 'One normalized error.' },
);

/** The members every outcome has besides `outcome`, `error` and `minor`. */
const common = {
  vendor: nullableString('Vendor the response came from, or null when unknown.'),
  status: nullableStatus('HTTP status (100-599), or null without a response or when the input status was invalid.'),
  requestId: optional(string({ description: "Request id from the vendor's request-id header." })),
  truncated: optional(boolean({ description: 'The body was larger than maxBodyBytes and was classified without being parsed.' })),
};

const accepted = object(
  {
    outcome: literal(['success', 'queued']),
    ...common,
    error: literal([null], { description: 'Always null for an accepted request.' }),
    minor: emptyArray('Always empty for an accepted request.'),
  },
  { name: 'AcceptedClassification', description: 'The vendor accepted the request, or accepted it for later processing.' },
);

const partial = object(
  {
    outcome: literal(['partial']),
    ...common,
    error: literal([null], { description: 'Always null: the request as a whole succeeded.' }),
    minor: array(normalizedError, { description: 'The per-item errors (non-fatal); never empty.', minItems: 1 }),
  },
  { name: 'PartialClassification', description: 'The vendor accepted the request but reported per-item errors.' },
);

const failed = object(
  {
    outcome: literal(['error']),
    ...common,
    error: normalizedError,
    minor: emptyArray('Always empty: per-item errors of a failed request are in error.fields.'),
  },
  { name: 'ErrorClassification', description: 'The request failed.' },
);

/** The schema of a `Classification`. */
export const classificationSchema: Schema<unknown> = union([accepted, partial, failed], {
  description: 'The normalized result of one vendor response or thrown error. Switch on outcome.',
});

/** `$id` of the published document. */
export const CLASSIFICATION_SCHEMA_ID = 'https://vendor-errors.dev/schema/classification.schema.json';
