import { describe, expect, it } from 'vitest';
import { classify, normalizeError } from '../src/create-classifier.js';
import { DEFAULT_PROBLEM_TYPE_BASE, PROBLEM_JSON_MEDIA_TYPE, toProblemDetails } from '../src/problem-details.js';

const refused = Object.assign(new TypeError('fetch failed'), {
  cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }),
});

describe('toProblemDetails', () => {
  it('describes a Braze not-found error, passing the client-caused 400 through', () => {
    const result = classify({ vendor: 'braze', status: 400, body: { message: 'Invalid Campaign ID' } });
    expect(toProblemDetails(result)).toEqual({
      type: 'https://vendor-errors.dev/problems/braze.invalid_campaign_id',
      status: 400,
      title: 'The vendor could not find a referenced resource',
      detail: 'Invalid Campaign ID',
      category: 'not_found',
      retryable: false,
      vendor: 'braze',
      code: null,
      vendorStatus: 400,
    });
  });

  it("answers 502 for a vendor 401: the gateway's credentials failed, not its client's", () => {
    const result = classify({ vendor: 'braze', status: 401, body: { message: 'Unknown or missing REST API Key.' } });
    const problem = toProblemDetails(result);
    expect(problem?.status).toBe(502);
    expect(problem?.vendorStatus).toBe(401);
    expect(problem?.category).toBe('authentication');
  });

  it('answers 503 with retryAfterMs for a vendor rate limit (the limit is on the gateway account)', () => {
    const result = classify({ vendor: 'braze', status: 429, headers: { 'retry-after': '3' }, body: {} });
    const problem = toProblemDetails(result);
    expect(problem?.status).toBe(503);
    expect(problem?.retryable).toBe(true);
    expect(problem?.retryAfterMs).toBe(3000);
  });

  it('answers 502 for a vendor 500 and 504 for a vendor gateway timeout', () => {
    expect(toProblemDetails(classify({ vendor: 'braze', status: 500, body: {} }))?.status).toBe(502);
    expect(toProblemDetails(classify({ vendor: 'spotzee', status: 504, body: '' }))?.status).toBe(504);
    expect(toProblemDetails(classify({ vendor: 'spotzee', status: 503, body: '' }))?.status).toBe(503);
  });

  it('maps Spotzee field errors to the errors extension, with pointers where the vendor gave one', () => {
    const result = classify({
      vendor: 'spotzee',
      status: 400,
      body: { error: { code: 'validation_failed', message: 'Validation failed', details: { email: 'is invalid' } } },
    });
    const problem = toProblemDetails(result);
    expect(problem).toMatchObject({
      type: 'https://vendor-errors.dev/problems/spotzee.validation_failed',
      status: 400,
      detail: 'Validation failed',
      category: 'validation',
      vendor: 'spotzee',
      code: 'validation_failed',
      errors: [{ field: 'email', detail: 'is invalid' }],
    });

    const pointed = classify({
      status: 422,
      headers: { 'content-type': 'application/problem+json' },
      body: { type: 'about:blank', title: 'Invalid', status: 422, errors: [{ pointer: '/email', detail: 'must be an e-mail' }] },
    });
    expect(toProblemDetails(pointed)?.errors).toEqual([{ pointer: '#/email', detail: 'must be an e-mail' }]);
  });

  it("answers 503 for a Spotzee plan quota reported as 402 (the gateway's account)", () => {
    const result = classify({ vendor: 'spotzee', status: 402, body: { error: { code: 'payment_required', message: 'Insufficient credit balance' } } });
    expect(toProblemDetails(result)?.status).toBe(503);
  });

  it('answers 502 for a network failure, with no vendor status', () => {
    const problem = toProblemDetails(normalizeError(refused));
    expect(problem).toMatchObject({
      type: 'https://vendor-errors.dev/problems/network.econnrefused',
      status: 502,
      title: 'The vendor could not be reached',
      category: 'network',
      retryable: true,
      vendorStatus: null,
    });
  });

  it('returns null for success, queued and partial results', () => {
    expect(toProblemDetails(classify({ vendor: 'braze', status: 201, body: { message: 'success' } }))).toBeNull();
    expect(toProblemDetails(classify({ vendor: 'braze', status: 202, body: { message: 'queued' } }))).toBeNull();
    const partial = classify({ vendor: 'braze', status: 201, body: { message: 'success', errors: ['minor error message'] } });
    expect(partial.outcome).toBe('partial');
    expect(toProblemDetails(partial)).toBeNull();
  });

  it('takes typeBase, instance and a status override', () => {
    const result = classify({ vendor: 'braze', status: 400, body: { message: 'Invalid Campaign ID' } });
    const problem = toProblemDetails(result, { typeBase: 'https://errors.example.com/', instance: 'urn:request:abc', status: 424 });
    expect(problem?.type).toBe('https://errors.example.com/braze.invalid_campaign_id');
    expect(problem?.instance).toBe('urn:request:abc');
    expect(problem?.status).toBe(424);
  });

  it('keeps the standard members first in JSON order', () => {
    const problem = toProblemDetails(classify({ vendor: 'braze', status: 500, body: {} }), { instance: 'urn:x' });
    expect(Object.keys(problem ?? {}).slice(0, 5)).toEqual(['type', 'status', 'title', 'detail', 'instance']);
  });

  it('exports the media type and the default type base', () => {
    expect(PROBLEM_JSON_MEDIA_TYPE).toBe('application/problem+json');
    expect(DEFAULT_PROBLEM_TYPE_BASE).toBe('https://vendor-errors.dev/problems/');
  });
});
