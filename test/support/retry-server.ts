/**
 * A loopback server that answers like the vendors do, for driving real HTTP clients with
 * the retry helpers. Each request path is `/<scenario>/<client>`; the server records when
 * every request arrived and when every answer was sent (monotonic clock), so a test can
 * measure the wait a client took between two attempts from the server's side.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. */
export interface SeenRequest {
  method: string;
  idempotencyKey: string | undefined;
  /** `performance.now()` when the request arrived. */
  arrivedAt: number;
  /** `performance.now()` when the answer was fully written. */
  answeredAt: number | undefined;
}

/** The scenarios: `attempt` counts from 1 per path. */
const SCENARIOS: Record<string, (attempt: number, req: IncomingMessage) => { status: number; body: unknown; headers?: Record<string, string> }> = {
  // Braze throttles with Retry-After in seconds (RFC 9110 §10.2.3), then accepts.
  'rate-limit': (attempt) => (attempt === 1 ? { status: 429, body: { message: 'Rate limit exceeded' }, headers: { 'retry-after': '1' } } : { status: 201, body: { message: 'success' } }),
  // Braze 503 without a hint, then accepts.
  unavailable: (attempt) => (attempt === 1 ? { status: 503, body: {} } : { status: 201, body: { message: 'success' } }),
  // A Braze 4xx: never retried.
  'bad-request': () => ({ status: 400, body: { message: 'Invalid Campaign ID' } }),
  // Spotzee: a 503 once, then the contact is created.
  'spotzee-unavailable': (attempt) => (attempt === 1 ? { status: 503, body: { error: { message: 'Temporary capacity issue, retry with backoff' } } } : { status: 201, body: { id: 'contact-1' } }),
};

/** No client may send more than this to one path; more answers 418 and fails the test. */
const MAX_REQUESTS_PER_PATH = 4;

/** The running server: its base URL, what it saw per path, and how to stop it. */
export interface RetryServer {
  base: string;
  requests(path: string): SeenRequest[];
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 and a free port. */
export async function startRetryServer(): Promise<RetryServer> {
  const seen = new Map<string, SeenRequest[]>();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const arrivedAt = performance.now();
    const path = req.url ?? '/';
    const requests = seen.get(path) ?? [];
    seen.set(path, requests);
    const header = req.headers['idempotency-key'];
    const record: SeenRequest = { method: req.method ?? '', idempotencyKey: typeof header === 'string' ? header : undefined, arrivedAt, answeredAt: undefined };
    requests.push(record);
    req.resume();
    req.on('end', () => {
      const scenario = SCENARIOS[path.split('/')[1] ?? ''];
      const answer = scenario === undefined || requests.length > MAX_REQUESTS_PER_PATH ? { status: 418, body: { message: `unexpected request ${requests.length} to ${path}` } } : scenario(requests.length, req);
      res.on('finish', () => (record.answeredAt = performance.now()));
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: (path) => seen.get(path) ?? [],
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
