/**
 * Generated files (src/generated/*, catalog/schema.json, CATALOG.md) must match what the
 * generator produces from the schema and catalog/*.json today.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderGeneratedFiles } from '../scripts/generate.js';

const root = join(import.meta.dirname, '..');

describe('generated files', () => {
  for (const [path, content] of renderGeneratedFiles()) {
    it(`${path} is up to date (run \`npm run generate\`)`, () => {
      expect(readFileSync(join(root, path), 'utf8')).toBe(content);
    });
  }

  it('ids.ts lists every error entry and one unknown id per catalog', () => {
    const ids = renderGeneratedFiles().get('src/generated/ids.ts')!;
    expect(ids).toContain("'braze.invalid_campaign_id',");
    expect(ids).toContain("'braze.unknown',");
    expect(ids).toContain("'generic.unknown',");
    // Success and queued entries are outcomes, not errors: they have no error id.
    expect(ids).not.toContain("'braze.success'");
  });
});
