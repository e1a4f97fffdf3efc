/**
 * Masks credential headers in an example input before it is printed. Results never
 * carry headers, but `explain` prints the example *input* too, and a user catalog's
 * example may hold a real token (DESIGN.md "Never": never output Authorization, API
 * keys, cookies).
 */

const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'x-auth-token',
  'x-access-token',
]);

/** Replacement for a masked header value. */
export const MASKED = '[REDACTED]';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of `input` whose credential headers read `[REDACTED]`; other values are shared, not copied. */
export function maskSecretHeaders(input: unknown): unknown {
  if (!isRecord(input)) return input;
  if (isRecord(input['thrown'])) return { ...input, thrown: maskSecretHeaders(input['thrown']) };
  const headers = input['headers'];
  if (!isRecord(headers)) return input;
  const masked: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) masked[name] = SECRET_HEADERS.has(name.toLowerCase()) ? MASKED : value;
  return { ...input, headers: masked };
}
