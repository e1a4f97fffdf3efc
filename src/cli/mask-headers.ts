/**
 * Masks credentials in an example input before it is printed. Results are scrubbed by
 * the classifier, but `explain` prints the example *input* too, and a user catalog's
 * example may hold a real token (DESIGN.md "Never": never output Authorization, API
 * keys, cookies): in a header (`Authorization`, `X-Goog-Api-Key`, `x-braze-api-key`), in
 * a thrown error's config (`config.auth.password`), in a URL (userinfo, `?api_key=`), or
 * in a body echoing the key a catalog marks secret.
 */
import { REDACTED, scrubSecrets, type SecretMarker } from '../secrets.js';

/** Replacement for a masked value. */
export const MASKED = REDACTED;

/**
 * Parts of member names (lower case, without `-` and `_`) that say the value is a
 * credential: `Authorization`, `Proxy-Authorization`, `X-API-Key`, `x-braze-api-key`,
 * `X-Goog-Api-Key`, `access_token`, `client_secret`, `password`, `Cookie`, `Set-Cookie`,
 * `X-Amz-Signature`, `X-Amz-Credential`, `session_id`.
 */
const SECRET_NAME_PARTS = ['authorization', 'apikey', 'token', 'secret', 'password', 'passwd', 'cookie', 'signature', 'credential', 'session'];
/** Whole member names that are credentials, or hold them (`auth: { username, password }` in axios and got). */
const SECRET_NAMES: ReadonlySet<string> = new Set(['auth', 'key', 'pwd', 'pass', 'sig']);

/** Bounds: example inputs are small; a hostile catalog's deeper or wider parts are cut, not walked. */
const MAX_DEPTH = 32;

function isSecretName(name: string): boolean {
  const normalized = name.toLowerCase().replace(/[-_]/g, '');
  return SECRET_NAMES.has(normalized) || SECRET_NAME_PARTS.some((part) => normalized.includes(part));
}

function maskValue(value: unknown, markers: readonly SecretMarker[], depth: number): unknown {
  if (typeof value === 'string') return scrubSecrets(value, markers);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return MASKED;
  if (Array.isArray(value)) return value.map((item) => maskValue(item, markers, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(value)) {
    const masked = isSecretName(name) ? MASKED : maskValue(member, markers, depth + 1);
    // Names are printed too (a field map keyed by a URL); defined, not assigned: an
    // example may hold a `__proto__` key as data.
    Object.defineProperty(out, scrubSecrets(name, markers), { value: masked, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * A copy of an example input (plain JSON data, as catalogs are) that can be printed: the
 * value of every member named like a credential reads `[REDACTED]`, and every string is
 * scrubbed as results are (`markers`: the catalogs' secret markers, so an echoed key
 * after `Invalid API key:` is masked too).
 */
export function maskExampleInput(input: unknown, markers: readonly SecretMarker[] = []): unknown {
  return maskValue(input, markers, 0);
}
