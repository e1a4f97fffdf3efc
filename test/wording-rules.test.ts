/**
 * General wording rules (docs/catalog-format.md "Precedence"): the generic catalog's
 * messages that say what happened, for any vendor, ranked after every code, message and
 * shape entry and before status entries. Each rule is checked on the texts it must read
 * and on near misses it must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../src/create-classifier.js';
import type { Classification, NormalizedError } from '../src/types.js';

const classifier = createClassifier({ now: () => Date.UTC(2025, 0, 1) });

function errorOf(result: Classification): NormalizedError {
  if (result.outcome !== 'error') throw new Error(`expected an error, got ${result.outcome}`);
  return result.error;
}

/** The category and id of a JSON `{"message"}` body from a service no catalog names. */
const read = (message: string, status = 400) => {
  const { category, id } = errorOf(classifier.classify({ status, body: { message } }));
  return { category, id };
};

describe('wordings that say what happened', () => {
  it.each([
    ['Webhook not found', 404, 'not_found'],
    ['Could not find catalog', 400, 'not_found'],
    ['Requested resource was not found.', 404, 'not_found'],
    ['User usr_01HXY7Z9K8M5J2N4P6Q8R0S1T2 was not found in this project.', 404, 'not_found'],
    ['Shirt does not exist.', 404, 'not_found'],
    ['A catalog with that name already exists', 400, 'conflict'],
    ['A contact with external_id user-9876 already exists.', 400, 'conflict'],
    ['a single request may not contain more than 75 recipients', 400, 'quota'],
    ['Catalog cannot have more than 500 fields.', 400, 'quota'],
    ['Journey is paused', 400, 'precondition'],
    ['Campaign must be active to add messages', 400, 'precondition'],
    ['email must be a valid email address.', 400, 'validation'],
    ["'recipients' must be an array of objects", 400, 'validation'],
    ['Limit must be between 1 and 100', 400, 'validation'],
  ])('"%s" (%i) → %s', (message, status, category) => {
    expect(read(message, status)).toMatchObject({ category, id: expect.stringMatching(/^wording\./) as string });
  });
});

describe('near misses keep their own meaning', () => {
  it.each([
    ['Not Found', 404, 'not_found', 'http.404'],
    ['Template not found or access denied', 403, 'permission', 'http.403'],
    ['already exists', 409, 'conflict', 'http.409'],
    ['Check whether the user already exists before creating one', 400, 'bad_request', 'http.400'],
    ['Name may not contain more than 100 characters', 400, 'bad_request', 'http.400'],
    ['may not contain more than one @', 400, 'bad_request', 'http.400'],
    ['The journey is paused. Resume it first.', 400, 'bad_request', 'http.400'],
  ])('"%s" (%i) stays %s', (message, status, category, id) => {
    expect(read(message, status)).toEqual({ category, id });
  });

  it.each([
    ['API key not found', 401, 'authentication'],
    ['API key is not active', 401, 'authentication'],
    ['API key must be provided', 400, 'authentication'],
    ['Account is not active', 403, 'permission'],
    ['You must be an admin to do this', 403, 'permission'],
    ['Request body must be valid JSON', 400, 'bad_request'],
  ])('"%s" (%i) is %s, by a more specific wording', (message, status, category) => {
    expect(read(message, status).category).toBe(category);
  });
});

describe('rank: below every vendor code and message entry, above status entries', () => {
  it("a vendor's own message entry wins over the wording", () => {
    expect(errorOf(classifier.classify({ vendor: 'braze', status: 404, body: { message: 'Integration not found' } })).id).toBe('braze.cdi_integration_not_found');
  });

  it("a vendor's code wins over the wording", () => {
    const body = { errors: [{ id: 'catalog-not-found', message: 'Could not find catalog', parameters: ['catalog_name'], parameter_values: ['x'] }], message: 'Invalid Request' };
    expect(errorOf(classifier.classify({ vendor: 'braze', status: 404, body }))).toMatchObject({ id: 'braze.catalog_not_found', category: 'not_found', code: 'catalog-not-found' });
  });

  it("a Braze 404 naming a missing resource is not_found; Braze's unknown-key 404 only when the body says nothing else", () => {
    expect(errorOf(classifier.classify({ vendor: 'braze', status: 404, body: { message: 'Webhook not found' } }))).toMatchObject({ id: 'wording.not_found', category: 'not_found' });
    expect(errorOf(classifier.classify({ vendor: 'braze', status: 404, body: '' })).category).toBe('authentication');
    expect(errorOf(classifier.classify({ vendor: 'braze', status: 404, body: { message: 'Invalid Request' } })).category).toBe('authentication');
  });

  it('gateway pages keep their own entries', () => {
    const page = '<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>';
    expect(errorOf(classifier.classify({ status: 404, headers: { 'content-type': 'text/html' }, body: page })).id).toBe('gateway.html_404');
  });
});
