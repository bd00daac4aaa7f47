"""Weekly slots in week order, as the outputs and reasons show them."""

from __future__ import annotations

from collections.abc import Iterable

DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
PERIODS = ["AM", "PM", "Eve"]


def slot_order(slot: str) -> tuple[int, int, str]:
    """Weekly order: ``Mon AM`` < ``Mon PM`` < ``Mon Eve`` < ``Tue AM``; other text last."""
    day, _, period = slot.partition(" ")
    return (
        DAYS.index(day) if day in DAYS else len(DAYS),
        PERIODS.index(period) if period in PERIODS else len(PERIODS),
        slot,
    )


def slot_text(slots: Iterable[str], separator: str = "; ") -> str:
    """The slots in weekly order, joined."""
    return separator.join(sorted(slots, key=slot_order))
