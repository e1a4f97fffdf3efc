/**
 * `normalizeError(thrown)`: thrown values from HTTP clients, duck-typed so no client is a
 * dependency and nothing relies on `instanceof` across realms (the approach of ky's
 * `is-network-error`: look at `name`, `code` and `message`). Where each client keeps its
 * response, request and causes is data: the generic catalog's `thrown` forms.
 *
 * - Errors that carry a response (a form's status is a number) are classified as that
 *   response.
 * - Everything else is a transport failure: the error and the errors behind it (the
 *   forms' `causes`, breadth first, bounded) are matched against the catalogs' transport
 *   entries by code, then name, then message.
 */
import { match, P } from 'ts-pattern';
import { buildError, invalidInput } from './assemble.js';
import { classifyResponse } from './classifier.js';
import type { CompiledReader, CompiledThrown } from './compile-shapes.js';
import { retryAllowed, vendorName, type Engine, type Settings } from './engine.js';
import type { CompiledCatalog } from './compile-catalog.js';
import { vendorFromUrl } from './detect-vendor.js';
import { conditionsHold, readValue } from './extract.js';
import { readHeaders } from './headers.js';
import { EVERY, readPath } from './json-path.js';
import { createMatchContext, matchByCode, matchByMessage, matchByName, type Match, type MatchContext } from './match.js';
import { scrubUrlCredentials } from './redact.js';
import { classMember, isArray } from './safe.js';
import { clip, foldCase } from './text.js';
import type { Classification, RawResponse } from './types.js';

const MAX_NODES = 16;
const MAX_MESSAGE = 2000;
const MAX_DEPTH = 8;
/** How many members of a list of causes (an AggregateError's `errors`) are followed. */
const MAX_LISTED_CAUSES = 8;

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

function isObjectLike(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/** What one reader finds in a thrown value (class members included, see {@link classMember}). */
function thrownValue(thrown: unknown, reader: CompiledReader): unknown {
  return readValue(thrown, reader, classMember);
}

/** The first value the readers find that `accept` takes. */
function firstOf<T>(thrown: unknown, readers: readonly CompiledReader[], accept: (value: unknown) => value is T): T | undefined {
  for (const reader of readers) {
    const value = thrownValue(thrown, reader);
    if (accept(value)) return value;
  }
  return undefined;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isStatusNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * A fetch `Response` body is a stream (ky's HTTPError): present, but not readable
 * synchronously, so the response is classified without it.
 */
function isStream(value: unknown): boolean {
  return isObjectLike(value) && typeof classMember(value, 'getReader') === 'function';
}

/** Method and Idempotency-Key of the failed request; no other request header is read. */
function requestInfo(thrown: unknown, forms: CompiledThrown): RawResponse['request'] {
  const request: NonNullable<RawResponse['request']> = {};
  const method = firstOf(thrown, forms.method, isText);
  if (method !== undefined) request.method = method;
  const headers = firstOf(thrown, forms.requestHeaders, isObjectLike);
  const key = headers === undefined ? undefined : readHeaders(headers).get('idempotency-key');
  if (key !== undefined) request.idempotencyKey = key;
  return request;
}

function responseOf(thrown: object, forms: CompiledThrown): { raw: RawResponse; bodyUnread: boolean } | undefined {
  for (const form of forms.responses) {
    if (!conditionsHold(thrown, form.when, classMember)) continue;
    const status = firstOf(thrown, form.status, isStatusNumber);
    if (status === undefined) continue;
    let body: unknown;
    let bodyUnread = false;
    for (const reader of form.body) {
      const value = thrownValue(thrown, reader);
      if (value === undefined || value === null) continue;
      if (isStream(value)) {
        bodyUnread = true;
        continue;
      }
      body = value;
      bodyUnread = false;
      break;
    }
    const raw: RawResponse = { status, headers: firstOf(thrown, form.headers, isObjectLike) as RawResponse['headers'], body };
    const url = firstOf(thrown, forms.url, isText);
    if (url !== undefined) raw.url = url;
    raw.request = requestInfo(thrown, forms);
    return { raw, bodyUnread };
  }
  return undefined;
}

/** The errors directly behind `value`: each cause reader's value, or a list's first members. */
function causesOf(value: unknown, forms: CompiledThrown): unknown[] {
  const out: unknown[] = [];
  for (const reader of forms.causes) {
    const { segments } = reader.path;
    if (segments[segments.length - 1] === EVERY) {
      const list = readPath(value, { text: reader.path.text, segments: segments.slice(0, -1) }, classMember);
      if (isArray(list)) for (let i = 0; i < MAX_LISTED_CAUSES; i++) {
        const member = classMember(list, String(i));
        if (member !== undefined) out.push(member);
      }
      continue;
    }
    const cause = thrownValue(value, reader);
    if (cause !== undefined && cause !== null) out.push(cause);
  }
  return out;
}

/** Breadth-first walk over the causes, bounded in nodes and depth, cycle-safe. */
function errorNodes(thrown: unknown, forms: CompiledThrown): ErrorNode[] {
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
      nodes.push({ name: firstOf(value, forms.name, isText), code: firstOf(value, forms.code, isText), message: firstOf(value, forms.message, isText) });
      next.push(...causesOf(value, forms));
    }
    level = next;
  }
  return nodes;
}

function describeThrown(thrown: unknown, forms: CompiledThrown): Thrown {
  if (typeof thrown === 'string') return { kind: 'error', nodes: [{ name: undefined, code: undefined, message: thrown }], url: undefined, request: {} };
  if (!isObjectLike(thrown)) return { kind: 'opaque', description: `a thrown ${thrown === null ? 'null' : typeof thrown}` };
  const response = responseOf(thrown, forms);
  if (response !== undefined) return { kind: 'response', ...response };
  const nodes = errorNodes(thrown, forms);
  if (nodes.every((node) => node.name === undefined && node.code === undefined && node.message === undefined))
    return { kind: 'opaque', description: 'a thrown object with no name, code or message' };
  return { kind: 'error', nodes, url: firstOf(thrown, forms.url, isText), request: requestInfo(thrown, forms) };
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
  return match(describeThrown(thrown, engine.thrown))
    .with({ kind: 'response' }, ({ raw, bodyUnread }) => classifyResponse(engine, raw, settings, bodyUnread))
    .with({ kind: 'error', nodes: P.array() }, (error) => classifyTransport(engine, error, settings))
    .with({ kind: 'opaque' }, ({ description }) => invalidInput(engine, `cannot classify ${description}`, vendorName(settings.vendor) ?? null))
    .exhaustive();
}
