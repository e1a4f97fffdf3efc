/**
 * The snippets in examples/integrations/ driven by the real clients (fetch, p-retry,
 * axios + axios-retry, ky, got, node:http, pino) against a loopback server that answers
 * as the vendors do. Each test asserts what the server saw, the waits the client asked
 * for, and the error or body it ended with.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAxiosClient } from '../examples/integrations/axios-retry.js';
import { fetchWithRetry } from '../examples/integrations/fetch-retry.js';
import { createGotClient } from '../examples/integrations/got.js';
import { createKyClient } from '../examples/integrations/ky.js';
import { callWithTelemetry, createVendorLogger, type SpanLike } from '../examples/integrations/observability.js';
import { sendWithPRetry } from '../examples/integrations/p-retry.js';
import { createGatewayHandler } from '../examples/integrations/problem-details.js';
import { isVendorError, normalizeError, pRetryOptions, type Classification, type OtelAttributes } from '../src/index.js';

// ---------------------------------------------------------------------------------------
// The imitation vendor: `/<scenario>/<tag>/...`; attempts are counted per scenario and tag.
// ---------------------------------------------------------------------------------------

/** No client may send more than this to one scenario and tag; more answers 418 and fails the test. */
const MAX_REQUESTS_PER_KEY = 6;

const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n';

interface SeenRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

type Scenario = (req: IncomingMessage, res: ServerResponse, attempt: number) => void;

const SCENARIOS: Record<string, Scenario> = {
  // Braze throttles with Retry-After in seconds, then accepts.
  'braze-rate-limit': (_req, res, attempt) =>
    attempt === 1 ? reply(res, 429, { message: 'Rate limit exceeded' }, { 'retry-after': '1' }) : reply(res, 201, { message: 'success' }),
  'braze-retry-now': (_req, res, attempt) =>
    attempt === 1 ? reply(res, 429, { message: 'Rate limit exceeded' }, { 'retry-after': '0' }) : reply(res, 201, { message: 'success' }),
  // Braze echoes the API key in its message; the cookie stands for any header that must not be logged.
  'braze-auth': (_req, res) => reply(res, 401, { message: 'Invalid API key: abc' }, { 'x-request-id': 'req-7f3a', 'set-cookie': 'session=s3cr3t' }),
  'braze-ok': (_req, res) => reply(res, 201, { message: 'success' }),
  // Spotzee: a 503 once, then the contact is created.
  'spotzee-unavailable': (_req, res, attempt) =>
    attempt === 1 ? reply(res, 503, { error: { message: 'Temporary capacity issue, retry with backoff' } }) : reply(res, 201, { id: 'contact-1' }),
  // nginx in front of the vendor: its HTML 502 page once.
  'nginx-502': (_req, res, attempt) => {
    if (attempt > 1) return reply(res, 200, { message: 'success' });
    res.writeHead(502, { 'content-type': 'text/html', server: 'nginx/1.25.3' });
    res.end(NGINX_502);
  },
  // The connection is destroyed before any response (ECONNRESET / "other side closed").
  'reset-once': (req, res, attempt) => (attempt === 1 ? void req.socket.destroy() : reply(res, 201, { message: 'success' })),
  'reset-always': (req) => void req.socket.destroy(),
};

const seen = new Map<string, SeenRequest[]>();

const vendorHandler: RequestListener = (req, res) => {
  const path = req.url ?? '/';
  const [, scenario = '', tag = ''] = path.split('/');
  const key = `${scenario}/${tag}`;
  const requests = seen.get(key) ?? [];
  seen.set(key, requests);
  const header = req.headers['idempotency-key'];
  requests.push({ method: req.method ?? '', path, idempotencyKey: typeof header === 'string' ? header : undefined });
  // Read the request body first, so a reset or an early answer never races the upload.
  req.resume();
  req.on('end', () => {
    const handle = SCENARIOS[scenario];
    if (handle === undefined || requests.length > MAX_REQUESTS_PER_KEY) return reply(res, 418, { message: `unexpected request ${requests.length} to ${key}` });
    handle(req, res, requests.length);
  });
};

function listen(handler: RequestListener): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

let vendor: { server: Server; base: string };

beforeAll(async () => {
  vendor = await listen(vendorHandler);
});

afterAll(async () => {
  await close(vendor.server);
});

const url = (scenario: string, tag: string) => `${vendor.base}/${scenario}/${tag}`;
const requestsTo = (scenario: string, tag: string) => seen.get(`${scenario}/${tag}`) ?? [];

/** The value `promise` rejects with; fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** A sleep that records the wait asked for and returns at once. */
function fakeSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

function errorOf(result: Classification) {
  return result.error === null ? null : { id: result.error.id, category: result.error.category, retryable: result.error.retryable };
}

/** Id, category and retryable of a thrown value: a VendorError's own, or `normalizeError`'s. */
function summary(thrown: unknown, vendorName = 'braze') {
  return errorOf(isVendorError(thrown) ? thrown.classification : normalizeError(thrown, { vendor: vendorName }));
}

const INVALID_API_KEY = { id: 'braze.invalid_api_key', category: 'authentication', retryable: false };
const SPOTZEE_503_NO_KEY = { id: 'spotzee.http_503', category: 'unavailable', retryable: false };
const POST_JSON = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"attributes":[]}' };

// ---------------------------------------------------------------------------------------

describe('fetchWithRetry (fetch)', () => {
  it("retries a Braze 429 after its Retry-After (1 s → 1000 ms), then returns the 201", async () => {
    const { sleep, waits } = fakeSleep();
    const response = await fetchWithRetry(`${url('braze-rate-limit', 'fetch')}/users/track`, POST_JSON, 3, { sleep });
    expect(await response.json()).toEqual({ message: 'success' });
    expect(requestsTo('braze-rate-limit', 'fetch')).toHaveLength(2);
    expect(waits).toEqual([1000]);
  });

  it('throws a VendorError for a Braze 401 without retrying', async () => {
    const { sleep, waits } = fakeSleep();
    const thrown = await rejection(fetchWithRetry(`${url('braze-auth', 'fetch')}/users/track`, POST_JSON, 3, { sleep }));
    expect(isVendorError(thrown)).toBe(true);
    expect(summary(thrown)).toEqual(INVALID_API_KEY);
    expect(requestsTo('braze-auth', 'fetch')).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('does not retry a Spotzee 503 on a POST without Idempotency-Key', async () => {
    const { sleep, waits } = fakeSleep();
    const thrown = await rejection(fetchWithRetry(`${url('spotzee-unavailable', 'fetch-nokey')}/contacts`, POST_JSON, 3, { vendor: 'spotzee', sleep }));
    expect(summary(thrown, 'spotzee')).toEqual(SPOTZEE_503_NO_KEY);
    expect(requestsTo('spotzee-unavailable', 'fetch-nokey')).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries the same Spotzee 503 when the POST has an Idempotency-Key, sending the same key again', async () => {
    const { sleep, waits } = fakeSleep();
    const init = { ...POST_JSON, headers: { ...POST_JSON.headers, 'Idempotency-Key': 'k-1' } };
    const response = await fetchWithRetry(`${url('spotzee-unavailable', 'fetch-key')}/contacts`, init, 3, { vendor: 'spotzee', sleep });
    expect(response.status).toBe(201);
    expect(requestsTo('spotzee-unavailable', 'fetch-key').map((request) => request.idempotencyKey)).toEqual(['k-1', 'k-1']);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(0);
    expect(waits[0]).toBeLessThan(500); // full jitter over 500 ms: Spotzee gave no hint
  });

  it("retries nginx's HTML 502 page with backoff (no hint: [0, 500) ms)", async () => {
    const { sleep, waits } = fakeSleep();
    const response = await fetchWithRetry(url('nginx-502', 'fetch'), {}, 3, { sleep });
    expect(response.status).toBe(200);
    expect(requestsTo('nginx-502', 'fetch')).toHaveLength(2);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeLessThan(500);
  });

  it('retries a destroyed connection, and gives up after maxAttempts with a network VendorError', async () => {
    const { sleep, waits } = fakeSleep();
    expect((await fetchWithRetry(url('reset-once', 'fetch'), {}, 3, { sleep })).status).toBe(201);
    expect(requestsTo('reset-once', 'fetch')).toHaveLength(2);

    const thrown = await rejection(fetchWithRetry(url('reset-always', 'fetch'), {}, 3, { sleep }));
    expect(isVendorError(thrown)).toBe(true);
    // undici reports a socket closed before the response as UND_ERR_SOCKET "other side closed".
    expect(summary(thrown)).toEqual({ id: 'network.connection_closed', category: 'network', retryable: true });
    expect(requestsTo('reset-always', 'fetch')).toHaveLength(3);
    expect(waits).toHaveLength(3); // one wait per retry: 1 + 2
  });
});

describe('sendWithPRetry (p-retry 7)', () => {
  const options = (sleep: (ms: number) => Promise<void>, vendorName = 'braze') => ({ vendor: vendorName, maxRetries: 2, sleep });

  it("waits the Braze Retry-After in shouldRetry (once: p-retry's own backoff is 0), then resolves with the body", async () => {
    const { sleep, waits } = fakeSleep();
    await expect(sendWithPRetry(url('braze-rate-limit', 'p-retry'), '/users/track', POST_JSON, options(sleep))).resolves.toEqual({ message: 'success' });
    expect(requestsTo('braze-rate-limit', 'p-retry')).toHaveLength(2);
    expect(waits).toEqual([1000]);
  });

  it('stops at once on a Braze 401 (shouldRetry false) and rejects with the VendorError', async () => {
    const { sleep, waits } = fakeSleep();
    const thrown = await rejection(sendWithPRetry(url('braze-auth', 'p-retry'), '/users/track', POST_JSON, options(sleep)));
    expect(isVendorError(thrown)).toBe(true);
    expect(summary(thrown)).toEqual(INVALID_API_KEY);
    expect(requestsTo('braze-auth', 'p-retry')).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries a Spotzee 503 only when the POST carries an Idempotency-Key', async () => {
    const { sleep } = fakeSleep();
    const thrown = await rejection(sendWithPRetry(url('spotzee-unavailable', 'p-retry-nokey'), '/contacts', POST_JSON, options(sleep, 'spotzee')));
    expect(summary(thrown, 'spotzee')).toEqual(SPOTZEE_503_NO_KEY);
    expect(requestsTo('spotzee-unavailable', 'p-retry-nokey')).toHaveLength(1);

    const init = { ...POST_JSON, headers: { ...POST_JSON.headers, 'idempotency-key': 'k-2' } };
    await expect(sendWithPRetry(url('spotzee-unavailable', 'p-retry-key'), '/contacts', init, options(sleep, 'spotzee'))).resolves.toEqual({ id: 'contact-1' });
    expect(requestsTo('spotzee-unavailable', 'p-retry-key')).toHaveLength(2);
  });

  it("retries nginx's 502 after full-jitter backoff (no vendor hint: [0, 500) ms)", async () => {
    const { sleep, waits } = fakeSleep();
    await expect(sendWithPRetry(url('nginx-502', 'p-retry'), '/', {}, options(sleep))).resolves.toEqual({ message: 'success' });
    expect(requestsTo('nginx-502', 'p-retry')).toHaveLength(2);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeLessThan(500);
  });

  it("retries fetch's network TypeError (p-retry rethrows other TypeErrors) and gives up after retries + 1 attempts", async () => {
    const { sleep } = fakeSleep();
    await expect(sendWithPRetry(url('reset-once', 'p-retry'), '/', {}, options(sleep))).resolves.toEqual({ message: 'success' });
    expect(requestsTo('reset-once', 'p-retry')).toHaveLength(2);

    const thrown = await rejection(sendWithPRetry(url('reset-always', 'p-retry'), '/', {}, options(sleep)));
    expect(thrown).toBeInstanceOf(TypeError);
    expect(summary(thrown)).toEqual({ id: 'network.connection_closed', category: 'network', retryable: true });
    expect(requestsTo('reset-always', 'p-retry')).toHaveLength(3);
  });

  it("aborts the vendor's Retry-After wait with the signal given to p-retry (default timer)", { timeout: 2000 }, async () => {
    const controller = new AbortController();
    const { shouldRetry } = pRetryOptions({ vendor: 'braze', signal: controller.signal });
    const rateLimited = Object.assign(new Error('429'), { response: { status: 429, headers: { 'retry-after': '3600' }, data: {} } });
    const started = Date.now();
    const waiting = shouldRetry({ error: rateLimited, attemptNumber: 1, retriesLeft: 2, retriesConsumed: 0 });
    controller.abort(new Error('shutting down'));
    await expect(waiting).rejects.toThrow('shutting down');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('createAxiosClient (axios + axios-retry)', () => {
  const client = (scenario: string, tag: string, sleep: (ms: number) => Promise<void>, vendorName = 'braze') => createAxiosClient(url(scenario, tag), { vendor: vendorName, maxRetries: 2, sleep });

  it('retryDelay(retryCount, error) gives the Braze Retry-After (1000 ms); the retry gets the 201', async () => {
    const { sleep, waits } = fakeSleep();
    const response = await client('braze-rate-limit', 'axios', sleep).post('/users/track', { attributes: [] });
    expect({ status: response.status, data: response.data }).toEqual({ status: 201, data: { message: 'success' } });
    expect(requestsTo('braze-rate-limit', 'axios')).toHaveLength(2);
    expect(waits).toEqual([1000]);
  });

  it('retryCondition refuses a Braze 401; the AxiosError classifies as braze.invalid_api_key', async () => {
    const { sleep, waits } = fakeSleep();
    const thrown = await rejection(client('braze-auth', 'axios', sleep).post('/users/track', {}));
    expect(summary(thrown)).toEqual(INVALID_API_KEY);
    expect(requestsTo('braze-auth', 'axios')).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries a Spotzee 503 POST only with an Idempotency-Key (read from the axios config headers)', async () => {
    const { sleep } = fakeSleep();
    const thrown = await rejection(client('spotzee-unavailable', 'axios-nokey', sleep, 'spotzee').post('/contacts', {}));
    expect(summary(thrown, 'spotzee')).toEqual(SPOTZEE_503_NO_KEY);
    expect(requestsTo('spotzee-unavailable', 'axios-nokey')).toHaveLength(1);

    const response = await client('spotzee-unavailable', 'axios-key', sleep, 'spotzee').post('/contacts', {}, { headers: { 'Idempotency-Key': 'k-3' } });
    expect(response.status).toBe(201);
    expect(requestsTo('spotzee-unavailable', 'axios-key').map((request) => request.idempotencyKey)).toEqual(['k-3', 'k-3']);
  });

  it("retries nginx's HTML 502 with full-jitter backoff from retryCount 1 ([0, 500) ms)", async () => {
    const { sleep, waits } = fakeSleep();
    expect((await client('nginx-502', 'axios', sleep).get('/')).data).toEqual({ message: 'success' });
    expect(requestsTo('nginx-502', 'axios')).toHaveLength(2);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeLessThan(500);
  });

  it('retries ECONNRESET and gives up after retries + 1 attempts', async () => {
    const { sleep, waits } = fakeSleep();
    expect((await client('reset-once', 'axios', sleep).get('/')).status).toBe(201);
    const thrown = await rejection(client('reset-always', 'axios', sleep).get('/'));
    expect(summary(thrown)).toEqual({ id: 'network.econnreset', category: 'network', retryable: true });
    expect(requestsTo('reset-once', 'axios')).toHaveLength(2);
    expect(requestsTo('reset-always', 'axios')).toHaveLength(3);
    expect(waits).toHaveLength(3);
  });
});

describe('createKyClient (ky 1)', () => {
  const client = (scenario: string, tag: string, sleep: (ms: number) => Promise<void>, vendorName = 'braze') => createKyClient(url(scenario, tag), { vendor: vendorName, maxRetries: 2, sleep });

  it('afterResponse throws the VendorError, ky retries it and beforeRetry waits the Retry-After', async () => {
    const { sleep, waits } = fakeSleep();
    await expect(client('braze-rate-limit', 'ky', sleep).post('users/track', { json: { attributes: [] } }).json()).resolves.toEqual({ message: 'success' });
    expect(requestsTo('braze-rate-limit', 'ky')).toHaveLength(2);
    expect(waits).toEqual([1000]);
  });

  it('rejects with the VendorError (from the body, which ky leaves unread) for a Braze 401, without retrying', async () => {
    const { sleep, waits } = fakeSleep();
    const thrown = await rejection(client('braze-auth', 'ky', sleep).post('users/track', { json: {} }));
    expect(isVendorError(thrown)).toBe(true);
    expect(summary(thrown)).toEqual(INVALID_API_KEY);
    expect(requestsTo('braze-auth', 'ky')).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries a Spotzee 503 POST only with an Idempotency-Key (read from the ky request)', async () => {
    const { sleep } = fakeSleep();
    const thrown = await rejection(client('spotzee-unavailable', 'ky-nokey', sleep, 'spotzee').post('contacts', { json: {} }));
    expect(summary(thrown, 'spotzee')).toEqual(SPOTZEE_503_NO_KEY);
    expect(requestsTo('spotzee-unavailable', 'ky-nokey')).toHaveLength(1);

    const response = await client('spotzee-unavailable', 'ky-key', sleep, 'spotzee').post('contacts', { json: {}, headers: { 'Idempotency-Key': 'k-4' } });
    expect(response.status).toBe(201);
    expect(requestsTo('spotzee-unavailable', 'ky-key').map((request) => request.idempotencyKey)).toEqual(['k-4', 'k-4']);
  });

  it("classifies nginx's page as gateway.html_502 and retries it with backoff", async () => {
    const { sleep, waits } = fakeSleep();
    const seenErrors: unknown[] = [];
    const base = client('nginx-502', 'ky', sleep).extend({ hooks: { beforeRetry: [({ error }) => void seenErrors.push(error)] } });
    await expect(base.get('').json()).resolves.toEqual({ message: 'success' });
    expect(seenErrors.map((error) => summary(error))).toEqual([{ id: 'gateway.html_502', category: 'unavailable', retryable: true }]);
    expect(requestsTo('nginx-502', 'ky')).toHaveLength(2);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeLessThan(500);
  });

  it('retries a destroyed connection (fetch failed) and gives up after limit + 1 attempts', async () => {
    const { sleep, waits } = fakeSleep();
    expect((await client('reset-once', 'ky', sleep).get('')).status).toBe(201);
    const thrown = await rejection(client('reset-always', 'ky', sleep).get(''));
    expect(summary(thrown)).toEqual({ id: 'network.connection_closed', category: 'network', retryable: true });
    expect(requestsTo('reset-once', 'ky')).toHaveLength(2);
    expect(requestsTo('reset-always', 'ky')).toHaveLength(3);
    expect(waits).toHaveLength(3);
  });
});

describe('createGotClient (got 14, retry.calculateDelay)', () => {
  // got's own timer waits what calculateDelay returns; its diagnostics channel reports it.
  const delays: number[] = [];
  const onRetry = (message: unknown) => void delays.push((message as { delay: number }).delay);
  beforeAll(() => subscribe('got:request:retry', onRetry));
  afterAll(() => void unsubscribe('got:request:retry', onRetry));
  beforeEach(() => void delays.splice(0));

  // Retry-After capped at 30 ms and a deterministic 10 ms first backoff keep the real waits short.
  const client = (scenario: string, tag: string, vendorName = 'braze') =>
    createGotClient(url(scenario, tag), { vendor: vendorName, maxRetries: 2, maxRetryAfterMs: 30, backoff: { baseMs: 20, random: () => 0.5 } });

  it('waits the Braze Retry-After (1 s, capped by maxRetryAfterMs to 30 ms), then returns the 201', async () => {
    await expect(client('braze-rate-limit', 'got').post('users/track', { json: { attributes: [] } }).json()).resolves.toEqual({ message: 'success' });
    expect(requestsTo('braze-rate-limit', 'got')).toHaveLength(2);
    expect(delays).toEqual([30]);
  });

  it('still retries `Retry-After: 0`: calculateDelay answers 1 ms, since 0 would cancel the retry', async () => {
    await expect(client('braze-retry-now', 'got').post('users/track', { json: {} }).json()).resolves.toEqual({ message: 'success' });
    expect(requestsTo('braze-retry-now', 'got')).toHaveLength(2);
    expect(delays).toEqual([1]);
  });

  it('returns 0 for a Braze 401: got throws its HTTPError, which classifies as braze.invalid_api_key', async () => {
    const thrown = await rejection(client('braze-auth', 'got').post('users/track', { json: {} }));
    expect(summary(thrown)).toEqual(INVALID_API_KEY);
    expect(requestsTo('braze-auth', 'got')).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('retries a Spotzee 503 POST only with an Idempotency-Key (read from the got options)', async () => {
    const thrown = await rejection(client('spotzee-unavailable', 'got-nokey', 'spotzee').post('contacts', { json: {} }));
    expect(summary(thrown, 'spotzee')).toEqual(SPOTZEE_503_NO_KEY);
    expect(requestsTo('spotzee-unavailable', 'got-nokey')).toHaveLength(1);

    const response = await client('spotzee-unavailable', 'got-key', 'spotzee').post('contacts', { json: {}, headers: { 'idempotency-key': 'k-5' } });
    expect(response.statusCode).toBe(201);
    expect(requestsTo('spotzee-unavailable', 'got-key').map((request) => request.idempotencyKey)).toEqual(['k-5', 'k-5']);
    expect(delays).toEqual([10]);
  });

  it("retries nginx's HTML 502 with backoff from attemptCount 1 (10 ms)", async () => {
    await expect(client('nginx-502', 'got').get('').json()).resolves.toEqual({ message: 'success' });
    expect(requestsTo('nginx-502', 'got')).toHaveLength(2);
    expect(delays).toEqual([10]);
  });

  it('retries ECONNRESET with growing backoff and stops after limit + 1 attempts', async () => {
    const thrown = await rejection(client('reset-always', 'got').get(''));
    expect(summary(thrown)).toEqual({ id: 'network.econnreset', category: 'network', retryable: true });
    expect(requestsTo('reset-always', 'got')).toHaveLength(3);
    expect(delays).toEqual([10, 20]);
  });
});

describe('createGatewayHandler (node:http, RFC 9457)', () => {
  let gateway: { server: Server; base: string };
  beforeAll(async () => {
    gateway = await listen(createGatewayHandler(vendor.base));
  });
  afterAll(async () => {
    await close(gateway.server);
  });

  async function ask(path: string) {
    const response = await fetch(`${gateway.base}${path}`);
    return { status: response.status, type: response.headers.get('content-type'), retryAfter: response.headers.get('retry-after'), body: await response.json() };
  }

  it("answers a vendor 401 with 502 problem+json: the gateway's key is wrong, not its client's", async () => {
    expect(await ask('/braze-auth/gateway/users/track')).toEqual({
      status: 502,
      type: 'application/problem+json',
      retryAfter: null,
      body: {
        type: 'https://vendor-errors.dev/problems/braze.invalid_api_key',
        status: 502,
        title: 'The vendor did not accept the credentials',
        detail: 'Invalid API key: [REDACTED]',
        instance: 'urn:gateway:/braze-auth/gateway/users/track',
        category: 'authentication',
        retryable: false,
        vendor: 'braze',
        code: null,
        vendorStatus: 401,
      },
    });
    expect(requestsTo('braze-auth', 'gateway')).toHaveLength(1);
  });

  it('answers a vendor 429 with 503 and Retry-After: 1', async () => {
    const answer = await ask('/braze-rate-limit/gateway/users/track');
    expect({ status: answer.status, type: answer.type, retryAfter: answer.retryAfter }).toEqual({ status: 503, type: 'application/problem+json', retryAfter: '1' });
    expect(answer.body).toMatchObject({ type: 'https://vendor-errors.dev/problems/braze.rate_limited', status: 503, category: 'rate_limit', retryable: true, vendorStatus: 429, retryAfterMs: 1000 });
  });

  it('answers a destroyed vendor connection with 502 and vendorStatus null', async () => {
    const answer = await ask('/reset-always/gateway');
    expect(answer.status).toBe(502);
    expect(answer.body).toMatchObject({ type: 'https://vendor-errors.dev/problems/network.connection_closed', category: 'network', vendorStatus: null });
  });

  it('passes an accepted response through', async () => {
    expect(await ask('/braze-ok/gateway/users/track')).toEqual({ status: 201, type: 'application/json', retryAfter: null, body: { message: 'success' } });
  });
});

describe('callWithTelemetry (OpenTelemetry attributes, pino)', () => {
  function recordingSpan() {
    const attributes: OtelAttributes = {};
    const statuses: unknown[] = [];
    const span: SpanLike = {
      setAttributes: (values) => Object.assign(attributes, values),
      setStatus: (status) => statuses.push(status),
    };
    return { span, attributes, statuses };
  }

  function recordingLogger() {
    const lines: string[] = [];
    return { lines, logger: createVendorLogger({ write: (line: string) => void lines.push(line) }) };
  }

  it('sets the error attributes and ERROR status, and logs only the safe fields', async () => {
    const { span, attributes, statuses } = recordingSpan();
    const { logger, lines } = recordingLogger();
    await callWithTelemetry(url('braze-auth', 'otel'), '/users/track', span, logger);
    expect(attributes).toEqual({
      'error.type': 'braze.invalid_api_key',
      'http.response.status_code': 401,
      'vendor_errors.outcome': 'error',
      'vendor_errors.vendor': 'braze',
      'vendor_errors.category': 'authentication',
      'vendor_errors.retryable': false,
      'vendor_errors.matched_by': 'message',
      'vendor_errors.request_id': 'req-7f3a',
      'vendor_errors.minor_count': 0,
    });
    expect(statuses).toEqual([{ code: 2, message: 'braze.invalid_api_key' }]);

    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(JSON.parse(line)).toMatchObject({ level: 40, msg: 'vendor call failed' });
    expect(JSON.parse(line).vendorError).toEqual({
      outcome: 'error',
      vendor: 'braze',
      status: 401,
      requestId: 'req-7f3a',
      id: 'braze.invalid_api_key',
      category: 'authentication',
      retryable: false,
      message: 'Invalid API key: [REDACTED]',
      matchedBy: 'message',
    });
    // Neither the API key from the body nor any other header value reaches the log.
    expect(line).not.toContain('Invalid API key: abc');
    expect(line).not.toContain('s3cr3t');
    expect(line).not.toMatch(/set-cookie|content-type|"headers"|"body"/i);
  });

  it('sets no error.type, no status and logs nothing for an accepted call', async () => {
    const { span, attributes, statuses } = recordingSpan();
    const { logger, lines } = recordingLogger();
    await callWithTelemetry(url('braze-ok', 'otel'), '/users/track', span, logger);
    expect(attributes).toEqual({ 'http.response.status_code': 201, 'vendor_errors.outcome': 'success', 'vendor_errors.vendor': 'braze', 'vendor_errors.minor_count': 0 });
    expect(statuses).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('records a network failure with no status code', async () => {
    const { span, attributes } = recordingSpan();
    const { logger, lines } = recordingLogger();
    await callWithTelemetry(url('reset-always', 'otel'), '/', span, logger);
    expect(attributes).toMatchObject({ 'error.type': 'network.connection_closed', 'vendor_errors.category': 'network' });
    expect(attributes).not.toHaveProperty('http.response.status_code');
    expect(JSON.parse(lines[0]!).vendorError).toMatchObject({ id: 'network.connection_closed', status: null });
  });
});
