"""Catalogs compiled for matching: entries with their conditions, rank and matchedBy
(R13, R14), the per-tier indexes, and the shapes in the order that reads a body (R10)."""

from __future__ import annotations

from ._js import collapse_whitespace, fold
from ._read import Reader, parse_path, readers
from ._template import is_template, parse_template


class Entry:
    def __init__(self, source: dict, catalog: dict):
        match = source.get("match") or {}
        status = match.get("status")
        self.id = source["id"]
        self.outcome = source.get("outcome", "error")
        self.category = source.get("category", "unknown")
        self.retryable = source.get("retryable", False)
        self.fatal = source.get("fatal", True)
        self.description = source["description"]
        self.docs = source.get("docs", catalog["docs"])
        self.status = status if isinstance(status, int) and not isinstance(status, bool) else None
        self.status_class = int(status[0]) if isinstance(status, str) else None
        codes = _as_list(match.get("code"))
        self.codes = [fold(code) for code in codes] or None
        exact: list = []
        self.templates: list = []
        for text in _as_list(match.get("message")):
            if is_template(text):
                self.templates.append(parse_template(text))
            else:
                exact.append(fold(collapse_whitespace(text)))
        self.exact = exact or None
        self.shape = match.get("shape")
        self.fields = match.get("fields") is True
        self.general = source.get("general") is True
        self.transport = match.get("transport") is True
        self.names = [fold(name) for name in _as_list(match.get("name"))] or None
        self.secret = list(dict.fromkeys(source.get("secret") or [])) or None
        self.request_not_sent = source.get("requestNotSent") is True
        has_message = bool(exact or self.templates)
        self.rank = (8 if self.codes else 0) + (4 if has_message else 0) + (2 if self.shape is not None else 0) + (2 if self.fields else 0) + (
            1 if self.status is not None else 0.5 if self.status_class is not None else 0
        )
        if self.transport:
            self.matched_by = "transport"
        elif self.codes:
            self.matched_by = "code"
        elif has_message:
            self.matched_by = "message"
        elif self.status is not None:
            self.matched_by = "status"
        elif self.status_class is not None:
            self.matched_by = "status_class"
        else:
            self.matched_by = "none"


def unknown_entry(catalog: dict) -> Entry:
    return Entry(
        {
            "id": f"{catalog['vendor']}.unknown",
            "category": "unknown",
            "description": f"No {catalog['name']} catalog entry matched this response.",
        },
        catalog,
    )


def _as_list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _push(mapping: dict, key: object, value: object) -> None:
    mapping.setdefault(key, []).append(value)


class Index:
    """The lookups of one group of entries (whole responses, items or transport)."""

    def __init__(self, entries: list):
        self.by_code: dict = {}
        self.by_exact: dict = {}
        self.by_shape: dict = {}
        self.with_fields: list = []
        self.by_status: dict = {}
        self.by_class: dict = {}
        self.fallback: Entry | None = None
        buckets = ("first_two", "first", "last_two", "last", "any")
        self.templates: dict = {bucket: {} for bucket in buckets}
        self.template_count = 0
        frequency: dict = {}
        for entry in entries:
            for template in entry.templates:
                for word in set(template.literal_words):
                    frequency[word] = frequency.get(word, 0) + 1
        for entry in entries:
            if entry.codes is not None:
                for code in entry.codes:
                    _push(self.by_code, code, entry)
            elif entry.exact is not None or entry.templates:
                for text in entry.exact or []:
                    _push(self.by_exact, text, entry)
                for template in entry.templates:
                    candidate = (template, entry)
                    self.template_count += 1
                    if len(template.leading) == 2:
                        _push(self.templates["first_two"], " ".join(template.leading), candidate)
                    elif template.starts_with_word:
                        _push(self.templates["first"], template.literal_words[0], candidate)
                    elif len(template.trailing) == 2:
                        _push(self.templates["last_two"], " ".join(template.trailing), candidate)
                    elif template.ends_with_word:
                        _push(self.templates["last"], template.literal_words[-1], candidate)
                    else:
                        rarest = template.literal_words[0]
                        for word in template.literal_words[1:]:
                            if frequency.get(word, 0) < frequency.get(rarest, 0):
                                rarest = word
                        _push(self.templates["any"], rarest, candidate)
            elif entry.names is not None:
                for name in entry.names:
                    _push(self.by_code, "name:" + name, entry)
            elif entry.shape is not None:
                _push(self.by_shape, entry.shape, entry)
            elif entry.fields:
                self.with_fields.append(entry)
            elif entry.status is not None:
                _push(self.by_status, entry.status, entry)
            elif entry.status_class is not None:
                _push(self.by_class, entry.status_class, entry)
            elif self.fallback is None:
                self.fallback = entry
        for mapping in (self.by_code, self.by_exact, self.by_shape, self.by_status, self.by_class):
            for listed in mapping.values():
                listed.sort(key=lambda entry: -entry.rank)
        self.with_fields.sort(key=lambda entry: -entry.rank)
        for mapping in self.templates.values():
            for listed in mapping.values():
                listed.sort(key=lambda candidate: (-candidate[1].rank, -candidate[0].literal_length))


class Shape:
    def __init__(self, source: dict, owner: str | None):
        self.name = source["name"]
        self.owner = owner
        self.body = source.get("body", "json")
        media = source.get("mediaType")
        self.media_type = None if media is None else media.strip().lower()
        when = source.get("when")
        alternatives = [{}] if when is None else (when if isinstance(when, list) else [when])
        self.alternatives = [[(parse_path(path), kind) for path, kind in one.items()] for one in alternatives]
        self.code = readers(source.get("code"))
        self.message = readers(source.get("message"))
        self.fields = readers(source.get("fields"))
        items = source.get("items")
        self.items = None if items is None else Items(items)


class Items:
    def __init__(self, source: dict):
        self.at = parse_path(source["at"])
        self.when = [(parse_path(path), kind) for path, kind in (source.get("when") or {}).items()]
        self.code = readers(source.get("code"))
        self.message = readers(source.get("message"))
        self.path = readers(source.get("path"))


def _specificity(conditions: list) -> int:
    pinned = set()
    for path, _ in conditions:
        for length in range(1, len(path) + 1):
            pinned.add(".".join(path[:length]))
    return len(pinned)


class ShapeOrder:
    """The shapes tried for one vendor (or none): JSON recognisers in order, and the first
    shape of each other body kind."""

    def __init__(self, all_shapes: list, listed: list):
        first = {id(shape) for shape in listed}
        position = {id(shape): index for index, shape in enumerate(all_shapes)}
        ranked = []
        for shape in all_shapes:
            if shape.body != "json":
                continue
            for conditions in shape.alternatives:
                key = (
                    1 if shape.media_type is None else 0,
                    0 if id(shape) in first else 1,
                    -_specificity(conditions),
                    position[id(shape)],
                    len(ranked),
                )
                ranked.append((key, shape, conditions))
        ranked.sort(key=lambda item: item[0])
        self.json = [(shape, conditions) for _, shape, conditions in ranked]

        def by_kind(kind: str) -> Shape | None:
            for shape in listed + all_shapes:
                if shape.body == kind:
                    return shape
            return None

        self.html = by_kind("html")
        self.text = by_kind("text")
        self.empty = by_kind("empty")


class Catalog:
    def __init__(self, source: dict, standard: bool):
        self.source = source
        self.vendor = source["vendor"]
        self.name = source["name"]
        self.docs = source["docs"]
        owner = None if standard else self.vendor
        self.own_shapes = [Shape(shape, owner) for shape in source.get("shapes", []) if isinstance(shape, dict)]
        self.shape_names = [shape if isinstance(shape, str) else shape["name"] for shape in source.get("shapes", [])]
        self.hosts = [fold(host) for host in source.get("hosts", [])]
        self.request_id_headers = [fold(name) for name in source.get("requestIdHeaders", [])]
        hints = source.get("retryHints") or {}
        self.reset_unit = hints.get("resetUnit", "auto")
        self.retry_body_fields = [(field["path"].split("."), field["unit"]) for field in hints.get("bodyFields", [])]
        policy = source.get("retryPolicy") or {}
        self.idempotency_key_required_for = set(policy.get("idempotencyKeyRequiredFor", []))
        self.errors_in_2xx = source.get("errorsIn2xx") is True
        self.unknown = unknown_entry(source)
        groups: dict = {"responses": [], "general": [], "items": [], "transport": []}
        for entry in source.get("entries", []):
            match = entry.get("match") or {}
            if match.get("transport") is True:
                group = "transport"
            elif entry.get("general") is True:
                group = "general"
            else:
                group = "items" if entry.get("fatal") is False else "responses"
            groups[group].append(Entry(entry, source))
        self.responses = Index(groups["responses"])
        #: General wording rules: message entries for any vendor's response (generic catalog).
        self.general = Index(groups["general"])
        self.items = Index(groups["items"])
        self.transport = Index(groups["transport"])
        self.shape_order: ShapeOrder | None = None
        self.request_id_names: list = []


__all__ = ["Catalog", "Entry", "Index", "Items", "Reader", "Shape", "ShapeOrder"]
