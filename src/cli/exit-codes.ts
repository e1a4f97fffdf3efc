/**
 * The CLI's exit codes, documented in every `--help`. Pipelines branch on them, so they
 * are a contract: 0 and 2 follow the usual Unix convention (success, usage error).
 */

/** Success. Invalid input lines alone do not fail `classify` unless `--strict` is given. */
export const EXIT_OK = 0;

/** `lint` found problems, `classify --strict` saw invalid lines, or reading the input failed midway. */
export const EXIT_PROBLEMS = 1;

/** Usage error: unknown command or flag, bad flag value, missing or unreadable file, unknown vendor or id. */
export const EXIT_USAGE = 2;
