"""Reading a team set from a teams CSV/XLSX (``student_id,team``) or a Canvas group-set export.

A Canvas group-set export lists every student of the course, those in no group with an empty
``group_name``: they are a warning (``no-group``) and left out. In a teams file of our own the
``'`` teamtool puts before an identifier a spreadsheet could run is taken off again."""

from __future__ import annotations

import logging
from pathlib import Path

from teamtool.errors import InputError
from teamtool.export.safe import unescape_identifier
from teamtool.files import headers
from teamtool.files.headers import Header
from teamtool.files.tables import read_grid
from teamtool.model import Roster, TeamSet
from teamtool.problems import Problems, Severity
from teamtool.roster.values import PeopleIndex


def read_team_set(path: str | Path, roster: Roster | None = None) -> tuple[TeamSet, Problems]:
    """The team set in ``path`` and every problem found (unknown or repeated students, blanks)."""
    grid = read_grid(path)
    header = Header(grid.rows[0])
    problems = Problems(list(grid.problems))
    team_col = header.find(headers.TEAMS_TEAM)
    canvas_id_col = header.find((headers.CANVAS_USER_ID,))
    canvas = canvas_id_col is not None
    student_col = header.find(headers.TEAMS_STUDENT)
    if team_col is None or (student_col is None and not canvas):
        raise InputError(
            'a teams file needs a student column ("student_id") and a team column ("team"); '
            f"found: {', '.join(grid.rows[0])}",
            file=grid.file,
            row=1,
            code="missing-column",
        )
    people = PeopleIndex(roster.students) if roster else None
    by_lms = {s.lms_id: s.id for s in roster.students if s.lms_id} if roster else {}
    teams: dict[str, list[str]] = {}
    seen: dict[str, int] = {}
    team_name = grid.rows[0][team_col]

    def leave_out(
        code: str, message: str, row: int, column: str, severity: Severity = "error"
    ) -> None:
        """The row is not in the team set; the problem says why."""
        problems.add(code, message, file=grid.file, row=row, column=column, severity=severity)

    for row, cells in grid.iter_rows(1):

        def cell(i: int | None, cells: list[str] = cells) -> str:
            text = cells[i].strip() if i is not None and i < len(cells) else ""
            return unescape_identifier(text)

        if not any(c.strip() for c in cells):
            continue
        team = " ".join(cell(team_col).split())
        text = cell(student_col)
        if canvas and not text:
            text = by_lms.get(cell(canvas_id_col), "") or cell(
                header.find((headers.CANVAS_LOGIN_ID,))
            )
        column = grid.rows[0][student_col] if student_col is not None else "canvas_user_id"
        if not text:
            leave_out("empty-id", "the student is empty; the row is left out", row, column)
            continue
        if not team and canvas:
            leave_out(
                "no-group",
                f"{_who(cell(header.find(('name',))), text)} is in no group of the group set; "
                "left out of the teams",
                row,
                team_name,
                "warning",
            )
            continue
        if not team:
            leave_out("no-team", f'"{text}" has no team; the row is left out', row, team_name)
            continue
        sid = text
        if people is not None:
            found = people.find(text) or by_lms.get(text)
            if found is None:
                leave_out("unknown-person", f'"{text}" is not in the roster', row, column)
                continue
            sid = found
        if sid in seen:
            leave_out(
                "duplicate-id",
                f'"{text}" is already in a team on row {seen[sid]}; this row is left out',
                row,
                column,
            )
            continue
        seen[sid] = row
        teams.setdefault(team, []).append(sid)
    return TeamSet(name=Path(path).stem, teams=teams), problems


def load_team_set(
    path: str | Path, roster: Roster | None = None, warnings: Problems | None = None
) -> TeamSet:
    """Like :func:`read_team_set`, but any error-level problem raises one ``InputError``.

    Warnings go to ``warnings``, or without it to the ``teamtool`` log (the command line prints
    them on stderr)."""
    team_set, problems = read_team_set(path, roster)
    problems.raise_if_errors(InputError)
    if warnings is not None:
        warnings.extend(problems.warnings)
    else:
        for problem in problems.warnings:
            logging.getLogger("teamtool").warning("%s", problem)
    if not team_set.teams:
        raise InputError(
            "the teams file lists no students", file=Path(path).name, code="empty-file"
        )
    return team_set


def _who(name: str, key: str) -> str:
    return f"{name} ({key})" if name else f'"{key}"'
