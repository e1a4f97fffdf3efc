/**
 * First stage of the pipeline: turns whatever the caller has as a body (raw text, bytes,
 * or an already-parsed value) into a parsed value plus a coarse kind, without ever
 * throwing and without parsing more than `maxBodyBytes`.
 */
import { firstNonSpace } from './text.js';

/** A parsed body. `json` bodies carry the parsed value; text-like bodies their text. */
export type ParsedBody =
  /**
   * `textLength`: the length of the text this module's `JSON.parse` read the value from
   * (plain data: no getters, no Proxies), or -1 for a value the caller passed.
   */
  | { kind: 'json'; value: unknown; truncated: false; textLength: number }
  | { kind: 'html'; text: string; truncated: boolean }
  | { kind: 'text'; text: string; truncated: boolean }
  | { kind: 'empty'; truncated: boolean }
  /** Too large to parse (`truncated`), or not readable: classified by status and headers only. */
  | { kind: 'unparsed'; truncated: boolean };

/** HTML pages are only scanned this far for their `<title>`, even when truncated. */
export const HTML_SCAN_LIMIT = 64 * 1024;

const EMPTY: ParsedBody = { kind: 'empty', truncated: false };

let decoder: TextDecoder | undefined;

function decodeBytes(bytes: Uint8Array, max: number): { text: string; truncated: boolean } {
  decoder ??= new TextDecoder('utf-8', { fatal: false });
  const truncated = bytes.byteLength > max;
  return { text: decoder.decode(truncated ? bytes.subarray(0, HTML_SCAN_LIMIT) : bytes), truncated };
}

function isBytes(value: object): value is Uint8Array | ArrayBuffer {
  return value instanceof Uint8Array || value instanceof ArrayBuffer;
}

function parseText(text: string, truncated: boolean): ParsedBody {
  const start = firstNonSpace(text);
  if (start === -1) return truncated ? { kind: 'empty', truncated } : EMPTY;
  const first = text.charCodeAt(start);
  if (first === 60 /* < */) return { kind: 'html', text: text.length > HTML_SCAN_LIMIT ? text.slice(0, HTML_SCAN_LIMIT) : text, truncated };
  if (first === 123 /* { */ || first === 91 /* [ */) {
    try {
      // JSON.parse rejects a leading byte order mark or whitespace-only prefix it did not expect.
      return { kind: 'json', value: JSON.parse(start === 0 ? text : text.slice(start)) as unknown, truncated: false, textLength: text.length };
    } catch {
      // Truncated or invalid JSON: still useful as text (status and message may match).
    }
  }
  return { kind: 'text', text, truncated };
}

/**
 * An oversized body is not parsed (a JSON.parse of many megabytes on the failure path
 * would be the outage); only an HTML head is kept, for its `<title>`.
 */
function parseTruncated(head: string): ParsedBody {
  const start = firstNonSpace(head);
  return start !== -1 && head.charCodeAt(start) === 60
    ? { kind: 'html', text: head, truncated: true }
    : { kind: 'unparsed', truncated: true };
}

/**
 * Parses a body. Strings starting with `{` or `[` are parsed as JSON, `<` marks HTML,
 * anything else is text. Non-string values are taken as already-parsed JSON.
 */
export function parseBody(body: unknown, maxBodyBytes: number): ParsedBody {
  // Text and no body are read here; the rest is apart (`parseOther`), which keeps this
  // function small enough for V8 to inline into the classifier.
  if (typeof body === 'string') return body.length > maxBodyBytes ? parseTruncated(body.slice(0, HTML_SCAN_LIMIT)) : parseText(body, false);
  return body === undefined || body === null ? EMPTY : parseOther(body, maxBodyBytes);
}

/** Bytes, parsed values and scalars (see {@link parseBody}). */
function parseOther(body: unknown, maxBodyBytes: number): ParsedBody {
  if (typeof body === 'object' && body !== null) {
    try {
      if (isBytes(body)) {
        const bytes = body instanceof ArrayBuffer ? new Uint8Array(body) : body;
        const { text, truncated } = decodeBytes(bytes, maxBodyBytes);
        return truncated ? parseTruncated(text) : parseText(text, false);
      }
    } catch {
      return EMPTY;
    }
    return { kind: 'json', value: body, truncated: false, textLength: -1 };
  }
  if (typeof body === 'number' || typeof body === 'boolean') return { kind: 'text', text: String(body), truncated: false };
  return EMPTY;
}
