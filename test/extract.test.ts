/**
 * Shape detection and extraction (docs/catalog-format.md "Shapes"): every standard and
 * shipped vendor shape, the order shapes are tried in, and HTML and text messages. The
 * shapes come from the shipped catalogs, ordered by the engine as a classifier would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { genericCatalog } from '../src/generated/catalogs/generic.js';
import { shippedCatalogs } from '../src/create-classifier.js';
import { buildEngine } from '../src/engine.js';
import { extract, htmlTitle, type Extracted } from '../src/extract.js';
import { parseBody } from '../src/parse-body.js';

const engine = buildEngine({ catalogs: shippedCatalogs, generic: genericCatalog });
const PROBLEM_MEDIA = 'application/problem+json';

/** The shapes tried for `vendor` (a known vendor's first), or for an unknown vendor. */
function orderFor(vendor: string | undefined) {
  return (vendor === undefined ? engine.generic : engine.vendors.get(vendor)!).shapeOrder;
}

/** What a test compares: the extracted values, without the compiled item spec. */
function view(extracted: Extracted) {
  const { shape, code, message, fields, items } = extracted;
  return { shape, code, message, fields, items };
}

function run(body: unknown, options: { problemMedia?: boolean; vendor?: string } = {}) {
  return view(extract(parseBody(body, 1_048_576), options.problemMedia === true ? PROBLEM_MEDIA : undefined, orderFor(options.vendor)));
}

function detectShape(value: unknown, problemMedia: boolean, vendor?: string): string | null {
  return extract({ kind: 'json', value, truncated: false, textLength: -1 }, problemMedia ? PROBLEM_MEDIA : undefined, orderFor(vendor)).shape;
}

describe('shape: problem (RFC 9457)', () => {
  it('is recognised by type or title with status or detail', () => {
    expect(detectShape({ type: 'https://example.com/probs/out-of-credit', status: 403 }, false)).toBe('problem');
    expect(detectShape({ title: 'Not Found', detail: 'no such user' }, false)).toBe('problem');
    expect(detectShape({ title: 'Not Found' }, false)).not.toBe('problem');
  });

  it('is settled by the application/problem+json media type when the body has a problem member', () => {
    expect(detectShape({ title: 'Too many', message: 'looks like braze' }, true)).toBe('problem_json');
    expect(detectShape({ instance: '/x', error: 'looks like transformify' }, true)).toBe('problem_json');
    expect(run({ title: 'Too many', message: 'looks like braze' }, { problemMedia: true })).toMatchObject({ code: null, message: 'looks like braze' });
  });

  it('a vendor envelope labelled problem+json is still read by its structure', () => {
    expect(detectShape({ error: { code: 'rate_limited', message: 'slow' } }, true)).toBe('spotzee');
  });

  it('takes the extension code, else the last path segment of type; detail, else title', () => {
    expect(run({ type: 'https://example.com/probs/out-of-credit', title: 'You do not have enough credit.', detail: 'Balance is 30', status: 403 })).toEqual({
      shape: 'problem',
      code: 'out-of-credit',
      message: 'Balance is 30',
      fields: undefined,
      items: undefined,
    });
    expect(run({ type: 'https://example.com/probs/x', code: 'quota_exceeded', title: 'Quota', status: 429 })).toMatchObject({
      code: 'quota_exceeded',
      message: 'Quota',
    });
    expect(run({ type: 'urn:problem-type:acme:quota/', status: 429, title: 't' }).code).toBe('quota');
    expect(run({ type: 'about:blank', title: 'Not Found', status: 404 }).code).toBeNull();
    expect(run({ type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', title: 'Bad Request', status: 400 }).code).toBeNull();
  });

  it('derives no code from a type on a generic HTTP reference site, and one from any other host', () => {
    for (const host of ['tools.ietf.org', 'www.rfc-editor.org', 'datatracker.ietf.org', 'developer.mozilla.org', 'httpstatuses.com'])
      expect(run({ type: `http://${host}/some/page/404`, title: 'Not Found', status: 404 }).code).toBeNull();
    expect(run({ type: 'https://docs.example.com/errors/quota', title: 'Quota', status: 429 }).code).toBe('quota');
    // Only the host counts: the reference site in a path or query is just text.
    expect(run({ type: 'https://api.example.com/see/tools.ietf.org/quota', title: 'Quota', status: 429 }).code).toBe('quota');
    expect(run({ type: 'https://tools.ietf.org.example.com/quota', title: 'Quota', status: 429 }).code).toBe('quota');
  });

  it('takes the segment after the last /, # or :, past trailing / and # (checked against a slice-and-search reading)', () => {
    // The reading the code must agree with, written the plain way.
    const reference = (type: string): string | null => {
      const trimmed = type.replace(/[/#]+$/, '');
      const segment = trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('#'), trimmed.lastIndexOf(':')) + 1);
      return segment === '' ? null : segment;
    };
    const type = fc.string({ unit: fc.constantFrom('/', '#', ':', 'a', 'b', '-'), maxLength: 12 }).map((tail) => `https://docs.example.com/${tail}`);
    fc.assert(
      fc.property(type, (value) => {
        expect(run({ type: value, title: 'x', status: 400 }).code).toBe(reference(value));
      }),
      { numRuns: 2000 },
    );
    expect(run({ type: 'https://docs.example.com/errors/a:b#c//#', title: 'x', status: 400 }).code).toBe('c');
    expect(run({ type: 'https://docs.example.com/errors/a:b', title: 'x', status: 400 }).code).toBe('b');
  });

  it('takes fields from errors, invalid-params or invalid_params', () => {
    expect(run({ title: 'Invalid', status: 400, 'invalid-params': [{ name: 'age', reason: 'must be a positive integer' }] }).fields).toEqual([
      { path: 'age', message: 'must be a positive integer' },
    ]);
    expect(run({ title: 'Invalid', status: 400, errors: [{ pointer: '#/email', detail: 'is invalid' }] }).fields).toEqual([
      { path: '#/email', message: 'is invalid' },
    ]);
    expect(run({ title: 'Invalid', status: 400, invalid_params: { age: 'too low' } }).fields).toEqual([{ path: 'age', message: 'too low' }]);
  });
});

describe('shape: google (AIP-193)', () => {
  const body = {
    error: {
      code: 400,
      status: 'INVALID_ARGUMENT',
      message: 'Request contains an invalid argument.',
      details: [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'X' },
        {
          '@type': 'type.googleapis.com/google.rpc.BadRequest',
          fieldViolations: [
            { field: 'recipients[0]', description: 'not a phone number' },
            { field: 'body', description: 'too long' },
          ],
        },
      ],
    },
  };

  it('takes error.status as code, error.message, and fieldViolations as fields', () => {
    expect(run(body)).toEqual({
      shape: 'google',
      code: 'INVALID_ARGUMENT',
      message: 'Request contains an invalid argument.',
      fields: [
        { path: 'recipients[0]', message: 'not a phone number' },
        { path: 'body', message: 'too long' },
      ],
      items: undefined,
    });
  });

  it('needs a numeric error.code and a string error.status', () => {
    expect(detectShape({ error: { code: 400, status: 'INVALID_ARGUMENT', message: 'x' } }, false)).toBe('google');
    expect(detectShape({ error: { code: 400, message: 'x' } }, false)).not.toBe('google');
  });
});

describe('shape: spotzee', () => {
  it('takes error.code, error.message and fields from error.details', () => {
    expect(
      run({ error: { code: 'validation_failed', message: 'Validation failed', details: { fields: { email: 'is invalid', phone: ['is required'] } } } }),
    ).toEqual({
      shape: 'spotzee',
      code: 'validation_failed',
      message: 'Validation failed',
      fields: [
        { path: 'email', message: 'is invalid' },
        { path: 'phone', message: 'is required' },
      ],
      items: undefined,
    });
  });
});

describe('shape: transformify', () => {
  it('takes error as code, message (else error) as message, and validationErrors as fields', () => {
    expect(run({ error: 'Bad Request', message: 'Invalid phone number format', validationErrors: { phoneNumber: 'must be E.164' } })).toEqual({
      shape: 'transformify',
      code: 'Bad Request',
      message: 'Invalid phone number format',
      fields: [{ path: 'phoneNumber', message: 'must be E.164' }],
      items: undefined,
    });
    expect(run({ error: 'Unauthorized' })).toMatchObject({ shape: 'transformify', code: 'Unauthorized', message: 'Unauthorized' });
  });
});

describe('shape: sinch', () => {
  it('takes code and text', () => {
    expect(run('{"code":"unknown_group","text":"Group 123 not found"}')).toEqual({
      shape: 'sinch',
      code: 'unknown_group',
      message: 'Group 123 not found',
      fields: undefined,
      items: undefined,
    });
  });

  it('needs both code and text to be strings', () => {
    expect(detectShape({ code: 'x' }, false)).toBe('json');
    expect(detectShape({ code: 1, text: 'x' }, false)).toBe('json');
  });
});

describe('shape: braze', () => {
  it('takes message and keeps the errors list as items', () => {
    const errors = [{ type: "'external_id' or 'braze_id' or 'user_alias' is required", input_array: 'attributes', index: 0 }];
    expect(run({ message: 'success', errors })).toEqual({ shape: 'braze', code: null, message: 'success', fields: undefined, items: errors });
  });

  it('is recognised by an errors array alone', () => {
    expect(run({ errors: ['x'] })).toMatchObject({ shape: 'braze', message: null, items: ['x'] });
  });

  it('has no items for an empty errors list', () => {
    expect(run({ message: 'success', errors: [] }).items).toBeUndefined();
  });
});

describe('shape: json (anything else)', () => {
  it('takes code from code, error_code or errorCode', () => {
    expect(run({ code: 42, error_description: 'x' }).code).toBe('42');
    expect(run({ error_code: 'E1', description: 'y' })).toMatchObject({ shape: 'json', code: 'E1', message: 'y' });
    expect(run({ errorCode: 'E2', detail: 'z' })).toMatchObject({ shape: 'json', code: 'E2', message: 'z' });
  });

  it('takes message from the documented keys', () => {
    expect(run({ error_description: 'token expired' }).message).toBe('token expired');
    expect(run({ error: { message: 'nested' } }).message).toBe('nested');
    // A list of Braze-style items is the braze shape unless the vendor answers in json.
    expect(run({ errors: [{ message: 'first item' }] }, { vendor: 'spotzee' }).message).toBe('first item');
    expect(run({ errors: [{ detail: 'first detail' }] }, { vendor: 'spotzee' }).message).toBe('first detail');
    expect(run({ title: 'Only a title' }).message).toBe('Only a title');
  });

  it('prefers error.message to title, in the order the catalog format lists them', () => {
    expect(run({ title: 'Bad Request', error: { message: 'email is invalid' } }).message).toBe('email is invalid');
  });

  it('reads a JSON:API error list (objects with status, code, title, detail) as json, whatever the vendor', () => {
    const body = { errors: [{ status: '422', code: 'invalid_email', title: 'Invalid attribute', detail: 'email is not valid', source: { pointer: '/data/attributes/email' } }] };
    expect(run(body)).toMatchObject({
      shape: 'json',
      code: 'invalid_email',
      message: 'email is not valid',
      fields: [{ path: '/data/attributes/email', message: 'email is not valid' }],
    });
    // Braze items (strings, or objects with a type) still make the braze shape.
    expect(run({ errors: [{ type: "'external_id' is required", input_array: 'attributes', index: 0 }] }).shape).toBe('braze');
    expect(run({ errors: ['minor'] }).shape).toBe('braze');
  });

  it('reads the first object of a top-level array', () => {
    expect(run([{ code: 'E3', message: 'first' }, { code: 'E4', message: 'second' }])).toMatchObject({ shape: 'json_list', code: 'E3', message: 'first' });
  });

  it('takes fields from errors[]', () => {
    expect(run({ errors: [{ field: 'email', message: 'is invalid' }] }, { vendor: 'spotzee' })).toMatchObject({
      shape: 'json',
      fields: [{ path: 'email', message: 'is invalid' }],
    });
  });

  it('ignores empty strings, non-finite numbers and blank messages', () => {
    expect(run({ code: '', message: '   ' })).toMatchObject({ code: null, message: null });
    expect(run({ code: Number.NaN })).toMatchObject({ code: null });
  });

  it('clips very long codes and messages', () => {
    const result = run({ code: 'c'.repeat(1000), error_description: 'm'.repeat(10_000) });
    expect(result.code).toHaveLength(200);
    expect(result.message).toHaveLength(2000);
  });

  it('reads "__proto__" and "constructor" members as data, never as prototypes', () => {
    expect(run('{"__proto__":{"message":"polluted"},"constructor":"x"}')).toMatchObject({ shape: 'json', message: null });
    expect(({} as Record<string, unknown>)['message']).toBeUndefined();
  });
});

describe('the order shapes are tried in', () => {
  // A problem document with a legacy `error` text member also fits `transformify`.
  const both = { error: 'quota', type: 'https://example.com/probs/quota', title: 'Quota exceeded', status: 429 };

  it('without a known vendor, the recogniser that pins more members wins', () => {
    // problem pins type and status; transformify's error-only alternative pins one member.
    expect(detectShape(both, false)).toBe('problem');
    expect(detectShape({ error: 'quota' }, false)).toBe('transformify');
    // transformify's error + message pins two members, the braze message one.
    expect(detectShape({ error: 'Bad Request', message: 'x' }, false)).toBe('transformify');
    expect(detectShape({ message: 'x' }, false)).toBe('braze');
  });

  it("tries a known vendor's shapes first", () => {
    expect(detectShape(both, false, 'transformify')).toBe('transformify');
    expect(run(both, { vendor: 'spotzee' })).toMatchObject({ shape: 'problem', message: 'Quota exceeded' });
  });

  it("falls back to another shape when none of the vendor's fits", () => {
    expect(detectShape({ code: 'x', text: 'y' }, false, 'braze')).toBe('sinch');
  });

  it("prefers the generic json shape to another vendor's shape when the vendor lists json", () => {
    expect(detectShape({ code: 'x', text: 'y' }, false, 'spotzee')).toBe('json');
  });

  it('reads non-objects as json', () => {
    expect(detectShape([1, 2], false)).toBe('json');
    expect(detectShape('x', false)).toBe('json');
  });
});

describe('shape: html', () => {
  it('takes the <title>', () => {
    expect(run('<html><head><title>502 Bad Gateway</title></head><body><h1>x</h1></body></html>')).toEqual({
      shape: 'html',
      code: null,
      message: '502 Bad Gateway',
      fields: undefined,
      items: undefined,
    });
  });

  it('falls back to the first <h1>', () => {
    expect(run('<html><body><h1 class="big">Service Unavailable</h1><h1>second</h1></body></html>').message).toBe('Service Unavailable');
  });

  it('falls back to the first <h1> when the title is blank', () => {
    expect(htmlTitle('<html><head><title>   </title></head><body><h1>Application Error</h1></body></html>')).toBe('Application Error');
  });

  it('decodes named and numeric entities', () => {
    expect(htmlTitle('<title>Attention Required! &amp;nbsp;| Cloudflare</title>')).toBe('Attention Required! &nbsp;| Cloudflare');
    expect(htmlTitle('<TITLE>It&#39;s &quot;down&quot; &lt;now&gt; &#x2014; sorry&nbsp;&apos;</TITLE>')).toBe('It\'s "down" <now> — sorry \'');
    expect(htmlTitle('<title>&unknown; &#0; stays</title>')).toBe('&unknown; &#0; stays');
  });

  it('has no message when the page has neither', () => {
    expect(run('<html><body><p>nothing</p></body></html>').message).toBeNull();
  });

  it('trims the title', () => {
    expect(htmlTitle('<title>\n   504 Gateway Time-out\n</title>')).toBe('504 Gateway Time-out');
  });
});

describe('shape: text', () => {
  it('takes the first non-blank line', () => {
    expect(run('\n\n  upstream request timeout  \nsecond line')).toEqual({
      shape: 'text',
      code: null,
      message: 'upstream request timeout',
      fields: undefined,
      items: undefined,
    });
  });

  it('clips the line to 500 characters', () => {
    expect(run('x'.repeat(2000)).message).toHaveLength(500);
  });

  it('is also the shape of invalid JSON', () => {
    expect(run('{"message": oops}')).toMatchObject({ shape: 'text', message: '{"message": oops}' });
  });
});

describe('shape: empty', () => {
  it('has no code, message or fields', () => {
    expect(run('  ')).toEqual({ shape: 'empty', code: null, message: null, fields: undefined, items: undefined });
    expect(run(undefined).shape).toBe('empty');
  });
});

describe('hostile parsed bodies', () => {
  it('a throwing getter loses only its own member: the rest is read from a guarded copy', () => {
    const body = {
      get details(): unknown {
        throw new Error('boom');
      },
      error: { code: 'rate_limited', message: 'Slow down' },
    };
    expect(run(body)).toEqual({ shape: 'spotzee', code: 'rate_limited', message: 'Slow down', fields: undefined, items: undefined });
    const nested = {
      error: {
        code: 'validation_failed',
        message: 'Invalid',
        get details(): unknown {
          throw new Error('boom');
        },
      },
    };
    expect(run(nested)).toMatchObject({ shape: 'spotzee', code: 'validation_failed', message: 'Invalid', fields: undefined });
  });

  it('a Proxy body is read through its traps; one that throws reads as an empty json body', () => {
    expect(run(new Proxy({ code: 'E1', text: 'Bad' }, {}))).toMatchObject({ shape: 'sinch', code: 'E1', message: 'Bad' });
    const trap = () => {
      throw new Error('trap');
    };
    const hostile = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap });
    expect(view(extract({ kind: 'json', value: hostile, truncated: false, textLength: -1 }, undefined, orderFor(undefined)))).toEqual({ shape: 'json', code: null, message: null, fields: undefined, items: undefined });
    expect(detectShape(hostile, true)).toBe('json');
  });

  it('inherited members are not read, on plain and prototype-free bodies alike', () => {
    const inherited = Object.create({ message: 'from the prototype', code: 'P' }) as object;
    expect(run(inherited)).toMatchObject({ shape: 'json', code: null, message: null });
    const bare = Object.assign(Object.create(null) as object, { message: 'Invalid Campaign ID' });
    expect(run(bare)).toMatchObject({ shape: 'braze', message: 'Invalid Campaign ID' });
  });
});
