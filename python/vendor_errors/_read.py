"""Reading input: bodies (R6), headers (R4), the URL host (R5), the path language,
conditions and readers of shapes (R7, R8), and the generic field reader (R9)."""

from __future__ import annotations

import re

from ._js import (
    UNDEFINED,
    as_units,
    from_units,
    clip,
    first_non_space,
    has_text,
    is_finite,
    is_integer,
    is_number,
    is_record,
    js_trim,
    number_text,
    own,
    own_keys,
    parse_json,
    u16_len,
    u16_slice,
)

HTML_SCAN_LIMIT = 64 * 1024
MAX_EVERY = 16
MAX_MESSAGE = 2000
MAX_TEXT_MESSAGE = 500
MAX_ITEMS = 1000
MAX_FIELDS = 100
MAX_HEADER_KEYS = 512


# ---- bodies (R6) -------------------------------------------------------------------

class Body:
    __slots__ = ("kind", "value", "text", "truncated")

    def __init__(self, kind: str, value: object = UNDEFINED, text: str = "", truncated: bool = False):
        self.kind = kind
        self.value = value
        self.text = text
        self.truncated = truncated


def _parse_text(text: str) -> Body:
    start = first_non_space(text)
    if start == -1:
        return Body("empty")
    first = text[start]
    if first == "<":
        return Body("html", text=u16_slice(text, 0, HTML_SCAN_LIMIT) if u16_len(text) > HTML_SCAN_LIMIT else text)
    if first in "{[":
        try:
            return Body("json", value=parse_json(text[start:]))
        except (ValueError, RecursionError):
            pass
    return Body("text", text=text)


def parse_body(body: object, max_bytes: int) -> Body:
    if isinstance(body, str):
        if u16_len(body) > max_bytes:
            head = u16_slice(body, 0, HTML_SCAN_LIMIT)
            start = first_non_space(head)
            return Body("html", text=head, truncated=True) if start != -1 and head[start] == "<" else Body("unparsed", truncated=True)
        return _parse_text(body)
    if body is UNDEFINED or body is None:
        return Body("empty")
    if isinstance(body, (dict, list)):
        return Body("json", value=body)
    if isinstance(body, bool):
        return Body("text", text="true" if body else "false")
    if is_number(body):
        return Body("text", text=number_text(body))
    return Body("empty")


# ---- headers (R4) ------------------------------------------------------------------

def _header_value(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if is_finite(value):
        return number_text(value)
    if isinstance(value, list):
        for item in value[:16]:
            if isinstance(item, str):
                return item
    return None


def read_headers(headers: object) -> dict:
    """Lower-case name → value. Of several spellings the lower-case one wins, else the first."""
    out: dict = {}
    if not isinstance(headers, dict):
        return out
    for count, key in enumerate(own_keys(headers, 2**31)):
        if count >= MAX_HEADER_KEYS:
            break
        value = _header_value(headers[key])
        if value is None:
            continue
        lower = key.lower()
        if lower == key or lower not in out:
            out[lower] = value
    return out


# ---- URL host (R5) -----------------------------------------------------------------

def host_of(url: str) -> str | None:
    """The host of an absolute URL, positions counted in UTF-16 code units."""
    url = as_units(url)
    scheme = url[:19].find("://")
    if scheme == -1 or scheme > 16:
        return None
    begin = scheme + 3
    limit = min(len(url), begin + 256)
    end = begin
    at = -1
    colon = -1
    while end < limit:
        char = url[end]
        if char in "/?#":
            break
        if char == "@":
            at = end
            colon = -1
        elif char == ":" and colon == -1:
            colon = end
        end += 1
    start = begin if at == -1 else at + 1
    if start < len(url) and url[start] == "[":
        return None
    if colon != -1:
        end = colon
    if end > start and url[end - 1] == ".":
        end -= 1
    return from_units(url[start:end]) if end > start else None


def vendor_from_url(exact: dict, wildcard: dict, url: str) -> str | None:
    host = host_of(url)
    if host is None:
        return None
    found = exact.get(host.lower())
    if found is not None:
        return found
    for index, char in enumerate(host):
        if char == ".":
            found = wildcard.get(host[index + 1 :].lower())
            if found is not None:
                return found
    return None


# ---- paths and conditions (R7) ----------------------------------------------------

def parse_path(text: str) -> list:
    if text == "":
        return []
    segments = text.split(".")
    if any(segment == "" for segment in segments):
        raise ValueError(f'path "{text}" has an empty segment')
    return segments


def read_path(value: object, segments: list, start: int = 0) -> object:
    current = value
    for index in range(start, len(segments)):
        segment = segments[index]
        if segment == "*":
            return _read_every(current, segments, index + 1)
        current = own(current, segment)
        if current is UNDEFINED:
            return UNDEFINED
    return current


def _read_every(listed: object, segments: list, following: int) -> object:
    if not isinstance(listed, list):
        return UNDEFINED
    for element in listed[:MAX_EVERY]:
        found = read_path(element, segments, following)
        if found is not UNDEFINED:
            return found
    return UNDEFINED


def has_type(value: object, kind: str) -> bool:
    if kind == "present":
        return value is not UNDEFINED
    if kind == "string":
        return isinstance(value, str)
    if kind == "number":
        return is_number(value)
    if kind == "integer":
        return is_integer(value)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "array":
        return isinstance(value, list)
    if kind == "object":
        return isinstance(value, dict)
    return False


def conditions_hold(root: object, conditions: list) -> bool:
    return all(has_type(read_path(root, path), kind) for path, kind in conditions)


# ---- readers (R8) ------------------------------------------------------------------

class Reader:
    __slots__ = ("path", "transform", "ignore_hosts", "index", "base")

    def __init__(self, spec: object):
        if isinstance(spec, str):
            spec = {"path": spec}
        self.path = parse_path(spec.get("path", ""))
        self.transform = spec.get("as")
        hosts = spec.get("ignoreHosts")
        self.ignore_hosts = None if hosts is None else {host.lower() for host in hosts}
        self.index = None if spec.get("index") is None else parse_path(spec["index"])
        self.base = None if spec.get("base") is None else parse_path(spec["base"])


def readers(specs: object) -> list:
    return [Reader(spec) for spec in (specs or [])]


def code_string(value: object) -> str | None:
    if isinstance(value, str):
        return None if value == "" else clip(value, 200)
    if is_finite(value):
        return number_text(value)
    return None


def message_string(value: object) -> str | None:
    return clip(value, MAX_MESSAGE) if isinstance(value, str) and has_text(value) else None


def _on_host(uri: str, hosts: set) -> bool:
    scheme = uri.find("://")
    if scheme == -1 or scheme > 8:
        return False
    start = scheme + 3
    end = uri.find("/", start)
    return end != -1 and uri[start:end].lower() in hosts


def uri_last_segment(value: object, ignore_hosts: set | None) -> str | None:
    if not isinstance(value, str) or value == "" or value == "about:blank":
        return None
    uri = u16_slice(value, 0, 2048) if u16_len(value) > 2048 else value
    if ignore_hosts is not None and _on_host(uri, ignore_hosts):
        return None
    end = len(uri)
    while end > 0 and uri[end - 1] in "/#":
        end -= 1
    start = end
    while start > 0 and uri[start - 1] not in "/#:":
        start -= 1
    return code_string(uri[start:end])


_TITLE_TAGS = (re.compile(r"<title\b", re.I | re.A), re.compile(r"<h1\b", re.I | re.A))
_ENTITY = re.compile(r"&(#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,6});", re.I | re.A)
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": " ", "#39": "'"}


def _entity(match: re.Match) -> str:
    name = match.group(1)
    known = _ENTITIES.get(name.lower())
    if known is not None:
        return known
    if name.startswith("#"):
        code = int(name[2:], 16) if name[1] in "xX" else int(name[1:], 10)
        if 0 < code <= 0x10FFFF:
            return chr(code)
    return match.group(0)


def html_title(html: str) -> str | None:
    for tag in _TITLE_TAGS:
        found = tag.search(html)
        if found is None:
            continue
        gt = html.find(">", found.start())
        if gt == -1:
            continue
        lt = html.find("<", gt + 1)
        raw = html[gt + 1 : len(html) if lt == -1 else lt]
        if u16_len(raw) > 500:
            raw = u16_slice(raw, 0, 500)
        text = js_trim(_ENTITY.sub(_entity, raw))
        if text != "":
            return text
    return None


def first_line(body: str) -> str | None:
    text = u16_slice(body, 0, 8192) if u16_len(body) > 8192 else body
    start = first_non_space(text)
    if start == -1:
        return None
    end = text.find("\n", start)
    return clip(js_trim(text[start:] if end == -1 else text[start:end]), MAX_TEXT_MESSAGE)


def url_value(value: object, base: object) -> str | None:
    url = value if isinstance(value, str) else own(value, "href")
    if not isinstance(url, str) or url == "":
        return None
    if not isinstance(base, str) or base == "" or "://" in url:
        return url
    return base.rstrip("/") + "/" + url.lstrip("/")


def read_value(root: object, reader: Reader) -> object:
    value = read_path(root, reader.path)
    kind = reader.transform
    if kind is None:
        return value
    if kind == "uri-last-segment":
        found = uri_last_segment(value, reader.ignore_hosts)
    elif kind == "html-title":
        found = html_title(value) if isinstance(value, str) else None
    elif kind == "first-line":
        found = first_line(value) if isinstance(value, str) else None
    elif kind == "field-path":
        if value is UNDEFINED:
            return UNDEFINED
        fields = extract_fields([value])
        found = fields[0]["path"] if fields else None
        found = found or None
    elif kind == "with-index":
        if not isinstance(value, str):
            return UNDEFINED
        index = UNDEFINED if reader.index is None else read_path(root, reader.index)
        return f"{value}[{number_text(index)}]" if is_integer(index) else value
    elif kind == "url":
        found = url_value(value, UNDEFINED if reader.base is None else read_path(root, reader.base))
    else:
        return UNDEFINED
    return UNDEFINED if found is None else found


def read_code(root: object, reader_list: list) -> str | None:
    for reader in reader_list:
        code = code_string(read_value(root, reader))
        if code is not None:
            return code
    return None


def read_message(root: object, reader_list: list) -> str | None:
    for reader in reader_list:
        message = message_string(read_value(root, reader))
        if message is not None:
            return message
    return None


def read_fields(root: object, reader_list: list) -> list | None:
    for reader in reader_list:
        fields = extract_fields(read_value(root, reader))
        if fields is not None:
            return fields
    return None


def read_list(value: object) -> list | None:
    if not isinstance(value, list) or not value:
        return None
    return value[:MAX_ITEMS]


# ---- field errors (R9) -------------------------------------------------------------

PATH_KEYS = ("field", "path", "pointer", "name", "param", "property", "loc", "fieldName")
MESSAGE_KEYS = ("message", "detail", "reason", "description", "msg", "error", "title")
NESTED_KEYS = ("fields", "errors", "fieldErrors", "field_errors", "invalid_params", "invalid-params")


def _first_string(value: object, keys: tuple) -> str | None:
    for key in keys:
        found = own(value, key)
        if isinstance(found, str) and found != "":
            return found
        if is_finite(found):
            return number_text(found)
        if key == "loc" and isinstance(found, list):
            return ".".join(part if isinstance(part, str) else number_text(part) for part in found if isinstance(part, str) or is_number(part))
    return None


def _path_of(item: object) -> str | None:
    direct = _first_string(item, PATH_KEYS)
    if direct is not None:
        return direct
    return _first_string(own(item, "source"), ("pointer", "parameter", "header"))


def _from_array(items: list, out: list) -> None:
    for item in items:
        if len(out) >= MAX_FIELDS:
            return
        if isinstance(item, str):
            out.append({"path": "", "message": item})
            continue
        if not is_record(item):
            continue
        message = _first_string(item, MESSAGE_KEYS)
        if message is not None:
            path = _path_of(item)
            out.append({"path": "" if path is None else path, "message": message})


def _from_map(mapping: dict, prefix: str, out: list, depth: int) -> None:
    for key in own_keys(mapping, MAX_FIELDS):
        if len(out) >= MAX_FIELDS:
            return
        value = mapping[key]
        path = key if prefix == "" else f"{prefix}.{key}"
        if isinstance(value, str):
            out.append({"path": path, "message": value})
        elif isinstance(value, list):
            for item in value[:MAX_FIELDS]:
                if len(out) >= MAX_FIELDS:
                    break
                if isinstance(item, str):
                    out.append({"path": path, "message": item})
                elif is_record(item):
                    message = _first_string(item, MESSAGE_KEYS)
                    if message is not None:
                        out.append({"path": path, "message": message})
        elif is_record(value) and depth > 0:
            _collect(value, path, out, depth - 1)


def _collect(value: object, prefix: str, out: list, depth: int) -> None:
    if depth < 0:
        return
    if isinstance(value, list):
        _from_array(value, out)
        return
    if not is_record(value):
        return
    path = _path_of(value)
    message = _first_string(value, MESSAGE_KEYS)
    if path is not None and message is not None:
        out.append({"path": path if prefix == "" else f"{prefix}.{path}", "message": message})
        return
    for key in NESTED_KEYS:
        nested = own(value, key)
        if isinstance(nested, (list, dict)):
            _collect(nested, prefix, out, depth - 1)
            return
    _from_map(value, prefix, out, depth)


def extract_fields(value: object) -> list | None:
    if value is UNDEFINED or value is None:
        return None
    out: list = []
    _collect(value, "", out, 1)
    return out or None
