import { describe, expect, it } from 'vitest';
import { classifyResponse } from '../src/classify-response.js';
import { createClassifier } from '../src/create-classifier.js';
import * as braze from '../src/generated/vendors/braze.js';

const BRAZE_URL = 'https://rest.iad-01.braze.com/messages/send';

/** A Response whose `url` is set, as one from `fetch` would be (the constructor leaves it ''). */
function fetched(body: BodyInit | null, init: ResponseInit, url = BRAZE_URL): Response {
  const response = new Response(body, init);
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

/** A body stream that counts how many chunks were pulled from it. */
function countingStream(chunk: Uint8Array, chunks: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled++;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe('classifyResponse', () => {
  it('classifies from status, headers, body and url (vendor detected from the host)', async () => {
    const response = fetched('{"message":"Invalid Campaign ID"}', {
      status: 400,
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-1' },
    });
    const result = await classifyResponse(response);
    expect(result.outcome).toBe('error');
    expect(result.vendor).toBe('braze');
    expect(result.status).toBe(400);
    expect(result.requestId).toBe('req-1');
    expect(result.error?.id).toBe('braze.invalid_campaign_id');
  });

  it('leaves the body readable by the caller', async () => {
    const text = '{"message":"Invalid Campaign ID"}';
    const response = fetched(text, { status: 400, headers: { 'content-type': 'application/json' } });
    await classifyResponse(response);
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toBe(text);
  });

  it('leaves the whole body readable even when it is larger than the cap', async () => {
    const big = 'x'.repeat(5000);
    const response = fetched(big, { status: 500 });
    const result = await classifyResponse(response, { maxBodyBytes: 100 });
    expect(result.truncated).toBe(true);
    expect(await response.text()).toBe(big);
  });

  it('classifies from status and headers only when the body was already used', async () => {
    const response = fetched('{"message":"Invalid Campaign ID"}', { status: 400, headers: { 'content-type': 'application/json' } });
    await response.text();
    const result = await classifyResponse(response);
    expect(result.outcome).toBe('error');
    expect(result.error?.id).toBe('braze.bad_request');
    expect(result.error?.matchedBy).toBe('status');
  });

  it('classifies from status and headers only when the body is locked by a reader', async () => {
    const response = fetched('{"message":"Invalid Campaign ID"}', { status: 400 });
    const reader = response.body!.getReader();
    const result = await classifyResponse(response);
    expect(result.error?.id).toBe('braze.bad_request');
    reader.releaseLock();
  });

  it('stops reading the stream past the cap and marks the result truncated', async () => {
    const { stream, pulled } = countingStream(new Uint8Array(1024).fill(0x61), 1000);
    const response = fetched(stream, { status: 503 });
    const result = await classifyResponse(response, { maxBodyBytes: 4096 });
    expect(result.truncated).toBe(true);
    expect(result.error?.category).toBe('unavailable');
    // 4 KiB + 1 byte needs 5 chunks; the tee may pull a couple ahead, never the whole 1 MB.
    expect(pulled()).toBeLessThan(20);
  });

  it('parses a body exactly at the cap', async () => {
    const text = '{"message":"Invalid Campaign ID"}';
    const response = fetched(text, { status: 400 });
    const result = await classifyResponse(response, { maxBodyBytes: new TextEncoder().encode(text).byteLength });
    expect(result.truncated).toBeUndefined();
    expect(result.error?.id).toBe('braze.invalid_campaign_id');
  });

  it('passes request info on for request-aware retry advice (Spotzee POST without Idempotency-Key)', async () => {
    const body = '{"error":{"message":"Unexpected platform error"}}';
    const url = 'https://apix.spotzee.com/api/client/contacts';
    const withoutKey = await classifyResponse(fetched(body, { status: 500 }, url), { request: { method: 'POST' } });
    const withKey = await classifyResponse(fetched(body, { status: 500 }, url), { request: { method: 'POST', idempotencyKey: 'k-1' } });
    expect(withoutKey.vendor).toBe('spotzee');
    expect(withoutKey.error?.retryable).toBe(false);
    expect(withKey.error?.retryable).toBe(true);
  });

  it('reads retry hints from the Headers object', async () => {
    const response = fetched('{}', { status: 429, headers: { 'retry-after': '7' } });
    const result = await classifyResponse(response);
    expect(result.error?.retryAfterMs).toBe(7000);
  });

  it('passes classify options through (vendor, clock)', async () => {
    const response = new Response('{"message":"Invalid Campaign ID"}', { status: 400 });
    const result = await classifyResponse(response, { vendor: 'braze' });
    expect(result.vendor).toBe('braze');
    expect(result.error?.id).toBe('braze.invalid_campaign_id');
  });

  it('uses a per-vendor classifier when given one', async () => {
    const response = new Response('{"message":"No Recipients"}', { status: 400 });
    const result = await classifyResponse(response, { classifier: braze });
    expect(result.error?.id).toBe('braze.no_recipients');
  });

  it('uses a createClassifier instance when given one', async () => {
    const classifier = createClassifier({ maxRetryAfterMs: 1000 });
    const response = fetched('{}', { status: 429, headers: { 'retry-after': '60' } });
    const result = await classifyResponse(response, { classifier });
    expect(result.error?.retryAfterMs).toBe(1000);
  });

  it('classifies a success and leaves its body alone', async () => {
    const response = fetched('{"message":"success"}', { status: 201 });
    const result = await classifyResponse(response);
    expect(result.outcome).toBe('success');
    expect(await response.json()).toEqual({ message: 'success' });
  });

  it('handles a response without a body', async () => {
    const result = await classifyResponse(fetched(null, { status: 204 }));
    expect(result.outcome).toBe('success');
    expect(result.status).toBe(204);
  });

  it('classifies from status alone when the body errors half-way', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"message":'));
        controller.error(new Error('terminated'));
      },
    });
    const result = await classifyResponse(fetched(stream, { status: 502 }));
    expect(result.outcome).toBe('error');
    expect(result.error?.category).toBe('unavailable');
  });
});
