/**
 * A vendor is data (DESIGN.md "Reading a response is data too"): outside src/generated/,
 * the code names no vendor and none of a vendor's own member names. Comments may use a
 * vendor as an example, and help texts may cite an example id (`braze.invalid_campaign_id`);
 * identifiers and string literals may not. Vendor names and member names are read from
 * the catalogs, so a new vendor is checked without changing this test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
type Json = Record<string, unknown>;

const catalogs = readdirSync(join(root, 'catalog'))
  .filter((file) => file.endsWith('.json') && file !== 'schema.json')
  .map((file) => JSON.parse(readFileSync(join(root, 'catalog', file), 'utf8')) as Json);
const generic = catalogs.find((catalog) => catalog['thrown'] !== undefined)!;
const vendors = catalogs.filter((catalog) => catalog !== generic);

/** Path segments of every reader, condition and item spec of the given shape objects. */
function segmentsOf(value: unknown, out: Set<string>, key?: string): void {
  if (typeof value === 'string') {
    if (key === 'name' || key === 'description' || key === 'as' || key === 'body' || key === 'mediaType') return;
    for (const segment of value.split('.')) out.add(segment);
  } else if (Array.isArray(value)) for (const item of value) segmentsOf(item, out, key);
  else if (typeof value === 'object' && value !== null)
    for (const [member, inner] of Object.entries(value)) {
      if (key === 'when' || member !== 'when') segmentsOf(inner, out, member);
      if (member === 'when') for (const path of Object.keys(Array.isArray(inner) ? Object.assign({}, ...(inner as object[])) : (inner as object))) segmentsOf(path, out);
    }
}

const standardMembers = new Set<string>();
segmentsOf([generic['shapes'], generic['thrown']], standardMembers);

/** Members only vendors' own envelopes and retry hints use. */
const vendorMembers = new Set<string>();
for (const catalog of vendors) {
  segmentsOf((catalog['shapes'] as unknown[]).filter((shape) => typeof shape !== 'string'), vendorMembers);
  for (const field of ((catalog['retryHints'] as Json | undefined)?.['bodyFields'] as { path: string }[] | undefined) ?? []) segmentsOf(field.path, vendorMembers);
}
// Only compound names (snake_case, camelCase) say whose member they are: a plain word such
// as `id`, `text` or `index` is also the code's own vocabulary.
for (const word of [...vendorMembers]) if (standardMembers.has(word) || !/_|[a-z][A-Z]/.test(word)) vendorMembers.delete(word);

/** Vendor names: catalog names and the labels of their host names (old brand names included). */
const vendorNames = new Set<string>();
for (const catalog of vendors) {
  vendorNames.add(String(catalog['vendor']).toLowerCase());
  for (const host of catalog['hosts'] as string[]) {
    const labels = host.replace(/^\*\./, '').split('.');
    if (labels.length >= 2) vendorNames.add(labels[labels.length - 2]!.toLowerCase());
  }
}
// Host labels that are words, not names.
for (const common of ['api', 'sms', 'www']) vendorNames.delete(common);

/** An example id in a help text: `<vendor>.<snake_case>`. */
const EXAMPLE_ID = /\b[a-z0-9_]+\.[a-z0-9_]+\b/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every identifier and string or template text of a file (parsed, so comments are left out). */
function tokens(file: string): { text: string; string: boolean; line: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { text: string; string: boolean; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) out.push({ text: node.text, string: false, line });
    else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) out.push({ text: node.text, string: true, line });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** A token of a source file: an identifier, or the text of a string literal. */
interface Token {
  file: string;
  text: string;
  string: boolean;
  line: number;
}

/** Where tokens name a vendor or a vendor's member: `file:line: token`. */
function hits(found: readonly Token[]): string[] {
  const out: string[] = [];
  for (const token of found) {
    const text = token.string ? token.text.replace(EXAMPLE_ID, '') : token.text;
    const lower = text.toLowerCase();
    const names = [...vendorNames].filter((name) => lower.includes(name));
    const words = token.string ? text.split(/[^A-Za-z0-9_-]+/) : [text];
    const members = words.filter((word) => vendorMembers.has(word));
    for (const hit of [...names, ...members]) out.push(`${relative(root, token.file)}:${token.line}: ${hit}`);
  }
  return out;
}

/** Where TypeScript `files` name a vendor or a vendor's member. */
function findings(files: readonly string[]): string[] {
  return hits(files.flatMap((file) => tokens(file).map((token) => ({ ...token, file }))));
}

describe('src/ knows no vendor', () => {
  it('derives something to look for from the catalogs', () => {
    expect([...vendorNames]).toEqual(expect.arrayContaining(['braze', 'sinch', 'spotzee', 'transformify']));
    expect([...vendorMembers]).toEqual(expect.arrayContaining(['input_array', 'validationErrors', 'retryAfterSeconds']));
  });

  it('names no vendor and no vendor member outside src/generated/', () => {
    expect(findings(sourceFiles(join(root, 'src')))).toEqual([]);
  });

  it('would notice one coming back', () => {
    // A recogniser written the old way, as code; the comment is allowed.
    const file = join(mkdtempSync(join(tmpdir(), 'vendor-knowledge-')), 'probe.ts');
    writeFileSync(file, "// comments may say Spotzee\nexport const read = (body: any) => (body.input_array ? 'braze' : `${body.validationErrors}`);\n");
    try {
      expect(findings([file]).map((finding) => finding.slice(finding.indexOf(':') + 1))).toEqual(['2: input_array', '2: braze', '2: validationErrors']);
    } finally {
      rmSync(file);
    }
  });
});

/** Every identifier and string literal of Python files (Python's own tokenizer, so comments are left out). */
function pythonTokens(files: readonly string[]): Token[] {
  const script = [
    'import io, json, sys, tokenize, ast',
    'out = []',
    'for path in sys.argv[1:]:',
    '    with open(path, "rb") as handle:',
    '        for token in tokenize.tokenize(handle.readline):',
    '            if token.type == tokenize.NAME: out.append([path, token.string, False, token.start[0]])',
    '            elif token.type == tokenize.STRING:',
    '                try: value = ast.literal_eval(token.string)',
    '                except Exception: value = token.string',
    '                out.append([path, value if isinstance(value, str) else str(value), True, token.start[0]])',
    'print(json.dumps(out))',
  ].join('\n');
  const output = execFileSync('python3', ['-c', script, ...files], { encoding: 'utf8' });
  return (JSON.parse(output) as [string, string, boolean, number][]).map(([file, text, string, line]) => ({ file, text, string, line }));
}

/** {@link findings} for Python files; docstrings are strings too, so they may cite example ids only. */
function pythonFindings(files: readonly string[]): string[] {
  return hits(pythonTokens(files));
}

function pythonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'catalog' || entry.name.startsWith('.') || entry.name === '__pycache__' || entry.name === 'build' ? [] : pythonFiles(path);
    return entry.name.endsWith('.py') ? [path] : [];
  });
}

describe('the Python port knows no vendor', () => {
  it('names no vendor and no vendor member in python/', () => {
    const files = pythonFiles(join(root, 'python'));
    expect(files.length).toBeGreaterThan(5);
    expect(pythonFindings(files)).toEqual([]);
  });

  it('would notice one coming back', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vendor-knowledge-')), 'probe.py');
    writeFileSync(file, "# comments may say Spotzee\ndef read(body):\n    return 'braze' if body.get('input_array') else body['validationErrors']\n");
    try {
      expect(pythonFindings([file]).map((finding) => finding.slice(finding.indexOf(':') + 1))).toEqual(['3: braze', '3: input_array', '3: validationErrors']);
    } finally {
      rmSync(file);
    }
  });
});
