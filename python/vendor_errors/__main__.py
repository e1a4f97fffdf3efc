"""`python3 -m vendor_errors`: classifies JSON lines from stdin, one result line each.

Each line is `{"input": <response or {"thrown": X}>, "options": {"now", "vendor",
"maxRetryAfterMs"}}` (options optional); each output line is the Classification as JSON.
"""

from __future__ import annotations

import json
import sys

from . import default_classifier
from ._js import parse_json


def _classify(classifier, line: str) -> dict:
    request = parse_json(line)
    options = request.get("options") or {}
    kwargs = {"now": options.get("now"), "vendor": options.get("vendor"), "max_retry_after_ms": options.get("maxRetryAfterMs")}
    given = request.get("input")
    if isinstance(given, dict) and "thrown" in given:
        return classifier.normalize_error(given["thrown"], **kwargs)
    return classifier.classify(given, **kwargs)


def main() -> int:
    classifier = default_classifier()
    out = sys.stdout
    for line in sys.stdin:
        if line.strip() == "":
            continue
        out.write(json.dumps(_classify(classifier, line), separators=(",", ":")))
        out.write("\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
