/**
 * Writes schema/classification.schema.json from src/classification-schema.ts. The test
 * in test/classification-schema.test.ts fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLASSIFICATION_SCHEMA_ID, classificationSchema } from '../src/classification-schema.js';
import { toJsonSchemaDocument } from '../src/schema/schema.js';

const document = toJsonSchemaDocument(classificationSchema, { id: CLASSIFICATION_SCHEMA_ID, title: 'vendor-errors Classification' });
writeFileSync(join(import.meta.dirname, '..', 'schema', 'classification.schema.json'), `${JSON.stringify(document, null, 2)}\n`);
