"""The Canvas gradebook export read as a roster (formats.md §1.1)."""

from __future__ import annotations

import re

from teamtool.files.tables import Grid
from teamtool.names import fold

IDENTITY = (
    "Student",
    "ID",
    "SIS User ID",
    "SIS Login ID",
    "Integration ID",
    "Root Account",
    "Section",
)
_HEX40 = re.compile(r"^[0-9a-f]{40}$")


def is_canvas_gradebook(grid: Grid) -> bool:
    """Canvas's importer's own test: cell 1 contains Student and cell 2 contains ID."""
    header = [h.strip() for h in grid.rows[0]]
    if len(header) < 2:
        return False
    if header[0] == "Student" and header[1] == "ID":
        return True
    return header[:3] == ["LastName", "FirstName", "ID"]


def is_skipped_row(cells: list[str]) -> bool:
    """Points Possible, Manual Posting / Muted rows and lines of separators only."""
    first = cells[0] if cells else ""
    if "Points Possible" in first:
        return True
    texts = {c.strip() for c in cells if c.strip()}
    return not texts or texts <= {"Manual Posting", "Muted"}


def is_test_student(name: str, login: str) -> bool:
    return fold(name) in ("student, test", "test student") or bool(_HEX40.match(login.strip()))


def identity_columns(header: list[str]) -> list[str]:
    """The identity columns present, in the exporter's order (the rest are grade columns)."""
    names = [h.strip() for h in header]
    return [c for c in ("LastName", "FirstName", *IDENTITY) if c in names]
