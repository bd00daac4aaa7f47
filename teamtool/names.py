"""Names: people's names and emails normalised so that matching tolerates case, accents and
spacing, and the natural order of names (Team 2 before Team 10)."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case, accents removed, apostrophes unified, runs of spaces collapsed."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text).strip().casefold()


def name_key(name: str) -> str:
    """A comparison key for a person's name; ``"Last, First"`` becomes ``"first last"``."""
    folded = fold(name)
    if folded.count(",") == 1:
        last, first = (part.strip() for part in folded.split(","))
        if first and last:
            folded = f"{first} {last}"
    return folded


def split_sortable(name: str) -> tuple[str, str]:
    """Split ``"Last, First"`` into (first, last); other names come back as (name, "")."""
    if name.count(",") == 1:
        last, first = (part.strip() for part in name.split(","))
        if first and last:
            return first, last
    return name.strip(), ""


def display_name(name: str) -> str:
    """``"Last, First"`` shown as ``"First Last"``; stray spaces removed."""
    first, last = split_sortable(name)
    return _SPACES.sub(" ", f"{first} {last}").strip()


def email_key(email: str) -> str:
    return email.strip().casefold()


def natural_key(name: str) -> list[tuple[int, str | int]]:
    """Sort key putting numbers in names in numeric order: Team 2 before Team 10, before Zebra.

    ``natural_key("Team 10")`` is ``[(0, "team "), (1, 10)]``; text parts sort before numbers.
    """
    parts = re.split(r"(\d+)", name.casefold())
    return [(1, int(p)) if p.isdigit() else (0, p) for p in parts if p]
