/**
 * Field-level errors out of any vendor shape (src/fields.ts, docs/catalog-format.md
 * "Shapes"): maps, arrays of objects with a path-like and a message-like key, nesting,
 * JSON:API `source.pointer`, AIP-193 `fieldViolations`, and the bounds.
 */
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

  it('looks inside a fields / errors / validationErrors member', () => {
    expect(extractFields({ fields: { email: 'is invalid' } })).toEqual([{ path: 'email', message: 'is invalid' }]);
    expect(extractFields({ errors: [{ field: 'email', message: 'is invalid' }] })).toEqual([{ path: 'email', message: 'is invalid' }]);
    expect(extractFields({ validationErrors: { to: 'is required' } })).toEqual([{ path: 'to', message: 'is required' }]);
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
