/**
 * Checks that the synthetic catalog of target 3 is valid under docs/catalog-format.md:
 * runs the catalog lint (schema, ids, ambiguity, templates, examples) over it together
 * with the shipped and generic catalogs, and reports how long the lint takes (it must stay
 * linear in catalog size: about a second for 10,000 entries here).
 *
 *   npx tsx bench/lint-synthetic.ts [entries=10000]
 */
import { genericCatalog } from '../src/generated/catalogs/generic.js';
import { shippedCatalogs } from '../src/create-classifier.js';
import { lintCatalogs } from '../src/lint.js';
import { syntheticCatalog } from './synthetic-catalog.js';

const entries = Number(process.argv[2] ?? 10_000);
const started = performance.now();
const problems = lintCatalogs([...shippedCatalogs, syntheticCatalog(entries).catalog], { generic: genericCatalog });
console.log(`${entries} synthetic entries: ${problems.length} lint problems in ${((performance.now() - started) / 1000).toFixed(1)} s`);
for (const problem of problems.slice(0, 20)) console.log(`  ${problem.catalog} ${problem.entry ?? ''} ${problem.rule}: ${problem.message}`);
process.exitCode = problems.length === 0 ? 0 : 1;
