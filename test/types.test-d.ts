/**
 * Type-level specification (vitest typecheck): the public types are derived from data and
 * narrow the way the docs say.
 */
import type { IsEqual } from 'type-fest';
import { describe, expectTypeOf, it } from 'vitest';
import type { catalogSchema } from '../src/catalog-schema.js';
import { classify, createClassifier } from '../src/create-classifier.js';
import type { Catalog } from '../src/generated/catalog-types.js';
import type { BrazeErrorId, ErrorId, GenericErrorId, KnownErrorId } from '../src/generated/ids.js';
import type { Infer } from '../src/schema/schema.js';
import type { Classification, NormalizedError } from '../src/types.js';
import { classify as brazeClassify, type BrazeResultId } from '../src/generated/vendors/braze.js';
import { CATEGORIES, type Category, type Outcome } from '../src/vocabulary.js';

type Expect<T extends true> = T;

describe('classify', () => {
  it('returns a Classification', () => {
    expectTypeOf(classify).returns.toEqualTypeOf<Classification>();
    type _ = Expect<IsEqual<ReturnType<typeof classify>, Classification>>;
  });

  it("narrows to a non-null error on outcome === 'error'", () => {
    const result = classify({ status: 500 });
    if (result.outcome === 'error') {
      expectTypeOf(result.error).toEqualTypeOf<NormalizedError>();
      expectTypeOf(result.error).not.toBeNullable();
      expectTypeOf(result.minor).toEqualTypeOf<[]>();
    } else {
      expectTypeOf(result.error).toEqualTypeOf<null>();
    }
  });

  it("has a null error and no minor errors on 'success' / 'queued'", () => {
    const result = classify({ status: 200 });
    if (result.outcome === 'success' || result.outcome === 'queued') {
      expectTypeOf(result.error).toEqualTypeOf<null>();
      expectTypeOf(result.minor).toEqualTypeOf<[]>();
    }
    if (result.outcome === 'partial') expectTypeOf(result.minor).toEqualTypeOf<NormalizedError[]>();
  });
});

describe('classify input', () => {
  it('checks an object literal against RawResponse: a misspelt member fails to compile', () => {
    // @ts-expect-error `statuss` is not a RawResponse member
    classify({ statuss: 400 });
    // @ts-expect-error the per-vendor entries check it the same way
    brazeClassify({ vendor: 'braze', status: 400, bdy: '{}' });
    // @ts-expect-error a status is a number
    classify({ status: true });
    expectTypeOf(classify({ status: 400, headers: { 'retry-after': '3' }, body: '{}', url: 'https://rest.iad-01.braze.com', request: { method: 'POST' } })).toEqualTypeOf<Classification>();
  });

  it('still takes what the caller cannot type: unknown, any, parsed JSON, a variable with more members, primitives', () => {
    const parsed: unknown = JSON.parse('{"status":400}');
    const line = JSON.parse('{}') as Record<string, unknown>;
    const logged = { status: 503, trace_id: 'x' };
    expectTypeOf(classify(parsed)).toEqualTypeOf<Classification>();
    expectTypeOf(classify(parsed as any)).toEqualTypeOf<Classification>();
    expectTypeOf(classify(line)).toEqualTypeOf<Classification>();
    expectTypeOf(classify(logged)).toEqualTypeOf<Classification>();
    expectTypeOf(classify('<html>502</html>')).toEqualTypeOf<Classification>();
    expectTypeOf(classify({ status: '503' })).toEqualTypeOf<Classification>();
    expectTypeOf(brazeClassify(parsed)).toEqualTypeOf<Classification<BrazeResultId>>();
  });
});

describe('error ids', () => {
  it('accept every known literal and any string (forward-compatible)', () => {
    expectTypeOf<KnownErrorId>().toMatchTypeOf<ErrorId>();
    expectTypeOf<string>().toMatchTypeOf<ErrorId>();
    expectTypeOf<NormalizedError['id']>().toEqualTypeOf<ErrorId>();
    type _ = Expect<IsEqual<NormalizedError['id'], ErrorId>>;
  });

  it('keep the literals in the union (the editor can complete them)', () => {
    type _1 = Expect<'braze.invalid_campaign_id' extends BrazeErrorId ? true : false>;
    type _2 = Expect<'braze.unknown' extends BrazeErrorId ? true : false>;
    type _3 = Expect<'http.503' extends GenericErrorId ? true : false>;
    type _4 = Expect<BrazeErrorId extends KnownErrorId ? true : false>;
    // Not collapsed to plain string: the literals survive in ErrorId.
    type _5 = Expect<IsEqual<IsEqual<ErrorId, string>, false>>;
    type _6 = Expect<string extends KnownErrorId ? false : true>;
    type _7 = Expect<'braze.no_such_entry' extends BrazeErrorId ? false : true>;
  });
});

describe('vendor-errors/braze', () => {
  it('classify returns ids typed BrazeResultId', () => {
    const result = brazeClassify({ status: 400 });
    expectTypeOf(result).toEqualTypeOf<Classification<BrazeResultId>>();
    if (result.outcome === 'error') expectTypeOf(result.error.id).toEqualTypeOf<BrazeResultId>();
    type _1 = Expect<IsEqual<BrazeResultId, BrazeErrorId | GenericErrorId>>;
    type _2 = Expect<'sinch.unknown_group' extends BrazeResultId ? false : true>;
  });
});

describe('one schema is the source of the Catalog type', () => {
  type FromSchema = Infer<typeof catalogSchema>;

  it('the generated Catalog interface and Infer<typeof catalogSchema> are mutually assignable', () => {
    expectTypeOf<Catalog>().toMatchTypeOf<FromSchema>();
    expectTypeOf<FromSchema>().toMatchTypeOf<Catalog>();
    type _1 = Expect<Catalog extends FromSchema ? true : false>;
    type _2 = Expect<FromSchema extends Catalog ? true : false>;
    type _3 = Expect<IsEqual<Catalog, FromSchema>>;
  });

  it('entries agree member by member', () => {
    type Entry = FromSchema['entries'][number];
    type _1 = Expect<IsEqual<Entry['category'], Catalog['entries'][number]['category']>>;
    type _2 = Expect<IsEqual<NonNullable<Entry['match']>['status'], number | string | undefined>>;
    type _3 = Expect<IsEqual<NonNullable<Entry['match']>['transport'], true | undefined>>;
  });
});

describe('CATEGORIES', () => {
  it('as const equals the Category union, which is the DESIGN.md list', () => {
    type _1 = Expect<IsEqual<(typeof CATEGORIES)[number], Category>>;
    type _2 = Expect<
      IsEqual<
        Category,
        | 'bad_request'
        | 'validation'
        | 'authentication'
        | 'permission'
        | 'not_found'
        | 'conflict'
        | 'precondition'
        | 'rate_limit'
        | 'quota'
        | 'server'
        | 'unavailable'
        | 'network'
        | 'upstream'
        | 'delivery'
        | 'cancelled'
        | 'unknown'
      >
    >;
    expectTypeOf(CATEGORIES).toEqualTypeOf<
      readonly [
        'bad_request',
        'validation',
        'authentication',
        'permission',
        'not_found',
        'conflict',
        'precondition',
        'rate_limit',
        'quota',
        'server',
        'unavailable',
        'network',
        'upstream',
        'delivery',
        'cancelled',
        'unknown',
      ]
    >();
  });

  it('NormalizedError.category is Category', () => {
    expectTypeOf<NormalizedError['category']>().toEqualTypeOf<Category>();
  });
});

describe('createClassifier().classify checks object literals like classify', () => {
  const instance = createClassifier();
  it('rejects a misspelt member and accepts unknown', () => {
    // @ts-expect-error `statuss` is not a RawResponse member
    instance.classify({ statuss: 400 });
    expectTypeOf(instance.classify({ status: 400 }).outcome).toEqualTypeOf<Outcome>();
    expectTypeOf(instance.classify(JSON.parse('{}') as unknown).outcome).toEqualTypeOf<Outcome>();
  });
});
