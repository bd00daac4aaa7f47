"""Parse the submission times of survey exports, so that the latest of duplicates wins."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

#: US and European zone abbreviations Google Forms writes after the time (hours from UTC).
ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7,
    "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10, "WET": 0,
    "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "AEST": 10, "AEDT": 11,
}  # fmt: skip

_DATE_TIME = re.compile(
    r"(?P<a>\d{1,4})[/.-](?P<b>\d{1,2})[/.-](?P<c>\d{1,4})"
    r"(?:[ T]+(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:\.(?P<f>\d{1,6})\d*)?)?"
    r"\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?"
    r"\s*(?P<zone>Z|[A-Za-z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})?$"
)
_OFFSET = re.compile(r"([+-])(\d{1,2})(?::?(\d{2}))?$")
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def parse_times(texts: Sequence[str]) -> list[dt.datetime | None]:
    """Parse every time of one column; the day/month order is decided once for the column.

    Accepted: Google ``2026/10/14 9:41:07 PM EDT`` (or ``GMT+3``), locale ``10/14/2026 21:41:07``
    (day first when some first field is over 12), ISO ``2026-10-14 21:41:07`` (Qualtrics, and
    Excel date-times as read by teamtool), and Excel serial numbers. Times with a zone are
    converted to UTC; times without one are compared as they are. Unreadable times are None.
    """
    day_first = False
    for text in texts:
        m = _DATE_TIME.match(text.strip())
        if m and len(m["a"]) <= 2 and int(m["a"]) > 12:
            day_first = True
            break
    return [parse_time(t, day_first=day_first) for t in texts]


def parse_time(text: str, *, day_first: bool = False) -> dt.datetime | None:
    """One time (see :func:`parse_times`), or None."""
    cleaned = text.strip()
    if not cleaned:
        return None
    serial = _excel_serial(cleaned)
    if serial is not None:
        return serial
    m = _DATE_TIME.match(cleaned)
    if m is None:
        return None
    a, b, c = m["a"], m["b"], m["c"]
    if len(a) == 4:
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4:
        year = int(c)
        month, day = (int(b), int(a)) if day_first else (int(a), int(b))
    else:
        return None
    hour = int(m["h"] or 0)
    if m["ampm"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m["ampm"][0] in "Pp" else 0)
    try:
        value = dt.datetime(
            year,
            month,
            day,
            hour,
            int(m["m"] or 0),
            int(m["s"] or 0),
            int((m["f"] or "0").ljust(6, "0")),
        )
    except ValueError:
        return None
    offset = _zone_offset(m["zone"])
    if offset is not None:
        value -= offset
    return value


def _zone_offset(zone: str | None) -> dt.timedelta | None:
    if not zone:
        return None
    upper = zone.upper()
    offset = _OFFSET.search(upper)
    name = upper[: offset.start()] if offset else upper
    if name and name not in ZONES:
        return None
    total = dt.timedelta(hours=ZONES.get(name, 0))
    if offset:
        sign = -1 if offset[1] == "-" else 1
        total += sign * dt.timedelta(hours=int(offset[2]), minutes=int(offset[3] or 0))
    return total


def _excel_serial(text: str) -> dt.datetime | None:
    try:
        number = float(text)
    except ValueError:
        return None
    if not 20000 <= number <= 80000:  # 1954 to 2119: a date, not some other number
        return None
    return _EXCEL_EPOCH + dt.timedelta(days=number)
