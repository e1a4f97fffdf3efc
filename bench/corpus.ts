/**
 * The deterministic mixed corpus every benchmark target runs on: realistic responses of
 * the four vendors in every shape they use (Braze, Transformify, Spotzee incl. problem+json,
 * Sinch incl. the Google AIP-193 shape), gateway HTML pages, empty bodies, plain text,
 * template messages with params, and successes. Bodies are raw strings, as a gateway
 * receives them. Only responses: no thrown errors.
 *
 * The texts follow the vendors' documented errors (catalog/*.json sources); ids, numbers
 * and phone numbers vary so no two lines are the same.
 */
import { createRandom, type Random } from './random.js';

/** One response as the benchmark feeds it to `classify` (and writes it to NDJSON). */
export interface BenchInput {
  vendor?: string;
  url?: string;
  status: number | null;
  headers: Record<string, string>;
  body: string;
  request?: { method: string; idempotencyKey?: string };
}

/** A corpus line and the family it was drawn from (for the mix report). */
export interface CorpusRecord {
  family: string;
  input: BenchInput;
}

/** Bumped whenever the generator changes, so cached NDJSON files are rebuilt. */
export const CORPUS_VERSION = 1;

/** Default seed of every corpus. */
export const CORPUS_SEED = 0x5eed_2025;

const JSON_TYPE = 'application/json';

type Family = (random: Random) => Omit<BenchInput, 'vendor' | 'url'> & { vendorName: string; host: string; path: string };

function requestId(random: Random): string {
  return random.uuid();
}

function jsonHeaders(random: Random, extra: Record<string, string> = {}, type = JSON_TYPE): Record<string, string> {
  const headers: Record<string, string> = random.chance(0.3) ? { 'Content-Type': type } : { 'content-type': type };
  if (random.chance(0.6)) headers['x-request-id'] = requestId(random);
  if (random.chance(0.4)) headers.date = 'Wed, 01 Jan 2025 00:00:00 GMT';
  if (random.chance(0.3)) headers.server = random.pick(['nginx', 'cloudflare', 'envoy', 'awselb/2.0']);
  return Object.assign(headers, extra);
}

function phone(random: Random): string {
  return `+${random.pick(['1', '44', '49', '389', '46'])}${random.chars(random.int(8, 10), '0123456789')}`;
}

// ---------------------------------------------------------------- Braze

const BRAZE_HOSTS = ['rest.iad-01.braze.com', 'rest.iad-03.braze.com', 'rest.fra-01.braze.eu', 'rest.iad-05.braze.com'];
const BRAZE_PATHS = ['/messages/send', '/campaigns/trigger/send', '/users/track', '/canvas/trigger/send', '/messages/schedule/create'];
const BRAZE_400 = [
  'Invalid Campaign ID',
  'No Recipients',
  'Message Variant Unspecified',
  'Invalid Message Variant',
  'Mismatched Message Type',
  'Invalid Extra Push Payload',
  'Max Input Length Exceeded',
  'The max number of external_ids and aliases per request was exceeded',
  'The max number of ids per request was exceeded',
  'No message to send',
  'Slideup Message Length Exceeded',
  'Apple Push Length Exceeded',
  'Android Push Length Exceeded',
  'Cannot parse send_at datetime.',
  "In your request, in_local_time is true but time has passed in your company's time zone.",
  'canvas_id must be a string of the Canvas api identifier',
  'Invalid subscription group ID',
  'There is no user with the provided email',
  "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields.",
  'Request body is malformed', // unknown text: falls to the status entry
];

const braze: Family = (random) => {
  const base = { vendorName: 'braze', host: random.pick(BRAZE_HOSTS), path: random.pick(BRAZE_PATHS) };
  const kind = random.weighted({ success: 4, partial: 2, queued: 1, fatal400: 8, apiKey: 2, denied: 1, limit: 2, server: 1 });
  const rate = {
    'X-RateLimit-Limit': '250000',
    'X-RateLimit-Remaining': String(random.int(0, 250000)),
    'X-RateLimit-Reset': String(1735689600 + random.int(1, 3600)),
  };
  switch (kind) {
    case 'success':
      return { ...base, status: 201, headers: jsonHeaders(random, rate), body: JSON.stringify({ dispatch_id: random.chars(32), message: 'success' }) };
    case 'partial': {
      const errors = Array.from({ length: random.int(1, 3) }, (_, index) =>
        random.chance(0.5)
          ? { type: "'external_id' or 'braze_id' or 'user_alias' is required", input_array: 'attributes', index }
          : { type: `The value provided for the 'email' field is not a valid email.`, input_array: 'attributes', index },
      );
      return {
        ...base,
        path: '/users/track',
        status: 201,
        headers: jsonHeaders(random, rate),
        body: JSON.stringify({ attributes_processed: random.int(1, 75), message: 'success', errors }),
      };
    }
    case 'queued':
      return { ...base, status: 202, headers: jsonHeaders(random), body: JSON.stringify({ message: 'queued' }) };
    case 'fatal400': {
      const message = random.pick(BRAZE_400);
      return { ...base, status: 400, headers: jsonHeaders(random), body: JSON.stringify({ message, errors: [] }) };
    }
    case 'apiKey':
      return {
        ...base,
        status: random.pick([401, 404]),
        headers: jsonHeaders(random),
        body: JSON.stringify({ message: random.chance(0.7) ? `Invalid API key: ${random.uuid()}` : 'Invalid API Key' }),
      };
    case 'denied':
      return { ...base, status: 403, headers: jsonHeaders(random), body: JSON.stringify({ message: 'Access Denied' }) };
    case 'limit':
      return { ...base, status: 429, headers: jsonHeaders(random, { ...rate, 'X-RateLimit-Remaining': '0' }), body: JSON.stringify({ message: 'Rate limit exceeded' }) };
    case 'server':
      return { ...base, status: random.pick([500, 502, 503]), headers: jsonHeaders(random), body: JSON.stringify({ message: 'Internal Server Error' }) };
  }
};

// ---------------------------------------------------------------- Transformify

const TRANSFORMIFY_PATHS = ['/api/v1/sms/promotional', '/api/v1/sms/transactional', '/api/v1/viber/send', '/api/v1/campaigns'];

const transformify: Family = (random) => {
  const base = { vendorName: 'transformify', host: 'api.transformify.mk', path: random.pick(TRANSFORMIFY_PATHS) };
  const headers = (extra: Record<string, string> = {}) => jsonHeaders(random, extra, 'application/json; charset=utf-8');
  const kind = random.weighted({ accepted: 3, ok: 1, recipients: 2, status: 2, phone: 2, auth: 2, notFound: 2, capacity: 2, rate: 1, media: 1, channel: 1, viber: 2, server: 1 });
  const error = (status: number, name: string, message: string, extra: Record<string, unknown> = {}, extraHeaders: Record<string, string> = {}) => ({
    ...base,
    status,
    headers: headers(extraHeaders),
    body: JSON.stringify({ error: name, message, ...extra }),
  });
  switch (kind) {
    case 'accepted': {
      const invalid = random.chance(0.3) ? [phone(random)] : [];
      return {
        ...base,
        status: 202,
        headers: headers(),
        body: JSON.stringify({
          campaignId: random.uuid(),
          messageCount: random.int(1, 500),
          skippedCount: invalid.length,
          invalidPhoneNumbers: invalid,
          status: 'Queuing',
          queuedAt: '2025-01-01T00:00:00Z',
        }),
      };
    }
    case 'ok':
      return {
        ...base,
        status: 200,
        headers: headers(),
        body: JSON.stringify({ campaignId: random.uuid(), name: 'Order Notifications', status: 'InProgress', channel: random.pick(['Smpp', 'Viber']), sendingRate: 10 }),
      };
    case 'recipients':
      return error(400, 'Bad Request', `Maximum ${random.pick([100, 500, 1000, 10000])} recipients allowed per request`);
    case 'status':
      return error(400, 'Bad Request', `Campaign status is ${random.pick(['Completed', 'Paused', 'Draft', 'Cancelled'])}. Messages can only be added to InProgress campaigns.`);
    case 'phone':
      return error(400, 'Validation failed', 'Invalid phone number format', { validationErrors: { phoneNumber: ['Invalid phone number format'] } });
    case 'auth':
      return error(
        401,
        'Unauthorized',
        random.pick([
          'Missing or invalid X-API-Key header. Please provide a valid API key.',
          'Invalid or revoked API key. Please check your credentials.',
          'Invalid or missing API key. Please check your credentials.',
        ]),
      );
    case 'notFound':
      return error(404, 'Not Found', random.pick(['Campaign not found', 'Template not found or access denied', 'Message not found']));
    case 'capacity': {
      const max = 10000;
      const current = random.int(9000, 9999);
      const requested = random.int(100, 2000);
      return error(
        429,
        'Too Many Requests',
        `Too many pending messages. You have ${current} pending messages and requested ${requested} more. Maximum allowed: ${max}. Available capacity: ${max - current}.`,
        { retryAfterSeconds: random.int(5, 120) },
      );
    }
    case 'rate':
      return error(429, 'Rate limit exceeded', 'Request rate limit exceeded for this API key. Retry later.', {}, { 'retry-after': String(random.int(1, 60)) });
    case 'media':
      return error(400, 'Bad Request', `${random.pick(['Image', 'Video', 'File'])} URL is not accessible`);
    case 'channel':
      return error(400, 'Bad Request', `Campaign is not a ${random.pick(['Viber', 'SMS'])} campaign`);
    case 'viber':
      return error(400, random.pick(['USER_BLOCKED', 'SRVC_NOT_VIBER_USER', 'NO_SUITABLE_DEVICE']), 'Viber message could not be delivered');
    case 'server':
      return error(500, 'Internal Server Error', 'An unexpected error occurred. Please try again later.');
  }
};

// ---------------------------------------------------------------- Spotzee

const SPOTZEE_CODES: readonly (readonly [number, string, string])[] = [
  [400, 'validation_failed', 'The request body is invalid'],
  [400, 'parameter_missing', "Missing required parameter 'email'"],
  [400, 'parameter_invalid_format', "Parameter 'phone' has an invalid format"],
  [400, 'parameter_unknown', "Unknown parameter 'emial'"],
  [400, 'idempotency_key_invalid', 'Idempotency-Key must be at most 255 characters'],
  [401, 'authentication_required', 'A valid API key is required'],
  [402, 'quota_exceeded', 'Monthly sending quota exhausted'],
  [403, 'forbidden', 'This API key cannot access this resource'],
  [404, 'not_found', 'Contact not found'],
  [404, 'resource_missing', 'Segment not found'],
  [409, 'duplicate', 'A contact with this email already exists'],
  [409, 'idempotency_in_progress', 'A request with this Idempotency-Key is still being processed'],
  [422, 'state_conflict', 'Campaign is already scheduled'],
  [429, 'rate_limited', 'Too many requests'],
  [502, 'provider_error', 'The SMS provider rejected the message'],
  [500, 'internal_error', 'Something went wrong'],
  [503, 'service_unavailable', 'Service temporarily unavailable'],
];

const spotzee: Family = (random) => {
  const base = { vendorName: 'spotzee', host: 'apix.spotzee.com', path: random.pick(['/api/client/contacts', '/api/client/campaigns/42/send', '/api/client/segments']) };
  const method = random.pick(['GET', 'POST', 'POST', 'PATCH']);
  const request = random.chance(0.5) ? { method, idempotencyKey: random.uuid() } : { method };
  const kind = random.weighted({ success: 3, error: 9, problem: 4, legacy: 1 });
  if (kind === 'success') {
    return { ...base, request, status: random.pick([200, 201]), headers: jsonHeaders(random), body: JSON.stringify({ data: { id: random.int(1, 1e6), email: `user${random.int(1, 9999)}@example.com`, subscribed: true } }) };
  }
  const [status, code, message] = random.pick(SPOTZEE_CODES);
  const extraHeaders: Record<string, string> =
    status === 429 ? { 'retry-after': String(random.int(1, 30)), 'ratelimit-reset': String(random.int(1, 30)) } : {};
  if (kind === 'error') {
    const details = code === 'validation_failed' ? [{ field: 'email', message: 'must be a valid email' }, { field: 'phone', message: 'must be E.164' }] : undefined;
    return {
      ...base,
      request,
      status,
      headers: jsonHeaders(random, { 'request-id': `req_${random.chars(16)}`, ...extraHeaders }),
      body: JSON.stringify({ error: details === undefined ? { code, message } : { code, message, details } }),
    };
  }
  if (kind === 'problem') {
    const problem: Record<string, unknown> = {
      type: `https://docs.spotzee.com/errors/${code}`,
      title: message,
      status,
      detail: `${message} (request ${random.chars(8)})`,
      request_id: `req_${random.chars(16)}`,
    };
    if (code === 'validation_failed') problem.errors = [{ pointer: '/email', detail: 'must be a valid email' }];
    if (random.chance(0.5)) problem.code = code;
    return { ...base, request, status, headers: jsonHeaders(random, extraHeaders, 'application/problem+json'), body: JSON.stringify(problem) };
  }
  return { ...base, request, status: 400, headers: jsonHeaders(random), body: JSON.stringify({ status: 'error', code: 1007, message: 'Invalid request payload.' }) };
};

// ---------------------------------------------------------------- Sinch

const SINCH_CODES: readonly (readonly [number, string, string])[] = [
  [400, 'syntax_invalid_json', 'The JSON in the request is invalid'],
  [400, 'syntax_invalid_parameter_format', "Parameter 'to' has an invalid format: '555'"],
  [400, 'syntax_constraint_violation', 'The body must be at most 2000 characters'],
  [400, 'missing_callback_url', 'A callback URL is required when delivery_report is set'],
  [400, 'illegal_number_type', 'Number type is not allowed for this service'],
  [403, 'unknown_group', 'Group 01FC66621VHDBN119Z8PMV1QPU does not exist'],
  [403, 'unknown_campaign', 'Campaign does not exist'],
  [403, 'blocked_account', 'The account is blocked'],
];

const GOOGLE: readonly (readonly [number, string, string])[] = [
  [400, 'INVALID_ARGUMENT', 'Invalid argument'],
  [401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.'],
  [403, 'PERMISSION_DENIED', 'The caller does not have permission'],
  [404, 'NOT_FOUND', 'Resource not found'],
  [429, 'RESOURCE_EXHAUSTED', 'Quota exceeded for this project'],
  [500, 'INTERNAL', 'Internal error encountered.'],
  [503, 'UNAVAILABLE', 'The service is currently unavailable.'],
];

const sinch: Family = (random) => {
  const plan = random.chars(32, '0123456789abcdef');
  const base = { vendorName: 'sinch', host: random.pick(['us.sms.api.sinch.com', 'eu.sms.api.sinch.com', 'sms.api.sinch.com']), path: `/xms/v1/${plan}/batches` };
  const kind = random.weighted({ batch: 3, xms: 6, google: 5, emptyAuth: 1 });
  switch (kind) {
    case 'batch':
      return {
        ...base,
        status: 201,
        headers: jsonHeaders(random),
        body: JSON.stringify({
          id: random.chars(26, '0123456789ABCDEFGHJKMNPQRSTVWXYZ'),
          to: [phone(random)],
          from: '12345',
          canceled: false,
          body: 'Your code is 123456',
          type: 'mt_text',
          created_at: '2025-01-01T00:00:00Z',
          modified_at: '2025-01-01T00:00:00Z',
          delivery_report: 'none',
          expire_at: '2025-01-04T00:00:00Z',
        }),
      };
    case 'xms': {
      const [status, code, text] = random.pick(SINCH_CODES);
      return { ...base, status, headers: jsonHeaders(random), body: JSON.stringify({ code, text }) };
    }
    case 'google': {
      const [status, code, message] = random.pick(GOOGLE);
      const error: Record<string, unknown> = { code: status, message, status: code };
      if (code === 'INVALID_ARGUMENT')
        error.details = [
          { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field: 'to', description: 'must be a valid E.164 number' }] },
        ];
      return { ...base, status, headers: jsonHeaders(random, status === 429 ? { 'retry-after': '30' } : {}), body: JSON.stringify({ error }) };
    }
    case 'emptyAuth':
      return { ...base, status: 401, headers: { 'www-authenticate': 'Bearer' }, body: '' };
  }
};

// ---------------------------------------------------------------- gateways, empty, text

function nginxPage(status: number, reason: string): string {
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

function cloudflarePage(random: Random, host: string, status: number, reason: string): string {
  const styles = Array.from({ length: 40 }, (_, i) => `.cf-${i}{margin:${i}px;padding:0 ${i % 7}px;font-family:-apple-system,system-ui,sans-serif}`).join('\n');
  return `<!DOCTYPE html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<html class="no-js" lang="en-US">
<head>
<title>${host} | ${status}: ${reason}</title>
<meta charset="UTF-8" />
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta http-equiv="X-UA-Compatible" content="IE=Edge" />
<meta name="robots" content="noindex, nofollow" />
<style>${styles}</style>
</head>
<body>
<div id="cf-wrapper"><div id="cf-error-details" class="p-0">
<header class="mx-auto pt-10"><h1 class="inline-block sm:block sm:mb-2 font-light text-60">${reason}</h1>
<span class="inline-block">Error code ${status}</span></header>
<p>Visit <a href="https://www.cloudflare.com/5xx-error-landing?utm_source=errorcode_${status}" target="_blank">cloudflare.com</a> for more information.</p>
<p class="text-13"><span>Cloudflare Ray ID: <strong>${random.chars(16, '0123456789abcdef')}</strong></span></p>
</div></div>
</body>
</html>`;
}

const CLOUDFRONT = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1">
<TITLE>ERROR: The request could not be satisfied</TITLE>
</HEAD><BODY>
<H1>503 ERROR</H1>
<H2>The request could not be satisfied.</H2>
<HR noshade size="1px">
The server is busy. We can't connect to the server for this app or website at this time.
<BR clear="all">
Generated by cloudfront (CloudFront)
</BODY></HTML>`;

const HEROKU = `<!DOCTYPE html>
<html><head><meta name="viewport" content="width=device-width, initial-scale=1"><meta charset="utf-8">
<title>Application Error</title>
<style media="screen">html,body,iframe{margin:0;padding:0}html,body{height:100%;overflow:hidden}iframe{width:100%;height:100%;border:0}</style>
</head><body><iframe src="//www.herokucdn.com/error-pages/application-error.html"></iframe></body></html>`;

const VENDOR_HOSTS: readonly (readonly [string, string])[] = [
  ['braze', 'rest.iad-01.braze.com'],
  ['transformify', 'api.transformify.mk'],
  ['spotzee', 'apix.spotzee.com'],
  ['sinch', 'us.sms.api.sinch.com'],
];

const gateway: Family = (random) => {
  const [vendorName, host] = random.pick(VENDOR_HOSTS);
  const base = { vendorName, host, path: '/v1/send' };
  const html = { 'content-type': 'text/html; charset=utf-8' };
  const kind = random.weighted({ nginx: 4, cloudflare: 3, cloudfront: 1, heroku: 1, elb: 1 });
  switch (kind) {
    case 'nginx': {
      const [status, reason] = random.pick([
        [502, 'Bad Gateway'],
        [503, 'Service Temporarily Unavailable'],
        [504, 'Gateway Time-out'],
        [413, 'Request Entity Too Large'],
      ] as const);
      return { ...base, status, headers: { ...html, server: 'nginx' }, body: nginxPage(status, reason) };
    }
    case 'cloudflare': {
      const [status, reason] = random.pick([
        [502, 'Bad gateway'],
        [504, 'Gateway time-out'],
        [520, 'Web server is returning an unknown error'],
        [522, 'Connection timed out'],
        [524, 'A timeout occurred'],
      ] as const);
      return { ...base, status, headers: { ...html, server: 'cloudflare', 'cf-ray': `${random.chars(16, '0123456789abcdef')}-FRA` }, body: cloudflarePage(random, host, status, reason) };
    }
    case 'cloudfront':
      return { ...base, status: 503, headers: { ...html, 'x-amz-cf-id': random.chars(56) }, body: CLOUDFRONT };
    case 'heroku':
      return { ...base, status: 503, headers: html, body: HEROKU };
    case 'elb':
      return { ...base, status: 503, headers: { ...html, server: 'awselb/2.0' }, body: '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n' };
  }
};

const empty: Family = (random) => {
  const [vendorName, host] = random.pick(VENDOR_HOSTS);
  const status = random.pick([502, 503, 504, 500, 401, 204, null]);
  return { vendorName, host, path: '/v1/send', status, headers: status === null ? {} : { 'content-length': '0' }, body: random.pick(['', '', '\n', '   ']) };
};

const text: Family = (random) => {
  const [vendorName, host] = random.pick(VENDOR_HOSTS);
  const [status, body] = random.pick([
    [503, 'upstream connect error or disconnect/reset before headers. reset reason: connection failure'],
    [503, 'no healthy upstream'],
    [504, 'upstream request timeout'],
    [502, '502 Backend fetch failed'],
    [503, 'Service Unavailable'],
    [500, 'Internal Server Error\n'],
    [429, 'Too Many Requests'],
  ] as const);
  return { vendorName, host, path: '/v1/send', status, headers: { 'content-type': 'text/plain' }, body };
};

const apiGateway: Family = (random) => {
  const [vendorName, host] = random.pick(VENDOR_HOSTS);
  const [status, message] = random.pick([
    [504, 'Endpoint request timed out'],
    [502, 'Network error communicating with endpoint'],
    [403, 'Missing Authentication Token'],
  ] as const);
  return { vendorName, host, path: '/v1/send', status, headers: jsonHeaders(random, { 'x-amzn-requestid': random.uuid() }), body: JSON.stringify({ message }) };
};

const FAMILIES: Record<string, Family> = { braze, transformify, spotzee, sinch, gateway, empty, text, apiGateway };

/** Share of each family in the corpus (vendor bodies dominate, as in a gateway's failures). */
export const FAMILY_WEIGHTS: Readonly<Record<keyof typeof FAMILIES, number>> = {
  braze: 22,
  transformify: 18,
  spotzee: 18,
  sinch: 18,
  gateway: 10,
  empty: 6,
  text: 5,
  apiGateway: 3,
};

/**
 * An endless deterministic source of responses drawn from the families. The vendor comes
 * from `vendor` (75%), from the request `url` (20%), or is left to detection from the body
 * shape (5%).
 */
export function corpusSource(seed = CORPUS_SEED): () => CorpusRecord {
  const random = createRandom(seed);
  return () => {
    const family = random.weighted(FAMILY_WEIGHTS);
    const { vendorName, host, path, ...response } = FAMILIES[family]!(random);
    const how = random.weighted({ vendor: 75, url: 20, none: 5 });
    const input: BenchInput =
      how === 'vendor' ? { vendor: vendorName, ...response } : how === 'url' ? { url: `https://${host}${path}`, ...response } : { ...response };
    return { family, input };
  };
}

/** The first `count` responses of {@link corpusSource}. */
export function generateCorpus(count: number, seed = CORPUS_SEED): CorpusRecord[] {
  const next = corpusSource(seed);
  return Array.from({ length: count }, next);
}
