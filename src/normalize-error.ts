/**
 * `normalizeError(thrown)`: thrown values from HTTP clients, duck-typed so no client is a
 * dependency and nothing relies on `instanceof` across realms (the approach of ky's
 * `is-network-error`: look at `name`, `code` and `message`).
 *
 * - Errors that carry a response (axios `response`, got `response.statusCode`, ky's
 *   `HTTPError.response`, a thrown fetch `Response`) are classified as that response.
 * - Everything else is a transport failure: the error, its `cause` chain and the
 *   `errors` of an `AggregateError` (bounded) are matched against the catalogs' transport
 *   entries by code, then name, then message.
 */
import { match, P } from 'ts-pattern';
import { buildError, invalidInput } from './assemble.js';
import { classifyResponse } from './classifier.js';
import { retryAllowed, vendorName, type Engine, type Settings } from './engine.js';
import type { CompiledCatalog } from './compile-catalog.js';
import { vendorFromUrl } from './detect-vendor.js';
import { readHeaders } from './headers.js';
import { createMatchContext, matchByCode, matchByMessage, matchByName, type Match, type MatchContext } from './match.js';
import { scrubUrlCredentials } from './redact.js';
import { isArray, own, prop } from './safe.js';
import { clip, foldCase } from './text.js';
import type { Classification, RawResponse } from './types.js';

const MAX_NODES = 16;
const MAX_MESSAGE = 2000;
const MAX_DEPTH = 8;

/** One error in a cause chain, reduced to what matching needs. */
interface ErrorNode {
  name: string | undefined;
  code: string | undefined;
  message: string | undefined;
}

/** What a thrown value turned out to be. */
type Thrown =
  | { kind: 'response'; raw: RawResponse; bodyUnread: boolean }
  | { kind: 'error'; nodes: ErrorNode[]; url: string | undefined; request: RawResponse['request'] }
  | { kind: 'opaque'; description: string };

function stringProp(value: unknown, key: string): string | undefined {
  const v = prop(value, key);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function numberProp(value: unknown, key: string): number | undefined {
  const v = prop(value, key);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function isObjectLike(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

function urlOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return stringProp(value, 'href');
}

/** The URL a client error was for: axios `config`, got `options`, ky `request`, or the response. */
function requestUrl(thrown: unknown, response: unknown): string | undefined {
  const config = prop(thrown, 'config');
  const axiosUrl = stringProp(config, 'url');
  const base = stringProp(config, 'baseURL');
  if (axiosUrl !== undefined) return axiosUrl.includes('://') || base === undefined ? axiosUrl : `${base.replace(/\/+$/, '')}/${axiosUrl.replace(/^\/+/, '')}`;
  return (
    urlOf(prop(prop(thrown, 'options'), 'url')) ??
    urlOf(prop(prop(thrown, 'request'), 'url')) ??
    urlOf(prop(response, 'url')) ??
    urlOf(prop(response, 'requestUrl')) ??
    // A thrown fetch Response (`if (!res.ok) throw res`) carries its own url.
    urlOf(prop(thrown, 'url'))
  );
}

/** Method and Idempotency-Key of the failed request; no other request header is read. */
function requestInfo(thrown: unknown): RawResponse['request'] {
  const config = prop(thrown, 'config') ?? prop(thrown, 'options') ?? prop(thrown, 'request');
  const method = stringProp(config, 'method');
  const key = readHeaders(prop(config, 'headers')).get('idempotency-key');
  const request: NonNullable<RawResponse['request']> = {};
  if (method !== undefined) request.method = method;
  if (key !== undefined) request.idempotencyKey = key;
  return request;
}

function responseOf(thrown: unknown): { raw: RawResponse; bodyUnread: boolean } | undefined {
  // A thrown fetch Response, or an error object that is itself response-like.
  const direct = numberProp(thrown, 'status') ?? numberProp(thrown, 'statusCode');
  const response = prop(thrown, 'response');
  const status = numberProp(response, 'status') ?? numberProp(response, 'statusCode');
  if (status === undefined && (direct === undefined || !isObjectLike(prop(thrown, 'headers')))) return undefined;
  const source = status === undefined ? thrown : response;
  // Bodies: axios `data`, got `body`; a fetch Response's body cannot be read synchronously,
  // so ky's HTTPError contributes its `data` when the client parsed one.
  let body = prop(source, 'data');
  let bodyUnread = false;
  if (body === undefined) {
    const candidate = prop(source, 'body');
    // A fetch Response's body is a stream (ky's HTTPError): present, but not readable here.
    if (isObjectLike(candidate) && typeof prop(candidate, 'getReader') === 'function') bodyUnread = true;
    else if (candidate !== null) body = candidate;
  }
  if (body === undefined) body = prop(thrown, 'data');
  if (body !== undefined) bodyUnread = false;
  const raw: RawResponse = { status: status ?? direct ?? null, headers: prop(source, 'headers') as RawResponse['headers'], body };
  const url = requestUrl(thrown, response);
  if (url !== undefined) raw.url = url;
  raw.request = requestInfo(thrown);
  return { raw, bodyUnread };
}

/** Breadth-first walk over `cause` and `errors`, bounded in nodes and depth, cycle-safe. */
function errorNodes(thrown: unknown): ErrorNode[] {
  const nodes: ErrorNode[] = [];
  const seen = new Set<unknown>();
  let level: unknown[] = [thrown];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0 && nodes.length < MAX_NODES; depth++) {
    const next: unknown[] = [];
    for (const value of level) {
      if (nodes.length >= MAX_NODES || seen.has(value)) continue;
      seen.add(value);
      if (typeof value === 'string') {
        nodes.push({ name: undefined, code: undefined, message: value });
        continue;
      }
      if (!isObjectLike(value)) continue;
      const code = prop(value, 'code');
      nodes.push({
        name: stringProp(value, 'name'),
        code: typeof code === 'string' && code !== '' ? code : undefined,
        message: stringProp(value, 'message'),
      });
      const cause = prop(value, 'cause');
      if (cause !== undefined && cause !== null) next.push(cause);
      const errors = prop(value, 'errors');
      if (isArray(errors)) for (let i = 0; i < errors.length && i < 8; i++) next.push(own(errors, String(i)));
    }
    level = next;
  }
  return nodes;
}

function describeThrown(thrown: unknown): Thrown {
  if (typeof thrown === 'string') return { kind: 'error', nodes: [{ name: undefined, code: undefined, message: thrown }], url: undefined, request: {} };
  if (!isObjectLike(thrown)) return { kind: 'opaque', description: `a thrown ${thrown === null ? 'null' : typeof thrown}` };
  const response = responseOf(thrown);
  if (response !== undefined) return { kind: 'response', ...response };
  const nodes = errorNodes(thrown);
  if (nodes.every((node) => node.name === undefined && node.code === undefined && node.message === undefined))
    return { kind: 'opaque', description: 'a thrown object with no name, code or message' };
  return { kind: 'error', nodes, url: requestUrl(thrown, undefined), request: requestInfo(thrown) };
}

/**
 * A thrown error's message as it may appear in a result: credentials in quoted URLs
 * scrubbed first, then clipped (clipping first could cut a credential in half and leave
 * the half that no longer looks like one).
 */
function safeMessage(message: string): string {
  return clip(scrubUrlCredentials(message.length > 65_536 ? message.slice(0, 65_536) : message), MAX_MESSAGE);
}

function transportContext(names: string[], code: string | undefined, message: string | undefined): MatchContext {
  // Matched like response messages: clipped, so a megabyte message costs no more than a page.
  return createMatchContext(null, null, code ?? null, message === undefined ? null : clip(message, MAX_MESSAGE), names);
}

/** Code (any node), then name (any node), then message (any node); vendor entries first. */
function matchTransport(catalogs: readonly CompiledCatalog[], nodes: readonly ErrorNode[]): { match: Match; node: ErrorNode } | undefined {
  const names = nodes.flatMap((node) => (node.name === undefined ? [] : [foldCase(node.name)]));
  for (const catalog of catalogs)
    for (const node of nodes) {
      if (node.code === undefined) continue;
      const found = matchByCode(catalog.transport, transportContext(names, node.code, node.message));
      if (found !== undefined) return { match: found, node };
    }
  for (const catalog of catalogs) {
    const found = matchByName(catalog.transport, transportContext(names, undefined, undefined));
    if (found !== undefined) return { match: found, node: nodes.find((node) => node.name !== undefined && found.entry.names?.has(foldCase(node.name))) ?? nodes[0]! };
  }
  for (const catalog of catalogs)
    for (const node of nodes) {
      if (node.message === undefined) continue;
      const found = matchByMessage(catalog.transport, transportContext(names, undefined, node.message));
      if (found !== undefined) return { match: found, node };
    }
  return undefined;
}

function classifyTransport(engine: Engine, thrown: Extract<Thrown, { kind: 'error' }>, settings: Settings): Classification {
  const requested = vendorName(settings.vendor);
  const vendorId = requested ?? (thrown.url === undefined ? undefined : vendorFromUrl(engine.hosts, thrown.url));
  const catalog = vendorId === undefined ? undefined : engine.vendors.get(vendorId);
  const vendor = catalog?.vendor ?? vendorId ?? null;
  const found = matchTransport(catalog === undefined ? [engine.generic] : [catalog, engine.generic], thrown.nodes);
  const top = thrown.nodes[0]!;
  if (found === undefined) {
    const text = top.message ?? top.name ?? top.code ?? 'unknown error';
    return invalidInput(engine, safeMessage(text), vendor, settings.redactPii);
  }
  const { match: hit, node } = found;
  const message = node.message ?? top.message ?? null;
  const request = thrown.request?.method === undefined ? (settings.request ?? thrown.request) : thrown.request;
  // A request that never reached the vendor cannot repeat a mutation: no key is needed.
  const keyMissing = !hit.entry.requestNotSent && !retryAllowed(catalog, request);
  const error = buildError(
    hit.entry,
    {
      vendor,
      status: null,
      code: node.code ?? null,
      message: message === null ? null : safeMessage(message),
      params: hit.params,
      fields: undefined,
      retryable: hit.entry.retryable && !keyMissing,
      fatal: true,
      retryAfterMs: undefined,
    },
    settings.redactPii,
  );
  return { outcome: 'error', vendor, status: null, error, minor: [] };
}

/** Classifies a thrown value with a compiled engine. */
export function normalizeThrown(engine: Engine, thrown: unknown, settings: Settings): Classification {
  return match(describeThrown(thrown))
    .with({ kind: 'response' }, ({ raw, bodyUnread }) => classifyResponse(engine, raw, settings, bodyUnread))
    .with({ kind: 'error', nodes: P.array() }, (error) => classifyTransport(engine, error, settings))
    .with({ kind: 'opaque' }, ({ description }) => invalidInput(engine, `cannot classify ${description}`, vendorName(settings.vendor) ?? null))
    .exhaustive();
}
