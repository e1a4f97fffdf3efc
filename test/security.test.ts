/**
 * Security tests (secrets, prototype pollution, limits; DESIGN.md "Never"):
 * no prototype pollution, no credential in any result, PII redaction on request, oversized
 * bodies classified without being parsed, and adversarial 1 MB bodies that finish.
 *
 * Time is not asserted here (the benchmark measures it): the linear-time tests only show
 * that each adversarial input finishes and yields a valid result.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalogError } from '../src/compile-catalog.js';
import { createClassifier, shippedCatalogs } from '../src/create-classifier.js';
import { genericCatalog } from '../src/generated/catalogs/generic.js';
import type { Catalog } from '../src/generated/catalog-types.js';
import type { Classification, ClassifyOptions } from '../src/types.js';
import * as brazeEntry from '../src/generated/vendors/braze.js';
import * as sinchEntry from '../src/generated/vendors/sinch.js';
import * as spotzeeEntry from '../src/generated/vendors/spotzee.js';
import * as transformifyEntry from '../src/generated/vendors/transformify.js';
import { assertContract } from './support/contract.js';

type ClassifierLike = {
  classify(input: unknown, options?: ClassifyOptions): Classification<string>;
  normalizeError(thrown: unknown, options?: ClassifyOptions): Classification<string>;
};

const classifier = createClassifier();
const ENTRY_POINTS: [string, ClassifierLike][] = [
  ['createClassifier()', classifier],
  ['vendor-errors/braze', brazeEntry],
  ['vendor-errors/sinch', sinchEntry],
  ['vendor-errors/transformify', transformifyEntry],
  ['vendor-errors/spotzee', spotzeeEntry],
];
const VENDORS = ['braze', 'sinch', 'transformify', 'spotzee', undefined] as const;
const NOW = Date.UTC(2025, 0, 1);
const CLOCK: ClassifyOptions = { now: () => NOW };

const CATALOGS: readonly Catalog[] = [...shippedCatalogs, genericCatalog];
const RESPONSE_EXAMPLES = CATALOGS.flatMap((catalog) =>
  catalog.entries.flatMap((entry) =>
    entry.examples.flatMap((example) => {
      const input = example.input;
      return typeof input === 'object' && input !== null && !('thrown' in input) ? [{ label: `${entry.id}: ${example.name}`, input: input as Record<string, unknown> }] : [];
    }),
  ),
);

/**
 * Classifies and checks the result against the contract (limits and linear-time tests).
 * The pollution and secrets tests use `run` instead, so that their failures name the
 * security property at stake (the contract itself is covered by test/properties.test.ts).
 */
function classified(action: () => Classification<string>): Classification<string> {
  const result = action();
  assertContract(result);
  return result;
}

function run(action: () => Classification<string>): Classification<string> {
  return action();
}

// ---------------------------------------------------------------------------------------

describe('prototype pollution', () => {
  const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Error.prototype];
  const prototypeKeys = (): string[][] => PROTOTYPES.map((proto) => Reflect.ownKeys(proto).map(String).sort());
  const BASELINE = prototypeKeys();

  /** Runs `action` and checks that no built-in prototype gained, lost or changed a key. */
  function expectNoPollution(action: () => void): void {
    action();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(prototypeKeys()).toEqual(BASELINE);
  }

  const POLLUTING_BODIES = [
    '{"__proto__": {"polluted": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '{"message": "success", "__proto__": {"polluted": true}, "errors": [{"__proto__": {"polluted": true}, "type": "x", "input_array": "__proto__", "index": 0}]}',
    '{"message": "Invalid Campaign ID", "constructor": {"prototype": {"polluted": true}}, "errors": {"__proto__": {"polluted": true}}}',
    '{"error": {"code": "validation_failed", "message": "x", "details": {"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}}}',
    '{"error": "rate_limited", "message": "slow down", "retryAfterSeconds": {"__proto__": 5}, "__proto__": {"retryAfterSeconds": 30}}',
    '{"code": "syntax_invalid_json", "text": "bad", "__proto__": {"polluted": true}}',
    '{"type": "https://example.com/__proto__", "title": "t", "status": 400, "invalid-params": [{"name": "__proto__", "reason": "polluted"}]}',
    '{"error": {"code": 400, "status": "INVALID_ARGUMENT", "message": "m", "details": [{"fieldViolations": [{"field": "__proto__.polluted", "description": "true"}]}]}}',
    '[{"__proto__": {"polluted": true}, "code": "x", "message": "m"}]',
    '{"errors": {"__proto__": ["polluted"], "constructor": {"prototype": "polluted"}, "prototype": {"polluted": "yes"}}}',
  ];

  it.each(POLLUTING_BODIES)('classifying %s (as text, as a parsed object and as bytes) never writes to a prototype', (text) => {
    for (const vendor of VENDORS)
      for (const status of [200, 201, 400, 422, 429])
        for (const body of [text, JSON.parse(text) as unknown, new TextEncoder().encode(text)])
          expectNoPollution(() => run(() => classifier.classify({ vendor, status, body }, CLOCK)));
  });

  it('reads neither the input, its headers nor its request through __proto__ or constructor keys', () => {
    expectNoPollution(() => {
      const input = JSON.parse('{"status": 400, "__proto__": {"status": 503, "vendor": "braze", "body": "{\\"message\\": \\"Invalid Campaign ID\\"}"}}') as unknown;
      const result = run(() => classifier.classify(input, CLOCK));
      expect(result.status).toBe(400);
      expect(result.vendor).toBeNull();
      expect(result.error?.id).toBe('http.400');
    });
    expectNoPollution(() => {
      const headers = JSON.parse('{"__proto__": {"retry-after": "5"}, "constructor": {"prototype": {"retry-after": "7"}}}') as unknown;
      const result = run(() => classifier.classify({ status: 429, headers } as unknown, CLOCK));
      expect(result.error?.id).toBe('http.429');
      expect(result.error?.retryAfterMs).toBeUndefined();
    });
    expectNoPollution(() => {
      // Inherited members are not the input's: a response object is read through own properties only.
      const result = run(() => classifier.classify(Object.create({ status: 503, vendor: 'braze' }) as unknown, CLOCK));
      expect(result.status).toBeNull();
    });
    expectNoPollution(() => {
      const request = JSON.parse('{"__proto__": {"method": "GET"}, "method": "POST"}') as unknown;
      const result = run(() => classifier.classify({ vendor: 'spotzee', status: 503, request } as unknown, CLOCK));
      expect(result.error?.retryable).toBe(false);
    });
  });

  it('normalizeError never writes to a prototype for thrown values with __proto__ and constructor keys', () => {
    const thrownTexts = [
      '{"__proto__": {"polluted": true}, "message": "fetch failed"}',
      '{"name": "AxiosError", "message": "x", "response": {"status": 400, "data": {"__proto__": {"polluted": true}}, "headers": {"__proto__": {"retry-after": "5"}}}}',
      '{"message": "m", "cause": {"__proto__": {"polluted": true}, "code": "ECONNRESET"}, "errors": [{"constructor": {"prototype": {"polluted": true}}}]}',
    ];
    for (const text of thrownTexts)
      for (const [, entry] of ENTRY_POINTS) expectNoPollution(() => run(() => entry.normalizeError(JSON.parse(text) as unknown, CLOCK)));
  });

  it('keeps field paths named __proto__ or constructor as plain data', () => {
    const result = run(() =>
      classifier.classify({ status: 422, body: JSON.parse('{"errors": {"__proto__": "must not be empty", "constructor": "is reserved"}}') as unknown }, CLOCK),
    );
    expect(result.error?.fields).toEqual([
      { path: '__proto__', message: 'must not be empty' },
      { path: 'constructor', message: 'is reserved' },
    ]);
    for (const field of result.error?.fields ?? []) {
      expect(Object.getPrototypeOf(field)).toBe(Object.prototype);
      expect(Object.keys(field)).toEqual(['path', 'message']);
    }

    const listed = run(() => classifier.classify({ status: 400, body: '{"errors": [{"field": "__proto__", "message": "bad"}]}' }, CLOCK));
    expect(listed.error?.fields).toEqual([{ path: '__proto__', message: 'bad' }]);

    const partial = run(() =>
      classifier.classify({ vendor: 'braze', status: 201, body: '{"message": "success", "errors": [{"type": "x", "input_array": "__proto__", "index": 0}]}' }, CLOCK),
    );
    expect(partial.minor[0]?.fields).toEqual([{ path: '__proto__[0]', message: 'x' }]);
  });

  it('keeps template params whose value is "__proto__" as plain data', () => {
    const result = run(() => classifier.classify({ vendor: 'transformify', status: 400, body: { error: 'x', message: '__proto__ URL is not accessible' } }, CLOCK));
    expect(result.error?.id).toBe('transformify.media_url_not_accessible');
    expect(result.error?.params).toEqual({ media: '__proto__' });
    expect(Object.getPrototypeOf(result.error?.params)).toBe(Object.prototype);
  });

  it('keeps a param named __proto__ by a custom catalog as data, or rejects the catalog; it never drops it silently', () => {
    const acme = {
      vendor: 'acme',
      name: 'Acme',
      docs: 'https://acme.example/docs',
      shapes: ['braze'],
      hosts: ['api.acme.example'],
      requestIdHeaders: [],
      entries: [
        {
          id: 'acme.bad_value',
          category: 'validation',
          retryable: false,
          fatal: true,
          description: 'A value was rejected.',
          docs: 'https://acme.example/docs',
          match: { message: 'Bad value {__proto__:word} for {constructor:word}' },
          examples: [
            {
              name: 'bad value',
              input: { vendor: 'acme', status: 400, body: { message: 'Bad value abc for name' } },
              expect: { outcome: 'error', id: 'acme.bad_value' },
            },
          ],
        },
      ],
    };
    let custom: ReturnType<typeof createClassifier> | undefined;
    try {
      custom = createClassifier({ catalogs: [acme] });
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError);
      return;
    }
    expectNoPollution(() => {
      const result = run(() => custom.classify({ vendor: 'acme', status: 400, body: { message: 'Bad value abc for name' } }, CLOCK));
      expect(result.error?.id).toBe('acme.bad_value');
      const params = result.error?.params ?? {};
      expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
      expect(Object.hasOwn(params, '__proto__')).toBe(true);
      expect(Object.getOwnPropertyDescriptor(params, '__proto__')?.value).toBe('abc');
      expect(Object.hasOwn(params, 'constructor')).toBe(true);
      expect(params.constructor).toBe('name');
    });
  });
});

// ---------------------------------------------------------------------------------------

describe('secrets', () => {
  /** Distinctive tokens, fresh per run, so a match can only come from the input. */
  const token = (label: string): string => `${label}${randomUUID().replace(/-/g, '')}`;

  function expectAbsent(result: unknown, secrets: readonly string[]): void {
    const serialized = JSON.stringify(result);
    for (const secret of secrets) expect(serialized, `a secret reached the result: ${serialized}`).not.toContain(secret);
  }

  describe('an API key echoed by Braze', () => {
    const KEY = '2f9c8a1e-7b3d-4c5e-9f1a-6d2b8e4c0a17';
    const ECHOES = [
      `Invalid API key: ${KEY}`,
      `invalid api key:   ${KEY.toUpperCase()}`,
      `Invalid API key: ${KEY}.`,
      `Invalid or missing App Group API Identifier: ${KEY}`,
      `Invalid App Group API Identifier: ${KEY}`,
    ];
    const SECRETS = [KEY, KEY.toUpperCase(), KEY.slice(0, 18), KEY.slice(-12)];

    it.each(ECHOES)('"%s" appears nowhere in the result, however the response arrives', (message) => {
      const inputs = [
        { vendor: 'braze', status: 401, body: JSON.stringify({ message }) },
        { vendor: 'braze', status: 401, body: { message } },
        { vendor: 'braze', status: 401, body: message },
        { vendor: 'braze', status: 400, body: new TextEncoder().encode(JSON.stringify({ message })) },
        { url: 'https://rest.iad-01.braze.com/users/track', status: 401, body: { message } },
        { status: 401, body: { message } },
      ];
      for (const input of inputs)
        for (const [, entry] of [...ENTRY_POINTS.slice(0, 2)])
          for (const options of [CLOCK, { ...CLOCK, redactPii: true }]) {
            const result = run(() => entry.classify(input, options));
            expect(result.error?.category).toBe('authentication');
            expectAbsent(result, SECRETS);
          }
    });

    it('is replaced by [REDACTED] in the message and in params', () => {
      const result = run(() => classifier.classify({ vendor: 'braze', status: 401, body: { message: `Invalid API key: ${KEY}` } }, CLOCK));
      expect(result.error).toMatchObject({ id: 'braze.invalid_api_key', message: 'Invalid API key: [REDACTED]', params: { key: '[REDACTED]' } });
    });

    it('is redacted even when case folding changes the message length (a dotted capital I in the key)', () => {
      const odd = 'ABC\u0130DEF-5ecret-K3Y';
      const result = run(() => classifier.classify({ vendor: 'braze', status: 401, body: { message: `Invalid API key: ${odd}` } }, CLOCK));
      expect(result.error?.id).toBe('braze.invalid_api_key');
      expectAbsent(result, ['5ecret-K3Y', '5ecret-k3y']);
    });
  });

  describe('credential headers', () => {
    const bearer = token('bearer');
    const apiKey = token('apikey');
    const cookie = token('cookie');
    const setCookie = token('setcookie');
    const proxy = token('proxy');
    const SECRETS = [bearer, apiKey, cookie, setCookie, proxy];
    const headerForms: [string, (extra: Record<string, unknown>) => unknown][] = [
      [
        'lower-case object',
        (extra) => ({ ...extra, authorization: `Bearer ${bearer}`, 'x-api-key': apiKey, cookie: `session=${cookie}`, 'set-cookie': [`sid=${setCookie}; HttpOnly`], 'proxy-authorization': `Basic ${proxy}` }),
      ],
      [
        'mixed-case object',
        (extra) => ({ ...extra, Authorization: `Bearer ${bearer}`, 'X-API-Key': apiKey, Cookie: `session=${cookie}`, 'Set-Cookie': `sid=${setCookie}`, 'Proxy-Authorization': proxy }),
      ],
      [
        'Headers',
        (extra) => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(extra)) if (typeof value === 'string') headers.append(name, value);
          headers.append('Authorization', `Bearer ${bearer}`);
          headers.append('X-API-Key', apiKey);
          headers.append('Cookie', `session=${cookie}`);
          headers.append('Set-Cookie', `sid=${setCookie}`);
          headers.append('Proxy-Authorization', proxy);
          return headers;
        },
      ],
    ];

    it.each(headerForms)('in input.headers (%s) never reach the result of any catalog example, for any entry point', (_form, withSecrets) => {
      for (const { input } of RESPONSE_EXAMPLES) {
        const own = typeof input.headers === 'object' && input.headers !== null ? (input.headers as Record<string, unknown>) : {};
        for (const [, entry] of ENTRY_POINTS) {
          const result = run(() => entry.classify({ ...input, headers: withSecrets(own) }, CLOCK));
          expectAbsent(result, SECRETS);
        }
      }
    });

    it.each(headerForms)('in input.headers (%s) never reach the result, for every vendor and status', (_form, withSecrets) => {
      const bodies = ['', '{"message": "success", "errors": ["x"]}', '{"error": {"code": "rate_limited", "message": "m"}}', '<html><title>Bad</title></html>', 'plain text'];
      for (const vendor of VENDORS)
        for (const status of [null, 200, 201, 400, 401, 403, 429, 500, 503])
          for (const body of bodies) {
            const result = run(() => classifier.classify({ vendor, status, body, headers: withSecrets({ 'retry-after': '5', 'x-request-id': 'req-1' }) } as unknown, CLOCK));
            expectAbsent(result, SECRETS);
          }
    });

    /** Thrown errors of HTTP clients, with credentials in request config, request and response headers. */
    function clientErrors(withResponse: boolean): [string, unknown][] {
      const requestHeaders = { Authorization: `Bearer ${bearer}`, 'X-API-Key': apiKey, Cookie: `session=${cookie}`, 'Proxy-Authorization': proxy, 'Content-Type': 'application/json' };
      const responseHeaders = { 'set-cookie': [`sid=${setCookie}; HttpOnly`], 'x-request-id': 'req-1', 'retry-after': '3' };
      const config = { url: '/messages/send', baseURL: 'https://rest.iad-01.braze.com', method: 'post', headers: requestHeaders, data: JSON.stringify({ api_key: apiKey }) };
      const body = { message: 'Something went wrong' };
      return [
        [
          'axios',
          Object.assign(new Error(withResponse ? 'Request failed with status code 503' : 'connect ECONNREFUSED 10.0.0.1:443'), {
            name: 'AxiosError',
            isAxiosError: true,
            code: withResponse ? 'ERR_BAD_RESPONSE' : 'ECONNREFUSED',
            config,
            request: { _header: `POST /messages/send HTTP/1.1\r\nAuthorization: Bearer ${bearer}\r\nX-API-Key: ${apiKey}\r\n\r\n` },
            ...(withResponse ? { response: { status: 503, statusText: 'Service Unavailable', headers: responseHeaders, data: body, config } } : {}),
          }),
        ],
        [
          'got',
          Object.assign(new Error(withResponse ? 'Response code 503 (Service Unavailable)' : 'read ECONNRESET'), {
            name: withResponse ? 'HTTPError' : 'RequestError',
            code: withResponse ? 'ERR_NON_2XX_3XX_RESPONSE' : 'ECONNRESET',
            options: { url: new URL('https://apix.spotzee.com/v1/users'), method: 'POST', headers: requestHeaders },
            ...(withResponse ? { response: { statusCode: 503, headers: responseHeaders, body: JSON.stringify(body), requestUrl: new URL('https://apix.spotzee.com/v1/users') } } : {}),
          }),
        ],
        [
          'ky',
          Object.assign(new Error(withResponse ? 'Request failed with status code 503 Service Unavailable: POST https://api.transformify.mk/v1/sms' : 'fetch failed'), {
            name: withResponse ? 'HTTPError' : 'TypeError',
            request: new Request('https://api.transformify.mk/v1/sms', { method: 'POST', headers: requestHeaders }),
            ...(withResponse ? { response: new Response(JSON.stringify(body), { status: 503, headers: { 'x-request-id': 'req-1', 'x-api-key': apiKey } }) } : { cause: Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }) }),
          }),
        ],
      ];
    }

    it.each([true, false])('in thrown client errors (with a response: %s) never reach normalizeError results, for any entry point or vendor', (withResponse) => {
      for (const [, thrown] of clientErrors(withResponse))
        for (const [, entry] of ENTRY_POINTS)
          for (const vendor of [...VENDORS]) {
            const options = vendor === undefined ? CLOCK : { ...CLOCK, vendor };
            const result = run(() => entry.normalizeError(thrown, options));
            expect(result.outcome).toBe('error');
            expectAbsent(result, SECRETS);
          }
    });
  });

  describe('credentials in URLs quoted by thrown errors', () => {
    const password = token('pw');
    const cases: [string, () => unknown][] = [
      ['user and password in a Node error', () => Object.assign(new Error(`getaddrinfo ENOTFOUND https://alice:${password}@api.example.com/v1`), { code: 'ENOTFOUND' })],
      ['a token as the user', () => new Error(`request to https://${password}@api.example.com/v1 failed, reason: socket hang up`)],
      ['in the cause of "fetch failed"', () => new TypeError('fetch failed', { cause: new Error(`connect ECONNREFUSED https://alice:${password}@10.0.0.1/`) })],
      ['a thrown string', () => `request to https://alice:${password}@api.example.com failed`],
      ['inside an AggregateError', () => new AggregateError([new Error(`connect ECONNREFUSED wss://bob:${password}@10.0.0.1`)], 'all failed')],
      ['in a message nothing matches', () => new Error(`weird failure at https://alice:${password}@api.example.com/x`)],
      ['twice in one message', () => new Error(`redirect https://a:${password}@one.example/ -> https://b:${password}@two.example/`)],
      ['an axios error without a response', () => Object.assign(new Error(`timeout of 100ms exceeded for https://alice:${password}@api.example.com`), { code: 'ECONNABORTED', config: { url: `https://alice:${password}@api.example.com` } })],
    ];

    it.each(cases)('are scrubbed: %s', (_label, make) => {
      for (const [, entry] of ENTRY_POINTS) {
        const result = run(() => entry.normalizeError(make(), CLOCK));
        expectAbsent(result, [password]);
      }
    });

    it('are scrubbed when the credential is long (a 300-character token)', () => {
      const long = `tok${'A1b2C3d4E5'.repeat(30)}`;
      const result = run(() => classifier.normalizeError(new Error(`connect ECONNREFUSED https://user:${long}@api.example.com/`), CLOCK));
      expectAbsent(result, [long.slice(0, 24)]);
    });

    it('are scrubbed when the message is cut at its length limit inside the credential', () => {
      const secret = 'Kx7Qm2Zp9Lr4';
      // 2,000 characters are kept; the cut falls inside the password.
      const message = `${'x'.repeat(1_980)} https://user:${secret}@api.example.com/`;
      const result = run(() => classifier.normalizeError(new Error(message), CLOCK));
      expectAbsent(result, [secret.slice(0, 5)]);
    });
  });

  describe('one scrubber for every output string', () => {
    const KEY = '5f2c9e1a-7c1d-4c6b-9a51-0b1c2d3e4f50';
    const password = token('pw');
    const apiKey = token('ak');

    /** Every string of a result, recursively, for asserting that none holds a planted secret. */
    function strings(value: unknown, out: string[] = []): string[] {
      if (typeof value === 'string') out.push(value);
      else if (Array.isArray(value)) for (const item of value) strings(item, out);
      else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) strings(item, out);
      return out;
    }

    function expectNowhere(result: Classification<string>, secrets: readonly string[]): void {
      assertContract(result);
      for (const text of strings(result)) for (const secret of secrets) expect(text, `a secret reached the result: ${JSON.stringify(result)}`).not.toContain(secret);
    }

    it('a template param keeps nothing the message lost: Failed to fetch (https://u:PASSWORD@h/)', () => {
      const result = run(() => classifier.normalizeError(new TypeError(`Failed to fetch (https://u:${password}@h.example/)`), CLOCK));
      expect(result.error?.id).toBe('network.fetch_network_error');
      expect(result.error?.params?.host).toBe('https://[REDACTED]@h.example/');
      expectNowhere(result, [password]);
    });

    it.each([
      ['api_key', `https://api.example.com/v1/send?api_key=${apiKey}&x=1`],
      ['apikey', `https://api.example.com/v1/send?apikey=${apiKey}`],
      ['access_token', `https://api.example.com/v1?a=1&access_token=${apiKey}#top`],
      ['token', `https://api.example.com/v1?token=${apiKey}`],
      ['X-Amz-Signature', `https://bucket.s3.amazonaws.com/k?X-Amz-Credential=AKIA${apiKey}%2F20250101&X-Amz-Signature=${apiKey}`],
      ['a form body', `grant_type=client_credentials&client_secret=${apiKey}`],
    ])('a secret query parameter (%s) is scrubbed in thrown messages, response messages and fields', (_label, url) => {
      const thrown = run(() => classifier.normalizeError(new Error(`request to ${url} failed, reason: socket hang up`), CLOCK));
      expectNowhere(thrown, [apiKey]);
      expect(thrown.error?.message).toContain('[REDACTED]');
      const response = run(() =>
        classifier.classify({ vendor: 'spotzee', status: 422, body: { error: { code: 'validation_failed', message: `bad ${url}`, details: { url: `see ${url}` } } } }, CLOCK),
      );
      expectNowhere(response, [apiKey]);
      expect(response.error?.fields?.[0]?.message).toContain('[REDACTED]');
    });

    it.each([
      ['a password holding "/"', `https://user:${password.slice(0, 6)}/${password.slice(6)}@api.example.com/v1`],
      ['a password holding "@"', `https://user:${password.slice(0, 6)}@${password.slice(6)}@api.example.com/v1`],
      ['no scheme, with a port', `user:${password}@api.example.com:443`],
      ['no scheme, a token as user', `${password}:x@10.0.0.1:8443`],
    ])('URL userinfo with %s is scrubbed', (_label, url) => {
      const result = run(() => classifier.normalizeError(new Error(`connect ECONNREFUSED ${url}`), CLOCK));
      expectNowhere(result, [password, password.slice(6)]);
    });

    it('leaves e-mail addresses and scoped package paths alone (they are no userinfo)', () => {
      const result = run(() => classifier.classify({ status: 404, body: { message: 'No user jane@example.com at https://registry.example.org/@scope/pkg' } }, CLOCK));
      expect(result.error?.message).toBe('No user jane@example.com at https://registry.example.org/@scope/pkg');
    });

    it.each([
      ['Bearer', `401 Unauthorized: Authorization: Bearer ${apiKey}`],
      ['bearer alone', `invalid bearer ${apiKey}`],
      ['Basic', `401 Unauthorized: Authorization: Basic ${btoa(`alice:${apiKey}`)}`],
      ['another scheme', `Authorization: Token ${apiKey}`],
      ['no scheme', `proxy rejected Authorization: ${apiKey}`],
      ['JSON', `{"authorization":"Bearer ${apiKey}"}`],
    ])('an Authorization value in thrown text (%s) is scrubbed', (_label, message) => {
      const result = run(() => classifier.normalizeError(new Error(message), CLOCK));
      expectNowhere(result, [apiKey, btoa(`alice:${apiKey}`)]);
      expect(result.error?.message).toContain('[REDACTED]');
    });

    it('keeps "basic" as a word when no credential follows it', () => {
      const result = run(() => classifier.classify({ status: 403, body: { message: 'Basic plan does not include this feature' } }, CLOCK));
      expect(result.error?.message).toBe('Basic plan does not include this feature');
    });

    it.each([
      ['in code', { vendor: 'braze', status: 401, body: { error: `Invalid API key: ${KEY}` } }],
      ['in a field message', { vendor: 'spotzee', status: 422, body: { error: { code: 'validation_failed', message: 'bad', details: { key: `Invalid API key: ${KEY}` } } } }],
      ['in minor messages and fields', { vendor: 'braze', status: 201, body: { message: 'success', errors: [`Invalid API key: ${KEY}`, { type: `Invalid API key: ${KEY}`, input_array: 'x', index: 0 }] } }],
      ['in a text body without a vendor', { status: 401, body: `Invalid API key: ${KEY}` }],
      ['without the space', { vendor: 'braze', status: 401, body: { message: `Invalid API key:${KEY}` } }],
      ['after a prefix', { vendor: 'braze', status: 401, body: `Error: Invalid API key: ${KEY}` }],
      ['with other whitespace and case', { status: 401, body: { message: `INVALID  API\tKEY:   ${KEY}` } }],
    ])('a catalog-marked secret (Braze echoes the API key) is redacted %s', (_label, input) => {
      const result = run(() => classifier.classify(input, CLOCK));
      expectNowhere(result, [KEY, KEY.slice(0, 18), KEY.slice(-12)]);
    });

    it('the request id is scrubbed too', () => {
      const result = run(() => classifier.classify({ status: 500, headers: { 'x-request-id': `https://u:${password}@h/` } }, CLOCK));
      expect(result.requestId).toBe('https://[REDACTED]@h/');
    });

    it('a credential cut by the message length limit is still scrubbed', () => {
      const message = `${'x'.repeat(1_985)} https://user:${password}@api.example.com/`;
      const result = run(() => classifier.classify({ status: 400, body: { message } }, CLOCK));
      expectNowhere(result, [password.slice(0, 6)]);
    });
  });

  describe('redactPii', () => {
    const PII = ['jane.doe@example.com', 'ops+alerts@mail.example.co.uk', '+1 (415) 555-0100', '+44 20 7946 0958', '+4915112345678', '(415) 555-0100'];

    function expectRedacted(text: string | undefined): void {
      expect(text).toBeDefined();
      for (const value of PII) expect(text).not.toContain(value);
      expect(text).not.toMatch(/@example|@mail/);
    }

    it('replaces e-mail addresses and phone numbers in error messages', () => {
      const message = 'No user jane.doe@example.com or ops+alerts@mail.example.co.uk; tried +1 (415) 555-0100, +44 20 7946 0958, +4915112345678 and (415) 555-0100';
      for (const [vendor, body] of [
        ['braze', { message }],
        ['sinch', { code: 'unknown_group', text: message }],
        ['transformify', { error: 'bad_request', message }],
        ['spotzee', { error: { code: 'validation_failed', message } }],
        [undefined, message],
      ] as const) {
        const result = run(() => classifier.classify({ vendor, status: 400, body }, { ...CLOCK, redactPii: true }));
        expectRedacted(result.error?.message);
        expect(result.error?.message).toContain('[EMAIL]');
        expect(result.error?.message).toContain('[PHONE]');
      }
    });

    it('replaces them in field messages and in minor errors', () => {
      const fields = run(() =>
        classifier.classify(
          { vendor: 'spotzee', status: 422, body: { error: { code: 'validation_failed', message: 'Invalid', details: { email: 'jane.doe@example.com is not deliverable', phone: '+44 20 7946 0958 is not valid' } } } },
          { ...CLOCK, redactPii: true },
        ),
      );
      expect(fields.error?.fields).toEqual([
        { path: 'email', message: '[EMAIL] is not deliverable' },
        { path: 'phone', message: '[PHONE] is not valid' },
      ]);
      const minor = run(() =>
        classifier.classify({ vendor: 'braze', status: 201, body: { message: 'success', errors: ['jane.doe@example.com was not found', { type: 'call +1 (415) 555-0100 failed', input_array: 'attributes', index: 0 }] } }, { ...CLOCK, redactPii: true }),
      );
      expect(minor.outcome).toBe('partial');
      for (const item of minor.minor) {
        expectRedacted(item.message);
        for (const field of item.fields ?? []) expectRedacted(field.message);
      }
    });

    it('replaces them in normalizeError messages, matched or not', () => {
      const matched = run(() =>
        classifier.normalizeError(Object.assign(new Error('connect ECONNREFUSED for jane.doe@example.com via +1 (415) 555-0100'), { code: 'ECONNREFUSED' }), { ...CLOCK, redactPii: true }),
      );
      expect(matched.error?.id).toBe('network.econnrefused');
      expectRedacted(matched.error?.message);
      const unmatched = run(() => classifier.normalizeError(new Error('delivery to jane.doe@example.com via +1 (415) 555-0100 failed'), { ...CLOCK, redactPii: true }));
      expect(unmatched.error?.id).toBe('generic.unknown');
      expectRedacted(unmatched.error?.message);
    });

    it('replaces an e-mail address that ends a sentence', () => {
      const result = run(() => classifier.classify({ status: 404, body: { message: 'Unknown user jane.doe@example.com.' } }, { ...CLOCK, redactPii: true }));
      expect(result.error?.message).toBe('Unknown user [EMAIL].');
    });

    /** Classifies `message` as a Transformify 400 with PII redaction on and returns the message. */
    const redacted = (message: string): string | undefined =>
      run(() => classifier.classify({ vendor: 'transformify', status: 400, body: { error: 'bad_request', message } }, { ...CLOCK, redactPii: true })).error?.message;

    it('leaves ordinary numbers, counts and times alone', () => {
      for (const message of [
        'Maximum 200000 recipients allowed per request',
        'Too many pending messages. You have 1500 pending messages and requested 20000 more. Maximum allowed: 100000.',
        'Campaign 12345 failed at 10:30:00',
        'Scheduled for 2024-01-15T10:00:00Z',
      ])
        expect(redacted(message)).toBe(message);
      const quota = run(() =>
        classifier.classify({ vendor: 'transformify', status: 400, body: { error: 'x', message: 'Maximum 200000 recipients allowed per request' } }, { ...CLOCK, redactPii: true }),
      );
      expect(quota.error?.params).toEqual({ max: 200000 });
    });

    it('leaves dates alone', () => {
      for (const message of ['Scheduled for 2024-01-15', 'Quota resets on 15.01.2025', 'Send at 2025/01/15 failed']) expect(redacted(message)).toBe(message);
    });

    it('is off by default: messages are as received', () => {
      const result = run(() => classifier.classify({ status: 400, body: { message: 'No user jane.doe@example.com' } }, CLOCK));
      expect(result.error?.message).toBe('No user jane.doe@example.com');
    });
  });
});

// ---------------------------------------------------------------------------------------

describe('limits', () => {
  const MiB = 1_048_576;
  const bigJson = (size: number): string => JSON.stringify({ message: 'Invalid Campaign ID', padding: 'p'.repeat(size) });

  it('does not parse a body above the default 1 MiB and still classifies it by status and headers', () => {
    const body = bigJson(MiB);
    expect(body.length).toBeGreaterThan(MiB);
    const result = classified(() => classifier.classify({ status: 503, headers: { 'retry-after': '7' }, body }, CLOCK));
    expect(result.truncated).toBe(true);
    expect(result.error).toMatchObject({ id: 'http.503', category: 'unavailable', retryable: true, retryAfterMs: 7000 });
  });

  it('classifies an oversized Braze body by the vendor status entry, not by its (unparsed) message', () => {
    const result = classified(() => classifier.classify({ vendor: 'braze', status: 400, body: bigJson(MiB) }, CLOCK));
    expect(result.truncated).toBe(true);
    expect(result.error?.id).toBe('braze.bad_request');
  });

  it('honours a custom maxBodyBytes, per call and per classifier', () => {
    const body = JSON.stringify({ message: 'Invalid Campaign ID' });
    const small = classified(() => classifier.classify({ vendor: 'braze', status: 400, body }, { ...CLOCK, maxBodyBytes: 16 }));
    expect(small.truncated).toBe(true);
    expect(small.error?.id).toBe('braze.bad_request');

    const limited = createClassifier({ maxBodyBytes: 16 });
    expect(classified(() => limited.classify({ vendor: 'braze', status: 400, body }, CLOCK)).truncated).toBe(true);

    const fits = classified(() => classifier.classify({ vendor: 'braze', status: 400, body }, { ...CLOCK, maxBodyBytes: body.length }));
    expect(fits.truncated).toBeUndefined();
    expect(fits.error?.id).toBe('braze.invalid_campaign_id');
  });

  it('takes the retry hint from headers, not from an unparsed body field', () => {
    const body = JSON.stringify({ error: 'rate_limited', message: 'slow down', retryAfterSeconds: 60, padding: 'p'.repeat(200) });
    const result = classified(() => classifier.classify({ vendor: 'transformify', status: 429, headers: { 'Retry-After': '3' }, body }, { ...CLOCK, maxBodyBytes: 100 }));
    expect(result.truncated).toBe(true);
    expect(result.error).toMatchObject({ category: 'rate_limit', retryable: true, retryAfterMs: 3000 });
    const noHeader = classified(() => classifier.classify({ vendor: 'transformify', status: 429, body }, { ...CLOCK, maxBodyBytes: 100 }));
    expect(noHeader.error?.retryAfterMs).toBeUndefined();
  });

  it('applies the limit to byte bodies too', () => {
    const bytes = new TextEncoder().encode(bigJson(MiB));
    const result = classified(() => classifier.classify({ status: 503, body: bytes }, CLOCK));
    expect(result.truncated).toBe(true);
    expect(result.error?.category).toBe('unavailable');
  });

  it('still reads the <title> of an HTML page above the limit', () => {
    const page = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>${'<p>filler</p>'.repeat(100_000)}</body></html>`;
    expect(page.length).toBeGreaterThan(MiB);
    const result = classified(() => classifier.classify({ status: 502, headers: { 'content-type': 'text/html' }, body: page }, CLOCK));
    expect(result.truncated).toBe(true);
    expect(result.error).toMatchObject({ category: 'unavailable', message: '502 Bad Gateway', retryable: true });

    const small = classified(() => classifier.classify({ status: 502, body: '<html><title>Bad gateway</title><body>xxxxxxxxxxxxxxxxxxxxxxxx</body></html>' }, { ...CLOCK, maxBodyBytes: 40 }));
    expect(small.truncated).toBe(true);
    expect(small.error?.message).toBe('Bad gateway');
  });

  it('parses a body of exactly maxBodyBytes', () => {
    const body = JSON.stringify({ message: 'Invalid Campaign ID' });
    const result = classified(() => classifier.classify({ vendor: 'braze', status: 400, body }, { ...CLOCK, maxBodyBytes: body.length }));
    expect(result.truncated).toBeUndefined();
    expect(result.error?.id).toBe('braze.invalid_campaign_id');
  });

  it('classifies a body nested 50,000 levels deep (under 1 MiB) by its status', () => {
    for (const key of ['errors', 'error', 'details', 'fields', 'invalid-params']) {
      const body = `${`{"${key}":`.repeat(50_000)}[]${'}'.repeat(50_000)}`;
      expect(body.length).toBeLessThan(MiB);
      const result = classified(() => classifier.classify({ status: 400, body }, CLOCK));
      expect(result.status).toBe(400);
      expect(result.error?.id).toBe('http.400');
    }
  });
});

// ---------------------------------------------------------------------------------------

describe('linear time: adversarial 1 MB bodies finish and give a valid result', () => {
  const MB = 1_000_000;
  const CATALOG_FILES = ['braze', 'sinch', 'transformify', 'spotzee', 'generic'] as const;
  const readCatalog = (name: string): Catalog => JSON.parse(readFileSync(new URL(`../catalog/${name}.json`, import.meta.url), 'utf8')) as Catalog;
  const listOf = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

  /** Repeats `unit` until the text is about `size` characters. */
  const fill = (unit: string, size = MB): string => unit.repeat(Math.max(1, Math.floor(size / Math.max(1, unit.length))));

  /** Messages built against one catalog text (a template or an exact message). */
  function adversarialMessages(template: string): [string, string][] {
    const literal = template.split(/\{[^{}]*\}/);
    const firstWord = template.replace(/\{[^{}]*\}/g, ' ').trim().split(/\s+/)[0] ?? 'x';
    const filled = template.replace(/\{([^{}:]*)(?::(\w+))?\}/g, (_m, _name: string, type: string | undefined) => (type === 'int' || type === 'number' ? '9' : type === 'word' ? 'w' : 't t'));
    const lastLiteral = literal[literal.length - 1] ?? '';
    const nearly = lastLiteral.trim() === '' ? filled.slice(0, -1) : filled.slice(0, filled.length - lastLiteral.length);
    return [
      ['first word and digit runs', fill(`${firstWord} 0123456789 `)],
      ['nearly matching prefix without the final literal', fill(`${nearly} `)],
      ['template with a 1 MB hole', template.replace(/\{([^{}:]*)(?::(\w+))?\}/, (_m, _name: string, type: string | undefined) => (type === 'int' || type === 'number' ? '9'.repeat(MB) : 'a'.repeat(MB)))],
      ['whitespace runs between the words', template.split(' ').join(' '.repeat(2_000)).repeat(Math.max(1, Math.floor(MB / (template.length * 2_000))))],
    ];
  }

  /** The message wrapped in each shape the vendor answers in. */
  function bodiesFor(vendor: string, message: string): unknown[] {
    switch (vendor) {
      case 'braze':
        return [JSON.stringify({ message }), JSON.stringify({ message: 'success', errors: [message, { type: message, input_array: 'attributes', index: 0 }] })];
      case 'sinch':
        return [JSON.stringify({ code: 'syntax_constraint_violation', text: message }), JSON.stringify({ code: message, text: message })];
      case 'transformify':
        return [JSON.stringify({ error: 'bad_request', message })];
      case 'spotzee':
        return [JSON.stringify({ error: { code: 'x', message, details: { field: message } } }), JSON.stringify({ error: { code: message, message } })];
      default:
        return [message, JSON.stringify({ message }), `<html><head><title>${message}</title></head></html>`];
    }
  }

  const STRUCTURAL: [string, () => unknown][] = [
    ['1 MB of {', () => fill('{')],
    ['1 MB of [', () => fill('[')],
    ['1 MB of "{" inside a string', () => `{"message":"${fill('{')}"`],
    ['HTML page without </title>', () => `<html><head><title>${fill('a')}`],
    ['<title repeated', () => fill('<title')],
    ['<title with 200-character attributes repeated', () => fill(`<title ${'a'.repeat(195)}`)],
    ['<h1 repeated', () => fill('<h1 ')],
    ['entities in a title', () => `<title>${fill('&amp;&#x1F600;&#9999999')}</title>`],
    ['whitespace then one character', () => `${fill(' \t\n')}x`],
    ['one 1 MB text line', () => fill('Maximum 9 recipients ')],
    ['1 MB of digits', () => fill('0123456789')],
    ['1 MB of @ signs and dots', () => fill('a@b.')],
    ['JSON with 50,000 field errors', () => JSON.stringify({ errors: Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`f${i}`, 'bad'])) })],
    ['JSON with 50,000 item errors', () => JSON.stringify({ message: 'success', errors: Array.from({ length: 50_000 }, () => "'x' is not valid") })],
    ['JSON nested 90,000 levels', () => `${'{"errors":'.repeat(90_000)}[]${'}'.repeat(90_000)}`],
    ['JSON array nested 400,000 levels', () => `${'['.repeat(400_000)}${']'.repeat(400_000)}`],
  ];

  it.each(CATALOG_FILES)('%s: messages built against every catalog template finish', (name) => {
    const catalog = readCatalog(name);
    // Sinch and Spotzee match by code only: their codes stand in for templates.
    const texts = [...new Set(catalog.entries.flatMap((entry) => [...listOf(entry.match?.message), ...listOf(entry.match?.code)]))];
    expect(texts.length).toBeGreaterThan(0);
    const vendor = name === 'generic' ? undefined : name;
    for (const template of texts)
      for (const [, message] of adversarialMessages(template))
        for (const body of bodiesFor(name, message))
          for (const status of [400, 200]) classified(() => classifier.classify({ vendor, status, body }, CLOCK));
  });

  it.each(CATALOG_FILES)('%s: structural attacks (brackets, unclosed HTML, deep nesting, many items) finish', (name) => {
    const vendor = name === 'generic' ? undefined : name;
    for (const [, make] of STRUCTURAL)
      for (const status of [400, 502]) classified(() => classifier.classify({ vendor, status, body: make() }, CLOCK));
  });

  it('field and item messages of 64 KB to 1 MB are clipped before PII redaction, and redacted', () => {
    for (const size of [65_536, MB])
      for (const unit of ['1 ', 'a@', '1-', '+1 (', 'a.a@b', 'call +1 415 555 0100 or jane@example.com ']) {
        const message = fill(unit, size);
        const fields = classified(() => classifier.classify({ status: 422, body: { errors: { email: message, phone: message } } }, { ...CLOCK, redactPii: true }));
        for (const field of fields.error?.fields ?? []) {
          expect(field.message.length).toBeLessThanOrEqual(2000);
          expect(field.message).not.toContain('jane@example.com');
          expect(field.message).not.toContain('415 555 0100');
        }
        const items = classified(() => classifier.classify({ vendor: 'braze', status: 201, body: { message: 'success', errors: [message, { type: message, input_array: 'a', index: 0 }] } }, { ...CLOCK, redactPii: true }));
        for (const minor of items.minor) for (const text of [minor.message, ...(minor.fields ?? []).map((field) => field.message)]) expect(text).not.toContain('jane@example.com');
      }
  });

  it('1 MB header values finish', () => {
    const values = [fill('9'), fill(' '), fill('Wed, 01 Jan 2025 00:01:00 GMT '), fill(';t=1'), fill('application/problem+json')];
    for (const value of values)
      for (const vendor of VENDORS) {
        const headers = { 'retry-after': value, ratelimit: value, 'ratelimit-reset': value, 'x-ratelimit-reset': value, 'content-type': value, 'x-request-id': value };
        classified(() => classifier.classify({ vendor, status: 429, headers, body: '{"message":"x"}' }, CLOCK));
      }
  });

  it('normalizeError with 1 MB messages built against the transport templates finishes', () => {
    const generic = readCatalog('generic');
    const texts = generic.entries.filter((entry) => entry.match?.transport === true).flatMap((entry) => listOf(entry.match?.message));
    expect(texts.length).toBeGreaterThan(0);
    for (const template of texts)
      for (const [, message] of adversarialMessages(template))
        for (const [, entry] of ENTRY_POINTS.slice(0, 2)) {
          const thrown = new AggregateError([new Error(message)], 'all failed', { cause: Object.assign(new Error(message), { code: 'X' }) });
          classified(() => entry.normalizeError(thrown, CLOCK));
        }
  });
});
