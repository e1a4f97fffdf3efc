/**
 * Vendor detection from a request URL's host, against the `hosts` of every catalog
 * (exact names and `*.domain` wildcards). Lookups walk the host's parent domains, so the
 * cost is the number of labels, not the number of catalogs.
 */
import { TextIndex } from './text-index.js';

/** Host name → vendor lookups (keys lower case). */
export interface HostIndex {
  exact: TextIndex<string>;
  wildcard: TextIndex<string>;
}

/** Builds the lookups from `[vendor, hosts]` pairs; the first catalog to claim a host keeps it. */
export function buildHostIndex(catalogs: readonly { vendor: string; hosts: readonly string[] }[]): HostIndex {
  const index: HostIndex = { exact: new TextIndex(), wildcard: new TextIndex() };
  for (const { vendor, hosts } of catalogs) {
    for (const host of hosts) {
      const lower = host.toLowerCase();
      const [map, name] = lower.startsWith('*.') ? [index.wildcard, lower.slice(2)] : [index.exact, lower];
      if (map.get(name) === undefined) map.set(name, vendor);
    }
  }
  index.exact.seal();
  index.wildcard.seal();
  return index;
}

/**
 * The longest prefix of a URL that can hold its host: a scheme of at most 16 characters,
 * `://`, and 256 characters of authority. Longer URLs are cut to it first, so every search
 * below is bounded.
 */
const HOST_REACH = 16 + 3 + 257;

/**
 * Where the host of an absolute URL lies in `url` (which is at most {@link HOST_REACH}
 * long): `start * 65536 + end`, or -1 when there is none. Userinfo, port and a trailing
 * dot are left out; the authority ends at the first `/`, `?` or `#` (RFC 3986 §3.2) and
 * is read for at most 256 characters. One pass over the authority: host names are short,
 * and separate searches for each delimiter would each run past it to the end of the URL.
 */
function hostBounds(url: string): number {
  const scheme = url.indexOf('://');
  if (scheme === -1 || scheme > 16) return -1;
  const from = scheme + 3;
  const limit = Math.min(url.length, from + 256);
  let end = from;
  let at = -1; // the last `@`: userinfo ends there
  let colon = -1; // the first `:` after it: the port starts there
  for (; end < limit; end++) {
    const code = url.charCodeAt(end);
    if (code === 47 || code === 63 || code === 35) break; // `/`, `?`, `#`
    if (code === 64) {
      at = end;
      colon = -1;
    } else if (code === 58 && colon === -1) colon = end;
  }
  const start = at === -1 ? from : at + 1;
  if (url.charCodeAt(start) === 91) return -1; // `[`: an IPv6 literal is never a vendor host name
  if (colon !== -1) end = colon;
  if (end > start && url.charCodeAt(end - 1) === 46) end--; // a trailing `.`
  return end > start ? start * 65536 + end : -1;
}

/** The lower-cased host of an absolute URL (`https://user@Host:443/path` → `host`), without `new URL`. */
export function hostOf(url: string): string | undefined {
  const text = url.length > HOST_REACH ? url.slice(0, HOST_REACH) : url;
  const bounds = hostBounds(text);
  return bounds === -1 ? undefined : text.slice(Math.floor(bounds / 65536), bounds % 65536).toLowerCase();
}

/**
 * The vendor whose hosts include the URL's host, or undefined. The host and each parent
 * domain are looked up in place ({@link TextIndex.findFolded}): most lookups miss, and a
 * miss cuts out no string.
 */
export function vendorFromUrl(index: HostIndex, url: string): string | undefined {
  const text = url.length > HOST_REACH ? url.slice(0, HOST_REACH) : url;
  const bounds = hostBounds(text);
  if (bounds === -1) return undefined;
  const start = Math.floor(bounds / 65536);
  const end = bounds % 65536;
  const exact = index.exact.findFolded(text, start, end);
  if (exact !== undefined) return exact;
  if (index.wildcard.size === 0) return undefined;
  for (let dot = text.indexOf('.', start); dot !== -1 && dot < end; dot = text.indexOf('.', dot + 1)) {
    const vendor = index.wildcard.findFolded(text, dot + 1, end);
    if (vendor !== undefined) return vendor;
  }
  return undefined;
}
