"""How the text of a grade cell is read as a number (``84``, ``90.5``, ``8,5``, ``1 000``)."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def parse_number(text: str) -> float | None:
    """``84``, ``90.5``, ``8,5`` (decimal comma) as a float; None when it is not a number."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not _NUMBER.match(cleaned):
        return None
    return float(cleaned.replace(",", "."))
