/**
 * A minimal schema builder: one definition yields a TypeScript type (by inference, and as
 * generated interfaces), a runtime validator and a JSON Schema (draft 2020-12).
 *
 * It exists so the catalog format has a single source of truth without adding a runtime
 * dependency; it supports exactly what the catalog needs and nothing more.
 */

/** One problem found when validating a value against a schema (`validateCatalog`). `path` is a JSON Pointer-like dotted path. */
export interface SchemaIssue {
  /** Where the problem is, e.g. `entries[3].match.status`. */
  path: string;
  /** What is wrong, in one sentence. */
  message: string;
}

/** A JSON Schema document (the subset this builder emits). */
export type JsonSchema = { [key: string]: unknown };

/** A schema node. `T` is the TypeScript type of a valid value. */
export interface Schema<T> {
  /** Phantom field carrying the inferred type; never set at run time. */
  readonly __type?: T;
  /** Shown in the JSON Schema and as TSDoc in the generated interfaces. */
  readonly description: string | undefined;
  /** Adds issues for `value` at `path`; returns true when there were none. */
  check(value: unknown, path: string, issues: SchemaIssue[]): boolean;
  /** The JSON Schema of this node. */
  toJsonSchema(defs: Map<string, JsonSchema>): JsonSchema;
  /** A TypeScript type expression; named objects register an interface in `decls`. */
  toTypeScript(decls: Map<string, string>): string;
}

/** The TypeScript type a schema accepts. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

interface Optional<T> {
  readonly optional: true;
  readonly schema: Schema<T>;
}

type Shape = Record<string, Schema<unknown> | Optional<unknown>>;
type Flatten<T> = { [K in keyof T]: T[K] } & {};
type RequiredKeys<P extends Shape> = { [K in keyof P]: P[K] extends Optional<unknown> ? never : K }[keyof P];
type OptionalKeys<P extends Shape> = Exclude<keyof P, RequiredKeys<P>>;
type ObjectOf<P extends Shape> = Flatten<
  { [K in RequiredKeys<P>]: P[K] extends Schema<infer T> ? T : never } & {
    [K in OptionalKeys<P>]?: P[K] extends Optional<infer T> ? T : never;
  }
>;

function describe(schema: JsonSchema, description: string | undefined): JsonSchema {
  return description === undefined ? schema : { description, ...schema };
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(issues: SchemaIssue[], path: string, message: string): false {
  issues.push({ path: path === '' ? '(root)' : path, message });
  return false;
}

/** Options for {@link string}. */
export interface StringOptions {
  description?: string;
  /** The value must match this pattern (it is also published in the JSON Schema). */
  pattern?: RegExp;
  minLength?: number;
  /** Shown in error messages instead of the raw pattern. */
  patternName?: string;
}

/** A string. */
export function string(options: StringOptions = {}): Schema<string> {
  const { pattern, minLength, description } = options;
  return {
    description,
    check(value, path, issues) {
      if (typeof value !== 'string') return fail(issues, path, `expected a string, got ${typeOf(value)}`);
      if (minLength !== undefined && value.length < minLength)
        return fail(issues, path, `expected at least ${minLength} character(s)`);
      if (pattern !== undefined && !pattern.test(value))
        return fail(issues, path, `${JSON.stringify(value)} is not ${options.patternName ?? `matching ${pattern.source}`}`);
      return true;
    },
    toJsonSchema: () =>
      describe(
        {
          type: 'string',
          ...(minLength === undefined ? {} : { minLength }),
          ...(pattern === undefined ? {} : { pattern: pattern.source }),
        },
        description,
      ),
    toTypeScript: () => 'string',
  };
}

/** A number; `integer` restricts it to whole numbers. */
export function number(options: { description?: string; integer?: boolean; minimum?: number; maximum?: number } = {}): Schema<number> {
  const { integer = false, minimum, maximum, description } = options;
  return {
    description,
    check(value, path, issues) {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return fail(issues, path, `expected a finite number, got ${typeOf(value)}`);
      if (integer && !Number.isInteger(value)) return fail(issues, path, `expected an integer, got ${value}`);
      if (minimum !== undefined && value < minimum) return fail(issues, path, `expected >= ${minimum}, got ${value}`);
      if (maximum !== undefined && value > maximum) return fail(issues, path, `expected <= ${maximum}, got ${value}`);
      return true;
    },
    toJsonSchema: () =>
      describe(
        {
          type: integer ? 'integer' : 'number',
          ...(minimum === undefined ? {} : { minimum }),
          ...(maximum === undefined ? {} : { maximum }),
        },
        description,
      ),
    toTypeScript: () => 'number',
  };
}

/** A boolean. */
export function boolean(options: { description?: string } = {}): Schema<boolean> {
  return {
    description: options.description,
    check: (value, path, issues) =>
      typeof value === 'boolean' || fail(issues, path, `expected a boolean, got ${typeOf(value)}`),
    toJsonSchema: () => describe({ type: 'boolean' }, options.description),
    toTypeScript: () => 'boolean',
  };
}

/** One of a fixed list of strings, booleans or null. */
export function literal<const V extends readonly (string | boolean | null)[]>(
  values: V,
  options: { description?: string } = {},
): Schema<V[number]> {
  return {
    description: options.description,
    check(value, path, issues) {
      if ((values as readonly unknown[]).includes(value)) return true;
      return fail(issues, path, `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`);
    },
    toJsonSchema: () =>
      describe(values.length === 1 ? { const: values[0] } : { enum: [...values] }, options.description),
    toTypeScript: () => values.map((v) => JSON.stringify(v)).join(' | '),
  };
}

/** Any JSON value (used for example inputs, which are raw vendor responses). */
export function unknown(options: { description?: string } = {}): Schema<unknown> {
  return {
    description: options.description,
    check: () => true,
    toJsonSchema: () => describe({}, options.description),
    toTypeScript: () => 'unknown',
  };
}

/** An array of `item`. */
export function array<T>(
  item: Schema<T>,
  options: { description?: string; minItems?: number; unique?: boolean } = {},
): Schema<T[]> {
  const { minItems, description, unique = false } = options;
  return {
    description,
    check(value, path, issues) {
      if (!Array.isArray(value)) return fail(issues, path, `expected an array, got ${typeOf(value)}`);
      if (minItems !== undefined && value.length < minItems)
        return fail(issues, path, `expected at least ${minItems} item(s)`);
      let ok = true;
      value.forEach((element, index) => {
        ok = item.check(element, `${path}[${index}]`, issues) && ok;
      });
      if (unique && new Set(value.map((v) => JSON.stringify(v))).size !== value.length)
        ok = fail(issues, path, 'expected unique items');
      return ok;
    },
    toJsonSchema: (defs) =>
      describe(
        {
          type: 'array',
          items: item.toJsonSchema(defs),
          ...(minItems === undefined ? {} : { minItems }),
          ...(unique ? { uniqueItems: true } : {}),
        },
        description,
      ),
    toTypeScript: (decls) => {
      const inner = item.toTypeScript(decls);
      return /^[\w.]+$/.test(inner) ? `${inner}[]` : `Array<${inner}>`;
    },
  };
}

/**
 * A schema built by `build` on first use, then reused. Building a large schema runs many
 * functions once each, which on a cold start is mostly V8 compiling them; a module that
 * exports a schema most programs never use (`catalogSchema`) should not pay that on import.
 */
export function lazy<T>(build: () => Schema<T>): Schema<T> {
  let built: Schema<T> | undefined;
  const schema = (): Schema<T> => (built ??= build());
  return {
    get description() {
      return schema().description;
    },
    check: (value, path, issues) => schema().check(value, path, issues),
    toJsonSchema: (defs) => schema().toJsonSchema(defs),
    toTypeScript: (decls) => schema().toTypeScript(decls),
  };
}

/** Marks an object property as optional. */
export function optional<T>(schema: Schema<T>): Optional<T> {
  return { optional: true, schema };
}

function isOptional(node: Schema<unknown> | Optional<unknown>): node is Optional<unknown> {
  return 'optional' in node;
}

/**
 * An object with known properties; unknown properties are errors (catches typos in
 * hand-written catalogs). A `name` makes it a named interface / `$defs` entry.
 */
export function object<P extends Shape>(
  properties: P,
  options: { name?: string; description?: string; allowExtra?: readonly string[] } = {},
): Schema<ObjectOf<P>> {
  const { name, description, allowExtra = [] } = options;
  const keys = Object.keys(properties);
  const node: Schema<ObjectOf<P>> = {
    description,
    check(value, path, issues) {
      if (!isPlainObject(value)) return fail(issues, path, `expected an object, got ${typeOf(value)}`);
      let ok = true;
      for (const key of keys) {
        const prop = properties[key]!;
        const child = path === '' ? key : `${path}.${key}`;
        const present = Object.prototype.hasOwnProperty.call(value, key) && value[key] !== undefined;
        if (!present) {
          if (!isOptional(prop)) ok = fail(issues, child, 'is required');
          continue;
        }
        ok = (isOptional(prop) ? prop.schema : prop).check(value[key], child, issues) && ok;
      }
      for (const key of Object.keys(value)) {
        if (!Object.prototype.hasOwnProperty.call(properties, key) && !allowExtra.includes(key))
          ok = fail(issues, path === '' ? key : `${path}.${key}`, 'is not a known property');
      }
      return ok;
    },
    toJsonSchema(defs) {
      const body: JsonSchema = {
        type: 'object',
        properties: Object.fromEntries([
          ...allowExtra.map((key) => [key, {}] as const),
          ...keys.map((key) => {
            const prop = properties[key]!;
            return [key, (isOptional(prop) ? prop.schema : prop).toJsonSchema(defs)] as const;
          }),
        ]),
        required: keys.filter((key) => !isOptional(properties[key]!)),
        additionalProperties: false,
      };
      if (name === undefined) return describe(body, description);
      if (!defs.has(name)) {
        defs.set(name, {}); // reserve first: guards against recursion
        defs.set(name, describe(body, description));
      }
      return { $ref: `#/$defs/${name}` };
    },
    toTypeScript(decls) {
      const lines = keys.map((key) => {
        const prop = properties[key]!;
        const inner = isOptional(prop) ? prop.schema : prop;
        const doc = inner.description === undefined ? '' : `  /** ${inner.description} */\n`;
        return `${doc}  ${key}${isOptional(prop) ? '?' : ''}: ${inner.toTypeScript(decls)};`;
      });
      const body = `{\n${lines.join('\n')}\n}`;
      if (name === undefined) return body;
      if (!decls.has(name)) {
        decls.set(name, '');
        const doc = description === undefined ? '' : `/** ${description} */\n`;
        decls.set(name, `${doc}export interface ${name} ${body}`);
      }
      return name;
    },
  };
  return node;
}

/** An object whose values all follow `value` (keys are free). */
export function record<T>(value: Schema<T>, options: { description?: string } = {}): Schema<Record<string, T>> {
  return {
    description: options.description,
    check(input, path, issues) {
      if (!isPlainObject(input)) return fail(issues, path, `expected an object, got ${typeOf(input)}`);
      let ok = true;
      for (const key of Object.keys(input)) ok = value.check(input[key], path === '' ? key : `${path}.${key}`, issues) && ok;
      return ok;
    },
    toJsonSchema: (defs) =>
      describe({ type: 'object', additionalProperties: value.toJsonSchema(defs) }, options.description),
    toTypeScript: (decls) => `Record<string, ${value.toTypeScript(decls)}>`,
  };
}

/**
 * The first alternative that accepts the value wins. Issues are reported from the
 * alternative whose `discriminate` says it was meant, else a summary.
 */
export function union<const S extends readonly Schema<unknown>[]>(
  alternatives: S,
  options: { description?: string; discriminate?: (value: unknown) => number | undefined } = {},
): Schema<Infer<S[number]>> {
  return {
    description: options.description,
    check(value, path, issues) {
      for (const alternative of alternatives) if (alternative.check(value, path, [])) return true;
      const meant = options.discriminate?.(value);
      if (meant !== undefined) return alternatives[meant]!.check(value, path, issues);
      return fail(issues, path, `does not match any allowed form (${typeOf(value)})`);
    },
    toJsonSchema: (defs) =>
      describe({ anyOf: alternatives.map((alternative) => alternative.toJsonSchema(defs)) }, options.description),
    toTypeScript: (decls) => alternatives.map((alternative) => alternative.toTypeScript(decls)).join(' | '),
  };
}

/** Validates `value` against `schema`, collecting every issue. */
export function validate<T>(schema: Schema<T>, value: unknown): { ok: true; value: T } | { ok: false; issues: SchemaIssue[] } {
  const issues: SchemaIssue[] = [];
  return schema.check(value, '', issues) ? { ok: true, value: value as T } : { ok: false, issues };
}

/** The JSON Schema document for `schema`, with named objects under `$defs`. */
export function toJsonSchemaDocument(schema: Schema<unknown>, meta: { id: string; title: string }): JsonSchema {
  const defs = new Map<string, JsonSchema>();
  const root = schema.toJsonSchema(defs);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: meta.id,
    title: meta.title,
    ...root,
    $defs: Object.fromEntries([...defs.entries()].sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** TypeScript declarations (one `export interface` per named object) for `schema`. */
export function toTypeScriptDeclarations(schema: Schema<unknown>): string {
  const decls = new Map<string, string>();
  schema.toTypeScript(decls);
  return [...decls.values()].join('\n\n');
}
