// OpenTelemetry span attributes and a pino log line for a vendor call, with no header or body values.
import pino, { type DestinationStream, type Logger } from 'pino';
import { classifyResponse, normalizeError, pinoSerializers, toOtelAttributes, type Classification, type OtelAttributes } from '../../src/index.js';

/** The part of an OpenTelemetry `Span` used here; `@opentelemetry/api`'s `Span` fits. */
export type SpanLike = { setAttributes(attributes: OtelAttributes): unknown; setStatus(status: { code: number; message?: string }): unknown };

/** A pino logger that logs `{ vendorError }` through the vendor-errors serializer. */
export function createVendorLogger(destination: DestinationStream = pino.destination(1)): Logger {
  return pino({ serializers: pinoSerializers }, destination);
}

/** Calls the vendor, records the classification on `span`, and logs failures. */
export async function callWithTelemetry(baseUrl: string, path: string, span: SpanLike, logger: Logger, vendor = 'braze'): Promise<Classification> {
  const outcome: unknown = await fetch(`${baseUrl}${path}`).catch((error: unknown) => error);
  const result = outcome instanceof Response ? await classifyResponse(outcome, { vendor }) : normalizeError(outcome, { vendor });
  if (outcome instanceof Response) await outcome.body?.cancel();
  span.setAttributes(toOtelAttributes(result));
  if (result.outcome === 'error') {
    span.setStatus({ code: 2, message: result.error.id }); // SpanStatusCode.ERROR
    logger.warn({ vendorError: result }, 'vendor call failed');
  }
  return result;
}
