"""Previous mentors: from a file (a student column and a mentor column, such as a team list
exported with its mentors; or an earlier ``teamtool mentors`` output with its teams file) or
from the course's earlier team set."""

from __future__ import annotations

from pathlib import Path

from teamtool.errors import InputError
from teamtool.files import headers
from teamtool.files.headers import Header
from teamtool.files.tables import read_grid
from teamtool.model import Roster, TeamSet
from teamtool.roster.values import PeopleIndex
from teamtool.store import Course


def read_previous(
    path: str | Path, roster: Roster | None = None, teams: TeamSet | None = None
) -> dict[str, str]:
    """Student id -> previous mentor (name or email), from a file with a student column and
    a mentor column, or, given the previous ``teams``, a team column and a mentor column (the
    ``teamtool mentors`` output). Rows without a mentor, and students not in the roster, are
    left out: they cannot keep a mentor."""
    grid = read_grid(path)
    header = Header(grid.rows[0])
    student = header.find(headers.TEAMS_STUDENT)
    team = header.find(headers.TEAMS_TEAM)
    mentor = header.find(headers.PREVIOUS_MENTOR)
    key = student if student is not None else (team if teams is not None else None)
    if key is None or mentor is None:
        raise InputError(
            'previous mentors need a "mentor" column and a student column ("student_id", as '
            "in a team list exported with its mentors), or a team column with the previous "
            "teams file (--previous-teams); found: " + ", ".join(grid.rows[0]),
            file=grid.file,
            row=1,
            code="missing-column",
        )
    people = PeopleIndex(roster.students) if roster is not None else None
    out: dict[str, str] = {}
    for _row, cells in grid.iter_rows(1):
        text = cells[key].strip() if key < len(cells) else ""
        who = " ".join(cells[mentor].split()) if mentor < len(cells) else ""
        if not (text and who):
            continue
        if key == team and teams is not None:
            out.update(dict.fromkeys(teams.teams.get(" ".join(text.split()), []), who))
            continue
        sid = people.find(text) if people is not None else text
        if sid:
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
