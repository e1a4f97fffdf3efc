/**
 * Field-level errors out of any vendor shape (src/fields.ts, docs/catalog-format.md
 * "Shapes"): maps, arrays of objects with a path-like and a message-like key, nesting,
 * JSON:API `source.pointer`, AIP-193 `fieldViolations`, and the bounds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFields } from '../src/fields.js';

describe('extractFields: maps', () => {
  it('reads {"field": "message"} maps', () => {
    expect(extractFields({ phoneNumber: 'must be E.164', email: 'is invalid' })).toEqual([
      { path: 'phoneNumber', message: 'must be E.164' },
      { path: 'email', message: 'is invalid' },
    ]);
  });

  it('reads one field per string of an array value', () => {
    expect(extractFields({ name: ["can't be blank", 'is too short'] })).toEqual([
      { path: 'name', message: "can't be blank" },
      { path: 'name', message: 'is too short' },
    ]);
  });

  it('reads message objects inside array values', () => {
    expect(extractFields({ email: [{ message: 'is taken' }, { code: 'x' }] })).toEqual([{ path: 'email', message: 'is taken' }]);
  });

  it('joins nested maps into dotted paths', () => {
    expect(extractFields({ address: { city: 'is required', zip: ['is invalid'] } })).toEqual([
      { path: 'address.city', message: 'is required' },
      { path: 'address.zip', message: 'is invalid' },
    ]);
  });

  it('looks inside a fields / errors / fieldErrors member', () => {
    expect(extractFields({ fields: { email: 'is invalid' } })).toEqual([{ path: 'email', message: 'is invalid' }]);
    expect(extractFields({ errors: [{ field: 'email', message: 'is invalid' }] })).toEqual([{ path: 'email', message: 'is invalid' }]);
    expect(extractFields({ fieldErrors: { to: 'is required' } })).toEqual([{ path: 'to', message: 'is required' }]);
  });

  it("reads any other member as a map key: a vendor's own container is named by its shape", () => {
    // Transformify's `validationErrors` is read by its shape's `fields` path, not by name here.
    expect(extractFields({ validationErrors: { to: 'is required' } })).toEqual([{ path: 'validationErrors.to', message: 'is required' }]);
  });

  it('treats "__proto__" and "constructor" keys as field names', () => {
    expect(extractFields(JSON.parse('{"__proto__": "bad", "constructor": "worse"}'))).toEqual([
      { path: '__proto__', message: 'bad' },
      { path: 'constructor', message: 'worse' },
    ]);
  });
});

describe('extractFields: arrays', () => {
  it.each([
    ['field', 'message'],
    ['path', 'detail'],
    ['pointer', 'reason'],
    ['name', 'description'],
    ['param', 'msg'],
  ])('reads items with a %s key and a %s key', (pathKey, messageKey) => {
    expect(extractFields([{ [pathKey]: 'email', [messageKey]: 'is invalid' }])).toEqual([{ path: 'email', message: 'is invalid' }]);
  });

  it('reads JSON:API errors: source.pointer and detail', () => {
    expect(
      extractFields([
        { status: '422', source: { pointer: '/data/attributes/firstName' }, title: 'Invalid Attribute', detail: 'First name must contain at least two characters.' },
        { source: { parameter: 'include' }, detail: 'unknown include' },
      ]),
    ).toEqual([
      { path: '/data/attributes/firstName', message: 'First name must contain at least two characters.' },
      { path: 'include', message: 'unknown include' },
    ]);
  });

  it('reads AIP-193 fieldViolations: field and description', () => {
    expect(extractFields([{ field: 'recipients[0]', description: 'not a phone number' }])).toEqual([
      { path: 'recipients[0]', message: 'not a phone number' },
    ]);
  });

  it('joins a pydantic/FastAPI loc array into a dotted path', () => {
    expect(extractFields([{ loc: ['body', 'items', 0, 'qty'], msg: 'field required' }])).toEqual([{ path: 'body.items.0.qty', message: 'field required' }]);
  });

  it('reads plain strings as fields without a path', () => {
    expect(extractFields(['first problem', 'second problem'])).toEqual([
      { path: '', message: 'first problem' },
      { path: '', message: 'second problem' },
    ]);
  });

  it('keeps items without a path, and skips items without a message', () => {
    expect(extractFields([{ message: 'general problem' }, { field: 'x' }, 42, null])).toEqual([{ path: '', message: 'general problem' }]);
  });

  it('reads a single field object', () => {
    expect(extractFields({ field: 'email', message: 'is invalid' })).toEqual([{ path: 'email', message: 'is invalid' }]);
  });
});

describe('extractFields: nothing found', () => {
  it('returns undefined for absent, empty or message-less values', () => {
    for (const value of [undefined, null, [], {}, 'text', 42, [{ code: 1 }], { a: 1, b: true }]) expect(extractFields(value)).toBeUndefined();
  });
});

describe('extractFields: bounds', () => {
  it('returns at most 100 fields from an array', () => {
    const fields = extractFields(Array.from({ length: 150 }, (_, i) => ({ field: `f${i}`, message: 'bad' })));
    expect(fields).toHaveLength(100);
    expect(fields?.[99]).toEqual({ path: 'f99', message: 'bad' });
  });

  it('returns at most 100 fields from a map and from array values', () => {
    expect(extractFields(Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, 'bad'])))).toHaveLength(100);
    expect(extractFields({ a: Array.from({ length: 150 }, () => 'bad') })).toHaveLength(100);
  });

  it('follows at most two levels of nesting', () => {
    expect(extractFields({ a: { b: { c: 'too deep' } }, d: { e: 'ok' } })).toEqual([{ path: 'd.e', message: 'ok' }]);
  });

  it('handles a million-item array quickly by stopping at the bound', () => {
    const items = new Array<unknown>(1_000_000).fill({ field: 'x', message: 'y' });
    expect(extractFields(items)).toHaveLength(100);
  });

  it('never throws on hostile values', () => {
    const trap = () => {
      throw new Error('trap');
    };
    const proxy = new Proxy({}, { get: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, has: trap });
    expect(extractFields(proxy)).toBeUndefined();
    expect(
      extractFields({
        get email(): string {
          throw new Error('getter');
        },
        phone: 'is invalid',
      }),
    ).toEqual([{ path: 'phone', message: 'is invalid' }]);
  });
});

describe('extractFields: precedence, against a plain reference', () => {
  // The rules written as plainly as possible: each list read in order, own members only.
  const PATH = ['field', 'path', 'pointer', 'name', 'param', 'property', 'loc', 'fieldName'];
  const MESSAGE = ['message', 'detail', 'reason', 'description', 'msg', 'error', 'title'];
  const NESTED = ['fields', 'errors', 'fieldErrors', 'field_errors', 'invalid_params', 'invalid-params'];
  type Out = { path: string; message: string }[];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const get = (v: unknown, k: string): unknown => (isObj(v) && Object.hasOwn(v, k) ? v[k] : undefined);
  const first = (v: unknown, keys: string[]): string | undefined => {
    for (const k of keys) {
      const x = get(v, k);
      if (typeof x === 'string' && x !== '') return x;
      if (typeof x === 'number' && Number.isFinite(x)) return String(x);
      if (k === 'loc' && Array.isArray(x)) return x.filter((p) => typeof p === 'string' || typeof p === 'number').join('.');
    }
    return undefined;
  };
  const pathOf = (v: unknown) => first(v, PATH) ?? first(get(v, 'source'), ['pointer', 'parameter', 'header']);
  const collect = (v: unknown, prefix: string, out: Out, depth: number): void => {
    if (depth < 0) return;
    if (Array.isArray(v)) {
      for (const item of v.slice(0, 100)) {
        if (out.length >= 100) break;
        if (typeof item === 'string') out.push({ path: '', message: item });
        else if (isObj(item)) {
          const message = first(item, MESSAGE);
          if (message !== undefined) out.push({ path: pathOf(item) ?? '', message });
        }
      }
      return;
    }
    if (!isObj(v)) return;
    const path = pathOf(v);
    const message = first(v, MESSAGE);
    if (path !== undefined && message !== undefined) return void out.push({ path: prefix === '' ? path : `${prefix}.${path}`, message });
    for (const k of NESTED) {
      const nested = get(v, k);
      if (Array.isArray(nested) || isObj(nested)) return collect(nested, prefix, out, depth - 1);
    }
    for (const k of Object.keys(v).slice(0, 100)) {
      if (out.length >= 100) return;
      const x = v[k];
      const p = prefix === '' ? k : `${prefix}.${k}`;
      if (typeof x === 'string') out.push({ path: p, message: x });
      else if (Array.isArray(x)) {
        for (const item of x.slice(0, 100)) {
          if (out.length >= 100) break;
          if (typeof item === 'string') out.push({ path: p, message: item });
          else if (isObj(item)) {
            const m = first(item, MESSAGE);
            if (m !== undefined) out.push({ path: p, message: m });
          }
        }
      } else if (isObj(x) && depth > 0) collect(x, p, out, depth - 1);
    }
  };
  const reference = (v: unknown): Out | undefined => {
    const out: Out = [];
    if (v !== undefined && v !== null) collect(v, '', out, 1);
    return out.length === 0 ? undefined : out;
  };

  it('gives what the reference gives, on any JSON value built from the listed keys', () => {
    // A few keys of each list, so that objects often hold several that compete.
    const key = fc.constantFrom('field', 'path', 'loc', 'name', 'message', 'detail', 'msg', 'error', 'errors', 'fields', 'source', 'pointer', 'parameter', 'email');
    const leaf = fc.oneof(fc.constantFrom('', 'bad', 'is required', 'x'), fc.integer({ min: -5, max: 5 }), fc.constant(null));
    // JSON:API `source` objects, often holding several of their keys at once.
    const source = fc.dictionary(fc.constantFrom('pointer', 'parameter', 'header'), leaf, { minKeys: 1 });
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, source, tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(key, tie('value'), { maxKeys: 8 }),
    }));
    fc.assert(
      fc.property(value, (v) => {
        expect(extractFields(v)).toEqual(reference(v));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('extractFields: bounded work', () => {
  it('looks at the first 1,000 elements of a list, however long it says it is', () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    sparse[5] = { field: 'email', message: 'is invalid' };
    expect(extractFields(sparse)).toEqual([{ path: 'email', message: 'is invalid' }]);
    const late: unknown[] = [];
    late.length = 5000;
    late[4000] = { field: 'email', message: 'is invalid' };
    expect(extractFields(late)).toBeUndefined();
  });
});
