// A node:http gateway that answers a vendor failure as RFC 9457 application/problem+json.
import type { RequestListener } from 'node:http';
import { classifyResponse, normalizeError, PROBLEM_JSON_MEDIA_TYPE, toProblemDetails } from '../../src/index.js';

/** Forwards each request's path to the vendor; passes successes through, answers failures with problem details. */
export function createGatewayHandler(vendorBaseUrl: string, vendor = 'braze'): RequestListener {
  return async (req, res) => {
    const outcome: unknown = await fetch(`${vendorBaseUrl}${req.url ?? '/'}`).catch((error: unknown) => error);
    const response = outcome instanceof Response ? outcome : undefined;
    const result = response ? await classifyResponse(response, { vendor }) : normalizeError(outcome, { vendor });
    const problem = toProblemDetails(result, { instance: `urn:gateway:${req.url ?? '/'}` });
    if (problem === null) {
      const accepted = outcome as Response; // only a Response can be accepted
      res.writeHead(accepted.status, { 'content-type': accepted.headers.get('content-type') ?? 'application/json' });
      res.end(await accepted.text());
      return;
    }
    await response?.body?.cancel();
    // RFC 9457 §3.1.2: the response status is the problem's status; Retry-After in whole seconds.
    const retryAfter = problem.retryAfterMs === undefined ? {} : { 'retry-after': String(Math.ceil(problem.retryAfterMs / 1000)) };
    res.writeHead(problem.status, { 'content-type': PROBLEM_JSON_MEDIA_TYPE, ...retryAfter });
    res.end(JSON.stringify(problem));
  };
}
