"""Plain-language summaries of a roster's attributes, for reports and the window."""

from __future__ import annotations

from collections import Counter

from teamtool.model import AttributeKind, AttrValue, Roster, Student


def cell_text(value: AttrValue) -> str:
    """How an attribute value is shown in a table cell."""
    if value is None:
        return ""
    if isinstance(value, frozenset):
        return "; ".join(sorted(value, key=slot_order))
    if isinstance(value, tuple):
        return "; ".join(value)
    if isinstance(value, float):
        return f"{value:g}"
    return value


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def slot_order(slot: str) -> tuple[int, str]:
    day = slot[:3]
    return (_DAYS.index(day) if day in _DAYS else 7, slot)


def student_row(student: Student, roster: Roster) -> list[str | float | None]:
    row: list[str | float | None] = [student.id, student.name, student.email, student.section]
    for spec in roster.attributes:
        value = student.get(spec.name)
        row.append(value if isinstance(value, float) else cell_text(value))
    return row


def describe_attribute(roster: Roster, name: str, kind: AttributeKind) -> str:
    values = [s.get(name) for s in roster.active() if s.get(name) is not None]
    if not values:
        return "empty"
    if kind is AttributeKind.NUMERIC:
        numbers = [v for v in values if isinstance(v, float)]
        mean = sum(numbers) / len(numbers)
        return f"min {min(numbers):g}, mean {mean:.2f}, max {max(numbers):g}"
    if kind in (AttributeKind.CATEGORICAL, AttributeKind.TEXT):
        counts = Counter(str(v) for v in values)
        shown = ", ".join(f"{k} {v}" for k, v in counts.most_common(6))
        more = len(counts) - 6
        return shown + (f", and {more} more" if more > 0 else "")
    if kind is AttributeKind.AVAILABILITY:
        slots = Counter(slot for v in values if isinstance(v, frozenset) for slot in v)
        return f"{len(slots)} distinct slots; most free: " + ", ".join(
            s for s, _ in slots.most_common(3)
        )
    requests = sum(len(v) for v in values if isinstance(v, tuple))
    return f"{requests} teammate(s) named"


def attribute_summary(roster: Roster) -> list[tuple[str, str, int, str]]:
    """(attribute, kind, students with a value, summary) for every attribute."""
    active = roster.active()
    return [
        (
            spec.name,
            spec.kind.value,
            sum(1 for s in active if s.get(spec.name) is not None),
            describe_attribute(roster, spec.name, spec.kind),
        )
        for spec in roster.attributes
    ]
