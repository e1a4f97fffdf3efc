"""vendor-errors for Python: classifies vendor API error responses and thrown HTTP-client
errors into one normalized result, reading the same catalogs (`catalog/*.json`) as the
TypeScript package. Standard library only; it knows no vendor of its own.

    >>> from vendor_errors import classify
    >>> classify({"status": 503, "headers": {"Retry-After": "30"}, "body": ""})["error"]["retryAfterMs"]
    30000

The catalogs are found, in this order: the directory in the environment variable
``VENDOR_ERRORS_CATALOGS``; the copy installed inside this package (``pip install``
copies them); ``../catalog`` next to this package's parent (a checkout or the npm package).
The order the vendor catalogs are loaded in (it breaks ties of the shape order) is read from
``catalogs.json`` beside them, or ``../conformance/catalogs.json``; without one, alphabetical.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ._engine import Classifier

__all__ = ["Classifier", "catalog_directory", "classify", "default_classifier", "load_catalogs", "normalize_error"]
__version__ = "0.1.0"

_PACKAGE = Path(__file__).resolve().parent


def catalog_directory() -> Path:
    """Where the catalogs are read from (see the module documentation)."""
    configured = os.environ.get("VENDOR_ERRORS_CATALOGS")
    if configured:
        return Path(configured)
    bundled = _PACKAGE / "catalog"
    if (bundled / "generic.json").is_file():
        return bundled
    return _PACKAGE.parent.parent / "catalog"


def _order_file(directory: Path) -> Path | None:
    for candidate in (directory / "catalogs.json", directory.parent / "conformance" / "catalogs.json"):
        if candidate.is_file():
            return candidate
    return None


def load_catalogs(directory: Path | None = None) -> tuple[list, dict]:
    """The vendor catalogs (in load order) and the generic catalog of a directory."""
    directory = catalog_directory() if directory is None else Path(directory)
    order = _order_file(directory)
    if order is not None:
        manifest = json.loads(order.read_text(encoding="utf-8"))
        generic_file = manifest["generic"]
        names = list(manifest["vendors"])
        listed = set(names) | {generic_file}
        names += sorted(path.name for path in directory.glob("*.json") if path.name not in listed and path.name not in ("schema.json", "catalogs.json"))
    else:
        generic_file = "generic.json"
        names = sorted(path.name for path in directory.glob("*.json") if path.name not in ("schema.json", "catalogs.json", generic_file))
    read = lambda name: json.loads((directory / name).read_text(encoding="utf-8"))  # noqa: E731
    return [read(name) for name in names], read(generic_file)


_default: Classifier | None = None


def default_classifier() -> Classifier:
    """The classifier over every catalog found (built on first use)."""
    global _default
    if _default is None:
        catalogs, generic = load_catalogs()
        _default = Classifier(catalogs, generic)
    return _default


def classify(response: dict, *, now: int | None = None, vendor: str | None = None, max_retry_after_ms: int | None = None) -> dict:
    """Classifies a raw response (status, headers, body, url, vendor, request). `now`: the
    clock in epoch milliseconds (default: the current time). Never raises."""
    return default_classifier().classify(response, now=now, vendor=vendor, max_retry_after_ms=max_retry_after_ms)


def normalize_error(thrown: object, *, now: int | None = None, vendor: str | None = None, max_retry_after_ms: int | None = None) -> dict:
    """Classifies a thrown error, given as a JSON-like value (name, message, code, cause,
    errors, and for HTTP clients config/options/request and response). Never raises."""
    return default_classifier().normalize_error(thrown, now=now, vendor=vendor, max_retry_after_ms=max_retry_after_ms)
