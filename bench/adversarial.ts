/**
 * Target 6: bodies of about 1 MB built against the catalog's templates and the pipeline's
 * scanners, for every vendor and the generic shapes. Each must classify in under 5 ms
 * (linear time). Bodies stay just under the default `maxBodyBytes` (1,048,576) so they are
 * fully parsed; one case goes over it, to time the truncated path too.
 */
import type { BenchInput } from './corpus.js';

/** Target body length: 1 MB, under the 1 MiB parse limit. */
export const BODY_CHARS = 1_040_000;

/**
 * `text`: one long string aimed at the templates and text scanners (the issue's target).
 * `structure`: deep nesting, many keys or items, where JSON.parse alone may exceed the budget.
 */
export type AdversarialKind = 'text' | 'structure';

/** One adversarial response. */
export interface AdversarialCase {
  name: string;
  kind: AdversarialKind;
  /** What it attacks. */
  attack: string;
  input: BenchInput;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** `unit` repeated so that `prefix + units + suffix` is about `total` characters. */
function fill(prefix: string, unit: string, suffix: string, total = BODY_CHARS): string {
  const room = Math.max(0, total - prefix.length - suffix.length);
  return prefix + unit.repeat(Math.floor(room / unit.length)) + suffix;
}

/** A JSON body whose string member `message` is filled to ~1 MB (`wrap` places it). */
function jsonWithText(wrap: (text: string) => unknown, prefix: string, unit: string, suffix: string): string {
  // JSON escaping can lengthen the text; size the text by its escaped length.
  const escapedUnit = JSON.stringify(unit).length - 2;
  const skeleton = JSON.stringify(wrap(prefix + suffix)).length;
  const units = Math.floor((BODY_CHARS - skeleton) / escapedUnit);
  return JSON.stringify(wrap(prefix + unit.repeat(Math.max(0, units)) + suffix));
}

/**
 * The largest `build(count)` that stays within `BODY_CHARS` (estimated, then corrected
 * once: item sizes grow with their index).
 */
function fitCount(build: (count: number) => string, itemChars: number): string {
  let count = Math.floor(BODY_CHARS / itemChars);
  let body = build(count);
  for (let tries = 0; body.length > BODY_CHARS && tries < 8; tries++) {
    count = Math.floor((count * BODY_CHARS) / body.length) - 16;
    body = build(count);
  }
  return body;
}

function items(count: number, make: (i: number) => unknown): unknown[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

/** Fits an array-valued body to ~1 MB by choosing the item count. */
function jsonWithItems(wrap: (list: unknown[]) => unknown, make: (i: number) => unknown): string {
  return fitCount((count) => JSON.stringify(wrap(items(count, make))), JSON.stringify(make(1)).length + 1);
}

/** Every adversarial case. */
export function adversarialCases(): AdversarialCase[] {
  const cases: AdversarialCase[] = [];
  const add = (name: string, attack: string, input: BenchInput, kind: AdversarialKind = 'text') => cases.push({ name, kind, attack, input });

  // Braze: exact texts, templates with a text hole, item templates, errorsIn2xx.
  add('braze: repeated template prefix', '"Invalid API key: {key}" text hole over 1 MB of its own prefix', {
    vendor: 'braze',
    status: 401,
    headers: JSON_HEADERS,
    body: jsonWithText((message) => ({ message }), '', 'Invalid API key: ', ''),
  });
  add('braze: near-miss App Group prefix', 'repeated "Invalid or missing App Group API Identifier" without the colon', {
    vendor: 'braze',
    status: 401,
    headers: JSON_HEADERS,
    body: jsonWithText((message) => ({ message }), '', 'Invalid or missing App Group API Identifier ', ''),
  });
  add('braze: nested quotes in items', "item template \"The property '{pointer}' did not contain…\" against 1 MB of quotes", {
    vendor: 'braze',
    status: 201,
    headers: JSON_HEADERS,
    body: jsonWithText((type) => ({ message: 'success', errors: [{ type }] }), "The property '", `'"'\\"`, "' did not contain a required property"),
  });
  add('braze: 21k near-miss items', "success with tens of thousands of \"'x' is not vali\" items", {
    vendor: 'braze',
    status: 201,
    headers: JSON_HEADERS,
    body: jsonWithItems((errors) => ({ message: 'success', errors }), (i) => ({ type: `'field${i}' is not vali`, index: i })),
  }, 'structure');
  add('braze: 2xx near-miss success', '"successsss…" in a 2xx body (errorsIn2xx path)', {
    vendor: 'braze',
    status: 201,
    headers: JSON_HEADERS,
    body: jsonWithText((message) => ({ message }), 'succes', 's', ''),
  });

  // Transformify: int holes with long digit runs, word holes, repeated first words.
  add('transformify: 1 MB digit run', '"Maximum {max:int} recipients…" with a 1 MB number and a near-miss tail', {
    vendor: 'transformify',
    status: 400,
    headers: JSON_HEADERS,
    body: jsonWithText((message) => ({ error: 'Bad Request', message }), 'Maximum ', '9', ' recipients allowed per reques'),
  });
  add('transformify: four int holes', 'pending-capacity template with digit runs and repeated literal fragments', {
    vendor: 'transformify',
    status: 429,
    headers: JSON_HEADERS,
    body: jsonWithText(
      (message) => ({ error: 'Too Many Requests', message }),
      'Too many pending messages. You have 1',
      '1 pending messages and requested 2',
      ' more. Maximum allowed: 3. Available capacity:',
    ),
  });
  add('transformify: repeated first word', '"Campaign Campaign …" against the Campaign templates', {
    vendor: 'transformify',
    status: 400,
    headers: JSON_HEADERS,
    body: jsonWithText((message) => ({ error: 'Bad Request', message }), '', 'Campaign ', 'status is'),
  });
  add('transformify: hole-led word template', '"x URL is not accessible" repeated (word hole then literal)', {
    vendor: 'transformify',
    status: 400,
    headers: JSON_HEADERS,
    body: jsonWithText((message) => ({ error: 'Bad Request', message }), '', 'Image URL is not ', 'accessible!'),
  });
  add('transformify: over the parse limit', 'body of 1.1 MB: classified without parsing', {
    vendor: 'transformify',
    status: 400,
    headers: JSON_HEADERS,
    body: fill('{"error":"Bad Request","message":"Maximum ', '9', ' recipients allowed per request"}', 1_100_000),
  });

  // Spotzee: problem+json type URIs, field lists, codes.
  add('spotzee: problem type of slashes', 'problem `type` ending in 1 MB of "/" then a letter (code from the last path segment)', {
    vendor: 'spotzee',
    status: 400,
    headers: { 'content-type': 'application/problem+json' },
    body: jsonWithText((type) => ({ type, title: 'Bad Request', status: 400 }), 'https://docs.spotzee.com/errors/', '/', 'x'),
  });
  add('spotzee: problem type of # and /', 'problem `type` of alternating "#/" with no final segment', {
    vendor: 'spotzee',
    status: 400,
    headers: { 'content-type': 'application/problem+json' },
    body: jsonWithText((type) => ({ type, title: 'Bad Request', status: 400 }), 'https://docs.spotzee.com/errors', '#/', ''),
  });
  add('spotzee: 24k field details', 'validation_failed with tens of thousands of field errors', {
    vendor: 'spotzee',
    status: 400,
    headers: JSON_HEADERS,
    body: jsonWithItems((details) => ({ error: { code: 'validation_failed', message: 'Invalid', details } }), (i) => ({ field: `f${i}`, message: 'must be set' })),
  }, 'structure');
  add('spotzee: 1 MB code', 'a code of 1 MB of repeated "rate_limited"', {
    vendor: 'spotzee',
    status: 429,
    headers: JSON_HEADERS,
    body: jsonWithText((code) => ({ error: { code, message: 'Too many requests' } }), '', 'rate_limited', ''),
  });

  // Sinch: XMS text and Google details.
  add("sinch: quotes in text", "XMS `text` of 1 MB of nested quotes", {
    vendor: 'sinch',
    status: 400,
    headers: JSON_HEADERS,
    body: jsonWithText((text) => ({ code: 'syntax_invalid_parameter_format', text }), "Parameter '", `'"\\'`, ''),
  });
  add('sinch: Google details', 'AIP-193 error with tens of thousands of details', {
    vendor: 'sinch',
    status: 400,
    headers: JSON_HEADERS,
    body: jsonWithItems(
      (details) => ({ error: { code: 400, status: 'INVALID_ARGUMENT', message: 'Invalid argument', details } }),
      (i) => ({ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: `R${i}` }),
    ),
  }, 'structure');
  add('sinch: whitespace message', 'Google message of 1 MB of mixed whitespace', {
    vendor: 'sinch',
    status: 503,
    headers: JSON_HEADERS,
    body: jsonWithText((message) => ({ error: { code: 503, status: 'UNAVAILABLE_', message } }), 'Service', ' \t\n\u00a0', 'down'),
  });

  // Generic shapes: HTML, text, deep JSON, case folding.
  add('html: unclosed title', '1 MB page with "<title>" and no closing tag, Cloudflare-like text', {
    vendor: 'braze',
    status: 502,
    headers: { 'content-type': 'text/html' },
    body: fill('<html><head><title>', 'example.com | 502: Bad gateway ', ''),
  });
  add('html: repeated "<title"', '"<title" repeated with no ">"', {
    status: 503,
    headers: { 'content-type': 'text/html' },
    body: fill('<html>', '<title', ''),
  });
  add('html: repeated "<h1 "', '"<h1 " attributes that never close', {
    status: 503,
    headers: { 'content-type': 'text/html' },
    body: fill('<html><body>', '<h1 a="', ''),
  });
  add('text: gateway prefix, no newline', 'envoy text repeated without a newline', {
    vendor: 'sinch',
    status: 503,
    headers: { 'content-type': 'text/plain' },
    body: fill('', 'upstream connect error or disconnect/reset before headers. ', ''),
  });
  add('text: leading whitespace', '1 MB of whitespace before one word', {
    status: 502,
    headers: { 'content-type': 'text/plain' },
    body: fill('', ' \t\r\n', 'x'),
  });
  add('json: nested arrays', `[[[…]]] nested ${Math.floor(BODY_CHARS / 2).toLocaleString('en-US')} deep`, {
    status: 400,
    headers: JSON_HEADERS,
    body: '['.repeat(BODY_CHARS / 2) + ']'.repeat(BODY_CHARS / 2),
  }, 'structure');
  add('json: nested error objects', '{"error":{"error":…}} nested ~100k deep', {
    vendor: 'spotzee',
    status: 400,
    headers: JSON_HEADERS,
    body: `${'{"error":'.repeat(Math.floor(BODY_CHARS / 10))}"x"${'}'.repeat(Math.floor(BODY_CHARS / 10))}`,
  }, 'structure');
  add('json: nested errors lists', '{"errors":[{"errors":[…]}]} nested deep (field extraction)', {
    vendor: 'spotzee',
    status: 422,
    headers: JSON_HEADERS,
    body: `${'{"errors":['.repeat(Math.floor(BODY_CHARS / 13))}1${']}'.repeat(Math.floor(BODY_CHARS / 13))}`,
  }, 'structure');
  add('json: case-folding expanders', 'message of "İ" (lower-cases to two code units) before a template', {
    vendor: 'transformify',
    status: 400,
    headers: JSON_HEADERS,
    body: jsonWithText((message) => ({ error: 'Bad Request', message }), 'Maximum ', '\u0130', ' recipients allowed per request'),
  });
  add('json: 50k keys', 'an object with tens of thousands of keys, incl. __proto__ and constructor', {
    status: 400,
    headers: JSON_HEADERS,
    body: fitCount((count) => `{"__proto__":{"message":"x"},"constructor":"y",${items(count, (i) => `"k${i}":"v"`).join(',')},"message":"Campaign not found"}`, 12),
  }, 'structure');
  return cases;
}
