"""The classifier: a response (R1-R22) or a thrown value (R23-R26) to one
Classification, with everything vendor-specific read from the catalogs."""

from __future__ import annotations

import re
import time

from ._catalog import Catalog, ShapeOrder
from ._js import (
    UNDEFINED,
    WHITESPACE,
    clip,
    first_non_space,
    has_text,
    is_finite,
    is_integer,
    is_number,
    js_trim,
    json_string,
    number_text,
    own,
    u16_len,
    u16_slice,
)
from ._match import Context, accepts, match_by_code, match_by_fields, match_by_message, match_by_name, match_by_shape, match_by_status
from ._read import (
    MAX_MESSAGE,
    Reader,
    conditions_hold,
    message_string,
    parse_body,
    read_code,
    read_fields,
    read_headers,
    read_list,
    read_message,
    read_path,
    read_value,
    readers,
    vendor_from_url,
)
from ._retry import resolve_retry_delay

DEFAULT_MAX_RETRY_AFTER_MS = 86_400_000
MAX_BODY_BYTES = 1_048_576
REDACTED = "[REDACTED]"
_STATUS_TEXT = re.compile("[" + re.escape(WHITESPACE) + "]*[0-9]{1,3}[" + re.escape(WHITESPACE) + "]*")
_URL_CREDENTIALS = re.compile("://[^" + re.escape(WHITESPACE) + "/?#]+@")
INVALID = object()


def _describe(value: object) -> str:
    if isinstance(value, str):
        return json_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if is_number(value):
        return number_text(value)
    if value is None:
        return "null"
    if value is UNDEFINED:
        return "undefined"
    return "array" if isinstance(value, list) else "object"


def _read_status(value: object):
    if is_number(value):
        return _status_number(value)
    if value is UNDEFINED or value is None:
        return None
    if isinstance(value, str) and u16_len(value) <= 8 and _STATUS_TEXT.fullmatch(value):
        return _status_number(int(js_trim(value)))
    return INVALID


def _status_number(number):
    if number == 0:
        return None
    return int(number) if is_integer(number) and 100 <= number <= 599 else INVALID


def vendor_name(value: object):
    if not isinstance(value, str):
        return None
    name = js_trim(u16_slice(value, 0, 256) if u16_len(value) > 256 else value).lower()
    return None if name == "" else clip(name, 64)


def _has_media_type(content_type: str, required: str) -> bool:
    start = first_non_space(content_type)
    if start == -1 or len(content_type) - start < len(required):
        return False
    for offset, wanted in enumerate(required):
        char = content_type[start + offset]
        if "A" <= char <= "Z":
            char = char.lower()
        if char != wanted:
            return False
    following = start + len(required)
    return following >= len(content_type) or content_type[following] in "; \t"


class Extracted:
    __slots__ = ("shape", "owner", "code", "message", "fields", "items", "item_spec")

    def __init__(self, shape=None, owner=None, code=None, message=None, fields=None, items=None, item_spec=None):
        self.shape = shape
        self.owner = owner
        self.code = code
        self.message = message
        self.fields = fields
        self.items = items
        self.item_spec = item_spec


def _read_shape(shape, root) -> Extracted:
    items = None if shape.items is None else read_list(read_path(root, shape.items.at))
    return Extracted(
        shape.name,
        shape.owner,
        read_code(root, shape.code),
        read_message(root, shape.message),
        read_fields(root, shape.fields),
        items,
        None if items is None else shape.items,
    )


def extract(body, content_type, order: ShapeOrder) -> Extracted:
    if body.kind == "json":
        for shape, conditions in order.json:
            if shape.media_type is not None and (content_type is None or not _has_media_type(content_type, shape.media_type)):
                continue
            if conditions_hold(body.value, conditions):
                return _read_shape(shape, body.value)
        return Extracted()
    if body.kind in ("html", "text"):
        shape = order.html if body.kind == "html" else order.text
        return Extracted() if shape is None else _read_shape(shape, body.text)
    if body.kind == "empty":
        return Extracted() if order.empty is None else _read_shape(order.empty, UNDEFINED)
    return Extracted()


# ---- items (R17) -------------------------------------------------------------------

def _error_items(items, spec):
    out = []
    for item in items:
        if isinstance(item, str):
            out.append((None, message_string(item), None))
            continue
        if not isinstance(item, dict):
            if not spec.when:
                out.append((None, None, None))
            continue
        if not conditions_hold(item, spec.when):
            continue
        path = None
        for reader in spec.path:
            value = read_value(item, reader)
            if isinstance(value, str) and value != "":
                path = value
                break
        out.append((read_code(item, spec.code), read_message(item, spec.message), path))
    return out


def _items_as_fields(spec, items):
    if spec is None or items is None:
        return None
    fields = []
    for _, message, path in _error_items(items, spec):
        if message is not None:
            fields.append({"path": "" if path is None else path, "message": message})
        if len(fields) >= 100:
            break
    return fields or None


# ---- assembly (R21, R22) -----------------------------------------------------------

def _redact(entry, message, params):
    text = entry.description if message is None else message
    if entry.secret is None or params is None:
        return text, params
    secrets = []
    params = dict(params)
    for name in entry.secret:
        if name not in params:
            continue
        value = params[name]
        secrets.append(value if isinstance(value, str) else number_text(value))
        params[name] = REDACTED
    if message is not None:
        for secret in secrets:
            if secret:
                text = text.replace(secret, REDACTED)
        if any(secret not in message for secret in secrets):
            text = entry.description
    return text, params


def build_error(entry, *, vendor, status, code, message, params, fields, retryable, fatal, retry_after_ms, matched_by=None):
    text, params = _redact(entry, message, params)
    error = {
        "id": entry.id,
        "vendor": vendor,
        "category": entry.category,
        "status": status,
        "code": code,
        "message": text,
        "retryable": retryable,
        "fatal": fatal,
        "matchedBy": matched_by or entry.matched_by,
        "docs": entry.docs,
    }
    if retry_after_ms is not None:
        error["retryAfterMs"] = retry_after_ms
    if fields is not None:
        error["fields"] = fields
    if params:
        error["params"] = params
    return error


class Classifier:
    """A classifier over a generic catalog and vendor catalogs (plain JSON objects, in the
    order given: it decides ties of the shape order)."""

    def __init__(self, catalogs: list, generic: dict):
        self.generic = Catalog(generic, standard=True)
        self.vendors: dict = {}
        for source in catalogs:
            catalog = Catalog(source, standard=False)
            self.vendors[catalog.vendor] = catalog
        all_shapes = list(self.generic.own_shapes)
        by_name = {}
        for catalog in [self.generic, *self.vendors.values()]:
            if catalog is not self.generic:
                all_shapes.extend(catalog.own_shapes)
            for shape in catalog.own_shapes:
                by_name[shape.name] = shape
        self.generic.shape_order = ShapeOrder(all_shapes, [])
        for catalog in self.vendors.values():
            catalog.shape_order = ShapeOrder(all_shapes, [by_name[name] for name in catalog.shape_names])
        self.exact_hosts: dict = {}
        self.wildcard_hosts: dict = {}
        for catalog in self.vendors.values():
            for host in catalog.hosts:
                if host.startswith("*."):
                    self.wildcard_hosts.setdefault(host[2:], catalog.vendor)
                else:
                    self.exact_hosts.setdefault(host, catalog.vendor)
        self.generic.request_id_names = list(self.generic.request_id_headers)
        for catalog in self.vendors.values():
            catalog.request_id_names = list(dict.fromkeys(catalog.request_id_headers + self.generic.request_id_headers))
        thrown = generic.get("thrown") or {}
        self.thrown_responses = [
            {
                "when": [(path.split(".") if path else [], kind) for path, kind in (form.get("when") or {}).items()],
                "status": readers(form.get("status")),
                "headers": readers(form.get("headers")),
                "body": readers(form.get("body")),
            }
            for form in thrown.get("responses", [])
        ]
        self.thrown_readers = {key: readers(thrown.get(key)) for key in ("url", "method", "requestHeaders", "name", "code", "message", "causes")}

    # ---- public API ----

    def classify(self, response: object, *, now: int | None = None, vendor: str | None = None, max_retry_after_ms: int | None = None) -> dict:
        settings = self._settings(now, vendor, max_retry_after_ms)
        try:
            return self._classify(response, settings)
        except Exception as error:  # never throws: a bug becomes a classification
            return self._invalid(f"input could not be classified: {clip(str(error), 200)}")

    def normalize_error(self, thrown: object, *, now: int | None = None, vendor: str | None = None, max_retry_after_ms: int | None = None) -> dict:
        settings = self._settings(now, vendor, max_retry_after_ms)
        try:
            return self._normalize(thrown, settings)
        except Exception as error:
            return self._invalid(f"error could not be classified: {clip(str(error), 200)}")

    # ---- responses ----

    @staticmethod
    def _settings(now, vendor, maximum):
        if is_number(maximum) and maximum >= 0:
            maximum = min(int(maximum // 1), 2**53 - 1)
        else:
            maximum = DEFAULT_MAX_RETRY_AFTER_MS
        return {"now": now, "vendor": vendor, "max": maximum}

    def _invalid(self, reason, vendor=None):
        entry = self.generic.unknown
        error = build_error(entry, vendor=vendor, status=None, code=None, message=reason, params=None, fields=None, retryable=False, fatal=True, retry_after_ms=None)
        return {"outcome": "error", "vendor": vendor, "status": None, "error": error, "minor": []}

    def _classify(self, raw, settings, body_unread=False):
        if not isinstance(raw, dict):
            return self._invalid(f"input is not a response object (got {_describe(raw)})")
        given = settings["vendor"] if settings["vendor"] is not None else raw.get("vendor", UNDEFINED)
        named = self.vendors.get(given) if isinstance(given, str) else None
        if named is not None:
            requested = named.vendor
        else:
            requested = vendor_name(settings["vendor"])
            if requested is None:
                requested = vendor_name(raw.get("vendor"))
        status_value = raw.get("status", UNDEFINED)
        status = _read_status(status_value)
        headers = read_headers(raw.get("headers"))
        catalog = named if named is not None else (None if requested is None else self.vendors.get(requested))
        if requested is None:
            url = raw.get("url")
            found = vendor_from_url(self.exact_hosts, self.wildcard_hosts, url) if isinstance(url, str) else None
            if found is not None:
                catalog = self.vendors.get(found)
        if status is INVALID:
            fallback = requested if requested is not None else (None if catalog is None else catalog.vendor)
            return self._invalid(f"invalid HTTP status {clip(_describe(status_value), 40)}", fallback)

        body = parse_body(raw.get("body", UNDEFINED), MAX_BODY_BYTES) if not body_unread else None
        if body is None:
            from ._read import Body

            body = Body("unparsed")
        extracted = extract(body, headers.get("content-type"), (catalog or self.generic).shape_order)
        guessed = self.vendors.get(extracted.owner) if catalog is None and requested is None and extracted.owner is not None else None
        context = Context(status, extracted.shape, extracted.code, extracted.message, has_fields=extracted.fields is not None)

        match = None
        if status is None and body.kind == "empty":
            fallback = self.generic.transport.fallback
            match = None if fallback is None else (fallback, None)
        else:
            if catalog is not None:
                match = match_by_code(catalog.responses, context) or match_by_message(catalog.responses, context)
            elif guessed is not None:
                match = match_by_code(guessed.responses, context) or match_by_message(guessed.responses, context)
                if match is not None or self._items_recognised(guessed, extracted, status):
                    catalog = guessed
            if match is None:
                match = self._later_tiers(catalog, context)
        vendor = catalog.vendor if catalog is not None else requested
        request_id = self._request_id(catalog, headers)
        entry = None if match is None else match[0]
        result = None
        if context.status_class == 2 and (entry is None or entry.outcome != "error"):
            fatal_2xx = entry is None and catalog is not None and catalog.errors_in_2xx and extracted.message is not None and guessed is None
            if not fatal_2xx:
                outcome = "queued" if entry is not None and entry.outcome == "queued" else "success"
                minor = []
                if outcome == "success" and catalog is not None and extracted.item_spec is not None and extracted.items is not None:
                    minor = self._classify_items(catalog, extracted, vendor, status)
                result = {"outcome": "partial" if minor else outcome, "vendor": vendor, "status": status, "error": None, "minor": minor}
        if result is None:
            error = self._error_for(catalog, match, extracted, raw.get("request"), body, headers, status, vendor, settings)
            result = {"outcome": "error", "vendor": vendor, "status": status, "error": error, "minor": []}
        if request_id is not None:
            result["requestId"] = request_id
        if body.truncated:
            result["truncated"] = True
        return result

    def _later_tiers(self, catalog, context):
        generic = self.generic
        is_2xx = context.status_class == 2
        if not is_2xx:
            found = (
                match_by_code(generic.responses, context)
                or match_by_message(generic.responses, context)
                or (None if catalog is None else match_by_shape(catalog.responses, context))
                or match_by_shape(generic.responses, context)
                or match_by_message(generic.general, context)
                or (None if catalog is None else match_by_fields(catalog.responses, context))
                or match_by_fields(generic.responses, context)
            )
            if found is not None:
                return found
        found = None if catalog is None else match_by_status(catalog.responses, context)
        if found is None and not is_2xx:
            found = match_by_status(generic.responses, context)
        return found

    def _request_id(self, catalog, headers):
        for name in (catalog or self.generic).request_id_names:
            value = headers.get(name)
            if value is not None and has_text(value):
                return clip(js_trim(value), 200)
        return None

    def _classify_items(self, catalog, extracted, vendor, status):
        minor = []
        for code, message, path in _error_items(extracted.items, extracted.item_spec):
            context = Context(None, None, code, message)
            match = match_by_code(catalog.items, context) or match_by_message(catalog.items, context)
            entry = match[0] if match is not None else (catalog.items.fallback or catalog.unknown)
            minor.append(
                build_error(
                    entry,
                    vendor=vendor,
                    status=status,
                    code=code,
                    message=message,
                    params=None if match is None else match[1],
                    fields=[{"path": path, "message": message}] if path is not None and message is not None else None,
                    retryable=entry.retryable,
                    fatal=False,
                    retry_after_ms=None,
                    matched_by="none" if match is None else entry.matched_by,
                )
            )
        return minor

    def _items_recognised(self, catalog, extracted, status):
        if status is None or status // 100 != 2 or extracted.item_spec is None or extracted.items is None:
            return False
        return any(minor["matchedBy"] != "none" for minor in self._classify_items(catalog, extracted, catalog.vendor, status))

    def _error_for(self, catalog, match, extracted, request, body, headers, status, vendor, settings):
        entry = match[0] if match is not None else (catalog or self.generic).unknown
        retryable = entry.retryable and retry_allowed(catalog, request)
        retry_after = None
        if retryable:
            retry_after = resolve_retry_delay(
                headers,
                body.value if body.kind == "json" else UNDEFINED,
                "auto" if catalog is None else catalog.reset_unit,
                [] if catalog is None else catalog.retry_body_fields,
                _clock(settings["now"]),
                settings["max"],
            )
        fields = extracted.fields if extracted.fields is not None else _items_as_fields(extracted.item_spec, extracted.items)
        return build_error(
            entry,
            vendor=vendor,
            status=status,
            code=extracted.code,
            message=extracted.message,
            params=None if match is None else match[1],
            fields=fields,
            retryable=retryable,
            fatal=True,
            retry_after_ms=retry_after,
        )

    # ---- thrown values (R23-R25) ----

    def _first(self, value, key, accept):
        for reader in self.thrown_readers[key]:
            found = read_value(value, reader)
            if accept(found):
                return found
        return None

    def _first_of(self, value, reader_list, accept):
        for reader in reader_list:
            found = read_value(value, reader)
            if accept(found):
                return found
        return None

    def _request_info(self, thrown):
        request = {}
        method = self._first(thrown, "method", _is_text)
        if method is not None:
            request["method"] = method
        headers = self._first(thrown, "requestHeaders", _is_object)
        key = read_headers(headers).get("idempotency-key") if isinstance(headers, dict) else None
        if key is not None:
            request["idempotencyKey"] = key
        return request

    def _response_of(self, thrown):
        for form in self.thrown_responses:
            if not conditions_hold(thrown, form["when"]):
                continue
            status = self._first_of(thrown, form["status"], is_finite)
            if status is None:
                continue
            body = UNDEFINED
            for reader in form["body"]:
                value = read_value(thrown, reader)
                if value is UNDEFINED or value is None:
                    continue
                body = value
                break
            raw = {"status": status, "headers": self._first_of(thrown, form["headers"], _is_object), "body": body}
            if raw["headers"] is None:
                del raw["headers"]
            url = self._first(thrown, "url", _is_text)
            if url is not None:
                raw["url"] = url
            raw["request"] = self._request_info(thrown)
            return raw
        return None

    def _causes(self, value):
        out = []
        for reader in self.thrown_readers["causes"]:
            if reader.path and reader.path[-1] == "*":
                listed = read_path(value, reader.path[:-1])
                if isinstance(listed, list):
                    out.extend(listed[:8])
                continue
            cause = read_value(value, reader)
            if cause is not UNDEFINED and cause is not None:
                out.append(cause)
        return out

    def _error_nodes(self, thrown):
        nodes = []
        seen_objects = set()
        seen_values = set()
        level = [thrown]
        depth = 0
        while depth < 8 and level and len(nodes) < 16:
            following = []
            for value in level:
                if len(nodes) >= 16:
                    continue
                if isinstance(value, (dict, list)):
                    if id(value) in seen_objects:
                        continue
                    seen_objects.add(id(value))
                else:
                    marker = (type(value).__name__, value if not isinstance(value, float) or value == value else "nan")
                    if marker in seen_values:
                        continue
                    seen_values.add(marker)
                if isinstance(value, str):
                    nodes.append({"name": None, "code": None, "message": value})
                    continue
                if not isinstance(value, (dict, list)):
                    continue
                nodes.append({"name": self._first(value, "name", _is_text), "code": self._first(value, "code", _is_text), "message": self._first(value, "message", _is_text)})
                following.extend(self._causes(value))
            level = following
            depth += 1
        return nodes

    def _normalize(self, thrown, settings):
        if isinstance(thrown, str):
            return self._transport([{"name": None, "code": None, "message": thrown}], None, {}, settings)
        if not isinstance(thrown, (dict, list)):
            kind = "null" if thrown is None else "boolean" if isinstance(thrown, bool) else "number" if is_number(thrown) else "undefined" if thrown is UNDEFINED else "object"
            return self._invalid(f"cannot classify a thrown {kind}", vendor_name(settings["vendor"]))
        raw = self._response_of(thrown)
        if raw is not None:
            return self._classify(raw, settings)
        nodes = self._error_nodes(thrown)
        if all(node["name"] is None and node["code"] is None and node["message"] is None for node in nodes):
            return self._invalid("cannot classify a thrown object with no name, code or message", vendor_name(settings["vendor"]))
        return self._transport(nodes, self._first(thrown, "url", _is_text), self._request_info(thrown), settings)

    def _transport(self, nodes, url, request, settings):
        requested = vendor_name(settings["vendor"])
        vendor_id = requested if requested is not None else (None if url is None else vendor_from_url(self.exact_hosts, self.wildcard_hosts, url))
        catalog = None if vendor_id is None else self.vendors.get(vendor_id)
        vendor = catalog.vendor if catalog is not None else vendor_id
        found = _match_transport([self.generic] if catalog is None else [catalog, self.generic], nodes)
        top = nodes[0]
        if found is None:
            text = next((value for value in (top["message"], top["name"], top["code"]) if value is not None), "unknown error")
            return self._invalid(_safe_message(text), vendor)
        (entry, params), node = found
        message = node["message"] if node["message"] is not None else top["message"]
        key_missing = not entry.request_not_sent and not retry_allowed(catalog, request)
        error = build_error(
            entry,
            vendor=vendor,
            status=None,
            code=node["code"],
            message=None if message is None else _safe_message(message),
            params=params,
            fields=None,
            retryable=entry.retryable and not key_missing,
            fatal=True,
            retry_after_ms=None,
        )
        return {"outcome": "error", "vendor": vendor, "status": None, "error": error, "minor": []}


def _transport_context(names, code, message):
    return Context(None, None, code, None if message is None else clip(message, MAX_MESSAGE), names)


def _match_transport(catalogs, nodes):
    names = [node["name"].lower() for node in nodes if node["name"] is not None]
    for catalog in catalogs:
        for node in nodes:
            if node["code"] is None:
                continue
            found = match_by_code(catalog.transport, _transport_context(names, node["code"], node["message"]))
            if found is not None:
                return found, node
    for catalog in catalogs:
        found = match_by_name(catalog.transport, _transport_context(names, None, None))
        if found is not None:
            listed = found[0].names or []
            node = next((node for node in nodes if node["name"] is not None and node["name"].lower() in listed), nodes[0])
            return found, node
    for catalog in catalogs:
        for node in nodes:
            if node["message"] is None:
                continue
            found = match_by_message(catalog.transport, _transport_context(names, None, node["message"]))
            if found is not None:
                return found, node
    return None


def _safe_message(message: str) -> str:
    head = u16_slice(message, 0, 65_536) if u16_len(message) > 65_536 else message
    if "@" in head and "://" in head:
        head = _URL_CREDENTIALS.sub("://" + REDACTED + "@", head)
    return clip(head, MAX_MESSAGE)


def _is_text(value) -> bool:
    return isinstance(value, str) and value != ""


def _is_object(value) -> bool:
    return isinstance(value, (dict, list))


def _clock(now) -> float:
    if is_finite(now):
        return now
    return time.time() * 1000


def retry_allowed(catalog, request) -> bool:
    """R19: where the vendor requires an Idempotency-Key for the method, a retry without
    one is not advised."""
    if catalog is None or not catalog.idempotency_key_required_for:
        return True
    method = own(request, "method")
    if not isinstance(method, str):
        return True
    required = catalog.idempotency_key_required_for
    if method not in required and method.upper() not in required:
        return True
    key = own(request, "idempotencyKey")
    return isinstance(key, str) and js_trim(key) != ""


__all__ = ["Classifier", "accepts", "vendor_name"]
