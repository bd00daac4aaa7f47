"""``teamtool roster --course``: an empty roster is an error; a roster that would orphan ratings,
teams or overrides needs --drop-missing, which keeps those students as dropped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from teamtool.cli import main
from teamtool.errors import RosterError
from teamtool.model import Milestone, Rating, Roster, TeamSet
from teamtool.roster import import_roster
from teamtool.store import Course

TEAM = ("s1001", "s1002", "s1003")


@pytest.fixture
def course(samples_dir: Path, tmp_path: Path) -> Path:
    """The 48 sample students, one team, ratings among its members, one override."""
    path = tmp_path / "course.teamtool"
    assert main(["roster", str(samples_dir / "roster.csv"), "--course", str(path)]) == 0
    with Course.open(path) as c:
        team = TeamSet("Teams", {"Team 1": list(TEAM)})
        c.add_team_set(team)
        milestone = Milestone("M1", 100.0, team.id, {"Team 1": 80.0})
        c.add_milestone(milestone)
        assert milestone.id is not None
        c.set_ratings(
            milestone.id,
            [Rating(a, b, 80.0) for a in TEAM for b in TEAM],
        )
        c.set_override(milestone.id, "s1001", 90.0, "extra work")
    return path


def ids_of(path: Path) -> dict[str, bool]:
    with Course.open(path) as c:
        return {s.id: s.dropped for s in c.roster()}


def test_a_header_only_roster_is_an_error_and_the_course_keeps_its_students(
    course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header_only = tmp_path / "header_only.csv"
    header_only.write_text("Student ID,Name,Email,Section,GPA\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["roster", str(header_only), "--course", str(course)]) == 1
    assert "header_only.csv: the roster has no students" in capsys.readouterr().out
    assert len(ids_of(course)) == 48


def test_a_roster_that_would_orphan_ratings_is_refused_and_says_what(
    course: Path, roster_without: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    smaller = roster_without("s1001", "s1002", "s1040")
    capsys.readouterr()
    assert main(["roster", str(smaller), "--course", str(course)]) == 1
    err = capsys.readouterr().err
    # s1040 has no ratings, teams or overrides: it is simply left out, not counted
    assert (
        "2 students of the course are not in smaller.csv but still in its 8 ratings, "
        "2 team memberships, 1 grade override: Ethan Park (s1001), Liam Murphy (s1002)"
    ) in err
    assert "--drop-missing" in err
    assert len(ids_of(course)) == 48


def test_drop_missing_keeps_them_as_dropped_students(
    course: Path, roster_without: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    smaller = roster_without("s1001", "s1002", "s1040")
    argv = ["roster", str(smaller), "--course", str(course), "--drop-missing"]
    assert main(argv) == 0
    assert "kept 2 students as dropped: Ethan Park (s1001), Liam Murphy (s1002)" in (
        capsys.readouterr().out
    )
    students = ids_of(course)
    assert len(students) == 47
    assert students["s1001"]
    assert students["s1002"]
    assert "s1040" not in students
    assert not students["s1003"]
    with Course.open(course) as c:
        (m,) = c.milestones()
        assert len(c.ratings(m.id or 0)) == 9
        assert c.audit_log()[0].detail["kept_as_dropped"] == ["s1001", "s1002"]


def test_the_course_file_itself_refuses_both(
    course: Path, roster_without: Callable[..., Path]
) -> None:
    """The window and scripts go through the same guard as the command."""
    smaller = import_roster(roster_without("s1001")).roster
    with Course.open(course) as c:
        with pytest.raises(RosterError, match="the roster has no students"):
            c.replace_roster(Roster([]), source="empty.csv")
        with pytest.raises(RosterError, match=r"^1 student of the course is not in") as info:
            c.replace_roster(smaller)
        assert info.value.code == "roster-would-orphan"
        assert len(c.roster()) == 48
