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

/** A scheme of at most 16 characters and `://`: the scheme search reads no further. */
const SCHEME_REACH = 16 + 3;

/**
 * Where the host of an absolute URL lies in `url`: `start * 65536 + end`, or -1 when
 * there is none. Userinfo, port and a trailing dot are left out; the authority ends at the
 * first `/`, `?` or `#` (RFC 3986 §3.2) and is read for at most 256 characters. One pass
 * over the authority: host names are short, and separate searches for each delimiter
 * would each run past it to the end of the URL.
 */
function hostBounds(url: string): number {
  // Both searches are bounded, however long the URL: the scheme's to its reach, the
  // authority's to 256 characters.
  const scheme = (url.length > SCHEME_REACH ? url.slice(0, SCHEME_REACH) : url).indexOf('://');
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
  const bounds = hostBounds(url);
  return bounds === -1 ? undefined : url.slice(Math.floor(bounds / 65536), bounds % 65536).toLowerCase();
}

/**
 * The vendor whose hosts include the URL's host, or undefined. The host and each parent
 * domain are looked up in place ({@link TextIndex.findFolded}): most lookups miss, and a
 * miss cuts out no string.
 */
export function vendorFromUrl(index: HostIndex, url: string): string | undefined {
  const bounds = hostBounds(url);
  if (bounds === -1) return undefined;
  const start = Math.floor(bounds / 65536);
  const end = bounds % 65536;
  const exact = index.exact.findFolded(url, start, end);
  if (exact !== undefined) return exact;
  if (index.wildcard.size === 0) return undefined;
  // Each parent domain starts after a dot of the host; the walk stays within the host.
  for (let dot = start; dot < end; dot++) {
    if (url.charCodeAt(dot) !== 46) continue;
    const vendor = index.wildcard.findFolded(url, dot + 1, end);
    if (vendor !== undefined) return vendor;
  }
  return undefined;
}
