/**
 * Vendor detection from a request URL's host, against the `hosts` of every catalog
 * (exact names and `*.domain` wildcards). Lookups walk the host's parent domains, so the
 * cost is the number of labels, not the number of catalogs.
 */

/** Host name → vendor lookups. */
export interface HostIndex {
  exact: Map<string, string>;
  wildcard: Map<string, string>;
}

/** Builds the lookups from `[vendor, hosts]` pairs; the first catalog to claim a host keeps it. */
export function buildHostIndex(catalogs: readonly { vendor: string; hosts: readonly string[] }[]): HostIndex {
  const index: HostIndex = { exact: new Map(), wildcard: new Map() };
  for (const { vendor, hosts } of catalogs) {
    for (const host of hosts) {
      const lower = host.toLowerCase();
      if (lower.startsWith('*.')) {
        if (!index.wildcard.has(lower.slice(2))) index.wildcard.set(lower.slice(2), vendor);
      } else if (!index.exact.has(lower)) index.exact.set(lower, vendor);
    }
  }
  return index;
}

/** Where the authority of a URL ends: the first `/`, `?` or `#` after it. */
const AUTHORITY_END = /[/?#]/;

/** The host of an absolute URL (`https://user@Host:443/path` → `host`), without `new URL`. */
export function hostOf(url: string): string | undefined {
  const scheme = url.indexOf('://');
  if (scheme === -1 || scheme > 16) return undefined;
  // Native searches over at most 256 characters of authority (a JavaScript loop over the
  // characters costs more than the lookup it feeds).
  let authority = url.slice(scheme + 3, scheme + 3 + 257);
  const end = authority.search(AUTHORITY_END);
  if (end !== -1) authority = authority.slice(0, end);
  else if (authority.length > 256) authority = authority.slice(0, 256);
  let host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host.startsWith('[')) return undefined; // IPv6 literal: never a vendor host name
  const colon = host.indexOf(':');
  if (colon !== -1) host = host.slice(0, colon);
  if (host.endsWith('.')) host = host.slice(0, -1);
  return host === '' ? undefined : host.toLowerCase();
}

/** The vendor whose hosts include the URL's host, or undefined. */
export function vendorFromUrl(index: HostIndex, url: string): string | undefined {
  const host = hostOf(url);
  if (host === undefined) return undefined;
  const exact = index.exact.get(host);
  if (exact !== undefined) return exact;
  if (index.wildcard.size === 0) return undefined;
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
    const vendor = index.wildcard.get(host.slice(dot + 1));
    if (vendor !== undefined) return vendor;
  }
  return undefined;
}
