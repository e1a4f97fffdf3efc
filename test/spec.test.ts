/**
 * The documents a port works from (docs/spec.md, conformance/README.md, python/README.md)
 * name only files the npm package ships: every path they mention is in the packed file
 * list, and none points at the repository's design notes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const DOCUMENTS = ['docs/spec.md', 'conformance/README.md', 'python/README.md', 'docs/catalog-format.md', 'test/fixtures/README.md'];

function packedFiles(): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  const [pack] = JSON.parse(output) as { files: { path: string }[] }[];
  return pack!.files.map((file) => file.path);
}

/** Paths a document mentions: code spans and link targets that look like files or folders. */
function mentionedPaths(text: string): string[] {
  const spans = [...text.matchAll(/`([^`\s]+)`/g), ...text.matchAll(/\]\(([^)\s#]+)\)/g)].map((match) => match[1]!);
  return [...new Set(spans.filter((span) => !span.includes('://') && /^(\.\.\/)?[\w.-]+(\/[\w.*-]*)*(\.(md|json|py|toml)|\/)$/.test(span)))];
}

/** Package subpaths (`vendor-errors/fixtures/x`) as the files they export. */
function fromSpecifier(path: string): string {
  if (!path.startsWith('vendor-errors/')) return path;
  const subpath = path.slice('vendor-errors/'.length);
  return subpath.startsWith('fixtures/') ? `test/${subpath}` : subpath;
}

/** Whether a mentioned path (from the root, from the document's folder, or a package subpath) is shipped. */
function shippedFrom(document: string, path: string, files: readonly string[]): boolean {
  const folder = document.slice(0, document.lastIndexOf('/') + 1);
  return shipped(fromSpecifier(path), files) || (!path.startsWith('../') && shipped(`${folder}${path}`, files));
}

/** Whether a path from the root is shipped: a file, a folder with files, or a glob that matches one. */
function shipped(path: string, files: readonly string[]): boolean {
  const clean = path.replace(/^\.\.\//, '');
  if (clean.endsWith('/')) return files.some((file) => file.startsWith(clean));
  if (clean.includes('*')) {
    const pattern = new RegExp(`^${clean.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    return files.some((file) => pattern.test(file));
  }
  return files.includes(clean);
}

describe('documents for other languages', () => {
  const files = packedFiles();

  it('finds the paths a document mentions', () => {
    expect(mentionedPaths('read `docs/spec.md`, `catalog/*.json`, `conformance/` and [x](CATALOG.md); not `classify` or `https://a/b.md`')).toEqual(['docs/spec.md', 'catalog/*.json', 'conformance/', 'CATALOG.md']);
  });

  it('the shipped-file check rejects a file the package does not ship', () => {
    expect(shipped('DESIGN.md', files)).toBe(false);
    expect(shipped('test/conformance.test.ts', files)).toBe(false);
    expect(shipped('src/', files)).toBe(false);
    expect(shipped('catalog/*.json', files)).toBe(true);
  });

  for (const document of DOCUMENTS) {
    it(`${document} is shipped and points only at files the package ships`, () => {
      expect(files).toContain(document);
      const text = readFileSync(join(root, document), 'utf8');
      const paths = mentionedPaths(text);
      expect(paths.length).toBeGreaterThan(0);
      expect(paths.filter((path) => !shippedFrom(document, path, files))).toEqual([]);
      expect(text).not.toMatch(/DESIGN\.md/);
    });
  }
});
