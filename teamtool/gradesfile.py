"""Reading team grades (``team,grade[,max][,milestone]``) and Canvas gradebook grade columns."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from pathlib import Path

from teamtool.errors import GradesError
from teamtool.names import fold
from teamtool.problems import Problems, Severity
from teamtool.roster.canvas import identity_columns, is_skipped_row, is_test_student
from teamtool.tables import Grid, read_grid

TEAM_HEADERS = ("team", "team name", "group", "group name", "group_name")
GRADE_HEADERS = ("grade", "team grade", "score", "points", "mark")
MAX_HEADERS = ("max", "max points", "maximum", "points possible", "out of")
MILESTONE_HEADERS = ("milestone", "assignment", "deliverable")
_COMPUTED = re.compile(r"(Current|Final|Unposted).*(Score|Points|Grade)$|^Override ")
_ASSIGNMENT_ID = re.compile(r"\s*\((\d+)\)\s*$")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


class TeamGrades(dict[str, dict[str, float]]):
    """Milestone -> team -> grade, with each milestone's maximum points and the problems found."""

    def __init__(self) -> None:
        super().__init__()
        self.max_points: dict[str, float] = {}
        self.problems = Problems()


class CanvasColumn(dict[str, float]):
    """Student id -> score of one Canvas gradebook column, with its points possible."""

    def __init__(self, column: str) -> None:
        super().__init__()
        self.column = column
        self.points_possible: float | None = None
        self.problems = Problems()


def parse_number(text: str) -> float | None:
    """``84``, ``90.5``, ``8,5`` (decimal comma) as a float; None when it is not a number."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not _NUMBER.match(cleaned):
        return None
    return float(cleaned.replace(",", "."))


def _find(header: list[str], names: tuple[str, ...]) -> int | None:
    folded = [fold(h).replace("_", " ") for h in header]
    for name in names:
        if name.replace("_", " ") in folded:
            return folded.index(name.replace("_", " "))
    return None


def load_team_grades(
    path: str | Path,
    teams: Collection[str] | None = None,
    *,
    milestone: str | None = None,
    default_max: float = 100.0,
    raise_on_error: bool = True,
) -> TeamGrades:
    """Read ``team,grade[,max][,milestone]`` from CSV/XLSX.

    Without a milestone column every grade belongs to ``milestone`` (default: the file name).
    ``teams`` (the known team names) turns an unknown team into a problem. Every bad cell is a
    :class:`~teamtool.problems.Problem`; with ``raise_on_error`` they are raised together.
    """
    grid = read_grid(path)
    header = grid.rows[0]
    team_col, grade_col = _find(header, TEAM_HEADERS), _find(header, GRADE_HEADERS)
    if team_col is None or grade_col is None:
        raise GradesError(
            'a grades file needs a "team" and a "grade" column; found: ' + ", ".join(header),
            file=grid.file,
            row=1,
            code="missing-column",
        )
    max_col, ms_col = _find(header, MAX_HEADERS), _find(header, MILESTONE_HEADERS)
    out = TeamGrades()
    where: dict[tuple[str, str], int] = {}
    known = {fold(t): t for t in teams} if teams is not None else None
    default_ms = milestone or Path(path).stem

    def cell(cells: list[str], i: int | None) -> str:
        return cells[i].strip() if i is not None and i < len(cells) else ""

    for row, cells in grid.iter_rows(1):
        if not any(c.strip() for c in cells):
            continue
        add = _adder(out.problems, grid, row)
        team = " ".join(cell(cells, team_col).split())
        ms = " ".join(cell(cells, ms_col).split()) or default_ms
        if not team:
            add("empty-team", "the team is empty; the row is left out", team_col)
            continue
        if known is not None:
            if fold(team) not in known:
                add("unknown-team", f'"{team}" is not a team of the team set', team_col)
                continue
            team = known[fold(team)]
        max_text = cell(cells, max_col)
        top = parse_number(max_text) if max_text else out.max_points.get(ms, default_max)
        if top is None or top <= 0:
            add("bad-max", f'the maximum "{max_text}" is not a number above 0', max_col)
            continue
        if out.max_points.setdefault(ms, top) != top:
            add(
                "inconsistent-max",
                f"{ms} has two maximums: {out.max_points[ms]:g} and {top:g}",
                max_col,
            )
        text = cell(cells, grade_col)
        if not text:
            add("no-grade", f"{team} has no grade for {ms}", grade_col, "warning")
            continue
        value = parse_number(text)
        if value is None:
            add("bad-number", f'the grade "{text}" is not a number', grade_col)
            continue
        if value < 0 or value > top:
            add(
                "grade-out-of-range", f"the grade {value:g} is not between 0 and {top:g}", grade_col
            )
            continue
        if (ms, fold(team)) in where:
            first = where[(ms, fold(team))]
            add("duplicate-team", f"{team} already has a grade for {ms} (row {first})", team_col)
            continue
        where[(ms, fold(team))] = row
        out.setdefault(ms, {})[team] = value
    if raise_on_error:
        out.problems.raise_if_errors(GradesError)
    return out


def _adder(problems: Problems, grid: Grid, row: int) -> Callable[..., None]:
    """A function adding a problem at ``row`` of ``grid`` in the column of the given index."""
    header = grid.rows[0]

    def add(code: str, message: str, col: int | None, severity: Severity = "error") -> None:
        column = header[col] if col is not None and col < len(header) else None
        problems.add(code, message, file=grid.file, row=row, column=column, severity=severity)

    return add


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
    grid = read_grid(path)
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
    ids = {
        name: header.index(name)
        for name in ("Student", "ID", "SIS User ID", "SIS Login ID")
        if name in header
    }
    data = [(row, cells) for row, cells in grid.iter_rows(1)]
    use_sis = "SIS User ID" in ids and any(_at(c, ids["SIS User ID"]) for _, c in data)
    for row, cells in data:
        if cells and "Points Possible" in cells[0]:
            out.points_possible = parse_number(_at(cells, col))
            continue
        if is_skipped_row(cells):
            continue
        if is_test_student(_at(cells, ids.get("Student")), _at(cells, ids.get("SIS Login ID"))):
            continue
        sid = (_at(cells, ids["SIS User ID"]) if use_sis else "") or _at(cells, ids.get("ID"))
        text = _at(cells, col)
        if not text or text.upper() in ("EX", "N/A", "-"):
            continue
        value = parse_number(text)
        if value is None or not sid:
            message = f'the score "{text}" is not a number' if sid else "the student has no ID"
            out.problems.add(
                "bad-number" if sid else "empty-id",
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
