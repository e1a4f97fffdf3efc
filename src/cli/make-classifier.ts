/**
 * Builds the classifier a command runs with, and checks `--vendor` against it. A catalog
 * that validates but does not compile (a template that does not parse) is reported as a
 * usage error rather than a crash.
 */
import { createClassifier, isCatalogError, type Classifier } from '../index.js';
import type { CatalogSet } from './catalog-set.js';
import { UsageError } from './usage-error.js';

/** Creates the classifier over `set`. PII redaction is the CLI's default (logs are shared widely). */
export function makeClassifier(command: string, set: CatalogSet, options: { redactPii: boolean }): Classifier {
  try {
    return createClassifier({ catalogs: set.vendors, generic: set.generic, redactPii: options.redactPii });
  } catch (cause) {
    if (!isCatalogError(cause)) throw cause;
    const first = cause.issues[0];
    throw new UsageError(`${command}: ${cause.message}${first === undefined ? '' : ` (${first})`}`, { cause });
  }
}

/**
 * The `--vendor` value, normalized as the classifier does (trimmed, lower-case), or a
 * usage error listing the known vendors: a typo would otherwise silently classify every
 * line as `<typo>.unknown`.
 */
export function checkVendor(command: string, classifier: Classifier, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const vendor = value.trim().toLowerCase();
  if (!classifier.vendors.includes(vendor))
    throw new UsageError(`${command}: unknown vendor '${value}' (known: ${classifier.vendors.join(', ')})`);
  return vendor;
}
