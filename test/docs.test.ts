/**
 * API documentation: typedoc builds with every export documented (typedoc.json sets
 * `validation.notDocumented` and treats warnings as errors), and the catalog format
 * document lists every part of the shape language the code accepts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genericCatalog } from '../src/generated/catalogs/generic.js';
import { VALUE_TYPES } from '../src/json-path.js';
import { READER_TRANSFORMS } from '../src/vocabulary.js';

const root = join(import.meta.dirname, '..');

it('typedoc reports no undocumented export, broken link or warning', () => {
  let output = '';
  let status = 0;
  try {
    output = execFileSync(process.execPath, [join(root, 'node_modules/typedoc/bin/typedoc'), '--emit', 'none'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    status = failure.status;
    output = `${failure.stdout}${failure.stderr}`;
  }
  expect({ status, output: output.replace(/\u001b\[[0-9;]*m/g, '').trim() }).toEqual({ status: 0, output: '' });
});

describe('docs/catalog-format.md documents the shape language completely', () => {
  const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'catalog-format.md'), 'utf8');
  const rows = (heading: string): string[] => {
    const section = doc.slice(doc.indexOf(heading));
    const table = section.slice(section.indexOf('\n|'), section.indexOf('\n\n', section.indexOf('\n|') + 1));
    const body = table.split('\n').filter((line) => line.startsWith('|')).slice(2); // past the header and |---|
    return body.filter((line) => line.startsWith('| `')).map((line) => line.slice(3, line.indexOf('`', 3)));
  };

  it('every reader transformation', () => {
    expect(rows('### Readers')).toEqual([...READER_TRANSFORMS]);
  });

  it('every condition type', () => {
    expect(rows('### Conditions')).toEqual([...VALUE_TYPES]);
  });

  it('every standard shape, in declaration order', () => {
    expect(rows('### The standard shapes')).toEqual(genericCatalog.shapes.map((shape) => (typeof shape === 'string' ? shape : shape.name)));
  });
});
