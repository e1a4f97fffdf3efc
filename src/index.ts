/**
 * vendor-errors: normalize vendor API errors into one typed result.
 * This module only re-exports; see the README for a tour.
 */
export { classify, createClassifier, normalizeError, type CreateClassifierOptions } from './create-classifier.js';
export type { Classifier } from './classifier.js';
export type { ClassifyFunction, LooseInput, RawResponseWithTextStatus } from './classify-input.js';
export { CatalogError, isCatalogError } from './compile-catalog.js';
export { catalogSchema, validateCatalog, type CatalogValidation } from './catalog-schema.js';
export type { JsonSchema, Schema, SchemaIssue } from './schema/schema.js';
// The shipped catalogs and their id lists, one pair per catalog file: generated, so that
// shipping a vendor is a JSON file (scripts/generate.ts names each export explicitly there).
export * from './generated/vendor-exports.js';
export type {
  Catalog,
  CatalogEntry,
  CatalogExample,
  EntryMatch,
  ExampleExpect,
  ExpectedFieldError,
  RetryBodyField,
  RetryHints,
  RetryPolicy,
  ShapeDeclaration,
  ShapeItems,
  ShapeReader,
  ThrownForms,
  ThrownResponse,
} from './generated/catalog-types.js';
export type {
  AcceptedClassification,
  Classification,
  ClassifyOptions,
  ErrorClassification,
  FieldError,
  HeadersInput,
  NormalizedError,
  PartialClassification,
  RawResponse,
} from './types.js';
export { CATEGORIES, OUTCOMES, MATCHED_BY, BODY_KINDS, isCategory, type Category, type Outcome, type MatchedBy, type BodyKind } from './vocabulary.js';
export { parseRetryAfter, parseHttpDate } from './retry-after.js';
export { lintCatalogs, type LintOptions, type LintProblem, type RedosChecker } from './lint.js';
export { diffCatalogs, requiredBump, type Bump, type CatalogChange } from './catalog-diff.js';
export { EXAMPLE_NOW, exampleMismatches, runExample } from './examples.js';
// Interop: fetch, retry libraries, RFC 9457 problem details, OpenTelemetry, pino, thrown errors.
export { classifyResponse, type ClassifyResponseOptions, type ResponseClassifier } from './classify-response.js';
export { shouldRetry, retryDelay, rethrowForPRetry, type BackoffOptions, type ClassifyThrown, type AbortErrorClass } from './retry.js';
export { DEFAULT_MAX_RETRIES, type RetryHelperOptions } from './retry-options.js';
export { pRetryOptions, type PRetryOptions } from './p-retry-options.js';
export { axiosRetryOptions, type AxiosRetryOptions } from './axios-retry-options.js';
export { gotRetryOptions, type GotRetryOptions, type GotRetryObject, type GotMethod } from './got-retry-options.js';
export { kyRetryOptions, type KyRetryOptions, type KyRetrySettings, type KyRetryHooks } from './ky-retry-options.js';
export {
  toProblemDetails,
  PROBLEM_JSON_MEDIA_TYPE,
  DEFAULT_PROBLEM_TYPE_BASE,
  type ProblemDetails,
  type ProblemDetailsOptions,
  type ProblemFieldError,
} from './problem-details.js';
export { toOtelAttributes, type OtelAttributes, type OtelAttributesOptions } from './otel.js';
export { pinoSerializer, pinoSerializers, type PinoSerializers, type VendorErrorLog } from './pino.js';
export {
  classifyStream,
  type ClassifyStreamOptions,
  type StreamRecord,
  type ClassifiedRecord,
  type InvalidRecord,
} from './classify-stream.js';
export { VendorError, isVendorError, toVendorError, throwIfError, type VendorErrorOptions } from './vendor-error.js';
