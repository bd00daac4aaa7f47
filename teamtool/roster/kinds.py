"""Attribute kinds: detecting a column's kind from its values and parsing cells of each kind."""

from __future__ import annotations

import re
from collections.abc import Sequence

from teamtool.model import AttributeKind
from teamtool.number_text import read_number

__all__ = ["detect_kind", "parse_slot", "split_list", "split_slots"]

_DAYS = {
    "mon": "Mon",
    "monday": "Mon",
    "tue": "Tue",
    "tues": "Tue",
    "tuesday": "Tue",
    "wed": "Wed",
    "weds": "Wed",
    "wednesday": "Wed",
    "thu": "Thu",
    "thur": "Thu",
    "thurs": "Thu",
    "thursday": "Thu",
    "fri": "Fri",
    "friday": "Fri",
    "sat": "Sat",
    "saturday": "Sat",
    "sun": "Sun",
    "sunday": "Sun",
}
_PERIODS = {
    "am": "AM",
    "morning": "AM",
    "morn": "AM",
    "pm": "PM",
    "afternoon": "PM",
    "evening": "Eve",
    "eve": "Eve",
    "night": "Eve",
}
_SLOT = re.compile(r"^\s*([A-Za-z]+)\.?\s*(.*?)\s*$")
_SPLIT = re.compile(r"[;\n|]")

AVAILABILITY_HINTS = ("avail", "schedule", "free time", "time slot", "timeslot", "meeting time")
PREFERENCE_HINTS = ("request", "teammate", "prefer", "avoid", "partner", "friend", "work with")
TEXT_HINTS = ("comment", "note", "remark")
NUMERIC_HINTS = ("gpa", "grade", "score", "skill", "years", "level", "experience", "rating", "(1-")


def parse_slot(token: str) -> str | None:
    """Normalise one availability slot: ``"monday morning"`` -> ``"Mon AM"``; None if no day."""
    match = _SLOT.match(token)
    if not match:
        return None
    day = _DAYS.get(match.group(1).casefold())
    if day is None:
        return None
    rest = match.group(2).strip()
    if not rest:
        return day
    period = _PERIODS.get(rest.casefold().rstrip("."))
    return f"{day} {period or rest}"


def split_list(text: str) -> list[str]:
    """Split a multi-valued cell on ``;``, ``|`` or new lines (commas stay: ``Last, First``)."""
    return [part.strip() for part in _SPLIT.split(text) if part.strip()]


def split_slots(text: str) -> list[str]:
    """Availability cells also use commas between slots (``Mon AM, Tue PM``)."""
    return [part.strip() for part in re.split(r"[;,\n|]", text) if part.strip()]


def detect_kind(header: str, values: Sequence[str]) -> AttributeKind:
    """Guess how a column is meant from its header and its non-empty cells."""
    h = header.casefold()
    filled = [v.strip() for v in values if v.strip()]
    if any(hint in h for hint in PREFERENCE_HINTS):
        return AttributeKind.PREFERENCE
    if any(hint in h for hint in AVAILABILITY_HINTS):
        return AttributeKind.AVAILABILITY
    if any(hint in h for hint in TEXT_HINTS):
        return AttributeKind.TEXT
    if not filled:
        return AttributeKind.CATEGORICAL
    numbers = sum(1 for v in filled if read_number(v).looks_numeric)
    numeric_hint = any(hint in h for hint in NUMERIC_HINTS)
    if numbers >= 0.9 * len(filled) or (numeric_hint and numbers >= 0.5 * len(filled)):
        return AttributeKind.NUMERIC
    slot_cells = sum(1 for v in filled if all(parse_slot(t) for t in split_slots(v)))
    if slot_cells >= 0.8 * len(filled) and any(len(split_slots(v)) > 1 for v in filled):
        return AttributeKind.AVAILABILITY
    distinct = {v.casefold() for v in filled}
    if len(distinct) <= max(12, len(filled) // 3):
        return AttributeKind.CATEGORICAL
    return AttributeKind.TEXT
