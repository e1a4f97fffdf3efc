/**
 * The schema builder (src/schema/schema.ts): every builder's runtime check (with precise
 * paths), JSON Schema and TypeScript output.
 */
import { describe, expect, it } from 'vitest';
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
  toJsonSchemaDocument,
  toTypeScriptDeclarations,
  union,
  unknown,
  validate,
  type JsonSchema,
  type Schema,
  type SchemaIssue,
} from '../src/schema/schema.js';

function issues<T>(schema: Schema<T>, value: unknown): SchemaIssue[] {
  const result = validate(schema, value);
  return result.ok ? [] : result.issues;
}

const json = (schema: Schema<unknown>) => schema.toJsonSchema(new Map<string, JsonSchema>());
const ts = (schema: Schema<unknown>) => schema.toTypeScript(new Map<string, string>());

describe('string', () => {
  it('accepts strings and rejects other values', () => {
    expect(issues(string(), 'x')).toEqual([]);
    expect(issues(string(), 5)).toEqual([{ path: '(root)', message: 'expected a string, got number' }]);
    expect(issues(string(), null)).toEqual([{ path: '(root)', message: 'expected a string, got null' }]);
    expect(issues(string(), [])).toEqual([{ path: '(root)', message: 'expected a string, got array' }]);
  });

  it('checks minLength and pattern, naming the pattern when asked', () => {
    expect(issues(string({ minLength: 2 }), 'a')).toEqual([{ path: '(root)', message: 'expected at least 2 character(s)' }]);
    expect(issues(string({ pattern: /^[a-z]+$/ }), 'A')).toEqual([{ path: '(root)', message: '"A" is not matching ^[a-z]+$' }]);
    expect(issues(string({ pattern: /^[a-z]+$/, patternName: 'lowercase' }), 'A')).toEqual([{ path: '(root)', message: '"A" is not lowercase' }]);
  });

  it('publishes type, minLength, pattern and description', () => {
    expect(json(string({ minLength: 1, pattern: /^x$/, description: 'd' }))).toEqual({ description: 'd', type: 'string', minLength: 1, pattern: '^x$' });
    expect(json(string())).toEqual({ type: 'string' });
    expect(ts(string())).toBe('string');
  });
});

describe('number', () => {
  it('accepts finite numbers only', () => {
    expect(issues(number(), 1.5)).toEqual([]);
    expect(issues(number(), Number.NaN)).toEqual([{ path: '(root)', message: 'expected a finite number, got number' }]);
    expect(issues(number(), Number.POSITIVE_INFINITY)).toHaveLength(1);
    expect(issues(number(), '1')).toEqual([{ path: '(root)', message: 'expected a finite number, got string' }]);
  });

  it('checks integer, minimum and maximum', () => {
    expect(issues(number({ integer: true }), 1.5)).toEqual([{ path: '(root)', message: 'expected an integer, got 1.5' }]);
    expect(issues(number({ minimum: 100 }), 99)).toEqual([{ path: '(root)', message: 'expected >= 100, got 99' }]);
    expect(issues(number({ maximum: 599 }), 600)).toEqual([{ path: '(root)', message: 'expected <= 599, got 600' }]);
    expect(issues(number({ integer: true, minimum: 100, maximum: 599 }), 100)).toEqual([]);
  });

  it('publishes integer or number with bounds', () => {
    expect(json(number({ integer: true, minimum: 0, maximum: 9 }))).toEqual({ type: 'integer', minimum: 0, maximum: 9 });
    expect(json(number())).toEqual({ type: 'number' });
    expect(ts(number({ integer: true }))).toBe('number');
  });
});

describe('boolean', () => {
  it('accepts booleans only', () => {
    expect(issues(boolean(), false)).toEqual([]);
    expect(issues(boolean(), 'true')).toEqual([{ path: '(root)', message: 'expected a boolean, got string' }]);
  });

  it('publishes boolean', () => {
    expect(json(boolean({ description: 'b' }))).toEqual({ description: 'b', type: 'boolean' });
    expect(ts(boolean())).toBe('boolean');
  });
});

describe('literal', () => {
  it('accepts only the listed values', () => {
    const schema = literal(['a', 'b', true, null]);
    expect(issues(schema, 'a')).toEqual([]);
    expect(issues(schema, null)).toEqual([]);
    expect(issues(schema, 'c')).toEqual([{ path: '(root)', message: 'expected one of "a", "b", true, null, got "c"' }]);
  });

  it('publishes const for one value and enum for several', () => {
    expect(json(literal([true]))).toEqual({ const: true });
    expect(json(literal(['a', 'b']))).toEqual({ enum: ['a', 'b'] });
  });

  it('renders a union of literal types', () => {
    expect(ts(literal(['a', 'b']))).toBe('"a" | "b"');
    expect(ts(literal([true]))).toBe('true');
  });
});

describe('unknown', () => {
  it('accepts anything and publishes an empty schema', () => {
    for (const value of [undefined, null, 1, 'x', {}, []]) expect(issues(unknown(), value)).toEqual([]);
    expect(json(unknown())).toEqual({});
    expect(ts(unknown())).toBe('unknown');
  });
});

describe('array', () => {
  it('checks each item with an indexed path', () => {
    expect(issues(array(string()), ['a', 1, 'b', false])).toEqual([
      { path: '[1]', message: 'expected a string, got number' },
      { path: '[3]', message: 'expected a string, got boolean' },
    ]);
  });

  it('checks minItems and uniqueness', () => {
    expect(issues(array(string(), { minItems: 1 }), [])).toEqual([{ path: '(root)', message: 'expected at least 1 item(s)' }]);
    expect(issues(array(string(), { unique: true }), ['a', 'a'])).toEqual([{ path: '(root)', message: 'expected unique items' }]);
    expect(issues(array(string()), 'a')).toEqual([{ path: '(root)', message: 'expected an array, got string' }]);
  });

  it('publishes items, minItems and uniqueItems', () => {
    expect(json(array(string(), { minItems: 1, unique: true }))).toEqual({ type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true });
  });

  it('renders T[] for simple types and Array<T> for unions', () => {
    expect(ts(array(string()))).toBe('string[]');
    expect(ts(array(literal(['a', 'b'])))).toBe('Array<"a" | "b">');
    expect(ts(array(object({ a: string() }, { name: 'Named' })))).toBe('Named[]');
  });
});

describe('object', () => {
  const schema = object({ a: string(), b: optional(number()), c: optional(object({ d: boolean() })) });

  it('requires required properties and allows optional ones to be absent or undefined', () => {
    expect(issues(schema, { a: 'x' })).toEqual([]);
    expect(issues(schema, { a: 'x', b: undefined })).toEqual([]);
    expect(issues(schema, {})).toEqual([{ path: 'a', message: 'is required' }]);
  });

  it('reports nested problems with dotted paths', () => {
    expect(issues(schema, { a: 'x', b: 'y', c: { d: 'no' } })).toEqual([
      { path: 'b', message: 'expected a finite number, got string' },
      { path: 'c.d', message: 'expected a boolean, got string' },
    ]);
    expect(issues(array(schema), [{ a: 'x' }, { a: 1 }])).toEqual([{ path: '[1].a', message: 'expected a string, got number' }]);
  });

  it('rejects unknown properties (typos), except the allowed extras', () => {
    expect(issues(schema, { a: 'x', bb: 1 })).toEqual([{ path: 'bb', message: 'is not a known property' }]);
    expect(issues(object({ a: string() }, { allowExtra: ['$schema'] }), { a: 'x', $schema: './schema.json' })).toEqual([]);
  });

  it('rejects non-objects', () => {
    expect(issues(schema, [])).toEqual([{ path: '(root)', message: 'expected an object, got array' }]);
    expect(issues(schema, null)).toEqual([{ path: '(root)', message: 'expected an object, got null' }]);
  });

  it('does not read inherited properties as present', () => {
    expect(issues(object({ a: string() }), Object.create({ a: 'x' }))).toEqual([{ path: 'a', message: 'is required' }]);
  });

  it('publishes properties, required and additionalProperties false', () => {
    expect(json(object({ a: string(), b: optional(number()) }, { allowExtra: ['$schema'], description: 'd' }))).toEqual({
      description: 'd',
      type: 'object',
      properties: { $schema: {}, a: { type: 'string' }, b: { type: 'number' } },
      required: ['a'],
      additionalProperties: false,
    });
  });

  it('puts a named object under $defs and refers to it', () => {
    const named = object({ a: string() }, { name: 'Thing', description: 'A thing.' });
    const defs = new Map<string, JsonSchema>();
    expect(named.toJsonSchema(defs)).toEqual({ $ref: '#/$defs/Thing' });
    expect(defs.get('Thing')).toEqual({ description: 'A thing.', type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false });
  });

  it('renders an interface with optional members and TSDoc from descriptions', () => {
    const named = object({ a: string({ description: 'The a.' }), b: optional(number()) }, { name: 'Thing', description: 'A thing.' });
    const decls = new Map<string, string>();
    expect(named.toTypeScript(decls)).toBe('Thing');
    expect(decls.get('Thing')).toBe('/** A thing. */\nexport interface Thing {\n  /** The a. */\n  a: string;\n  b?: number;\n}');
  });
});

describe('record', () => {
  const schema = record(number());

  it('checks every value', () => {
    expect(issues(schema, { a: 1, b: 2 })).toEqual([]);
    expect(issues(schema, [])).toEqual([{ path: '(root)', message: 'expected an object, got array' }]);
  });

  it('reports a bad value at the path of its key', () => {
    expect(issues(schema, { a: 'x' })).toEqual([{ path: 'a', message: 'expected a finite number, got string' }]);
    expect(issues(object({ facts: record(number()) }), { facts: { a: 'x' } })).toEqual([{ path: 'facts.a', message: 'expected a finite number, got string' }]);
  });

  it('publishes additionalProperties and renders Record<string, T>', () => {
    expect(json(schema)).toEqual({ type: 'object', additionalProperties: { type: 'number' } });
    expect(ts(schema)).toBe('Record<string, number>');
  });
});

describe('union', () => {
  const schema = union([number({ integer: true, minimum: 100 }), string({ pattern: /^[1-5]xx$/, patternName: 'a class' })], {
    discriminate: (value) => (typeof value === 'string' ? 1 : 0),
  });

  it('accepts a value any alternative accepts', () => {
    expect(issues(schema, 404)).toEqual([]);
    expect(issues(schema, '5xx')).toEqual([]);
  });

  it('reports the issues of the alternative the discriminator names', () => {
    expect(issues(schema, '6xx')).toEqual([{ path: '(root)', message: '"6xx" is not a class' }]);
    expect(issues(schema, 99)).toEqual([{ path: '(root)', message: 'expected >= 100, got 99' }]);
  });

  it('reports a summary without a discriminator', () => {
    expect(issues(union([string(), number()]), true)).toEqual([{ path: '(root)', message: 'does not match any allowed form (boolean)' }]);
  });

  it('publishes anyOf and renders A | B', () => {
    expect(json(union([string(), number()]))).toEqual({ anyOf: [{ type: 'string' }, { type: 'number' }] });
    expect(ts(union([string(), array(string())]))).toBe('string | string[]');
  });
});

describe('validate', () => {
  it('returns the value when valid and every issue when not', () => {
    const value = { a: 'x' };
    expect(validate(object({ a: string() }), value)).toEqual({ ok: true, value });
    expect(validate(object({ a: string(), b: string() }), { c: 1 })).toEqual({
      ok: false,
      issues: [
        { path: 'a', message: 'is required' },
        { path: 'b', message: 'is required' },
        { path: 'c', message: 'is not a known property' },
      ],
    });
  });
});

describe('documents', () => {
  const inner = object({ x: number() }, { name: 'Inner', description: 'Inner thing.' });
  const root = object({ inner, list: array(inner), z: optional(object({ y: string() }, { name: 'Another' })) }, { name: 'Root', description: 'Root thing.' });

  it('toJsonSchemaDocument: a draft 2020-12 document with sorted $defs, each named object once', () => {
    const doc = toJsonSchemaDocument(root, { id: 'https://example.com/schema.json', title: 'Root' });
    expect(doc['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(doc['$id']).toBe('https://example.com/schema.json');
    expect(doc['title']).toBe('Root');
    expect(doc['$ref']).toBe('#/$defs/Root');
    expect(Object.keys(doc['$defs'] as object)).toEqual(['Another', 'Inner', 'Root']);
    expect((doc['$defs'] as Record<string, JsonSchema>)['Root']).toMatchObject({
      properties: { inner: { $ref: '#/$defs/Inner' }, list: { type: 'array', items: { $ref: '#/$defs/Inner' } } },
    });
  });

  it('toTypeScriptDeclarations: one export interface per named object', () => {
    const text = toTypeScriptDeclarations(root);
    expect(text.match(/export interface (\w+)/g)?.sort()).toEqual(['export interface Another', 'export interface Inner', 'export interface Root']);
    expect(text).toContain('  inner: Inner;\n  list: Inner[];\n  z?: Another;');
  });
});

describe('lazy', () => {
  const build = () => object({ id: string({ minLength: 1 }) }, { name: 'Thing', description: 'A thing.' });

  it('builds nothing until first used, then builds once', () => {
    let builds = 0;
    const schema = lazy(() => {
      builds++;
      return build();
    });
    expect(builds).toBe(0);
    expect(schema.description).toBe('A thing.');
    expect(validate(schema, { id: 'a' })).toEqual({ ok: true, value: { id: 'a' } });
    expect(validate(schema, { id: '' })).toEqual({ ok: false, issues: [{ path: 'id', message: expect.any(String) as unknown }] });
    expect(builds).toBe(1);
  });

  it('answers as the schema it builds: check, JSON Schema and TypeScript', () => {
    const direct = build();
    const deferred = lazy(build);
    for (const value of [{ id: 'x' }, { id: 1 }, {}, null, { id: 'x', extra: true }])
      expect(validate(deferred, value)).toEqual(validate(direct, value));
    const meta = { id: 'https://example.com/thing.json', title: 'Thing' };
    expect(toJsonSchemaDocument(deferred, meta)).toEqual(toJsonSchemaDocument(direct, meta));
    expect(toTypeScriptDeclarations(deferred)).toBe(toTypeScriptDeclarations(direct));
  });
});
