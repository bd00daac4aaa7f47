"""Reading team grades (``team,grade[,max][,milestone]``).

Optional token columns (``days_late``, ``resubmissions``, ``original_grade``) are read by
:mod:`teamtool.tokens.columns`; the grades stay as in the file (tokens are applied later).

Reading one Canvas gradebook column lives in :mod:`teamtool.canvas.grade_column`; numbers are
read by :mod:`teamtool.number_text`, the one number parser of the core.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from teamtool.errors import GradesError
from teamtool.export.safe import unescape_identifier
from teamtool.files import headers
from teamtool.files.headers import Header
from teamtool.files.tables import Grid, read_grid
from teamtool.names import fold
from teamtool.number_text import read_number
from teamtool.problems import Problems, Severity
from teamtool.tokens.columns import TokenCells, TokenColumns, read_token_cells
from teamtool.tokens.ledger import TokenUse

__all__ = ["TeamGrades", "load_team_grades"]


class TeamGrades(dict[str, dict[str, float]]):
    """Milestone -> team -> grade, with each milestone's maximum points and the problems found.

    With token columns in the file, ``token_uses`` holds milestone -> team -> late days and
    resubmissions for every team with a row, and ``original_grades`` the grades before a
    resubmission.
    """

    def __init__(self) -> None:
        super().__init__()
        self.max_points: dict[str, float] = {}
        self.problems = Problems()
        self.has_token_columns = False
        self.token_uses: dict[str, dict[str, TokenUse]] = {}
        self.original_grades: dict[str, dict[str, float]] = {}


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
    grid = read_grid(path, raise_errors=False)
    header = Header(grid.rows[0])
    team_col, grade_col = header.find(headers.GRADES_TEAM), header.find(headers.GRADES_GRADE)
    if team_col is None or grade_col is None:
        raise GradesError(
            'a grades file needs a "team" and a "grade" column; found: ' + ", ".join(header.cells),
            file=grid.file,
            row=1,
            code="missing-column",
        )
    max_col, ms_col = header.find(headers.GRADES_MAX), header.find(headers.GRADES_MILESTONE)
    token_cols = TokenColumns(
        header.find(headers.DAYS_LATE),
        header.find(headers.RESUBMISSIONS),
        header.find(headers.ORIGINAL_GRADE),
    )
    out = TeamGrades()
    out.has_token_columns = token_cols.present
    out.problems.extend(grid.problems)
    where: dict[tuple[str, str], int] = {}
    known = {fold(t): t for t in teams} if teams is not None else None
    default_ms = milestone or Path(path).stem

    def cell(cells: list[str], i: int | None) -> str:
        return cells[i].strip() if i is not None and i < len(cells) else ""

    grade_mark = grid.column_mark(grade_col)
    max_mark = None if max_col is None else grid.column_mark(max_col)

    for row, cells in grid.iter_rows(1):
        if not any(c.strip() for c in cells):
            continue
        add = _adder(out.problems, grid, row)
        team = " ".join(unescape_identifier(cell(cells, team_col)).split())
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
        max_reading = read_number(max_text, max_mark) if max_text else None
        top = out.max_points.get(ms, default_max) if max_reading is None else max_reading.value
        if top is None or top <= 0:
            why = max_reading.error if max_reading and top is None else f'"{max_text}" is not'
            add("bad-max", f"the maximum {why} (a number above 0 is needed)", max_col)
            continue
        if out.max_points.setdefault(ms, top) != top:
            add(
                "inconsistent-max",
                f"{ms} has two maximums: {out.max_points[ms]:g} and {top:g}",
                max_col,
            )
        tokens = read_token_cells(cells, token_cols, team, top, add)
        if tokens is None:
            continue
        text = cell(cells, grade_col)
        if not text:
            add("no-grade", f"{team} has no grade for {ms}", grade_col, "warning")
            _keep_tokens(out, ms, team, tokens, token_cols)
            continue
        reading = read_number(text, grade_mark)
        value = reading.value
        if value is None:
            add(reading.code, f"the grade {reading.error}", grade_col)
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
        _keep_tokens(out, ms, team, tokens, token_cols)
    if raise_on_error:
        out.problems.raise_if_errors(GradesError)
    return out


def _keep_tokens(
    out: TeamGrades, ms: str, team: str, tokens: TokenCells, cols: TokenColumns
) -> None:
    if cols.present:
        use = TokenUse(ms, tokens.days_late, tokens.resubmissions)
        out.token_uses.setdefault(ms, {})[team] = use
    if tokens.original_grade is not None:
        out.original_grades.setdefault(ms, {})[team] = tokens.original_grade


def _adder(problems: Problems, grid: Grid, row: int) -> Callable[..., None]:
    """A function adding a problem at ``row`` of ``grid`` in the column of the given index."""
    header = grid.rows[0]

    def add(code: str, message: str, col: int | None, severity: Severity = "error") -> None:
        column = header[col] if col is not None and col < len(header) else None
        problems.add(code, message, file=grid.file, row=row, column=column, severity=severity)

    return add
