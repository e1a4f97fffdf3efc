/** The csv, tsv and logfmt records of `classify --format` (src/cli/flat-formats.ts). */
import { describe, expect, it } from 'vitest';
import { flatHeader, flatRecord } from '../src/cli/flat-formats.js';

const columns = ['line', 'a', 'b'];

describe('csv', () => {
  it('quotes commas and quotes (RFC 4180), writes line breaks as \\n, prints null as empty and objects as JSON', () => {
    expect(flatHeader('csv', columns)).toBe('line,a,b');
    expect(flatRecord('csv', columns, [1, 'x,"y"', null])).toBe('1,"x,""y""",');
    expect(flatRecord('csv', columns, [2, 'one\r\ntwo', { k: [1] }])).toBe('2,one\\r\\ntwo,"{""k"":[1]}"');
  });

  it("guards text that a spreadsheet would run as a formula with a leading ', but not numbers", () => {
    expect(flatRecord('csv', columns, [3, '=HYPERLINK("x")', '@SUM(A1)'])).toBe(`3,"'=HYPERLINK(""x"")",'@SUM(A1)`);
    expect(flatRecord('csv', columns, [4, '+1', -1])).toBe("4,'+1,-1");
  });
});

describe('tsv', () => {
  it('escapes backslash, tab and line breaks so a record is one line of tab-separated cells', () => {
    expect(flatHeader('tsv', columns)).toBe('line\ta\tb');
    expect(flatRecord('tsv', columns, [1, 'a\tb\\c', 'd\ne\rf'])).toBe('1\ta\\tb\\\\c\td\\ne\\rf');
    expect(flatRecord('tsv', columns, [2, null, true])).toBe('2\t\ttrue');
  });
});

describe('logfmt', () => {
  it('has no header, leaves null out, quotes and escapes where needed', () => {
    expect(flatHeader('logfmt', columns)).toBeUndefined();
    expect(flatRecord('logfmt', columns, [1, 'plain', null])).toBe('line=1 a=plain');
    expect(flatRecord('logfmt', columns, [2, 'two words', 'k=v'])).toBe('line=2 a="two words" b="k=v"');
    expect(flatRecord('logfmt', columns, [3, 'say "hi"\\\n', ''])).toBe('line=3 a="say \\"hi\\"\\\\\\n" b=""');
    expect(flatRecord('logfmt', columns, [4, 'bell\u0007', false])).toBe('line=4 a="bell\\u0007" b=false');
  });
});
