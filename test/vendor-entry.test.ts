/**
 * Per-vendor entry points (src/vendor-entry.ts, src/generated/vendors/*): a classifier preset to one
 * shipped catalog plus the generic one, built lazily.
 */
import { describe, expect, it } from 'vitest';
import { brazeCatalog } from '../src/generated/catalogs/braze.js';
import type { Catalog } from '../src/generated/catalog-types.js';
import { vendorEntry } from '../src/vendor-entry.js';
import * as braze from '../src/generated/vendors/braze.js';
import * as sinch from '../src/generated/vendors/sinch.js';
import * as spotzee from '../src/generated/vendors/spotzee.js';
import * as transformify from '../src/generated/vendors/transformify.js';

describe('vendorEntry', () => {
  const entry = vendorEntry<string>(brazeCatalog);

  it("presets the catalog's vendor", () => {
    const result = entry.classify({ status: 400, body: { message: 'Invalid Campaign ID' } });
    expect(result.vendor).toBe('braze');
    expect(result.error).toMatchObject({ id: 'braze.invalid_campaign_id', vendor: 'braze' });
  });

  it('the preset wins over the input vendor, and options.vendor wins over the preset', () => {
    expect(entry.classify({ vendor: 'sinch', status: 404, body: '' }).error?.id).toBe('braze.unknown_api_key');
    const result = entry.classify({ status: 404, body: '' }, { vendor: 'sinch' });
    expect(result.vendor).toBe('sinch');
    expect(result.error?.id).toBe('http.404');
  });

  it('knows only its own catalog and the generic one', () => {
    expect(entry.classify({ status: 400, body: { code: 'unknown_group', text: 'Group not found' } }).error?.id).toBe('braze.bad_request');
    expect(entry.classify({ status: 502, body: '<title>502 Bad Gateway</title>' }).error?.id).toBe('gateway.html_502');
  });

  it('normalizes thrown errors with the vendor preset', () => {
    const result = entry.normalizeError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(result).toMatchObject({ vendor: 'braze', error: { id: 'network.econnrefused', vendor: 'braze' } });
  });

  it('does not compile its catalog until first used', () => {
    const invalid = { ...brazeCatalog, vendor: 'Not Valid' } as Catalog;
    expect(() => vendorEntry(invalid)).not.toThrow();
  });

  it('never throws on bad input', () => {
    expect(entry.classify(null).error?.id).toBe('generic.unknown');
    expect(entry.normalizeError(undefined).error?.id).toBe('generic.unknown');
  });
});

describe('vendor-errors/<vendor> modules', () => {
  it('braze: classify and normalizeError preset to braze, with the catalog and ids', () => {
    expect(braze.classify({ status: 429, headers: { 'retry-after': '2' } }).error).toMatchObject({ id: 'braze.rate_limited', retryAfterMs: 2000 });
    expect(braze.normalizeError(new DOMException('aborted', 'AbortError')).vendor).toBe('braze');
    expect(braze.brazeCatalog.vendor).toBe('braze');
    expect(braze.BRAZE_ERROR_IDS).toContain('braze.invalid_campaign_id');
    expect(braze.BRAZE_ERROR_IDS).toContain('braze.unknown');
  });

  it('sinch', () => {
    expect(sinch.classify({ status: 400, body: { code: 'unknown_group', text: 'x' } }).error).toMatchObject({ id: 'sinch.unknown_group', vendor: 'sinch' });
    expect(sinch.SINCH_ERROR_IDS).toContain('sinch.unknown');
  });

  it('spotzee', () => {
    expect(spotzee.classify({ status: 429, body: { error: { code: 'rate_limited', message: 'x' } } }).error).toMatchObject({ id: 'spotzee.rate_limited', vendor: 'spotzee' });
  });

  it('transformify', () => {
    expect(transformify.classify({ status: 404, body: { error: 'Not Found', message: 'Campaign not found' } }).error).toMatchObject({
      id: 'transformify.campaign_not_found',
      vendor: 'transformify',
    });
  });

  it('every error entry of a shipped catalog is in its id list', () => {
    for (const [catalog, ids] of [
      [braze.brazeCatalog, braze.BRAZE_ERROR_IDS],
      [sinch.sinchCatalog, sinch.SINCH_ERROR_IDS],
      [spotzee.spotzeeCatalog, spotzee.SPOTZEE_ERROR_IDS],
      [transformify.transformifyCatalog, transformify.TRANSFORMIFY_ERROR_IDS],
    ] as const) {
      const errorIds = catalog.entries.filter((e) => (e.outcome ?? 'error') === 'error').map((e) => e.id);
      expect([...ids].sort()).toEqual([...errorIds, `${catalog.vendor}.unknown`].sort());
    }
  });
});
