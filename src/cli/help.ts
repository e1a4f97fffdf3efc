/**
 * The `--help` texts. Kept together as data so the exit codes and flags read the same in
 * every command, and so tests can compare them with what the parsers accept.
 */

const EXIT_CODES = `Exit codes:
  0  success
  1  lint found problems, --strict saw invalid lines, or reading the input failed
  2  usage error: unknown command or flag, bad flag value, missing file, unknown vendor or id`;

/** `vendor-errors --help`. */
export const MAIN_HELP = `vendor-errors: normalize vendor API errors (every shipped vendor catalog, HTTP
gateways, network failures) into one typed result. \`vendor-errors catalog\` lists the vendors.

Usage: vendor-errors <command> [options]

Commands:
  classify [file|-]   classify NDJSON responses, one JSON result per input line
  stats [file|-]      counts by vendor, outcome, category and id; top unmatched messages
  lint [dir]          check the shipped catalogs, or a directory of user catalogs
  catalog [vendor]    list catalog entries (--json, --markdown)
  explain <id>        what an error id means, with an example

Options:
  -h, --help          show help (also: vendor-errors <command> --help)
  -v, --version       print the version

${EXIT_CODES}
`;

/** `vendor-errors classify --help`. */
export const CLASSIFY_HELP = `Usage: vendor-errors classify [file|-] [options]

Reads NDJSON from a file or stdin ('-', or no argument when piped): one input per line,
either a response {"vendor","status","headers","body","url","request"} or a thrown error
{"thrown": {"name","message","code","cause"}}. A response needs at least one of status,
headers or body. Writes exactly one result per input line, in order. A line that is
blank, not JSON, not an object, or holds neither a response nor a thrown error yields
{"line": N, "invalid": "<reason>"} and processing continues.

Options:
  --at <path>            read the input from this member of each line, e.g. response or
                         http.response (dot path); the member is a response, a
                         {"thrown": ...} object, or a thrown error itself (name, message, code)
  --keep <a,b.c>         copy these members of each input line into its output line,
                         before the result, e.g. ts,trace_id (missing ones are null; copied
                         as they are but for credentials in URLs, so keep correlation ids,
                         not headers)
  --vendor <name>        treat every line as this vendor's response
  --fields <a,b.c>       output only these dotted fields, e.g. outcome,error.id,error.category
                         (missing values are null; invalid lines are printed unchanged)
  --format <name>        ndjson (default), table (for people), csv, tsv or logfmt
  --summary              print counts to stderr at the end
  --strict               exit 1 when at least one line was invalid
  --no-redact            keep e-mail addresses and phone numbers in messages
                         (redacted by default; credentials are never printed)
  --catalog <dir>        also load the user catalogs (*.json) in dir; one with a shipped
                         vendor's name replaces the shipped catalog
  --max-line-bytes <n>   lines longer than n bytes are reported invalid without being
                         held in memory (default 16777216)
  -h, --help             show this help

csv, tsv and logfmt columns: line, the --keep members, the --fields (default: outcome,
vendor, status, error.id, error.category, error.retryable, error.retryAfterMs,
error.code, error.message, requestId), then invalid (the reason, on invalid lines).
csv and tsv start with a header row. Every record is one line: csv quotes as RFC 4180
and writes line breaks as \\n, and prefixes ' to text starting with = + - @ (formula
injection); tsv writes backslash, tab and line breaks as \\\\ \\t \\n \\r; logfmt quotes
values with spaces or quotes and leaves null values out.

${EXIT_CODES}
`;

/** `vendor-errors stats --help`. */
export const STATS_HELP = `Usage: vendor-errors stats [file|-] [options]

Classifies NDJSON input like 'classify' and prints counts by vendor, outcome, category
and id, the retryable share of errors, and the most frequent unmatched messages (no
entry matched, or only a status): numbers, ids, e-mail addresses and quoted values are
collapsed so that messages of one kind group together, showing which catalog entries
are missing.

Options:
  --json                 print the statistics as one JSON object
  --vendor <name>        treat every line as this vendor's response
  --at <path>            read the input from this member of each line (as classify)
  --top <n>              how many unmatched message shapes to show (default 20)
  --catalog <dir>        also load the user catalogs (*.json) in dir
  --max-line-bytes <n>   lines longer than n bytes count as invalid (default 16777216)
  -h, --help             show this help

${EXIT_CODES}
`;

/** `vendor-errors lint --help`. */
export const LINT_HELP = `Usage: vendor-errors lint [dir] [options]

Checks catalogs: schema, duplicate ids, ambiguous and unreachable entries, templates,
and that every example classifies to its own entry. Without dir, checks the shipped
catalogs; with dir, every *.json in it (except schema.json), together with the shipped
generic catalog. Prints every problem with its file and entry.

Options:
  --json        print the problems as a JSON array
  --redos       also check every template's regular expression with recheck
                (optional package: npm install --save-dev recheck)
  -h, --help    show this help

${EXIT_CODES}
`;

/** `vendor-errors catalog --help`. */
export const CATALOG_HELP = `Usage: vendor-errors catalog [vendor] [options]

Lists the entries of one catalog (or of all of them): id, category, retryable, what it
matches and its description. 'generic' names the catalog of HTTP status defaults,
gateway pages and network errors.

Options:
  --json             print the catalog JSON (an array of catalogs without a vendor)
  --markdown         print a Markdown table
  --catalog <dir>    also load the user catalogs (*.json) in dir
  -h, --help         show this help

${EXIT_CODES}
`;

/** `vendor-errors explain --help`. */
export const EXPLAIN_HELP = `Usage: vendor-errors explain <id> [options]

Explains an error id such as braze.invalid_campaign_id or http.503: its category and
what the caller should do, whether it is retryable and fatal, its docs link, what it
matches, and one example input with the result it classifies to. An unknown id exits
with code 2 and lists close matches.

Options:
  --json             print the explanation as JSON
  --catalog <dir>    also load the user catalogs (*.json) in dir
  -h, --help         show this help

${EXIT_CODES}
`;
