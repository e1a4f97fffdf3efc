/**
 * Run by test/retry-clients.test.ts under Node 22 (got 16, ky 2 and p-retry 9 need it):
 * drives those clients against the server whose base URL is argv[2] and prints each
 * client's endings as one JSON object on stdout.
 */
import got from 'got16';
import ky from 'ky2';
import pRetry from 'p-retry9';
import { gotDriver, kyDriver, pRetryDriver, runScenarios, warmUp, type Driver } from './retry-drivers.js';

const base = process.argv[2];
if (base === undefined) throw new Error('usage: retry-clients-node22.ts <base url>');

const drivers: Record<string, Driver> = {
  got16: gotDriver(got),
  // got 16 enforces its own rules first (enforceRetryRules: true), and a Retry-After beyond
  // the request timeout (900 ms: shorter than the wait) is one of them: the helper turns them off.
  'got16-timeout': gotDriver(got, 900),
  ky2: kyDriver(ky),
  'p-retry9': pRetryDriver(pRetry),
};
warmUp();
// One client after the other, as in the parent process (see there).
const endings: [string, Awaited<ReturnType<typeof runScenarios>>][] = [];
for (const [client, driver] of Object.entries(drivers)) endings.push([client, await runScenarios(base, client, driver)]);
process.stdout.write(`${JSON.stringify({ node: process.version, endings: Object.fromEntries(endings) })}\n`);
