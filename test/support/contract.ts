/**
 * A runtime check that a value is a DESIGN.md `Classification` ("Output"), used by the
 * property and security tests. It is deliberately stricter than the TypeScript types: it
 * checks the invariants between fields (error ⇔ outcome 'error', minor ⇔ 'partial',
 * matchedBy 'none' ⇔ category 'unknown', retryAfterMs only on retryable errors), that
 * nothing but the documented keys appears, that no key anywhere is named like a secret
 * header (DESIGN.md "Never"), and that the result survives JSON (no cycles, no getters,
 * no undefined values, no non-finite numbers: other SDKs read the serialized form).
 */
import { CATEGORIES, MATCHED_BY, OUTCOMES } from '../../src/vocabulary.js';

/** Keys a Classification may carry (`truncated` is the documented oversized-body flag). */
const RESULT_KEYS = new Set(['outcome', 'vendor', 'status', 'error', 'minor', 'requestId', 'truncated']);
/** Keys a NormalizedError may carry. */
const ERROR_KEYS = new Set([
  'id',
  'vendor',
  'category',
  'status',
  'code',
  'message',
  'retryable',
  'fatal',
  'retryAfterMs',
  'fields',
  'params',
  'matchedBy',
  'docs',
]);
const FIELD_KEYS = new Set(['path', 'message']);
/** Header names whose values are credentials: no key of the result may be named like one. */
const SECRET_HEADER_NAMES = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);
const ID_PATTERN = /^[a-z0-9_]+\.[a-z0-9_]+$/;

/** Thrown by {@link assertContract}; `path` names the offending member (`result.error.id`). */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol' || typeof value === 'function' || value === undefined || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

function fail(path: string, detail: string): never {
  throw new ContractViolation(path, detail);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Walks the whole value (iteratively: a result must never be deep, but a bad one could be)
 * and checks it is plain JSON data: plain objects and arrays with data properties only,
 * strings, booleans, null and finite numbers; no cycles, no symbol keys, no secret-header
 * keys.
 */
function assertPlainJson(root: unknown): void {
  const onPath = new Set<object>();
  // Each frame: the value, its path, and whether its children were pushed already.
  const stack: { value: unknown; path: string; exit: boolean }[] = [{ value: root, path: 'result', exit: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value, path } = frame;
    if (frame.exit) {
      onPath.delete(value as object);
      continue;
    }
    switch (typeof value) {
      case 'string':
      case 'boolean':
        continue;
      case 'number':
        if (!Number.isFinite(value)) fail(path, `${show(value)} is not a finite number (JSON would turn it into null)`);
        continue;
      case 'object':
        break;
      default:
        fail(path, `${show(value)} (${typeof value}) is not JSON data`);
    }
    if (value === null) continue;
    if (onPath.has(value)) fail(path, 'is a cycle');
    if (!Array.isArray(value) && !isPlainObject(value)) fail(path, 'is not a plain object or array');
    if (Array.isArray(value) && Object.getPrototypeOf(value) !== Array.prototype) fail(path, 'is an array with a foreign prototype');
    onPath.add(value);
    stack.push({ value, path, exit: true });
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key === 'symbol') fail(path, `has a symbol key ${String(key)}`);
      if (Array.isArray(value) && key === 'length') continue;
      if (SECRET_HEADER_NAMES.has(key.toLowerCase())) fail(`${path}.${key}`, 'is named like a credential header');
      const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
      if (!('value' in descriptor)) fail(`${path}.${key}`, 'is an accessor, not a data property');
      if (!descriptor.enumerable) fail(`${path}.${key}`, 'is not enumerable (JSON would drop it)');
      if (Array.isArray(value) && !/^(0|[1-9]\d*)$/.test(key)) fail(`${path}.${key}`, 'is a non-index key on an array');
      stack.push({ value: descriptor.value, path: Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, exit: false });
    }
  }
}

function assertKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>, path: string): void {
  for (const key of Object.keys(value)) if (!allowed.has(key)) fail(`${path}.${key}`, 'is not a documented member');
}

function assertStatus(value: unknown, path: string): void {
  if (value === null) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 100 || value > 599)
    fail(path, `expected an integer 100-599 or null, got ${show(value)}`);
}

function assertStringOrNull(value: unknown, path: string): void {
  if (value !== null && typeof value !== 'string') fail(path, `expected a string or null, got ${show(value)}`);
}

function assertOneOf(value: unknown, allowed: readonly string[], path: string): void {
  if (typeof value !== 'string' || !allowed.includes(value)) fail(path, `expected one of ${allowed.join(', ')}, got ${show(value)}`);
}

function assertBoolean(value: unknown, path: string): void {
  if (typeof value !== 'boolean') fail(path, `expected a boolean, got ${show(value)}`);
}

function assertNormalizedError(error: unknown, path: string, fatal: boolean, parent: { vendor: unknown; status: unknown }): void {
  if (!isPlainObject(error)) fail(path, `expected a NormalizedError object, got ${show(error)}`);
  assertKeys(error, ERROR_KEYS, path);
  for (const key of ['id', 'vendor', 'category', 'status', 'code', 'message', 'retryable', 'fatal', 'matchedBy'])
    if (!Object.hasOwn(error, key)) fail(`${path}.${key}`, 'is missing');

  if (typeof error.id !== 'string' || !ID_PATTERN.test(error.id)) fail(`${path}.id`, `expected '<vendor>.<entry>', got ${show(error.id)}`);
  assertStringOrNull(error.vendor, `${path}.vendor`);
  assertOneOf(error.category, CATEGORIES, `${path}.category`);
  assertStatus(error.status, `${path}.status`);
  assertStringOrNull(error.code, `${path}.code`);
  if (typeof error.message !== 'string') fail(`${path}.message`, `expected a string, got ${show(error.message)}`);
  assertBoolean(error.retryable, `${path}.retryable`);
  assertBoolean(error.fatal, `${path}.fatal`);
  if (error.fatal !== fatal) fail(`${path}.fatal`, `expected ${fatal} (${fatal ? 'top-level' : 'minor'} error), got ${show(error.fatal)}`);
  assertOneOf(error.matchedBy, MATCHED_BY, `${path}.matchedBy`);
  // 'none' means no condition matched. For a top-level error that is exactly `unknown`; a
  // minor error may instead take its vendor's documented default for items
  // (docs/catalog-format.md: "An item entry with no code/message condition").
  const itemDefault = !fatal && error.matchedBy === 'none' && error.category !== 'unknown';
  if ((error.matchedBy === 'none') !== (error.category === 'unknown') && !itemDefault)
    fail(`${path}.matchedBy`, `matchedBy 'none' must go with category 'unknown' and only with it (or a minor error's item default); got matchedBy ${show(error.matchedBy)} with category ${show(error.category)}`);
  // The error describes the same response as the classification that carries it.
  if (error.vendor !== parent.vendor) fail(`${path}.vendor`, `${show(error.vendor)} differs from the classification's vendor ${show(parent.vendor)}`);
  if (error.status !== parent.status) fail(`${path}.status`, `${show(error.status)} differs from the classification's status ${show(parent.status)}`);

  if (Object.hasOwn(error, 'retryAfterMs')) {
    const ms = error.retryAfterMs;
    if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms < 0) fail(`${path}.retryAfterMs`, `expected a non-negative integer, got ${show(ms)}`);
    if (error.retryable !== true) fail(`${path}.retryAfterMs`, 'is present on an error that is not retryable');
  }
  if (Object.hasOwn(error, 'fields')) {
    const fields = error.fields;
    if (!Array.isArray(fields)) fail(`${path}.fields`, `expected an array, got ${show(fields)}`);
    fields.forEach((field: unknown, index) => {
      const at = `${path}.fields[${index}]`;
      if (!isPlainObject(field)) fail(at, `expected {path, message}, got ${show(field)}`);
      assertKeys(field, FIELD_KEYS, at);
      if (typeof field.path !== 'string') fail(`${at}.path`, `expected a string, got ${show(field.path)}`);
      if (typeof field.message !== 'string') fail(`${at}.message`, `expected a string, got ${show(field.message)}`);
    });
  }
  if (Object.hasOwn(error, 'params')) {
    const params = error.params;
    if (!isPlainObject(params)) fail(`${path}.params`, `expected an object, got ${show(params)}`);
    for (const key of Reflect.ownKeys(params)) {
      const value: unknown = (params as Record<PropertyKey, unknown>)[key];
      if (typeof value !== 'string' && (typeof value !== 'number' || !Number.isFinite(value)))
        fail(`${path}.params.${String(key)}`, `expected a string or a finite number, got ${show(value)}`);
    }
  }
  if (Object.hasOwn(error, 'docs') && typeof error.docs !== 'string') fail(`${path}.docs`, `expected a string, got ${show(error.docs)}`);
}

/**
 * Throws a {@link ContractViolation} naming the offending member unless `result` is a
 * DESIGN.md `Classification`.
 */
export function assertContract(result: unknown): void {
  if (!isPlainObject(result)) fail('result', `expected a Classification object, got ${show(result)}`);
  assertPlainJson(result);
  assertKeys(result, RESULT_KEYS, 'result');
  for (const key of ['outcome', 'vendor', 'status', 'error', 'minor']) if (!Object.hasOwn(result, key)) fail(`result.${key}`, 'is missing');

  assertOneOf(result.outcome, OUTCOMES, 'result.outcome');
  assertStringOrNull(result.vendor, 'result.vendor');
  assertStatus(result.status, 'result.status');
  if (Object.hasOwn(result, 'requestId') && typeof result.requestId !== 'string')
    fail('result.requestId', `expected a string, got ${show(result.requestId)}`);
  if (Object.hasOwn(result, 'truncated') && typeof result.truncated !== 'boolean')
    fail('result.truncated', `expected a boolean, got ${show(result.truncated)}`);

  const { outcome, error, minor } = result;
  if ((error !== null) !== (outcome === 'error'))
    fail('result.error', `must be non-null exactly when outcome is 'error' (outcome ${show(outcome)}, error ${show(error)})`);
  if (error !== null) assertNormalizedError(error, 'result.error', true, { vendor: result.vendor, status: result.status });

  if (!Array.isArray(minor)) fail('result.minor', `expected an array, got ${show(minor)}`);
  if ((minor.length > 0) !== (outcome === 'partial'))
    fail('result.minor', `must be non-empty exactly when outcome is 'partial' (outcome ${show(outcome)}, ${minor.length} minor errors)`);
  minor.forEach((item: unknown, index) => assertNormalizedError(item, `result.minor[${index}]`, false, { vendor: result.vendor, status: result.status }));

  try {
    JSON.stringify(result);
  } catch (cause) {
    fail('result', `JSON.stringify failed: ${String(cause)}`);
  }
}
