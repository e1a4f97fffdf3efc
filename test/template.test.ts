/**
 * Message templates (docs/catalog-format.md "Message matching"): the grammar, the matching
 * rules, linear time on hostile messages, and the published regular-expression form.
 */
import { describe, expect, it } from 'vitest';
import { isTemplate, matchTemplate, parseTemplate, templateToRegExpSource, type Template, type TemplateParams } from '../src/template.js';
import { collapseWhitespace, foldCase } from '../src/text.js';

function parsed(source: string): Template {
  const result = parseTemplate(source);
  if ('error' in result) throw new Error(`expected "${source}" to parse, got: ${result.error}`);
  return result;
}

function parseError(source: string): string {
  const result = parseTemplate(source);
  if (!('error' in result)) throw new Error(`expected "${source}" to be rejected`);
  return result.error;
}

/** Matches the way the classifier does: both forms of the message are normalized first. */
function match(source: string, message: string): TemplateParams | null {
  const original = collapseWhitespace(message);
  return matchTemplate(parsed(source), foldCase(original), original);
}

/** matchTemplate on the folded message only (what the regular expression sees). */
function foldedMatch(source: string, message: string): TemplateParams | null {
  const folded = foldCase(collapseWhitespace(message));
  return matchTemplate(parsed(source), folded, folded);
}

/** Runs the published regular expression the way another SDK would (on the folded text). */
function regexMatch(source: string, message: string): Record<string, string> | null {
  const regex = new RegExp(templateToRegExpSource(parsed(source)));
  const groups = regex.exec(foldCase(collapseWhitespace(message)))?.groups;
  return groups === undefined ? null : { ...groups };
}

describe('isTemplate', () => {
  it('is a template exactly when the text contains "{"', () => {
    expect(isTemplate('Maximum {max:int} recipients')).toBe(true);
    expect(isTemplate('Invalid Campaign ID')).toBe(false);
    expect(isTemplate('a } b')).toBe(false);
  });
});

describe('parseTemplate: grammar', () => {
  it('splits a template into case-folded literals and typed holes', () => {
    expect(parsed('Maximum {max:int} recipients allowed per request').parts).toEqual([
      { kind: 'literal', text: 'maximum ' },
      { kind: 'hole', name: 'max', type: 'int' },
      { kind: 'literal', text: ' recipients allowed per request' },
    ]);
  });

  it('accepts the four hole types int, number, word and text', () => {
    const template = parsed('a {i:int} b {n:number} c {w:word} d {t:text} e');
    expect(template.parts.filter((part) => part.kind === 'hole')).toEqual([
      { kind: 'hole', name: 'i', type: 'int' },
      { kind: 'hole', name: 'n', type: 'number' },
      { kind: 'hole', name: 'w', type: 'word' },
      { kind: 'hole', name: 't', type: 'text' },
    ]);
  });

  it('reads an untyped hole {name} as a text hole', () => {
    expect(parsed('Invalid API key: {key}').parts[1]).toEqual({ kind: 'hole', name: 'key', type: 'text' });
  });

  it('reads "{{" and "}}" as literal braces', () => {
    const template = parsed('use {{braces}} around {name:word} here');
    expect(template.parts[0]).toEqual({ kind: 'literal', text: 'use {braces} around ' });
    expect(match('use {{braces}} around {name:word} here', 'Use {braces} around X here')).toEqual({ name: 'X' });
  });

  it('collapses whitespace in the template itself', () => {
    expect(parsed('  Maximum   {max:int}\trecipients ').parts).toEqual([
      { kind: 'literal', text: 'maximum ' },
      { kind: 'hole', name: 'max', type: 'int' },
      { kind: 'literal', text: ' recipients' },
    ]);
  });

  it('lists whole literal words and the number of literal characters', () => {
    const template = parsed("'{field}' is not valid");
    expect(template.literalWords).toEqual(['is', 'not', 'valid']);
    expect(template.literalLength).toBe("'' is not valid".length);
    expect(template.startsWithWord).toBe(false);
    expect(parsed('Maximum {max:int} recipients').startsWithWord).toBe(true);
  });

  it('rejects an unclosed "{"', () => {
    expect(parseError('Maximum {max:int recipients')).toMatch(/unclosed/);
  });

  it('rejects an unmatched "}"', () => {
    expect(parseError('Maximum max} {n:int} recipients')).toMatch(/unmatched/);
  });

  it('rejects an unknown hole type', () => {
    expect(parseError('Maximum {max:integer} recipients')).toMatch(/unknown hole type/);
    expect(parseError('Maximum {max:int:x} recipients')).toMatch(/unknown hole type/);
  });

  it('rejects an invalid or repeated hole name', () => {
    expect(parseError('Maximum {} recipients')).toMatch(/invalid hole name/);
    expect(parseError('Maximum {1max:int} recipients')).toMatch(/invalid hole name/);
    expect(parseError('From {a:int} to {a:int} items')).toMatch(/appears twice/);
  });

  it('rejects two holes that are not separated by literal text', () => {
    expect(parseError('Sent {a:int}{b:word} messages')).toMatch(/separated by literal text/);
  });

  it('rejects more than one text hole', () => {
    expect(parseError('Field {a} is {b} now')).toMatch(/at most one free-text hole/);
  });

  it('rejects a template without a whole literal word', () => {
    expect(parseError('{a:word}-{b:int}')).toMatch(/whole literal word/);
    expect(parseError('x{a:int}')).toMatch(/whole literal word/);
  });

  it('rejects a "template" without any hole', () => {
    expect(parseError('only {{escaped}} braces')).toMatch(/at least one \{hole\}/);
  });
});

describe('matchTemplate: matching', () => {
  it('ignores case and surrounding or repeated whitespace (the catalog-format example)', () => {
    expect(match('Maximum {max:int} recipients allowed per request', '  maximum   200000 Recipients allowed\nper request ')).toEqual({
      max: 200000,
    });
  });

  it('returns typed params: int and number holes become numbers, word and text holes strings', () => {
    const params = match('Sent {count:int} of {ratio:number} to {channel:word} because {why}', 'Sent 3 of 0.5 to viber because it said so');
    expect(params).toEqual({ count: 3, ratio: 0.5, channel: 'viber', why: 'it said so' });
    expect(typeof params?.['count']).toBe('number');
  });

  it('keeps the original case of captured text', () => {
    expect(match('Invalid API key: {key}', 'INVALID api KEY: AbC-123xYz')).toEqual({ key: 'AbC-123xYz' });
  });

  it('is anchored at both ends', () => {
    expect(match('Maximum {max:int} recipients', 'Error: Maximum 5 recipients')).toBeNull();
    expect(match('Maximum {max:int} recipients', 'Maximum 5 recipients allowed')).toBeNull();
    expect(match('{host:word} | 502: Bad gateway', 'example.com | 502: Bad gateway (cached)')).toBeNull();
  });

  it('gives a text hole everything between the parts before it and the parts after it (matched from the end)', () => {
    // Parts after the free-text hole are matched right to left from the anchored end, so
    // the hole may contain the next literal's text: one scan, no retries.
    expect(match('{reason} failed at {n:int}', 'a failed at b failed at 3')).toEqual({ reason: 'a failed at b', n: 3 });
    expect(match('{reason} failed at {n:int}', 'upload failed twice, then failed at 3')).toEqual({ reason: 'upload failed twice, then', n: 3 });
    expect(match('{reason} failed at {n:int}', 'the upload failed at 3')).toEqual({ reason: 'the upload', n: 3 });
    // A text hole may contain part of the next literal, as long as the whole literal is later.
    expect(match('{reason} failed at {n:int}', 'x failed y failed at 3')).toEqual({ reason: 'x failed y', n: 3 });
  });

  it('returns params in the order the template reads, wherever the text hole is', () => {
    expect(Object.keys(match('{a:int} x {t} y {b:int}', '1 x some text y 2')!)).toEqual(['a', 't', 'b']);
    expect(Object.keys(match('{a:int} x {b:word} {t}', '1 x w the rest')!)).toEqual(['a', 'b', 't']);
    expect(Object.keys(match('{t} y {b:int} z {c:word}', 'text y 2 z w')!)).toEqual(['t', 'b', 'c']);
    expect(Object.keys(match('{a:int} x {b:int}', '1 x 2')!)).toEqual(['a', 'b']);
  });

  it('needs at least one character in every hole', () => {
    expect(match('Invalid API key: {key}', 'Invalid API key:')).toBeNull();
    expect(match('{media:word} URL is not accessible', 'URL is not accessible')).toBeNull();
  });

  it('reads negative integers', () => {
    expect(match('Balance is {n:int} credits', 'Balance is -42 credits')).toEqual({ n: -42 });
    expect(match('Balance is {n:int} credits', 'Balance is - credits')).toBeNull();
  });

  it('reads decimals only in number holes', () => {
    expect(match('Wait {s:number} seconds', 'Wait 1.25 seconds')).toEqual({ s: 1.25 });
    expect(match('Wait {s:number} seconds', 'Wait -0.5 seconds')).toEqual({ s: -0.5 });
    expect(match('Wait {s:int} seconds', 'Wait 1.25 seconds')).toBeNull();
  });

  it('leaves a trailing dot after a number to the literal that follows', () => {
    expect(match('Retry in {s:number}.', 'Retry in 3.')).toEqual({ s: 3 });
  });

  it('does not let a number hole take letters', () => {
    expect(match('Maximum {max:int} recipients', 'Maximum many recipients')).toBeNull();
    expect(match('Maximum {max:int} recipients', 'Maximum 12a recipients')).toBeNull();
  });

  it('does not let a word hole cross a space', () => {
    expect(match('{media:word} URL is not accessible', 'Image URL is not accessible')).toEqual({ media: 'Image' });
    expect(match('{media:word} URL is not accessible', 'My image URL is not accessible')).toBeNull();
  });

  it('lets a word hole end the template', () => {
    expect(match('Campaign status is {status:word}', 'Campaign status is Draft')).toEqual({ status: 'Draft' });
    expect(match('Campaign status is {status:word}', 'Campaign status is Draft now')).toBeNull();
  });

  it('matches templates with several typed holes (Transformify pending capacity)', () => {
    const template =
      'Too many pending messages. You have {currentPending:int} pending messages and requested {requestedCount:int} more. Maximum allowed: {maxAllowed:int}. Available capacity: {availableCapacity:int}.';
    expect(
      match(template, 'Too many pending messages. You have 9990 pending messages and requested 20 more. Maximum allowed: 10000. Available capacity: 10.'),
    ).toEqual({ currentPending: 9990, requestedCount: 20, maxAllowed: 10000, availableCapacity: 10 });
  });

  it('takes params from the folded text when folding changes the length, so positions stay aligned', () => {
    // "İ" lower-cases to two code units: captured text must still be the right slice.
    expect(match('Unknown user {name:word} here', 'Unknown user İlker here')).toEqual({ name: 'i̇lker' });
  });
});

describe('matchTemplate: linear time on adversarial input', () => {
  const big = 200_000;

  it('finishes a text hole whose next literal almost occurs everywhere', () => {
    expect(match('start {x} failed now', `start ${'failed '.repeat(big / 7)}failed later`)).toBeNull();
    const long = 'y'.repeat(big);
    expect(match('start {x} end', `start ${long} end`)).toEqual({ x: long });
  });

  it('finishes an int hole on a 200k-digit number', () => {
    expect(match('Maximum {max:int} recipients', `Maximum ${'1'.repeat(big)} items`)).toBeNull();
  });

  it('finishes a number hole on a 200k-digit decimal', () => {
    expect(match('Wait {s:number} seconds', `Wait ${'1'.repeat(big / 2)}.${'1'.repeat(big / 2)} minutes`)).toBeNull();
    expect(match('Wait {s:number} seconds', `Wait ${'1'.repeat(big)}.x seconds`)).toBeNull();
  });

  it('finishes a word hole on a 200k-character word without the next literal', () => {
    expect(match('{media:word} URL is not accessible', `${'a'.repeat(big)} URL is not reachable`)).toBeNull();
    expect(match('{media:word} URL is not accessible', `${'a'.repeat(big)}`)).toBeNull();
  });

  it('finishes a word hole followed by a literal that repeats inside the word', () => {
    expect(match('{w:word}ab end', `${'ab'.repeat(big / 2)} nope`)).toBeNull();
  });
});

describe('templateToRegExpSource', () => {
  const samples: [string, string[]][] = [
    ['Maximum {max:int} recipients allowed per request', ['Maximum 5 recipients allowed per request', 'maximum -5 recipients allowed per request', 'Maximum five recipients allowed per request', 'Maximum 5 recipients']],
    ['Wait {s:number} seconds', ['Wait 1.5 seconds', 'Wait 2 seconds', 'Wait 1. seconds', 'Wait x seconds']],
    ['{media:word} URL is not accessible', ['Image URL is not accessible', 'My image URL is not accessible', 'URL is not accessible']],
    ['Invalid API key: {key}', ['Invalid API key: abc', 'Invalid API key: a b c', 'Invalid API key:']],
    ['Error {status:int} (Server Error)!!1', ['Error 502 (Server Error)!!1', 'Error 502 (Server Error)!!', 'Error 502 Server Error!!1']],
    ['{host:word} | 502: Bad gateway', ['example.com | 502: Bad gateway', 'example.com | 502: bad gateway', 'a b | 502: Bad gateway']],
    ['use {{braces}} for {x:word} now', ['use {braces} for it now', 'use braces for it now']],
    ["Timeout awaiting '{event}' for {ms:int}ms", ["Timeout awaiting 'request' for 5000ms", "Timeout awaiting '' for 5000ms"]],
  ];

  it.each(samples)('is anchored and escapes literal characters: %s', (source) => {
    const regex = templateToRegExpSource(parsed(source));
    expect(regex.startsWith('^')).toBe(true);
    expect(regex.endsWith('$')).toBe(true);
  });

  it.each(samples)('matches the same messages with the same captures as matchTemplate: %s', (source, messages) => {
    for (const message of messages) {
      const expected = foldedMatch(source, message);
      const actual = regexMatch(source, message);
      expect(actual === null ? null : Object.fromEntries(Object.entries(actual).map(([k, v]) => [k, typeof expected?.[k] === 'number' ? Number(v) : v]))).toEqual(
        expected === null ? null : { ...expected },
      );
    }
  });

  it('agrees with matchTemplate when the literal after a text hole occurs twice', () => {
    // The regex is published "for SDKs in other languages": it must classify like the runtime.
    expect(regexMatch('{reason} failed', 'upload failed, retry failed')).toEqual(foldedMatch('{reason} failed', 'upload failed, retry failed'));
  });
});
