"""Team lists as XLSX or CSV, and the Canvas group-set import CSV."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from openpyxl import Workbook

from teamtool.errors import ExportError
from teamtool.export.csv_util import Cell, write_csv
from teamtool.export.safe import Identifier
from teamtool.export.xlsx_util import autosize, save_workbook, set_text
from teamtool.model import MentorRef, Roster, Student, TeamSet
from teamtool.names import split_sortable
from teamtool.roster.summary import cell_text

CANVAS_HEADER = [
    "name",
    "canvas_user_id",
    "user_id",
    "login_id",
    "sections",
    "group_name",
    "canvas_group_id",
    "group_id",
]


def _rows(
    team_set: TeamSet, roster: Roster, mentors: Mapping[str, MentorRef] | None = None
) -> tuple[list[str], list[list[Cell]]]:
    """One row per student, sorted by team (in the set's order) then name; with mentors, each
    student's team mentor (name and email) after the section."""
    header = ["student_id", "team", "name", "email", "section"]
    if mentors:
        header += ["mentor", "mentor_email"]
    header += [a.name for a in roster.attributes]
    people = roster.by_id()
    rows: list[list[Cell]] = []
    for team, members in team_set.teams.items():
        found = [people.get(pid) or Student(pid) for pid in members]
        for s in sorted(found, key=lambda s: (s.name.casefold(), s.id)):
            row: list[Cell] = [Identifier(s.id), Identifier(team), s.name, s.email, s.section]
            if mentors:
                mentor = mentors.get(team)
                row += [mentor.name, mentor.email] if mentor else ["", ""]
            for spec in roster.attributes:
                value = s.get(spec.name)
                row.append(value if isinstance(value, float) else cell_text(value))
            rows.append(row)
    return header, rows


def export_team_set(
    team_set: TeamSet,
    roster: Roster,
    path: str | Path,
    mentors: Mapping[str, MentorRef] | None = None,
) -> Path:
    """Write the team list; ``.xlsx`` gives a workbook, ``.csv`` a CSV (formula-safe text).
    ``mentors`` (team name -> mentor, e.g. ``course.team_mentors(set_id)``) adds the
    ``mentor`` and ``mentor_email`` columns when the set has mentors."""
    target = Path(path)
    header, rows = _rows(team_set, roster, mentors)
    suffix = target.suffix.lower()
    if suffix == ".csv":
        return write_csv(target, header, rows)
    if suffix != ".xlsx":
        raise ExportError(
            "team lists are written as .xlsx or .csv", file=str(target), code="bad-suffix"
        )
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Teams"
    for c, title in enumerate(header, start=1):
        set_text(ws.cell(row=1, column=c), title)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            if isinstance(value, str):
                set_text(cell, value)
            else:
                cell.value = value
    ws.freeze_panes = "A2"
    autosize(ws)
    return save_workbook(book, target)


def _last_first(name: str) -> str:
    first, last = split_sortable(name)
    if last:
        return f"{last}, {first}"
    parts = first.rsplit(" ", 1)
    return f"{parts[1]}, {parts[0]}" if len(parts) == 2 else first


def export_canvas_groups(team_set: TeamSet, roster: Roster, path: str | Path) -> Path:
    """The Canvas group-set CSV: each student's Canvas id, SIS id and login, and the group name.

    Canvas matches a user by canvas_user_id, else user_id (SIS id), else login_id, and
    creates missing groups named in group_name; the file must be UTF-8 (written without a BOM).
    """
    people = roster.by_id()
    rows: list[list[Cell]] = []
    for team, members in team_set.teams.items():
        for pid in members:
            s = people.get(pid) or Student(pid)
            ids = [Identifier(s.lms_id), Identifier(s.id), Identifier(s.login_id)]
            rows.append([_last_first(s.name), *ids, s.section, Identifier(team), "", ""])
    return write_csv(path, CANVAS_HEADER, rows, bom=False)
