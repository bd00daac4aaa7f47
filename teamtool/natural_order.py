"""Natural order of names: numbers in them compare as numbers (Team 2 before Team 10)."""

from __future__ import annotations

import re


def natural_key(name: str) -> list[tuple[int, str | int]]:
    """Sort key putting numbers in names in numeric order: Team 2 before Team 10, before Zebra.

    ``natural_key("Team 10")`` is ``[(0, "team "), (1, 10)]``; text parts sort before numbers.
    """
    parts = re.split(r"(\d+)", name.casefold())
    return [(1, int(p)) if p.isdigit() else (0, p) for p in parts if p]
