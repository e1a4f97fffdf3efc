/**
 * The retry helpers wired into each real client, the way the README shows them, and the
 * scenarios every client runs against the server of retry-server.ts. The client modules
 * are passed in, so the same drivers run got 14 / ky 1 / p-retry 7 under Node 20 and
 * got 16 / ky 2 / p-retry 9 under Node 22 (retry-clients-node22.ts).
 */
import { axiosRetryOptions, classify, classifyResponse, gotRetryOptions, isVendorError, kyRetryOptions, normalizeError, pRetryOptions, throwIfError } from '../../src/index.js';

/** One request a scenario sends. */
export interface ScenarioRequest {
  url: string;
  vendor: string;
  idempotencyKey?: string;
}

/** What a client ended with: accepted (status), or the error it rejected with. */
export type Ending = { ok: true; status: number } | { ok: false; id: string | undefined; retryable: boolean | undefined; vendorError: boolean };

/** Sends one POST with the client under test, its retry helper configured for `vendor`. */
export type Driver = (request: ScenarioRequest) => Promise<Ending>;

/** Backoff of the drivers: small, so a test that retries a 503 without a hint stays fast. */
const BACKOFF = { maxRetries: 2, baseMs: 20 } as const;

/** The scenarios and paths each client runs: `/<scenario>/<client>`. */
export const SCENARIOS = [
  { scenario: 'rate-limit', vendor: 'braze' },
  { scenario: 'unavailable', vendor: 'braze' },
  { scenario: 'bad-request', vendor: 'braze' },
  { scenario: 'spotzee-unavailable', vendor: 'spotzee', tag: 'nokey' },
  { scenario: 'spotzee-unavailable', vendor: 'spotzee', tag: 'key', idempotencyKey: 'k-1' },
] as const;

/** The path a scenario uses for a client. */
export function scenarioPath(scenario: (typeof SCENARIOS)[number], client: string): string {
  return `/${scenario.scenario}/${client}${'tag' in scenario ? `-${scenario.tag}` : ''}`;
}

function ending(thrown: unknown, vendor: string): Ending {
  const result = isVendorError(thrown) ? thrown.classification : normalizeError(thrown, { vendor });
  return { ok: false, id: result.error?.id, retryable: result.error?.retryable, vendorError: isVendorError(thrown) };
}

function headersOf(request: ScenarioRequest): Record<string, string> {
  return request.idempotencyKey === undefined ? {} : { 'idempotency-key': request.idempotencyKey };
}

/**
 * Classifies one response of each vendor, so the one-time work of a process's first
 * classification (building the catalog indexes) is not counted in a measured wait.
 */
export function warmUp(): void {
  const response = { status: 429, headers: { 'retry-after': '1' }, data: { message: 'Rate limit exceeded' } };
  for (const vendor of new Set(SCENARIOS.map((scenario) => scenario.vendor))) {
    classify({ vendor, status: 429, headers: { 'retry-after': '1' }, body: '{}' });
    normalizeError(Object.assign(new Error('Request failed with status code 429'), { response }), { vendor });
  }
}

/** Runs every scenario with `driver` at once; resolves to each path's ending. */
export async function runScenarios(base: string, client: string, driver: Driver): Promise<Record<string, Ending>> {
  // One failing request first, so the client's own first-run costs are not in a measured wait.
  await driver({ url: `${base}/bad-request/${client}-warm-up`, vendor: 'braze' });
  const endings = await Promise.all(
    SCENARIOS.map(async (scenario) => {
      const path = scenarioPath(scenario, client);
      const request: ScenarioRequest = { url: `${base}${path}`, vendor: scenario.vendor, ...('idempotencyKey' in scenario ? { idempotencyKey: scenario.idempotencyKey } : {}) };
      return [path, await driver(request)] as const;
    }),
  );
  return Object.fromEntries(endings);
}

// The client modules' call signatures, as far as the drivers use them (got 14/16, ky 1/2, p-retry 7/9 all fit).
type AxiosLike = { create(config: { timeout?: number }): { post(url: string, data: unknown, config: { headers: Record<string, string> }): Promise<{ status: number }> } };
type AxiosRetryLike = (client: never, options: ReturnType<typeof axiosRetryOptions>) => unknown;
type GotLike = { extend(options: { retry: ReturnType<typeof gotRetryOptions>; timeout?: { request: number } }): (url: string, options: { method: 'POST'; json: unknown; headers: Record<string, string> }) => Promise<{ statusCode: number }> };
type KyLike = { create(options: ReturnType<typeof kyRetryOptions>): { post(url: string, options: { json: unknown; headers: Record<string, string> }): Promise<{ status: number }> } };
type PRetryLike = <T>(input: () => Promise<T>, options: ReturnType<typeof pRetryOptions>) => Promise<T>;

/** axios + axios-retry, with an axios `timeout` when given. */
export function axiosDriver(axios: AxiosLike, axiosRetry: AxiosRetryLike, timeout?: number): Driver {
  return async (request) => {
    const client = axios.create(timeout === undefined ? {} : { timeout });
    axiosRetry(client as never, axiosRetryOptions({ vendor: request.vendor, ...BACKOFF }));
    try {
      return { ok: true, status: (await client.post(request.url, {}, { headers: headersOf(request) })).status };
    } catch (error) {
      return ending(error, request.vendor);
    }
  };
}

/** got with `retry: gotRetryOptions(...)`, and a per-request `timeout` when given. */
export function gotDriver(got: GotLike, timeout?: number): Driver {
  return async (request) => {
    const retry = gotRetryOptions({ vendor: request.vendor, ...BACKOFF });
    const client = got.extend(timeout === undefined ? { retry } : { retry, timeout: { request: timeout } });
    try {
      return { ok: true, status: (await client(request.url, { method: 'POST', json: {}, headers: headersOf(request) })).statusCode };
    } catch (error) {
      return ending(error, request.vendor);
    }
  };
}

/** ky with `...kyRetryOptions(...)`. */
export function kyDriver(ky: KyLike): Driver {
  return async (request) => {
    const client = ky.create({ ...kyRetryOptions({ vendor: request.vendor, ...BACKOFF }) });
    try {
      return { ok: true, status: (await client.post(request.url, { json: {}, headers: headersOf(request) })).status };
    } catch (error) {
      return ending(error, request.vendor);
    }
  };
}

/** fetch inside p-retry with `pRetryOptions(...)`. */
export function pRetryDriver(pRetry: PRetryLike): Driver {
  return async (request) => {
    const key = request.idempotencyKey;
    try {
      const status = await pRetry(async () => {
        const response = await fetch(request.url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', ...headersOf(request) } });
        throwIfError(await classifyResponse(response, { vendor: request.vendor, request: { method: 'POST', ...(key === undefined ? {} : { idempotencyKey: key }) } }), response);
        await response.body?.cancel();
        return response.status;
      }, pRetryOptions({ vendor: request.vendor, ...BACKOFF }));
      return { ok: true, status };
    } catch (error) {
      return ending(error, request.vendor);
    }
  };
}
