"""One assignment column of a Canvas gradebook export: its scores keyed by student id."""

from __future__ import annotations

import re
from pathlib import Path

from teamtool.canvas.gradebook import identity_columns, is_skipped_row, is_test_student
from teamtool.errors import GradesError
from teamtool.export.safe import unescape_identifier
from teamtool.files.tables import Grid, read_grid
from teamtool.names import fold
from teamtool.number_text import read_number
from teamtool.problems import Problems

_COMPUTED = re.compile(r"(Current|Final|Unposted).*(Score|Points|Grade)$|^Override ")
_ASSIGNMENT_ID = re.compile(r"\s*\((\d+)\)\s*$")


class CanvasColumn(dict[str, float]):
    """Student id -> score of one Canvas gradebook column, with its points possible."""

    def __init__(self, column: str) -> None:
        super().__init__()
        self.column = column
        self.points_possible: float | None = None
        self.problems = Problems()


def canvas_assignment_columns(path: str | Path) -> list[str]:
    """The gradable assignment columns of a Canvas gradebook export (``Title (id)``)."""
    grid = read_grid(path)
    return _assignment_columns(grid)


def _assignment_columns(grid: Grid) -> list[str]:
    header = grid.rows[0]
    identity = set(identity_columns(header))
    points = next((c for c in grid.rows[1:4] if c and "Points Possible" in c[0]), [])
    out = []
    for i, title in enumerate(header):
        name = title.strip()
        if not name or name in identity or _COMPUTED.search(name):
            continue
        if i < len(points) and "read only" in points[i]:
            continue
        out.append(name)
    return out


def load_canvas_column(
    path: str | Path, column: str, *, raise_on_error: bool = True
) -> CanvasColumn:
    """One assignment column of a Canvas gradebook export, keyed as the roster import keys
    students (SIS User ID when the export has them, else the Canvas ID).

    ``column`` is the full title or the title without its ``(id)``. Skipped: the Points
    Possible and Manual Posting rows, the Test Student, and ``EX``, ``N/A``, ``-`` and blanks.
    """
    grid = read_grid(path, raise_errors=False)
    header = [h.strip() for h in grid.rows[0]]
    titles = _assignment_columns(grid)
    wanted = fold(column)
    match = [t for t in titles if fold(t) == wanted] or [
        t for t in titles if fold(_ASSIGNMENT_ID.sub("", t)) == fold(_ASSIGNMENT_ID.sub("", column))
    ]
    if len(match) != 1:
        raise GradesError(
            f'no single gradebook column "{column}"; the assignments are: ' + ", ".join(titles),
            file=grid.file,
            row=1,
            code="unknown-column",
        )
    col = header.index(match[0])
    out = CanvasColumn(match[0])
    out.problems.extend(grid.problems)
    ids = {
        name: header.index(name)
        for name in ("Student", "ID", "SIS User ID", "SIS Login ID")
        if name in header
    }
    data = [(row, cells) for row, cells in grid.iter_rows(1)]
    mark = grid.column_mark(col)
    use_sis = "SIS User ID" in ids and any(_at(c, ids["SIS User ID"]) for _, c in data)
    for row, cells in data:
        if cells and "Points Possible" in cells[0]:
            out.points_possible = read_number(_at(cells, col), mark).value
            continue
        if is_skipped_row(cells):
            continue
        if is_test_student(_at(cells, ids.get("Student")), _at(cells, ids.get("SIS Login ID"))):
            continue
        sid = (_at(cells, ids["SIS User ID"]) if use_sis else "") or _at(cells, ids.get("ID"))
        sid = unescape_identifier(sid)  # our own Canvas file read back
        text = _at(cells, col)
        if not text or text.upper() in ("EX", "N/A", "-"):
            continue
        reading = read_number(text, mark)
        value = reading.value
        if value is None or not sid:
            message = f"the score {reading.error}" if sid else "the student has no ID"
            out.problems.add(
                reading.code if sid else "empty-id",
                message,
                file=grid.file,
                row=row,
                column=match[0],
            )
            continue
        out[sid] = value
    if raise_on_error:
        out.problems.raise_if_errors(GradesError)
    return out


def _at(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None and index < len(cells) else ""
