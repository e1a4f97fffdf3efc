/**
 * `normalizeError` (src/normalize-error.ts): thrown values from fetch/undici, AbortSignal,
 * axios, got and ky, AggregateError, cause chains, strings and hostile objects, classified
 * without ever throwing.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../src/create-classifier.js';
import type { Classification, NormalizedError } from '../src/types.js';

const classifier = createClassifier({ now: () => Date.UTC(2025, 0, 1) });
const normalize = (thrown: unknown, options?: Parameters<typeof classifier.normalizeError>[1]) => classifier.normalizeError(thrown, options);

function errorOf(result: Classification): NormalizedError {
  if (result.outcome !== 'error') throw new Error(`expected an error, got ${result.outcome}`);
  return result.error;
}

function systemError(code: string, message = `connect ${code} 127.0.0.1:3000`): Error {
  return Object.assign(new Error(message), { code, syscall: 'connect' });
}

/** What undici throws: `TypeError: fetch failed` with the system error as `cause`. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

describe('fetch / undici', () => {
  it.each([
    ['ECONNREFUSED', 'network.econnrefused'],
    ['ECONNRESET', 'network.econnreset'],
    ['ENOTFOUND', 'network.enotfound'],
    ['ETIMEDOUT', 'network.timeout'],
    ['UND_ERR_CONNECT_TIMEOUT', 'network.timeout'],
    ['UND_ERR_SOCKET', 'network.connection_closed'],
  ])('TypeError "fetch failed" caused by %s → %s', (code, id) => {
    const result = normalize(fetchFailed(systemError(code)));
    expect(result).toMatchObject({ outcome: 'error', vendor: null, status: null, minor: [] });
    expect(errorOf(result)).toMatchObject({ id, category: 'network', retryable: true, fatal: true, code, matchedBy: 'transport', status: null });
  });

  it('takes the message of the node that matched', () => {
    expect(errorOf(normalize(fetchFailed(systemError('ECONNREFUSED')))).message).toBe('connect ECONNREFUSED 127.0.0.1:3000');
  });

  it('"fetch failed" without a known cause is network.fetch_failed', () => {
    expect(errorOf(normalize(fetchFailed(new Error('bad port'))))).toMatchObject({ id: 'network.fetch_failed', message: 'fetch failed', code: null });
  });

  it('a real undici connection refused', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    let thrown: unknown;
    try {
      await fetch(`http://127.0.0.1:${port}/`);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect(errorOf(normalize(thrown))).toMatchObject({ id: 'network.econnrefused', code: 'ECONNREFUSED', retryable: true });
  });

  it('matches codes on AggregateError members (happy eyeballs)', () => {
    const aggregate = new AggregateError([systemError('ECONNREFUSED', 'connect ECONNREFUSED ::1:80'), systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:80')], 'x');
    expect(errorOf(normalize(fetchFailed(aggregate)))).toMatchObject({ id: 'network.econnrefused', message: 'connect ECONNREFUSED ::1:80' });
    expect(errorOf(normalize(aggregate)).id).toBe('network.econnrefused');
  });

  it('prefers a code anywhere in the chain to a message or a name', () => {
    const thrown = new DOMException('aborted', 'AbortError');
    Object.defineProperty(thrown, 'cause', { value: systemError('ECONNRESET') });
    expect(errorOf(normalize(thrown)).id).toBe('network.econnreset');
  });
});

describe('aborts and timeouts', () => {
  it("a real DOMException('…', 'AbortError') → network.abort_error (cancelled, not retryable)", () => {
    expect(errorOf(normalize(new DOMException('This operation was aborted', 'AbortError')))).toMatchObject({
      id: 'network.abort_error',
      category: 'cancelled',
      retryable: false,
      message: 'This operation was aborted',
      code: null,
    });
  });

  it("a real DOMException('…', 'TimeoutError') → network.timeout_error (retryable)", () => {
    expect(errorOf(normalize(new DOMException('The operation was aborted due to timeout', 'TimeoutError')))).toMatchObject({
      id: 'network.timeout_error',
      category: 'network',
      retryable: true,
    });
  });

  it('the reason of a real AbortSignal.timeout', async () => {
    const signal = AbortSignal.timeout(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(signal.aborted).toBe(true);
    expect(errorOf(normalize(signal.reason)).id).toBe('network.timeout_error');
  });

  it('the reason of a real AbortController.abort()', () => {
    const controller = new AbortController();
    controller.abort();
    expect(errorOf(normalize(controller.signal.reason)).id).toBe('network.abort_error');
  });

  it('a fetch rejected by a real aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    let thrown: unknown;
    try {
      await fetch('http://127.0.0.1:9/', { signal: controller.signal });
    } catch (error) {
      thrown = error;
    }
    expect(errorOf(normalize(thrown)).category).toBe('cancelled');
  });

  it("Node's AbortError with code ABORT_ERR is cancelled", () => {
    expect(errorOf(normalize(Object.assign(new Error('The operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR' })))).toMatchObject({
      category: 'cancelled',
      retryable: false,
    });
  });
});

describe('axios-like errors', () => {
  it('with a response: classified as that response, the url from baseURL + url picking the vendor', () => {
    const thrown = Object.assign(new Error('Request failed with status code 400'), {
      name: 'AxiosError',
      code: 'ERR_BAD_REQUEST',
      config: { baseURL: 'https://rest.iad-01.braze.com/', url: '/messages/send', method: 'post', headers: { Authorization: 'Bearer secret' } },
      response: { status: 400, headers: { 'x-request-id': 'axios-1' }, data: { message: 'Invalid Campaign ID' } },
    });
    const result = normalize(thrown);
    expect(result).toMatchObject({ vendor: 'braze', status: 400, requestId: 'axios-1' });
    expect(errorOf(result)).toMatchObject({ id: 'braze.invalid_campaign_id', matchedBy: 'message' });
    expect(JSON.stringify(result)).not.toContain('Bearer secret');
  });

  it('with a response: an absolute config.url is used as is', () => {
    const thrown = { name: 'AxiosError', config: { url: 'https://sms.api.sinch.com/xms/v1/a/batches', baseURL: 'https://ignored.example' }, response: { status: 401, headers: {}, data: '' } };
    expect(errorOf(normalize(thrown))).toMatchObject({ id: 'sinch.unauthorized', vendor: 'sinch' });
  });

  it('with a response: request-aware retry advice from config.method and the Idempotency-Key header', () => {
    const base = { name: 'AxiosError', response: { status: 503, headers: {}, data: { error: { code: 'service_unavailable', message: 'down' } } } };
    const post = { ...base, config: { url: 'https://apix.spotzee.com/v1/messages', method: 'post', headers: {} } };
    const keyed = { ...base, config: { url: 'https://apix.spotzee.com/v1/messages', method: 'post', headers: { 'Idempotency-Key': 'k1' } } };
    expect(errorOf(normalize(post))).toMatchObject({ id: 'spotzee.service_unavailable', retryable: false });
    expect(errorOf(normalize(keyed))).toMatchObject({ id: 'spotzee.service_unavailable', retryable: true });
  });

  it('without a response: a transport error, vendor from the url', () => {
    const thrown = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), {
      name: 'AxiosError',
      code: 'ECONNREFUSED',
      config: { url: '/v1/contacts', baseURL: 'https://apix.spotzee.com', method: 'get' },
    });
    expect(normalize(thrown)).toMatchObject({ vendor: 'spotzee', status: null });
    expect(errorOf(normalize(thrown))).toMatchObject({ id: 'network.econnrefused', vendor: 'spotzee', retryable: true });
  });

  it('without a response: a timeout (ECONNABORTED)', () => {
    const thrown = Object.assign(new Error('timeout of 1000ms exceeded'), { name: 'AxiosError', code: 'ECONNABORTED', config: { url: 'https://example.com' } });
    expect(errorOf(normalize(thrown))).toMatchObject({ category: 'network', retryable: true });
  });

  it('without a response: ERR_NETWORK', () => {
    expect(errorOf(normalize(Object.assign(new Error('Network Error'), { name: 'AxiosError', code: 'ERR_NETWORK' }))).id).toBe('network.axios_network_error');
  });
});

describe('got-like HTTPError', () => {
  it('reads response.statusCode and a string body; the url from options.url (a URL)', () => {
    const thrown = Object.assign(new Error('Response code 400 (Bad Request)'), {
      name: 'HTTPError',
      code: 'ERR_NON_2XX_3XX_RESPONSE',
      options: { url: new URL('https://sms.api.sinch.com/xms/v1/plan/batches'), method: 'POST' },
      response: { statusCode: 400, body: '{"code":"unknown_group","text":"Group abc not found"}', headers: { 'x-request-id': 'got-1' } },
    });
    const result = normalize(thrown);
    expect(result).toMatchObject({ vendor: 'sinch', status: 400, requestId: 'got-1' });
    expect(errorOf(result)).toMatchObject({ id: 'sinch.unknown_group', code: 'unknown_group', message: 'Group abc not found' });
  });

  it('a got timeout message matches its template', () => {
    expect(errorOf(normalize(Object.assign(new Error("Timeout awaiting 'request' for 5000ms"), { name: 'TimeoutError', code: 'ETIMEDOUT' })))).toMatchObject({
      category: 'network',
      retryable: true,
    });
  });
});

describe('ky-like HTTPError with a real Response', () => {
  it('reads status and headers (the body stream is left alone), the url from the real Request', () => {
    const response = new Response('{"error":{"code":"rate_limited","message":"slow"}}', { status: 429, headers: { 'retry-after': '3', 'request-id': 'ky-1' } });
    const request = new Request('https://apix.spotzee.com/v1/contacts', { method: 'GET' });
    const thrown = Object.assign(new Error('Request failed with status code 429 Too Many Requests'), { name: 'HTTPError', response, request, options: { method: 'GET' } });
    const result = normalize(thrown);
    expect(result).toMatchObject({ vendor: 'spotzee', status: 429, requestId: 'ky-1' });
    expect(errorOf(result)).toMatchObject({ id: 'spotzee.http_429', retryable: true, retryAfterMs: 3000 });
    expect(response.bodyUsed).toBe(false);
  });

  it('a thrown fetch Response is classified as a response', () => {
    expect(errorOf(normalize(new Response(null, { status: 503, headers: { 'retry-after': '1' } })))).toMatchObject({ status: 503, category: 'unavailable', retryAfterMs: 1000 });
  });
});

describe('cause chains', () => {
  it('follows cause through several wrappers', () => {
    let thrown: unknown = systemError('ECONNRESET');
    for (let i = 0; i < 3; i++) thrown = new Error(`wrapper ${i}`, { cause: thrown });
    expect(errorOf(normalize(thrown)).id).toBe('network.econnreset');
  });

  it('survives a cyclic cause chain', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(errorOf(normalize(a))).toMatchObject({ id: 'generic.unknown', message: 'a' });
    const c = Object.assign(new Error('c'), { code: 'ECONNRESET' }) as Error & { cause?: unknown };
    c.cause = c;
    expect(errorOf(normalize(c)).id).toBe('network.econnreset');
  });

  it('stops at a bounded depth on very deep chains', () => {
    let thrown: unknown = systemError('ECONNRESET');
    for (let i = 0; i < 100_000; i++) thrown = { message: `wrapper ${i}`, cause: thrown };
    const result = normalize(thrown);
    expect(errorOf(result)).toMatchObject({ id: 'generic.unknown', message: 'wrapper 99999' });
  });

  it('reads at most a bounded number of AggregateError members', () => {
    const errors = Array.from({ length: 100_000 }, (_, i) => ({ message: `member ${i}` }));
    errors.push({ message: 'last', code: 'ECONNRESET' } as { message: string });
    expect(errorOf(normalize(new AggregateError(errors, 'many')))).toMatchObject({ id: 'generic.unknown', message: 'many' });
  });
});

describe('other thrown values', () => {
  it('strings are matched as messages', () => {
    expect(errorOf(normalize('socket hang up'))).toMatchObject({ id: 'network.socket_hang_up', message: 'socket hang up' });
    expect(errorOf(normalize('fetch failed')).id).toBe('network.fetch_failed');
    expect(errorOf(normalize('something odd'))).toMatchObject({ id: 'generic.unknown', message: 'something odd' });
  });

  it.each([
    [null, 'cannot classify a thrown null'],
    [undefined, 'cannot classify a thrown undefined'],
    [42, 'cannot classify a thrown number'],
    [true, 'cannot classify a thrown boolean'],
    [{}, 'cannot classify a thrown object with no name, code or message'],
  ])('%s → generic.unknown with the reason', (thrown, message) => {
    expect(errorOf(normalize(thrown))).toMatchObject({ id: 'generic.unknown', category: 'unknown', matchedBy: 'none', message });
  });

  it('an unknown Error keeps its message', () => {
    expect(errorOf(normalize(new RangeError('weird')))).toMatchObject({ id: 'generic.unknown', message: 'weird', retryable: false });
  });

  it('objects with throwing getters do not throw', () => {
    const thrown = {
      get message(): string {
        throw new Error('getter');
      },
      get cause(): unknown {
        throw new Error('getter');
      },
      code: 'ECONNREFUSED',
    };
    expect(errorOf(normalize(thrown)).id).toBe('network.econnrefused');
  });

  it('Proxies that throw on every trap do not throw', () => {
    const trap = () => {
      throw new Error('trap');
    };
    const proxy = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap });
    expect(errorOf(normalize(proxy)).id).toBe('generic.unknown');
    expect(errorOf(normalize(fetchFailed(proxy))).id).toBe('network.fetch_failed');
  });

  it('a revoked Proxy does not throw', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(errorOf(normalize(proxy)).id).toBe('generic.unknown');
  });
});

describe('credentials and vendors', () => {
  it('scrubs credentials from URLs quoted in messages', () => {
    const thrown = Object.assign(new Error('request to https://user:s3cret@api.example.com/x failed, reason: connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const error = errorOf(normalize(thrown));
    expect(error.message).toBe('request to https://[REDACTED]@api.example.com/x failed, reason: connect ECONNREFUSED');
    expect(JSON.stringify(error)).not.toContain('s3cret');
  });

  it('scrubs credentials from unmatched messages too', () => {
    expect(errorOf(normalize(new Error('GET https://admin:hunter2@internal.example/ broke'))).message).not.toContain('hunter2');
  });

  it('options.vendor names the vendor and its transport policy applies', () => {
    const thrown = Object.assign(systemError('ECONNRESET'), { config: { method: 'POST' } });
    expect(errorOf(normalize(thrown, { vendor: 'spotzee' }))).toMatchObject({ id: 'network.econnreset', vendor: 'spotzee', retryable: false });
    expect(errorOf(normalize(thrown, { vendor: 'braze' }))).toMatchObject({ vendor: 'braze', retryable: true });
  });

  it('normalizes options.vendor the way classify does: trimmed and lower-cased', () => {
    expect(classifier.classify({ status: 500 }, { vendor: ' Braze ' }).vendor).toBe('braze');
    expect(normalize(systemError('ECONNRESET'), { vendor: ' Braze ' }).vendor).toBe('braze');
    expect(normalize(42, { vendor: ' Braze ' }).vendor).toBe('braze');
  });

  it('reads a blank options.vendor as no vendor, as classify does', () => {
    expect(classifier.classify({ status: 500 }, { vendor: '' }).vendor).toBeNull();
    expect(normalize(systemError('ECONNRESET'), { vendor: '' }).vendor).toBeNull();
  });
});

describe('a polluted Object.prototype is never read', () => {
  it('Object.prototype.cause does not make every Error a network failure', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto['cause'] = { code: 'ECONNRESET' };
    proto['response'] = { status: 503 };
    try {
      const result = normalize(new Error('x'));
      expect(errorOf(result)).toMatchObject({ id: 'generic.unknown', category: 'unknown', retryable: false });
      expect(result.status).toBeNull();
    } finally {
      delete proto['cause'];
      delete proto['response'];
    }
  });

  it('a class getter (DOMException name) is still read', () => {
    expect(errorOf(normalize(new DOMException('stop', 'AbortError'))).id).toBe('network.abort_error');
  });

  it("an axios baseURL of many slashes is joined in linear time", () => {
    const thrown = Object.assign(new Error('Network Error'), { code: 'ERR_NETWORK', config: { baseURL: `https://rest.iad-01.braze.com${'/'.repeat(200_000)}`, url: '/users/track' } });
    expect(normalize(thrown).vendor).toBe('braze');
  });
});
