"""Values as the specification sees them: JSON values with JavaScript's string and number
semantics (docs/spec.md "Conventions"). Lengths and slices are in UTF-16 code units,
whitespace is ECMAScript's WhiteSpace and LineTerminator set, numbers print as
ECMAScript's Number::toString does."""

from __future__ import annotations

import math
import re
from decimal import Decimal

#: A missing member (JSON null is None, a value).
UNDEFINED = type("Undefined", (), {"__repr__": lambda self: "UNDEFINED", "__bool__": lambda self: False})()

WHITESPACE = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_WS_CLASS = "[" + re.escape(WHITESPACE) + "]"
_WS_RUN = re.compile(_WS_CLASS + "+")
MAX_SAFE_INTEGER = 2**53 - 1


def is_number(value: object) -> bool:
    """A JSON number (booleans are not numbers)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_finite(value: object) -> bool:
    return is_number(value) and math.isfinite(value)


def is_integer(value: object) -> bool:
    """ECMAScript Number.isInteger."""
    return is_finite(value) and float(value).is_integer()


def is_record(value: object) -> bool:
    return isinstance(value, dict)


def js_trim(text: str) -> str:
    return text.strip(WHITESPACE)


def collapse_whitespace(text: str) -> str:
    """Trims and turns every run of whitespace into one space."""
    return js_trim(_WS_RUN.sub(" ", text))


def has_text(text: str) -> bool:
    return js_trim(text) != ""


def first_non_space(text: str) -> int:
    for index, char in enumerate(text):
        if char not in WHITESPACE:
            return index
    return -1


def fold(text: str) -> str:
    """Case folding for every comparison (ECMAScript toLowerCase)."""
    return text.lower()


def _has_astral(text: str) -> bool:
    return any(ord(char) > 0xFFFF for char in text)


def u16_len(text: str) -> int:
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF) if _has_astral(text) else len(text)


def u16_slice(text: str, start: int, end: int | None = None) -> str:
    """`text.slice(start, end)` in UTF-16 code units (a cut pair leaves a lone surrogate)."""
    if not _has_astral(text):
        return text[start:end]
    units = text.encode("utf-16-le", "surrogatepass")
    stop = None if end is None else end * 2
    return units[start * 2 : stop].decode("utf-16-le", "surrogatepass")


def as_units(text: str) -> str:
    """`text` with each character above U+FFFF as its two surrogates: indexes are then
    UTF-16 code units. `from_units` joins the pairs again."""
    if not _has_astral(text):
        return text
    units = text.encode("utf-16-le", "surrogatepass")
    return "".join(chr(units[i] | units[i + 1] << 8) for i in range(0, len(units), 2))


def from_units(text: str) -> str:
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def clip(text: str, maximum: int) -> str:
    """At most `maximum` UTF-16 code units, the cut marked with an ellipsis."""
    if len(text) <= maximum // 2 or u16_len(text) <= maximum:
        return text
    return u16_slice(text, 0, maximum - 1) + "\u2026"


def number_text(value: float | int) -> str:
    """ECMAScript Number::toString."""
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) <= MAX_SAFE_INTEGER:
            return str(value)
        value = float(value)
    if value != value:
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    digits_tuple = Decimal(repr(abs(value))).normalize().as_tuple()
    digits = "".join(str(d) for d in digits_tuple.digits)
    k = len(digits)
    n = digits_tuple.exponent + k
    if k <= n <= 21:
        body = digits + "0" * (n - k)
    elif 0 < n <= 21:
        body = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        body = "0." + "0" * (-n) + digits
    else:
        exponent = n - 1
        mark = "+" if exponent >= 0 else "-"
        body = (digits if k == 1 else digits[0] + "." + digits[1:]) + "e" + mark + str(abs(exponent))
    return sign + body


def js_number(value: float | int) -> float | int:
    """A JSON number as ECMAScript holds it: integers beyond 2**53 lose precision."""
    if isinstance(value, int) and abs(value) > MAX_SAFE_INTEGER:
        return float(value)
    return value


def _array_index(key: str) -> int | None:
    if key.isdigit() and key.isascii() and (key == "0" or key[0] != "0"):
        number = int(key)
        if number < 2**32 - 1:
            return number
    return None


def own(value: object, key: str) -> object:
    """An own member of a JSON value: object members, array elements and an array's
    `length`; UNDEFINED for anything else."""
    if isinstance(value, dict):
        return value.get(key, UNDEFINED)
    if isinstance(value, list):
        if key == "length":
            return len(value)
        index = _array_index(key)
        return value[index] if index is not None and index < len(value) else UNDEFINED
    return UNDEFINED


def own_keys(value: dict, limit: int) -> list[str]:
    """Object keys in ECMAScript order: array-index keys ascending, then the others in
    insertion order."""
    indexes = []
    others = []
    for key in value:
        index = _array_index(key)
        if index is None:
            others.append(key)
        else:
            indexes.append((index, key))
    keys = [key for _, key in sorted(indexes)] + others
    return keys[:limit]


def json_string(text: str) -> str:
    """ECMAScript JSON.stringify of a string."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char == "\b":
            out.append("\\b")
        elif char == "\f":
            out.append("\\f")
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif code < 0x20 or 0xD800 <= code <= 0xDFFF:
            out.append("\\u%04x" % code)
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def _parse_int(text: str) -> int | float:
    return js_number(int(text))


def parse_json(text: str) -> object:
    """ECMAScript JSON.parse: no NaN or Infinity, integers beyond 2**53 as doubles."""
    import json

    return json.loads(text, parse_constant=_reject_constant, parse_int=_parse_int)
