/**
 * Vendor detection from a request URL (src/detect-vendor.ts): exact hosts and "*." wildcards,
 * robust to userinfo, ports, case, a trailing dot, IPv6 literals and garbage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHostIndex, hostOf, vendorFromUrl } from '../src/detect-vendor.js';

const index = buildHostIndex([
  { vendor: 'braze', hosts: ['*.braze.com', '*.braze.eu'] },
  { vendor: 'sinch', hosts: ['sms.api.sinch.com', '*.sms.api.sinch.com'] },
  { vendor: 'spotzee', hosts: ['APIX.Spotzee.com'] },
  { vendor: 'late', hosts: ['sms.api.sinch.com', '*.braze.com'] },
]);

describe('hostOf', () => {
  it('returns the lower-cased host of an absolute URL', () => {
    expect(hostOf('https://REST.iad-01.Braze.com/messages/send')).toBe('rest.iad-01.braze.com');
  });

  it('drops userinfo, port and a trailing dot', () => {
    expect(hostOf('https://user:p%40ss@rest.braze.com:8443/x')).toBe('rest.braze.com');
    expect(hostOf('https://rest.braze.com./x')).toBe('rest.braze.com');
    expect(hostOf('https://user@rest.braze.com.:443')).toBe('rest.braze.com');
  });

  it('ends the host at "/", "?" or "#"', () => {
    expect(hostOf('https://apix.spotzee.com?x=https://evil.example')).toBe('apix.spotzee.com');
    expect(hostOf('https://apix.spotzee.com#frag')).toBe('apix.spotzee.com');
  });

  it('takes the host after the last "@" of the authority', () => {
    expect(hostOf('https://a@b@apix.spotzee.com/x')).toBe('apix.spotzee.com');
  });

  it('returns undefined for IPv6 literals', () => {
    expect(hostOf('http://[::1]:8080/x')).toBeUndefined();
    expect(hostOf('http://user@[2001:db8::1]/')).toBeUndefined();
  });

  it('returns undefined for garbage', () => {
    for (const url of ['', 'rest.braze.com', '/messages/send', 'https://', 'https:///path', 'mailto:x@braze.com', `${'x'.repeat(40)}://braze.com`]) {
      expect(hostOf(url)).toBeUndefined();
    }
  });

  it('agrees with a reference written as separate searches, on any URL-like text', () => {
    // The reference: authority = up to the first "/", "?" or "#" (at most 256 characters),
    // host = after its last "@", before the first ":" after that, without a trailing ".".
    const reference = (url: string): string | undefined => {
      const scheme = url.indexOf('://');
      if (scheme === -1 || scheme > 16) return undefined;
      let authority = url.slice(scheme + 3);
      const stop = authority.search(/[/?#]/);
      authority = (stop === -1 ? authority : authority.slice(0, stop)).slice(0, 256);
      let host = authority.slice(authority.lastIndexOf('@') + 1);
      if (host.startsWith('[')) return undefined;
      if (host.includes(':')) host = host.slice(0, host.indexOf(':'));
      if (host.endsWith('.')) host = host.slice(0, -1);
      return host === '' ? undefined : host.toLowerCase();
    };
    const unit = fc.constantFrom('a', 'B', '.', ':', '/', '?', '#', '@', '[', '-', '9');
    const url = fc.tuple(fc.constantFrom('https://', 'http://', 'x://', '://', 'https:/', ''), fc.string({ unit, maxLength: 40 })).map(([a, b]) => a + b);
    fc.assert(fc.property(url, (value) => hostOf(value) === reference(value)));
    fc.assert(fc.property(fc.string({ unit, minLength: 250, maxLength: 300 }), (tail) => hostOf(`https://${tail}`) === reference(`https://${tail}`)));
  });

  it('reads at most 256 characters of authority', () => {
    const host = hostOf(`https://${'a'.repeat(100_000)}.braze.com/`);
    expect(host?.length).toBeLessThanOrEqual(256);
  });
});

describe('vendorFromUrl', () => {
  it('matches an exact host', () => {
    expect(vendorFromUrl(index, 'https://sms.api.sinch.com/xms/v1/x/batches')).toBe('sinch');
  });

  it('matches exact hosts case-insensitively, whatever the catalog case', () => {
    expect(vendorFromUrl(index, 'https://apix.spotzee.com/v1/contacts')).toBe('spotzee');
  });

  it('matches any subdomain of a wildcard, at any depth', () => {
    expect(vendorFromUrl(index, 'https://rest.iad-01.braze.com/messages/send')).toBe('braze');
    expect(vendorFromUrl(index, 'https://rest.fra-02.braze.eu/')).toBe('braze');
    expect(vendorFromUrl(index, 'https://us.sms.api.sinch.com/')).toBe('sinch');
  });

  it('does not match the bare domain of a wildcard', () => {
    expect(vendorFromUrl(index, 'https://braze.com/')).toBeUndefined();
  });

  it('does not match a look-alike domain', () => {
    expect(vendorFromUrl(index, 'https://rest.notbraze.com/')).toBeUndefined();
    expect(vendorFromUrl(index, 'https://braze.com.evil.example/')).toBeUndefined();
    expect(vendorFromUrl(index, 'https://xapix.spotzee.com/')).toBeUndefined();
  });

  it('is not fooled by a vendor host in the userinfo', () => {
    expect(vendorFromUrl(index, 'https://rest.iad-01.braze.com@evil.example/')).toBeUndefined();
    expect(vendorFromUrl(index, 'https://evil.example@rest.iad-01.braze.com/')).toBe('braze');
  });

  it('keeps the first catalog that claims a host', () => {
    expect(vendorFromUrl(index, 'https://sms.api.sinch.com/')).toBe('sinch');
    expect(vendorFromUrl(index, 'https://rest.braze.com/')).toBe('braze');
  });

  it('returns undefined for unknown hosts, IPv6 literals and garbage', () => {
    for (const url of ['https://example.com/', 'http://[::1]/', 'not a url', '']) expect(vendorFromUrl(index, url)).toBeUndefined();
  });

  it('returns undefined with an empty index', () => {
    expect(vendorFromUrl(buildHostIndex([]), 'https://rest.braze.com/')).toBeUndefined();
  });
});
