"""Previous mentors: from a file (a student column and a mentor column, such as a team list
exported with its mentors) or from the course's earlier team set."""

from __future__ import annotations

from pathlib import Path

from teamtool.errors import InputError
from teamtool.model import Roster, TeamSet
from teamtool.names import fold
from teamtool.roster.values import PeopleIndex
from teamtool.store import Course
from teamtool.tables import read_grid
from teamtool.teamfile import STUDENT_HEADERS

MENTOR_HEADERS = ("mentor", "mentor name", "mentor_name", "ta", "mentor_email", "mentor email")


def read_previous(path: str | Path, roster: Roster | None = None) -> dict[str, str]:
    """Student id -> previous mentor (name or email). Students not in the roster and rows
    without a mentor are left out: they cannot keep a mentor."""
    grid = read_grid(path)
    header = [fold(h) for h in grid.rows[0]]
    student = next((header.index(h) for h in STUDENT_HEADERS if h in header), None)
    mentor = next((header.index(h) for h in MENTOR_HEADERS if h in header), None)
    if student is None or mentor is None:
        raise InputError(
            'a previous assignment needs a student column ("student_id") and a "mentor" column, '
            "as in a team list exported with its mentors; found: " + ", ".join(grid.rows[0]),
            file=grid.file,
            row=1,
            code="missing-column",
        )
    people = PeopleIndex(roster.students) if roster is not None else None
    out: dict[str, str] = {}
    for _row, cells in grid.iter_rows(1):
        text = cells[student].strip() if student < len(cells) else ""
        who = " ".join(cells[mentor].split()) if mentor < len(cells) else ""
        sid = people.find(text) if people is not None and text else text
        if sid and who:
            out[sid] = who
    return out


def previous_in_course(course: Course, team_set: TeamSet) -> dict[str, str]:
    """Student id -> mentor in the newest earlier team set that has mentors (none: empty)."""
    for earlier in reversed(course.team_sets()):
        if earlier.id is None or team_set.id is None or earlier.id >= team_set.id:
            continue
        mentors = course.team_mentors(earlier.id)
        if mentors:
            return {
                sid: mentors[team].name
                for team, members in earlier.teams.items()
                if team in mentors
                for sid in members
            }
    return {}
