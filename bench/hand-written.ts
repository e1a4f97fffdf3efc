/**
 * The baseline of target 2: the classifier a team would write by hand for the same four
 * vendors with `switch`/`if`, without a catalog. It does the work a useful classifier must
 * do and no more: parse the body (JSON, HTML title, first text line), pick the vendor from
 * the input (vendor, else URL host, else body shape), take code and message out of each
 * vendor's shape, branch on status / code / message for the documented errors (with
 * regular expressions for the messages that carry values), and fill the result fields the
 * library fills: the request id, and the retry delay from `Retry-After`, the reset headers
 * (in each vendor's unit) or Transformify's body field. It returns
 * `{ id, category, retryable, requestId, retryAfterMs, ... }`.
 *
 * It is written to be fair, not slow: one lower-casing of the message, `switch` on strings,
 * anchored regular expressions only where a message has values in it, and one pass over
 * the header keys.
 */
import type { BenchInput } from './corpus.js';

/** What the hand-written classifier returns. */
export interface HandResult {
  outcome: 'success' | 'queued' | 'partial' | 'error';
  vendor: string | null;
  status: number | null;
  id: string;
  category: string;
  retryable: boolean;
  code: string | null;
  message: string | null;
  params?: Record<string, string | number>;
  retryAfterMs?: number;
  requestId?: string;
  fields?: { path: string; message: string }[];
  minor?: string[];
}

type Json = Record<string, unknown>;

interface Parsed {
  json: unknown;
  html: boolean;
  text: string | null;
  empty: boolean;
}

function parse(body: string): Parsed {
  const trimmed = body.trim();
  if (trimmed === '') return { json: undefined, html: false, text: null, empty: true };
  const first = trimmed.charCodeAt(0);
  if (first === 123 || first === 91) {
    try {
      return { json: JSON.parse(trimmed) as unknown, html: false, text: null, empty: false };
    } catch {
      // fall through: treat as text
    }
  }
  if (first === 60) {
    const title = /<title[^>]*>([^<]*)/i.exec(trimmed) ?? /<h1[^>]*>([^<]*)/i.exec(trimmed);
    return { json: undefined, html: true, text: title?.[1]?.trim() ?? null, empty: false };
  }
  const newline = trimmed.indexOf('\n');
  return { json: undefined, html: false, text: newline === -1 ? trimmed : trimmed.slice(0, newline).trim(), empty: false };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The response headers a result needs, read in one pass over the keys (any casing). */
interface HeaderFacts {
  xRequestId: string | undefined;
  requestId: string | undefined;
  requestIdSnake: string | undefined;
  amznRequestId: string | undefined;
  amzRequestId: string | undefined;
  amzCfId: string | undefined;
  cfRay: string | undefined;
  correlationId: string | undefined;
  cloudTrace: string | undefined;
  retryAfter: string | undefined;
  rateLimitReset: string | undefined;
  xRateLimitReset: string | undefined;
}

function headerFacts(headers: Record<string, string>): HeaderFacts {
  const facts: HeaderFacts = {
    xRequestId: undefined,
    requestId: undefined,
    requestIdSnake: undefined,
    amznRequestId: undefined,
    amzRequestId: undefined,
    amzCfId: undefined,
    cfRay: undefined,
    correlationId: undefined,
    cloudTrace: undefined,
    retryAfter: undefined,
    rateLimitReset: undefined,
    xRateLimitReset: undefined,
  };
  for (const key in headers) {
    const value = headers[key];
    switch (key.toLowerCase()) {
      case 'x-request-id':
        facts.xRequestId = value;
        break;
      case 'request-id':
        facts.requestId = value;
        break;
      case 'request_id':
        facts.requestIdSnake = value;
        break;
      case 'x-amzn-requestid':
        facts.amznRequestId = value;
        break;
      case 'x-amz-request-id':
        facts.amzRequestId = value;
        break;
      case 'x-amz-cf-id':
        facts.amzCfId = value;
        break;
      case 'cf-ray':
        facts.cfRay = value;
        break;
      case 'x-correlation-id':
        facts.correlationId = value;
        break;
      case 'x-cloud-trace-context':
        facts.cloudTrace = value;
        break;
      case 'retry-after':
        facts.retryAfter = value;
        break;
      case 'ratelimit-reset':
        facts.rateLimitReset = value;
        break;
      case 'x-ratelimit-reset':
        facts.xRateLimitReset = value;
        break;
    }
  }
  return facts;
}

/** The request id: Spotzee names its own header first, then the headers every gateway uses. */
function requestIdOf(vendor: string | null, facts: HeaderFacts): string | undefined {
  const own = vendor === 'spotzee' ? (facts.requestId ?? facts.xRequestId ?? facts.requestIdSnake) : facts.xRequestId;
  return (
    own ??
    facts.xRequestId ??
    facts.requestId ??
    facts.amznRequestId ??
    facts.amzRequestId ??
    facts.amzCfId ??
    facts.cfRay ??
    facts.correlationId ??
    facts.cloudTrace
  );
}

function vendorOf(input: BenchInput, json: unknown): string | null {
  if (input.vendor !== undefined) return input.vendor;
  const url = input.url;
  if (url !== undefined) {
    if (url.includes('.braze.com') || url.includes('.braze.eu')) return 'braze';
    if (url.includes('sinch.com') || url.includes('clxcommunications.com')) return 'sinch';
    if (url.includes('api.transformify.mk')) return 'transformify';
    if (url.includes('spotzee.com')) return 'spotzee';
  }
  if (!isObject(json)) return null;
  const error = json.error;
  if (isObject(error)) return typeof error.code === 'number' ? 'sinch' : typeof error.code === 'string' ? 'spotzee' : null;
  if (typeof error === 'string') return 'transformify';
  if (typeof json.code === 'string' && typeof json.text === 'string') return 'sinch';
  if (typeof json.message === 'string') return 'braze';
  return null;
}

function result(
  vendor: string | null,
  status: number | null,
  id: string,
  category: string,
  retryable: boolean,
  code: string | null,
  message: string | null,
): HandResult {
  return { outcome: 'error', vendor, status, id, category, retryable, code, message };
}

function genericStatus(vendor: string | null, status: number | null, code: string | null, message: string | null): HandResult {
  if (status === null) return result(vendor, null, 'network.no_response', 'network', true, code, message);
  switch (status) {
    case 400:
      return result(vendor, status, 'http.400', 'bad_request', false, code, message);
    case 401:
      return result(vendor, status, 'http.401', 'authentication', false, code, message);
    case 402:
    case 403:
      return result(vendor, status, `http.${status}`, 'permission', false, code, message);
    case 404:
      return result(vendor, status, 'http.404', 'not_found', false, code, message);
    case 409:
      return result(vendor, status, 'http.409', 'conflict', false, code, message);
    case 413:
      return result(vendor, status, 'http.413', 'quota', false, code, message);
    case 422:
      return result(vendor, status, 'http.422', 'validation', false, code, message);
    case 429:
      return result(vendor, status, 'http.429', 'rate_limit', true, code, message);
    case 500:
      return result(vendor, status, 'http.500', 'server', true, code, message);
    case 502:
    case 503:
    case 504:
    case 520:
    case 522:
    case 524:
      return result(vendor, status, `http.${status}`, 'unavailable', true, code, message);
    default:
      return status >= 500
        ? result(vendor, status, 'http.5xx', 'server', true, code, message)
        : result(vendor, status, 'http.4xx', 'bad_request', false, code, message);
  }
}

const ENVOY_RESET = 'upstream connect error or disconnect/reset before headers.';

/** Gateway pages and texts (nginx, Cloudflare, CloudFront, envoy, AWS API Gateway). */
function gateway(vendor: string | null, status: number | null, parsed: Parsed, message: string | null): HandResult | undefined {
  if (parsed.empty) {
    if (status !== null && status >= 500) return result(vendor, status, `gateway.empty_${status}`, status === 500 ? 'server' : 'unavailable', true, null, null);
    return undefined;
  }
  if (message === null) return undefined;
  const lower = message.toLowerCase();
  switch (lower) {
    case 'no healthy upstream':
      return result(vendor, status, 'gateway.envoy_no_healthy_upstream', 'unavailable', true, null, message);
    case 'upstream request timeout':
      return result(vendor, status, 'gateway.envoy_upstream_timeout', 'unavailable', true, null, message);
    case 'endpoint request timed out':
      return result(vendor, status, 'gateway.aws_api_gateway_timeout', 'unavailable', true, null, message);
    case 'network error communicating with endpoint':
      return result(vendor, status, 'gateway.aws_api_gateway_integration_failure', 'unavailable', true, null, message);
    case 'missing authentication token':
      if (status === 403) return result(vendor, status, 'gateway.aws_api_gateway_missing_token', 'not_found', false, null, message);
      break;
    case 'error: the request could not be satisfied':
      if (status !== null && status >= 500) return result(vendor, status, 'gateway.cloudfront_error', 'unavailable', true, null, message);
      break;
    case 'application error':
      if (status === 503 && parsed.html) return result(vendor, status, 'gateway.heroku_application_error', 'unavailable', true, null, message);
      break;
  }
  if (lower.startsWith(ENVOY_RESET)) {
    const reason = message.slice(ENVOY_RESET.length).trim();
    return { ...result(vendor, status, 'gateway.envoy_upstream_reset', 'unavailable', true, null, message), params: { reason } };
  }
  const varnish = /^(\d+) backend fetch failed$/.exec(lower);
  if (varnish !== null)
    return { ...result(vendor, status, 'gateway.varnish_backend_fetch_failed', 'unavailable', true, null, message), params: { status: Number(varnish[1]) } };
  const cloudflare = /^(\S+) \| (5\d\d): /.exec(message);
  if (cloudflare !== null)
    return { ...result(vendor, status, `gateway.cloudflare_${cloudflare[2]}`, 'unavailable', true, null, message), params: { host: cloudflare[1]! } };
  if (parsed.html && status !== null) {
    if (status >= 500) return result(vendor, status, `gateway.html_${status}`, 'unavailable', true, null, message);
    if (status === 413) return result(vendor, status, 'gateway.html_413', 'quota', false, null, message);
  }
  return undefined;
}

function braze(status: number | null, json: unknown, message: string | null): HandResult | undefined {
  const v = 'braze';
  if (message !== null) {
    const lower = message.toLowerCase();
    if (status !== null && status >= 200 && status < 300) {
      if (lower === 'queued') return { ...result(v, status, 'braze.queued', 'none', false, null, message), outcome: 'queued' };
      if (lower === 'success') {
        const errors = isObject(json) ? json.errors : undefined;
        if (Array.isArray(errors) && errors.length > 0) {
          const minor = errors.map((item: unknown) => {
            const text = typeof item === 'string' ? item : isObject(item) ? str(item.type) : null;
            if (text === null) return 'braze.minor_error';
            const folded = text.toLowerCase();
            if (folded.endsWith(' is required')) return 'braze.user_identifier_required';
            if (/^the value provided for the '[^']+' field is not a valid email\.?$/.test(folded)) return 'braze.item_invalid_email';
            if (/^'[^']+' is not valid$/.test(folded)) return 'braze.item_value_not_valid';
            return 'braze.minor_error';
          });
          return { ...result(v, status, 'braze.partial', 'none', false, null, message), outcome: 'partial', minor };
        }
        return { ...result(v, status, 'braze.success', 'none', false, null, message), outcome: 'success' };
      }
    }
    switch (lower) {
      case 'no recipients':
      case 'message variant unspecified':
      case 'mismatched message type':
      case 'invalid extra push payload':
      case 'no message to send':
      case 'slideup message length exceeded':
      case 'apple push length exceeded':
      case 'android push length exceeded':
      case 'cannot parse send_at datetime':
      case 'cannot parse send_at datetime.':
      case "in your request, in_local_time is true but time has passed in your company's time zone.":
      case "valid data must be provided in the 'attributes', 'events', or 'purchases' fields.":
        return result(v, status, `braze.${lower.replace(/[^a-z]+/g, '_')}`, 'validation', false, null, message);
      case 'invalid campaign id':
      case 'invalid message variant':
      case 'canvas_id must be a string of the canvas api identifier':
      case 'invalid subscription group id':
      case 'there is no user with the provided email':
        return result(v, status, `braze.${lower.replace(/[^a-z]+/g, '_')}`, 'not_found', false, null, message);
      case 'max input length exceeded':
      case 'the max number of external_ids and aliases per request was exceeded':
      case 'the max number of ids per request was exceeded':
        return result(v, status, `braze.${lower.replace(/[^a-z]+/g, '_')}`, 'quota', false, null, message);
      case 'access denied':
        return result(v, status, 'braze.access_denied', 'permission', false, null, message);
      case 'invalid api key':
        return result(v, status, 'braze.invalid_api_key', 'authentication', false, null, message);
    }
    if (lower.startsWith('invalid api key: ')) {
      const out = result(v, status, 'braze.invalid_api_key', 'authentication', false, null, 'Invalid API key: [REDACTED]');
      out.params = { key: '[REDACTED]' };
      return out;
    }
  }
  return undefined;
}

function brazeStatus(status: number | null, message: string | null): HandResult | undefined {
  const v = 'braze';
  switch (status) {
    case 400:
      return result(v, status, 'braze.bad_request', 'bad_request', false, null, message);
    case 401:
      return result(v, status, 'braze.unauthorized', 'authentication', false, null, message);
    case 403:
      return result(v, status, 'braze.forbidden', 'permission', false, null, message);
    case 404:
      return result(v, status, 'braze.unknown_api_key', 'authentication', false, null, message);
    case 429:
      return result(v, status, 'braze.rate_limited', 'rate_limit', true, null, message);
    case 502:
      return result(v, status, 'braze.bad_gateway', 'unavailable', true, null, message);
    case 503:
      return result(v, status, 'braze.service_unavailable', 'unavailable', true, null, message);
    case 504:
      return result(v, status, 'braze.gateway_timeout', 'unavailable', true, null, message);
  }
  if (status !== null && status >= 500) return result(v, status, 'braze.server_error', 'server', true, null, message);
  return undefined;
}

// Case-insensitive, on the message as sent: captured values keep their case.
const TOO_MANY_RECIPIENTS = /^maximum (-?\d+) recipients allowed per request$/i;
const PENDING = /^too many pending messages\. you have (-?\d+) pending messages and requested (-?\d+) more\. maximum allowed: (-?\d+)\. available capacity: (-?\d+)\.$/i;
const CAMPAIGN_STATUS = /^campaign status is (\S+)\. messages can only be added to inprogress campaigns\.$/i;
const CHANNEL = /^campaign is not an? (\S+) campaign$/i;
const MEDIA = /^(\S+) url is not accessible$/i;

function transformify(status: number | null, code: string | null, message: string | null): HandResult | undefined {
  const v = 'transformify';
  if (status !== null && status >= 200 && status < 300)
    return { ...result(v, status, `transformify.http_${status}`, 'none', false, null, null), outcome: status === 202 ? 'queued' : 'success' };
  switch (code) {
    case '8':
    case 'USER_BLOCKED':
    case 'SRVC_USER_BLOCKED':
      return result(v, status, 'transformify.viber_user_blocked', 'delivery', false, code, message);
    case '9':
    case 'NOT_VIBER_USER':
    case 'SRVC_NOT_VIBER_USER':
      return result(v, status, 'transformify.viber_not_viber_user', 'delivery', false, code, message);
    case '10':
    case 'NO_SUITABLE_DEVICE':
    case 'SRVC_NO_SUITABLE_DEVICE':
      return result(v, status, 'transformify.viber_no_suitable_device', 'delivery', false, code, message);
  }
  if (message !== null) {
    const lower = message.toLowerCase();
    switch (lower) {
      case 'missing or invalid x-api-key header. please provide a valid api key.':
        return result(v, status, 'transformify.missing_api_key', 'authentication', false, code, message);
      case 'invalid or revoked api key. please check your credentials.':
        return result(v, status, 'transformify.invalid_api_key', 'authentication', false, code, message);
      case 'invalid or missing api key. please check your credentials.':
        return result(v, status, 'transformify.invalid_or_missing_api_key', 'authentication', false, code, message);
      case 'template not found or access denied':
        return result(v, status, 'transformify.template_not_found', 'not_found', false, code, message);
      case 'campaign not found':
        return result(v, status, 'transformify.campaign_not_found', 'not_found', false, code, message);
      case 'invalid phone number format':
        return result(v, status, 'transformify.invalid_phone_number', 'validation', false, code, message);
      case 'cannot add messages to bulk campaign':
        return result(v, status, 'transformify.cannot_add_messages_to_bulk_campaign', 'bad_request', false, code, message);
      case 'template validation failed':
        return result(v, status, 'transformify.template_validation_failed', 'validation', false, code, message);
      case 'campaign is not active':
        return result(v, status, 'transformify.campaign_not_in_progress', 'precondition', false, code, message);
    }
    let m = TOO_MANY_RECIPIENTS.exec(message);
    if (m !== null) return { ...result(v, status, 'transformify.too_many_recipients', 'quota', false, code, message), params: { max: Number(m[1]) } };
    m = PENDING.exec(message);
    if (m !== null)
      return {
        ...result(v, status, 'transformify.pending_capacity_exceeded', 'rate_limit', true, code, message),
        params: { currentPending: Number(m[1]), requestedCount: Number(m[2]), maxAllowed: Number(m[3]), availableCapacity: Number(m[4]) },
      };
    m = CAMPAIGN_STATUS.exec(message);
    if (m !== null) return { ...result(v, status, 'transformify.campaign_not_in_progress', 'precondition', false, code, message), params: { status: m[1]! } };
    m = CHANNEL.exec(message);
    if (m !== null) return { ...result(v, status, 'transformify.campaign_channel_mismatch', 'bad_request', false, code, message), params: { channel: m[1]! } };
    m = MEDIA.exec(message);
    if (m !== null) return { ...result(v, status, 'transformify.media_url_not_accessible', 'validation', false, code, message), params: { media: m[1]! } };
  }
  return undefined;
}

function transformifyStatus(status: number | null, code: string | null, message: string | null): HandResult | undefined {
  const v = 'transformify';
  switch (status) {
    case 400:
      return result(v, status, 'transformify.http_400', 'bad_request', false, code, message);
    case 401:
      return result(v, status, 'transformify.http_401', 'authentication', false, code, message);
    case 404:
      return result(v, status, 'transformify.http_404', 'not_found', false, code, message);
    case 429:
      return result(v, status, 'transformify.http_429', 'rate_limit', true, code, message);
    case 500:
      return result(v, status, 'transformify.http_500', 'server', true, code, message);
  }
  return undefined;
}

function spotzee(status: number | null, code: string | null, message: string | null, request: BenchInput['request']): HandResult | undefined {
  const v = 'spotzee';
  if (status !== null && status >= 200 && status < 300) return { ...result(v, status, 'spotzee.success', 'none', false, null, null), outcome: 'success' };
  let out: HandResult | undefined;
  switch (code) {
    case 'validation_failed':
    case 'parameter_missing':
    case 'parameter_invalid_empty':
    case 'parameter_invalid_format':
    case 'webhook_signature_invalid':
      out = result(v, status, `spotzee.${code}`, 'validation', false, code, message);
      break;
    case 'not_found':
    case 'resource_missing':
      out = result(v, status, 'spotzee.not_found', 'not_found', false, code, message);
      break;
    case 'forbidden':
    case 'permission_denied':
      out = result(v, status, 'spotzee.forbidden', 'permission', false, code, message);
      break;
    case 'duplicate':
    case 'resource_already_exists':
    case 'idempotency_key_mismatch':
    case 'archived_user_conflict':
      out = result(v, status, `spotzee.${code}`, 'conflict', false, code, message);
      break;
    case 'idempotency_in_progress':
      out = result(v, status, 'spotzee.idempotency_in_progress', 'conflict', true, code, message);
      break;
    case 'quota_exceeded':
    case 'user_capacity_exhausted':
      out = result(v, status, `spotzee.${code}`, 'quota', false, code, message);
      break;
    case 'provider_error':
      out = result(v, status, 'spotzee.provider_error', 'upstream', false, code, message);
      break;
    case 'authentication_required':
      out = result(v, status, 'spotzee.authentication_required', 'authentication', false, code, message);
      break;
    case 'state_conflict':
      out = result(v, status, 'spotzee.state_conflict', 'precondition', false, code, message);
      break;
    case 'parameter_unknown':
    case 'idempotency_key_invalid':
    case 'version_unsupported':
    case 'version_required':
      out = result(v, status, `spotzee.${code}`, 'bad_request', false, code, message);
      break;
    case 'rate_limited':
      out = result(v, status, 'spotzee.rate_limited', 'rate_limit', true, code, message);
      break;
    case 'service_unavailable':
      out = result(v, status, 'spotzee.service_unavailable', 'unavailable', true, code, message);
      break;
    case 'internal_error':
      out = result(v, status, 'spotzee.internal_error', 'server', true, code, message);
      break;
  }
  return out === undefined ? undefined : idempotent(out, request);
}

// Mutations are only safe to retry with an Idempotency-Key.
function idempotent(out: HandResult, request: BenchInput['request']): HandResult {
  if (out.retryable && request !== undefined && request.method !== 'GET' && request.idempotencyKey === undefined) out.retryable = false;
  return out;
}

function spotzeeStatus(status: number | null, code: string | null, message: string | null, request: BenchInput['request']): HandResult | undefined {
  const v = 'spotzee';
  let out: HandResult | undefined;
  switch (status) {
    case 400:
      out = result(v, status, 'spotzee.http_400', 'bad_request', false, code, message);
      break;
    case 401:
      out = result(v, status, 'spotzee.http_401', 'authentication', false, code, message);
      break;
    case 402:
      out = result(v, status, 'spotzee.http_402', 'quota', false, code, message);
      break;
    case 403:
      out = result(v, status, 'spotzee.http_403', 'permission', false, code, message);
      break;
    case 404:
      out = result(v, status, 'spotzee.http_404', 'not_found', false, code, message);
      break;
    case 409:
      out = result(v, status, 'spotzee.http_409', 'conflict', false, code, message);
      break;
    case 422:
      out = result(v, status, 'spotzee.http_422', 'precondition', false, code, message);
      break;
    case 429:
      out = result(v, status, 'spotzee.http_429', 'rate_limit', true, code, message);
      break;
    case 500:
      out = result(v, status, 'spotzee.http_500', 'server', true, code, message);
      break;
    case 503:
      out = result(v, status, 'spotzee.http_503', 'unavailable', true, code, message);
      break;
  }
  return out === undefined ? undefined : idempotent(out, request);
}

function sinch(status: number | null, code: string | null, message: string | null): HandResult | undefined {
  const v = 'sinch';
  if (status === 200 || status === 201) return { ...result(v, status, `sinch.${status === 200 ? 'ok' : 'created'}`, 'none', false, null, null), outcome: 'success' };
  switch (code) {
    case 'syntax_invalid_json':
      return result(v, status, 'sinch.syntax_invalid_json', 'bad_request', false, code, message);
    case 'syntax_invalid_parameter_format':
    case 'syntax_constraint_violation':
    case 'missing_callback_url':
    case 'illegal_number_type':
      return result(v, status, `sinch.${code}`, 'validation', false, code, message);
    case 'unknown_group':
    case 'unknown_campaign':
      return result(v, status, `sinch.${code}`, 'not_found', false, code, message);
    case 'blocked_account':
      return result(v, status, 'sinch.blocked_account', 'permission', false, code, message);
    case 'INVALID_ARGUMENT':
      return result(v, status, 'sinch.invalid_argument', 'validation', false, code, message);
    case 'UNAUTHENTICATED':
      return result(v, status, 'sinch.unauthenticated', 'authentication', false, code, message);
    case 'PERMISSION_DENIED':
      return result(v, status, 'sinch.permission_denied', 'permission', false, code, message);
    case 'NOT_FOUND':
      return result(v, status, 'sinch.resource_not_found', 'not_found', false, code, message);
    case 'RESOURCE_EXHAUSTED':
      return result(v, status, 'sinch.resource_exhausted', 'rate_limit', true, code, message);
    case 'INTERNAL':
      return result(v, status, 'sinch.internal', 'server', true, code, message);
    case 'UNAVAILABLE':
      return result(v, status, 'sinch.unavailable', 'unavailable', true, code, message);
  }
  return undefined;
}

function sinchStatus(status: number | null, code: string | null, message: string | null): HandResult | undefined {
  const v = 'sinch';
  switch (status) {
    case 400:
    case 405:
    case 415:
      return result(v, status, `sinch.http_${status}`, 'bad_request', false, code, message);
    case 401:
      return result(v, status, 'sinch.unauthorized', 'authentication', false, code, message);
    case 403:
    case 404:
      return result(v, status, `sinch.http_${status}`, 'not_found', false, code, message);
    case 429:
      return result(v, status, 'sinch.too_many_requests', 'rate_limit', true, code, message);
    case 500:
      return result(v, status, 'sinch.internal_server_error', 'server', true, code, message);
    case 503:
      return result(v, status, 'sinch.service_unavailable', 'unavailable', true, code, message);
  }
  return undefined;
}

/** Code and message from whichever shape the body has. */
function codeAndMessage(json: unknown, fallback: string | null): { code: string | null; message: string | null } {
  if (!isObject(json)) return { code: null, message: fallback };
  const error = json.error;
  if (isObject(error)) {
    // Google AIP-193 (`status` is the code) or Spotzee (`code` is a string).
    if (typeof error.status === 'string') return { code: error.status, message: str(error.message) };
    return { code: str(error.code), message: str(error.message) };
  }
  if (typeof error === 'string') return { code: error, message: str(json.message) ?? error };
  if (typeof json.type === 'string' || typeof json.title === 'string') {
    const type = str(json.type);
    return { code: str(json.code) ?? (type === null ? null : type.slice(type.lastIndexOf('/') + 1)), message: str(json.detail) ?? str(json.title) };
  }
  if (typeof json.text === 'string') return { code: str(json.code), message: json.text };
  return { code: typeof json.code === 'string' ? json.code : null, message: str(json.message) };
}

type Field = { path: string; message: string };

/**
 * Field errors where each vendor puts them: Transformify `validationErrors` (field → messages),
 * Spotzee problem+json `errors[]` (`pointer`, `detail`) or legacy `error.details[]` (`field`,
 * `message`), Sinch AIP-193 `details[].fieldViolations`.
 */
function fieldErrors(vendor: string | null, json: unknown): Field[] | undefined {
  if (!isObject(json)) return undefined;
  const out: Field[] = [];
  if (vendor === 'transformify' && isObject(json.validationErrors)) {
    for (const [path, messages] of Object.entries(json.validationErrors))
      if (Array.isArray(messages)) for (const message of messages) if (typeof message === 'string') out.push({ path, message });
  } else if (vendor === 'spotzee' && Array.isArray(json.errors)) {
    for (const item of json.errors) if (isObject(item) && typeof item.detail === 'string') out.push({ path: str(item.pointer) ?? '', message: item.detail });
  } else if (vendor === 'spotzee' && isObject(json.error) && Array.isArray(json.error.details)) {
    for (const item of json.error.details) if (isObject(item) && typeof item.message === 'string') out.push({ path: str(item.field) ?? '', message: item.message });
  } else if (vendor === 'sinch' && isObject(json.error) && Array.isArray(json.error.details)) {
    for (const detail of json.error.details)
      if (isObject(detail) && Array.isArray(detail.fieldViolations))
        for (const v of detail.fieldViolations) if (isObject(v) && typeof v.description === 'string') out.push({ path: str(v.field) ?? '', message: v.description });
  }
  return out.length === 0 ? undefined : out;
}

const MAX_RETRY_MS = 86_400_000;

/** Seconds until a rate-limit window resets: Braze sends epoch seconds, Spotzee a delay, others either. */
function resetMs(vendor: string | null, value: string, now: () => number): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(value)) return undefined;
  const seconds = Number(value);
  const epoch = vendor === 'braze' || (vendor !== 'spotzee' && seconds >= 1_000_000_000);
  return epoch ? seconds * 1000 - now() : seconds * 1000;
}

function retryAfter(out: HandResult, vendor: string | null, facts: HeaderFacts, json: unknown, now: () => number): HandResult {
  if (!out.retryable) return out;
  let ms: number | undefined;
  if (facts.retryAfter !== undefined && /^\d+$/.test(facts.retryAfter)) ms = Number(facts.retryAfter) * 1000;
  if (ms === undefined && facts.rateLimitReset !== undefined) ms = resetMs(vendor, facts.rateLimitReset, now);
  if (ms === undefined && facts.xRateLimitReset !== undefined) ms = resetMs(vendor, facts.xRateLimitReset, now);
  if (ms === undefined && vendor === 'transformify' && isObject(json) && typeof json.retryAfterSeconds === 'number') ms = json.retryAfterSeconds * 1000;
  if (ms !== undefined) out.retryAfterMs = ms < 0 ? 0 : Math.min(Math.round(ms), MAX_RETRY_MS);
  return out;
}

/** Classifies one response by hand-written rules. `now`: the clock for epoch reset headers. */
export function handClassify(input: BenchInput, now: () => number = Date.now): HandResult {
  const status = input.status;
  const parsed = parse(input.body);
  const vendor = vendorOf(input, parsed.json);
  const { code, message } = codeAndMessage(parsed.json, parsed.text);
  let out: HandResult | undefined;
  if (!parsed.html && !parsed.empty) {
    switch (vendor) {
      case 'braze':
        out = braze(status, parsed.json, message);
        break;
      case 'transformify':
        out = transformify(status, code, message);
        break;
      case 'spotzee':
        out = spotzee(status, code, message, input.request);
        break;
      case 'sinch':
        out = sinch(status, code, message);
        break;
    }
  }
  if (status !== null && status >= 200 && status < 300 && out === undefined) out = { ...result(vendor, status, 'success', 'none', false, null, null), outcome: 'success' };
  // Gateway texts win over a vendor's status default: the gateway answered, not the vendor.
  out ??= gateway(vendor, status, parsed, message);
  if (out === undefined) {
    switch (vendor) {
      case 'braze':
        out = brazeStatus(status, message);
        break;
      case 'transformify':
        out = transformifyStatus(status, code, message);
        break;
      case 'spotzee':
        out = spotzeeStatus(status, code, message, input.request);
        break;
      case 'sinch':
        out = sinchStatus(status, code, message);
        break;
    }
  }
  out ??= genericStatus(vendor, status, code, message);
  if (out.outcome === 'error') {
    const fields = fieldErrors(vendor, parsed.json);
    if (fields !== undefined) out.fields = fields;
  }
  const facts = headerFacts(input.headers);
  const id = requestIdOf(vendor, facts);
  if (id !== undefined) out.requestId = id;
  return retryAfter(out, vendor, facts, parsed.json, now);
}
