"""Roster import from CSV/XLSX (generic sheet or Canvas gradebook), validated all at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from teamtool.canvas import gradebook
from teamtool.files.tables import Grid, read_grid
from teamtool.model import AttributeKind, AttributeSpec, Roster
from teamtool.problems import Problems
from teamtool.roster.columns import (
    canvas_mapping,
    check_mapping,
    clean_header,
    detect_mapping,
    report_duplicate_headers,
)
from teamtool.roster.mapping import ColumnMapping
from teamtool.roster.student_rows import build_students
from teamtool.roster.values import resolve_preferences

__all__ = ["RosterImport", "detect_mapping", "import_roster", "roster_from_grid"]


@dataclass
class RosterImport:
    """The result of reading a roster file: the students, every problem, and how it was read."""

    file: str
    roster: Roster
    problems: Problems
    mapping: ColumnMapping
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)  # data rows as read (for previews)
    source: str = "generic"  # or "canvas"
    skipped_rows: int = 0


def import_roster(path: str | Path, mapping: ColumnMapping | None = None) -> RosterImport:
    """Read ``path`` as a roster.

    Problems come back in ``problems`` (those met reading the file too); only an unreadable
    file raises.
    """
    grid = read_grid(path, raise_errors=False)
    return roster_from_grid(grid, mapping)


def roster_from_grid(grid: Grid, mapping: ColumnMapping | None = None) -> RosterImport:
    header = clean_header(grid.rows[0])
    problems = Problems(list(grid.problems))
    report_duplicate_headers(grid.rows[0], header, grid.file, problems)
    is_canvas = gradebook.is_canvas_gradebook(grid)
    data: list[tuple[int, list[str]]] = []
    skipped = 0
    for row_number, cells in grid.iter_rows(1):
        extra = [c for c in cells[len(header) :] if c.strip()]
        cells = [*cells, *([""] * (len(header) - len(cells)))][: len(header)]
        if is_canvas and gradebook.is_skipped_row(cells):
            skipped += 1
            continue
        if not any(c.strip() for c in cells):
            continue
        if extra:
            problems.add(
                "extra-cells",
                f"the row has {len(extra)} more cell(s) than the header ({', '.join(extra)}); "
                "they are left out — check for a stray separator",
                file=grid.file,
                row=row_number,
                severity="warning",
            )
        data.append((row_number, cells))
    if mapping is None:
        mapping = canvas_mapping(header, data) if is_canvas else detect_mapping(header, data)
    check_mapping(mapping, header, grid.file, problems)
    marks = {
        column: grid.column_mark(header.index(column))
        for column, kind in mapping.kinds.items()
        if kind is AttributeKind.NUMERIC and column in header
    }
    students, rows = build_students(grid.file, header, data, mapping, problems, is_canvas, marks)
    attributes = [AttributeSpec(name, kind) for name, kind in mapping.kinds.items()]
    roster = Roster(students, attributes)
    resolve_preferences(roster, grid.file, rows, problems)
    problems.items.sort(key=lambda p: p.row or 0)
    return RosterImport(
        grid.file,
        roster,
        problems,
        mapping,
        header,
        [c for _, c in data],
        "canvas" if is_canvas else "generic",
        skipped,
    )
