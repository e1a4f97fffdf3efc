"""Message templates (docs/spec.md R15): literal parts and typed holes, matched left to
right before the free-text hole and right to left after it, with no backtracking."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ._js import MAX_SAFE_INTEGER, collapse_whitespace, fold

HOLE_TYPES = ("text", "int", "number", "word")
_HOLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_PLACEHOLDER = "\u0000"


@dataclass
class Template:
    source: str
    parts: list  # ("literal", text) | ("hole", name, type)
    literal_words: list = field(default_factory=list)
    literal_length: int = 0
    starts_with_word: bool = False
    ends_with_word: bool = False
    leading: list = field(default_factory=list)
    trailing: list = field(default_factory=list)
    text_hole: int = 0
    holes_after_text: bool = False


class TemplateError(ValueError):
    pass


def is_template(text: str) -> bool:
    return "{" in text


def _whole(token: str | None) -> bool:
    return token is not None and token != "" and _PLACEHOLDER not in token


def _whole_run(tokens: list) -> list:
    run = []
    for token in tokens:
        if not _whole(token):
            break
        run.append(token)
    return run


def parse_template(source: str) -> Template:
    normalized = collapse_whitespace(source)
    parts: list = []
    names: set = set()
    literal = ""
    text_holes = 0
    i = 0
    while i < len(normalized):
        char = normalized[i]
        if char in "{}" and i + 1 < len(normalized) and normalized[i + 1] == char:
            literal += char
            i += 2
            continue
        if char == "}":
            raise TemplateError(f'unmatched "}}" at {i}')
        if char != "{":
            literal += char
            i += 1
            continue
        end = normalized.find("}", i)
        if end == -1:
            raise TemplateError(f'unclosed "{{" at {i}')
        pieces = normalized[i + 1 : end].split(":")
        name = pieces[0]
        kind = pieces[1] if len(pieces) > 1 else "text"
        if not _HOLE_NAME.match(name) or name == "__proto__" or len(pieces) > 2 or kind not in HOLE_TYPES or name in names:
            raise TemplateError(f"invalid hole {normalized[i + 1 : end]!r}")
        names.add(name)
        if literal == "" and parts:
            raise TemplateError("holes must be separated by literal text")
        if literal != "":
            parts.append(("literal", fold(literal)))
        literal = ""
        parts.append(("hole", name, kind))
        if kind == "text":
            text_holes += 1
        i = end + 1
    if literal != "":
        parts.append(("literal", fold(literal)))
    if not names or text_holes > 1:
        raise TemplateError("a template needs one hole or more and at most one text hole")
    skeleton = "".join(part[1] if part[0] == "literal" else _PLACEHOLDER for part in parts)
    tokens = skeleton.split(" ")
    words = [token for token in tokens if token != "" and _PLACEHOLDER not in token]
    if not words:
        raise TemplateError("a template needs at least one whole literal word")
    text_hole = next((index for index, part in enumerate(parts) if part[0] == "hole" and part[2] == "text"), -1)
    return Template(
        source=source,
        parts=parts,
        literal_words=words,
        literal_length=sum(len(part[1]) for part in parts if part[0] == "literal"),
        starts_with_word=_whole(tokens[0]),
        ends_with_word=_whole(tokens[-1]),
        leading=_whole_run(tokens[:2]),
        trailing=list(reversed(_whole_run(list(reversed(tokens[-2:]))))),
        text_hole=len(parts) if text_hole == -1 else text_hole,
        holes_after_text=text_hole != -1 and any(part[0] == "hole" for part in parts[text_hole + 1 :]),
    )


def _numeric(digits: str) -> int | float | str:
    value = float(digits)
    if value.is_integer() and abs(value) <= MAX_SAFE_INTEGER:
        return int(value)
    if value == value and abs(value) != float("inf") and "." in digits and len(digits) <= 17:
        return value
    return digits


def _is_digit(text: str, index: int) -> bool:
    return 0 <= index < len(text) and "0" <= text[index] <= "9"


def _scan_int(text: str, start: int) -> int:
    i = start
    if i < len(text) and text[i] == "-":
        i += 1
    first = i
    while _is_digit(text, i):
        i += 1
    return -1 if i == first else i


def _scan_number(text: str, start: int) -> int:
    end = _scan_int(text, start)
    if end == -1 or end >= len(text) or text[end] != "." or not _is_digit(text, end + 1):
        return end
    i = end + 1
    while _is_digit(text, i):
        i += 1
    return i


def _scan_int_back(text: str, end: int, floor: int) -> int:
    i = end
    while i > floor and _is_digit(text, i - 1):
        i -= 1
    if i == end:
        return -1
    return i - 1 if i > floor and text[i - 1] == "-" else i


def _scan_number_back(text: str, end: int, floor: int) -> int:
    start = _scan_int_back(text, end, floor)
    if start == -1 or text[start] == "-" or start - 1 <= floor or text[start - 1] != ".":
        return start
    whole = _scan_int_back(text, start - 1, floor)
    return start if whole == -1 else whole


def _last_index_of(text: str, sub: str, start: int) -> int:
    """ECMAScript lastIndexOf(sub, start)."""
    start = max(0, min(start, len(text)))
    return text.rfind(sub, 0, start + len(sub))


def match_template(template: Template, folded: str, original: str) -> dict | None:
    """The params of a match, or None. `folded`: the normalized, case-folded message;
    `original`: the normalized message with its case (params keep it)."""
    source = original if len(original) == len(folded) else folded
    parts = template.parts
    text_index = template.text_hole
    params: dict = {}
    pos = 0
    for index in range(text_index):
        part = parts[index]
        if part[0] == "literal":
            if not folded.startswith(part[1], pos):
                return None
            pos += len(part[1])
            continue
        following = parts[index + 1] if index + 1 < len(parts) else None
        if part[2] == "word":
            space = folded.find(" ", pos)
            word_end = len(folded) if space == -1 else space
            if following is None or following[0] != "literal":
                end = word_end
            else:
                end = folded.find(following[1], pos + 1)
                if end == -1 or end > word_end:
                    return None
            if end <= pos:
                return None
            params[part[1]] = source[pos:end]
        else:
            end = _scan_int(folded, pos) if part[2] == "int" else _scan_number(folded, pos)
            if end == -1:
                return None
            params[part[1]] = _numeric(folded[pos:end])
        pos = end
    if text_index == len(parts):
        return params if pos == len(folded) else None

    end = len(folded)
    for index in range(len(parts) - 1, text_index, -1):
        part = parts[index]
        if part[0] == "literal":
            start = end - len(part[1])
            if start < pos or not folded.startswith(part[1], start):
                return None
            end = start
            continue
        previous = parts[index - 1]
        if part[2] == "word":
            word_start = _last_index_of(folded, " ", end - 1) + 1
            if previous[0] != "literal":
                start = word_start
            else:
                at = _last_index_of(folded, previous[1], end - 1 - len(previous[1]))
                start = -1 if at == -1 else at + len(previous[1])
                if start < word_start:
                    return None
            if start >= end or start < pos:
                return None
            params[part[1]] = source[start:end]
        else:
            start = _scan_int_back(folded, end, pos) if part[2] == "int" else _scan_number_back(folded, end, pos)
            if start == -1:
                return None
            params[part[1]] = _numeric(folded[start:end])
        end = start
    hole = parts[text_index]
    if end <= pos:
        return None
    params[hole[1]] = source[pos:end]
    if not template.holes_after_text:
        return params
    return {part[1]: params[part[1]] for part in parts if part[0] == "hole"}
