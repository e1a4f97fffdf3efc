"""The precedence tiers (R13) over a compiled Index: code, name, message (exact, then
templates), shape, status."""

from __future__ import annotations

from ._js import clip, collapse_whitespace, fold
from ._template import match_template

NO_MATCH = None


class Context:
    __slots__ = ("status", "status_class", "shape", "code", "message", "original", "folded", "names", "has_fields")

    def __init__(self, status, shape, code, message, names=(), has_fields=False):
        self.status = status
        self.status_class = None if status is None else status // 100
        self.shape = shape
        self.code = None if code is None else fold(code)
        self.message = message
        self.original = None if message is None else collapse_whitespace(message)
        self.folded = None if message is None else fold(self.original)
        self.names = list(names)
        self.has_fields = has_fields


def accepts(entry, context: Context) -> bool:
    if entry.status is not None and entry.status != context.status:
        return False
    if entry.status_class is not None and entry.status_class != context.status_class:
        return False
    if entry.shape is not None and entry.shape != context.shape:
        return False
    if entry.fields and not context.has_fields:
        return False
    if entry.outcome != "error" and context.status_class != 2:
        return False
    return entry.names is None or any(name in entry.names for name in context.names)


def _first_accepted(listed, context):
    for entry in listed or ():
        if accepts(entry, context):
            return entry
    return None


def _message_params(entry, context):
    """False when the entry's message condition fails; else its params (None: none)."""
    if entry.exact is None and not entry.templates:
        return None
    if context.folded is None:
        return False
    if entry.exact is not None and context.folded in entry.exact:
        return None
    for template in entry.templates:
        params = match_template(template, context.folded, context.original)
        if params is not None:
            return params
    return False


def match_by_code(index, context):
    if context.code is None:
        return None
    for entry in index.by_code.get(context.code, ()):
        if not accepts(entry, context):
            continue
        params = _message_params(entry, context)
        if params is not False:
            return entry, params
    return None


def match_by_name(index, context):
    for name in context.names:
        entry = _first_accepted(index.by_code.get("name:" + name), context)
        if entry is not None:
            return entry, None
    return None


def _better(best, candidate) -> bool:
    if best is None:
        return True
    template, entry = best[0]
    return candidate[1].rank > entry.rank or (candidate[1].rank == entry.rank and candidate[0].literal_length > template.literal_length)


def _try(listed, context, best):
    for candidate in listed or ():
        if not _better(best, candidate) or not accepts(candidate[1], context):
            continue
        params = match_template(candidate[0], context.folded, context.original)
        if params is not None:
            return candidate, params
    return best


def match_by_message(index, context):
    folded = context.folded
    if folded is None:
        return None
    entry = _first_accepted(index.by_exact.get(folded), context)
    if entry is not None:
        return entry, None
    if index.template_count == 0:
        return None
    templates = index.templates
    first = folded.find(" ")
    if first == -1:
        second = last = before_last = -1
    else:
        second = folded.find(" ", first + 1)
        last = folded.rfind(" ")
        before_last = -1 if last == first else folded.rfind(" ", 0, last)
    length = len(folded)
    best = None
    if first != -1:
        best = _try(templates["first_two"].get(folded[: length if second == -1 else second]), context, best)
    best = _try(templates["first"].get(folded[: length if first == -1 else first]), context, best)
    if first != -1:
        best = _try(templates["last_two"].get(folded[before_last + 1 :]), context, best)
    best = _try(templates["last"].get(folded[last + 1 :]), context, best)
    if templates["any"]:
        for word in folded.split(" "):
            best = _try(templates["any"].get(word), context, best)
    return None if best is None else (best[0][1], best[1])


def match_by_shape(index, context):
    if context.shape is None:
        return None
    entry = _first_accepted(index.by_shape.get(context.shape), context)
    return None if entry is None else (entry, None)


def match_by_fields(index, context):
    """Entries that need field errors in the body (a 400 with field errors is a validation error)."""
    if not context.has_fields:
        return None
    entry = _first_accepted(index.with_fields, context)
    return None if entry is None else (entry, None)


def match_by_status(index, context):
    if context.status is None:
        return None
    entry = _first_accepted(index.by_status.get(context.status), context) or _first_accepted(index.by_class.get(context.status_class), context)
    return None if entry is None else (entry, None)


__all__ = ["Context", "clip", "match_by_code", "match_by_fields", "match_by_message", "match_by_name", "match_by_shape", "match_by_status"]
