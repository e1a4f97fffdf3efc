"""Retry hints (R18): Retry-After, the RateLimit t parameter, the reset headers in the
vendor's unit, then the vendor's body fields; ignored when malformed, clamped."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta, timezone

from ._js import UNDEFINED, is_finite, js_trim, own, u16_len

EPOCH_THRESHOLD = 1_000_000_000
DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
LONG_DAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
IMF_FIXDATE = re.compile(r"([a-z]{3}), (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) gmt", re.A)
RFC850_DATE = re.compile(r"([a-z]{6,9}), (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) gmt", re.A)
ASCTIME_DATE = re.compile(r"([a-z]{3}) ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})", re.A)
_EPOCH_DAY = date(1970, 1, 1).toordinal()


def _date(weekday: int, day: str, month: str, year: int, hour: str, minute: str, second: str):
    if month not in MONTHS or weekday == -1 or year < 100:
        return None
    d, h, m, s = int(day), int(hour), int(minute), int(second)
    if h > 23 or m > 59 or s > 59:
        return None
    try:
        when = date(year, MONTHS.index(month) + 1, d)
    except ValueError:
        return None
    if (when.weekday() + 1) % 7 != weekday:
        return None
    days = when.toordinal() - _EPOCH_DAY
    return (((days * 24 + h) * 60 + m) * 60 + s) * 1000


def _year_of(now: float) -> int | None:
    try:
        return (datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(milliseconds=now)).year
    except (OverflowError, ValueError):
        return None


def parse_http_date(value: str, now: float):
    if u16_len(value) > 64:
        return None
    text = js_trim(value).lower()
    found = IMF_FIXDATE.fullmatch(text)
    if found:
        wd, day, mon, year, h, m, s = found.groups()
        return _date(DAY_NAMES.index(wd) if wd in DAY_NAMES else -1, day, mon, int(year), h, m, s)
    found = RFC850_DATE.fullmatch(text)
    if found:
        wd, day, mon, yy, h, m, s = found.groups()
        current = _year_of(now)
        if current is None:
            return None
        year = current // 100 * 100 + int(yy)
        if year > current + 50:
            year -= 100
        elif year < current - 50:
            year += 100
        return _date(LONG_DAY_NAMES.index(wd) if wd in LONG_DAY_NAMES else -1, day, mon, year, h, m, s)
    found = ASCTIME_DATE.fullmatch(text)
    if found:
        wd, mon, day, h, m, s, year = found.groups()
        return _date(DAY_NAMES.index(wd) if wd in DAY_NAMES else -1, day.strip(" ").rjust(2, "0"), mon, int(year), h, m, s)
    return None


def _digits(text: str, start: int, end: int, maximum: int) -> bool:
    if end <= start or end - start > maximum:
        return False
    return all("0" <= char <= "9" for char in text[start:end])


def _is_delta_seconds(text: str) -> bool:
    return _digits(text, 0, len(text), 12)


def is_decimal(text: str) -> bool:
    dot = text.find(".")
    if dot == -1:
        return _digits(text, 0, len(text), 15)
    return _digits(text, 0, dot, 15) and _digits(text, dot + 1, len(text), 6)


def parse_retry_after(value: str, now: float):
    text = js_trim(value)
    if _is_delta_seconds(text):
        return int(text) * 1000
    when = parse_http_date(text, now)
    return None if when is None else when - now


def parse_reset_value(value: str, unit: str, now: float):
    text = js_trim(value)
    if not is_decimal(text):
        return None
    number = float(text)
    epoch = unit == "epoch-seconds" or (unit == "auto" and number >= EPOCH_THRESHOLD)
    return number * 1000 - now if epoch else number * 1000


def _rate_limit_field(value: str):
    if u16_len(value) > 1024:
        return None
    first = value.split(",")[0]
    for param in first.split(";"):
        eq = param.find("=")
        if eq != -1 and js_trim(param[:eq]).lower() == "t":
            seconds = js_trim(param[eq + 1 :])
            return int(seconds) * 1000 if _is_delta_seconds(seconds) else None
    return None


def _from_body(body: object, fields: list):
    for path, unit in fields:
        value = body
        for key in path:
            value = own(value, key)
            if value is UNDEFINED:
                break
        if isinstance(value, str) and is_decimal(js_trim(value)):
            value = float(js_trim(value))
        if is_finite(value) and value >= 0:
            return value * 1000 if unit == "seconds" else value
    return None


def _clamp(ms, maximum: int) -> int:
    if not math.isfinite(ms) or ms < 0:
        return 0
    return min(int(math.floor(ms + 0.5)), maximum)


def resolve_retry_delay(headers: dict, body: object, reset_unit: str, body_fields: list, now: float, maximum: int):
    ms = None
    retry_after = headers.get("retry-after")
    if retry_after is not None:
        ms = parse_retry_after(retry_after, now)
    if ms is None and headers.get("ratelimit") is not None:
        ms = _rate_limit_field(headers["ratelimit"])
    for name in ("ratelimit-reset", "x-ratelimit-reset"):
        if ms is None and headers.get(name) is not None:
            ms = parse_reset_value(headers[name], reset_unit, now)
    if ms is None and body_fields:
        ms = _from_body(body, body_fields)
    return None if ms is None else _clamp(ms, maximum)
