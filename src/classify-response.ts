/**
 * `classifyResponse(response)`: classifies a fetch `Response` (Node 20's undici, browsers,
 * Deno, Bun, or anything with the same shape) without taking its body away from the
 * caller: the body is read from `response.clone()`, and never more of it than
 * `maxBodyBytes` (+1 byte, to know it was larger).
 */
import { classify } from './create-classifier.js';
import type { ErrorId } from './generated/ids.js';
import type { Classification, ClassifyOptions, RawResponse } from './types.js';
import { isRecord, shallowCopy } from './safe.js';

/** Bodies are read up to this many bytes unless `maxBodyBytes` says otherwise (1 MiB, as `classify`). */
const DEFAULT_MAX_BODY_BYTES = 1_048_576;

/**
 * Anything that classifies raw responses: a `createClassifier(...)` instance, or a
 * per-vendor entry such as `import * as braze from 'vendor-errors/braze'`.
 */
export interface ResponseClassifier<Id extends string = ErrorId> {
  /** Classifies one raw response. */
  classify(input: RawResponse, options?: ClassifyOptions): Classification<Id>;
}

/** Options of {@link classifyResponse}: those of `classify`, plus the request and a classifier. */
export interface ClassifyResponseOptions<Id extends string = ErrorId> extends ClassifyOptions {
  /**
   * The request that got this response, for request-aware retry advice (Spotzee: a POST
   * is only retryable with an Idempotency-Key). A `Response` does not say which method made it.
   */
  request?: { method?: string; idempotencyKey?: string };
  /** Classifier to use instead of the default one (all shipped catalogs). */
  classifier?: ResponseClassifier<Id>;
  /**
   * Read at most this many bytes of the body; a larger body is classified from its
   * status and headers only and the result says `truncated: true`. Default 1,048,576.
   */
  maxBodyBytes?: number;
}

function bodyCap(value: number | undefined): number {
  return typeof value === 'number' && value >= 0 ? value : DEFAULT_MAX_BODY_BYTES;
}

/** Joins chunks into one buffer of at most `limit` bytes. */
function concat(chunks: readonly Uint8Array[], limit: number): Uint8Array {
  if (chunks.length === 1) {
    const only = chunks[0]!;
    return only.byteLength > limit ? only.subarray(0, limit) : only;
  }
  const out = new Uint8Array(Math.min(limit, chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)));
  let offset = 0;
  for (const chunk of chunks) {
    if (offset >= out.byteLength) break;
    const part = chunk.byteLength > out.byteLength - offset ? chunk.subarray(0, out.byteLength - offset) : chunk;
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/**
 * Reads a stream until it ends or has given more than `max` bytes. Returns at most
 * `max + 1` bytes: one past the cap is how `classify` learns the body was larger (its
 * `maxBodyBytes` rule marks the result `truncated` and skips parsing).
 */
async function readCapped(stream: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size <= max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    if (size > max) {
      // Not awaited: cancelling one branch of a tee settles only once the other branch
      // (the caller's body) is cancelled or read too. The caller's branch keeps its data.
      reader.cancel().catch(() => undefined);
    } else {
      reader.releaseLock();
    }
  }
  return concat(chunks, max + 1);
}

/**
 * The body of a clone, or undefined when the body cannot be read without taking it from
 * the caller (already used or locked by a reader) or reading it fails.
 */
async function readBody(response: Response, max: number): Promise<Uint8Array | undefined> {
  if (response.body === null) return undefined;
  if (response.bodyUsed || response.body.locked) return undefined;
  try {
    const copy = response.clone();
    return copy.body === null ? undefined : await readCapped(copy.body, max);
  } catch {
    // A body that errors half-way (connection reset, abort) says nothing reliable:
    // status and headers still classify the response.
    return undefined;
  }
}

/**
 * Classifies a fetch `Response` without consuming the caller's body: the body is read
 * from `response.clone()`, so the caller can still call `response.json()` afterwards. When
 * the body was already used or is locked, the response is classified from its status and
 * headers alone. Bodies over `maxBodyBytes` are not read further than the cap. Never
 * rejects.
 *
 * If you do not read the body yourself, cancel it (`response.body?.cancel()`), as with
 * any fetch response, so the connection is released.
 *
 * @example
 * const response = await fetch('https://rest.iad-01.braze.com/messages/send', init);
 * const result = await classifyResponse(response, { request: { method: 'POST' } });
 * if (result.outcome === 'error') console.log(result.error.id, result.error.retryable);
 * else await response.json(); // still readable
 */
export async function classifyResponse<Id extends string = ErrorId>(
  response: Response,
  options: ClassifyResponseOptions<Id> = {},
): Promise<Classification<Id>> {
  // Options are read like input (once, own members, guarded): `null` or a Proxy that
  // throws must not turn "never rejects" into a rejection.
  const { classifier, request, maxBodyBytes, ...classifyOptions } = (isRecord(options) ? shallowCopy(options) : {}) as ClassifyResponseOptions<Id>;
  const max = bodyCap(maxBodyBytes);
  let body: Uint8Array | undefined;
  let status: number | null = null;
  let headers: RawResponse['headers'];
  let url = '';
  try {
    status = response.status;
    headers = response.headers;
    url = response.url;
    body = await readBody(response, max);
  } catch {
    // A hostile or broken Response-like object: classify what was read.
  }
  const raw: RawResponse = { status, headers, body };
  // Constructed responses have url ''; only a real URL helps detect the vendor.
  if (typeof url === 'string' && url !== '') raw.url = url;
  if (request !== undefined) raw.request = request;
  // The same cap is passed on, so a body read up to `max + 1` bytes is marked truncated.
  const settings: ClassifyOptions = { ...classifyOptions, maxBodyBytes: max };
  if (classifier !== undefined)
    try {
      return classifier.classify(raw, settings);
    } catch {
      // Not a classifier after all (a custom object whose classify throws): use the default one.
    }
  return classify(raw, settings) as Classification<Id>;
}
