#!/usr/bin/env python3
"""Runs the conformance suite (conformance/*.json) against this port and prints
`N passed, N failed`; exits 1 on any failure. `-v` lists each failure."""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from vendor_errors import default_classifier  # noqa: E402
from vendor_errors._js import parse_json  # noqa: E402


def suite_files(root: Path) -> list:
    files = sorted((root / "cases").glob("*.json"), key=lambda path: int(path.name[1:].split("-")[0]))
    return files + [root / "catalog-examples.json", root / "fixtures.json"]


def run_case(classifier, case: dict) -> dict:
    options = case.get("options") or {}
    kwargs = {"now": options.get("now"), "vendor": options.get("vendor"), "max_retry_after_ms": options.get("maxRetryAfterMs")}
    given = case["input"]
    if isinstance(given, dict) and "thrown" in given:
        return classifier.normalize_error(given["thrown"], **kwargs)
    return classifier.classify(given, **kwargs)


def same(actual: object, expected: object) -> bool:
    """JSON equality: objects by members (any order), arrays in order, numbers by value."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and actual.keys() == expected.keys() and all(same(actual[key], expected[key]) for key in expected)
    if isinstance(expected, list):
        return isinstance(actual, list) and len(actual) == len(expected) and all(same(a, b) for a, b in zip(actual, expected))
    if isinstance(expected, bool) or isinstance(actual, bool):
        return actual is expected
    if isinstance(expected, (int, float)):
        return isinstance(actual, (int, float)) and actual == expected
    return type(actual) is type(expected) and actual == expected


def main(argv: list) -> int:
    root = Path(argv[argv.index("--suite") + 1]) if "--suite" in argv else HERE.parent / "conformance"
    verbose = "-v" in argv
    classifier = default_classifier()
    passed = failed = 0
    for path in suite_files(root):
        for case in parse_json(path.read_text(encoding="utf-8")):
            actual = json.loads(json.dumps(run_case(classifier, case)))
            if same(actual, case["expect"]):
                passed += 1
                continue
            failed += 1
            if verbose:
                print(f"FAIL {path.name} [{case['rule']}] {case['description']}\n  expected {json.dumps(case['expect'], ensure_ascii=False)}\n  actual   {json.dumps(actual, ensure_ascii=False)}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
