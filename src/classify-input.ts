/**
 * The argument type of `classify`: an object literal is checked against `RawResponse`
 * (a misspelt member such as `statuss` fails to compile), while a value the caller
 * cannot type (`unknown`, `any`: a parsed log line, a body from elsewhere) is still
 * accepted, as `classify` never throws on any input.
 */
import type { Classification, ClassifyOptions, RawResponse } from './types.js';

/** A `RawResponse` whose status may also be a numeric string, as `classify` accepts (`"503"`). */
export type RawResponseWithTextStatus = Omit<RawResponse, 'status'> & { status?: number | string | null | undefined };

/**
 * `T` when a value of type `T` may be passed to `classify` although it is not a
 * `RawResponse`: `unknown` and `any`, primitives (classified as bad input), objects with a
 * string index signature (`Record<string, unknown>`, parsed JSON), and a `RawResponse`
 * with a numeric-string status. Any other object type is `never`, so the call fails to
 * compile.
 */
export type LooseInput<T> = unknown extends T
  ? T
  : T extends object
    ? string extends keyof T
      ? T
      : [Exclude<keyof T, keyof RawResponse>] extends [never]
        ? T extends RawResponseWithTextStatus
          ? T
          : never
        : never
    : T;

/** `classify`'s call signatures; per-vendor entries (`vendor-errors/braze`) have the same. */
export interface ClassifyFunction<Id extends string> {
  /** Classifies a raw vendor response. Never throws. */
  (input: RawResponse, options?: ClassifyOptions): Classification<Id>;
  /** Classifies a value not typed as a `RawResponse` (see {@link LooseInput}). Never throws. */
  <T>(input: T & LooseInput<T>, options?: ClassifyOptions): Classification<Id>;
}
