"""Format 4 keeps each team set's mentors. ``data/v3_two_team_sets.teamtool`` was written by
teamtool at commit 1f98064 (format 3): the sample roster, "Project teams" (samples/teams.csv)
and "Teams 2" (each team's 2nd member moved to the next team)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from teamtool.errors import CourseFileError
from teamtool.model import MentorRef
from teamtool.store import Course
from teamtool.store.schema import SCHEMA_VERSION
from tests.store.conftest import version

DATA = Path(__file__).parent / "data"


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    return Path(shutil.copy(DATA / "v3_two_team_sets.teamtool", tmp_path / "old.teamtool"))


def test_a_format_3_file_opens_as_the_current_format_with_its_teams_and_no_mentors(
    old_file: Path,
) -> None:
    assert version(old_file) == 3
    with Course.open(old_file) as course:
        sets = course.team_sets()
        assert [s.name for s in sets] == ["Project teams", "Teams 2"]
        assert len(sets[0].teams) == 12
        assert sum(len(m) for m in sets[1].teams.values()) == 48
        assert course.team_mentors(sets[0].id or 0) == {}
        assert len(course.roster()) == 48
    assert version(old_file) == SCHEMA_VERSION  # 4 (mentors), then 5 (tokens)
    assert SCHEMA_VERSION >= 4


def test_mentors_are_kept_per_team_set_in_team_order(old_file: Path) -> None:
    ana, ben = MentorRef("Ana Lee", "ana@example.edu"), MentorRef("Ben Ode", "ben@example.edu")
    with Course.open(old_file) as course:
        first, second = (s.id or 0 for s in course.team_sets())
        assert course.set_team_mentors(first, {"Team 2": ben, "Team 1": ana}) == {}
        course.set_team_mentors(second, {"Team 1": ben})
    with Course.open(old_file) as course:  # committed at once, read back after reopening
        assert course.team_mentors(first) == {"Team 1": ana, "Team 2": ben}
        assert list(course.team_mentors(first)) == ["Team 1", "Team 2"]
        assert course.team_mentors(second) == {"Team 1": ben}
        assert course.set_team_mentor(first, "Team 1", None) == ana
        assert course.team_mentors(first) == {"Team 2": ben}
        assert [e.action for e in course.audit_log(3)][:2] == ["set-mentors", "set-mentors"]


def test_a_mentor_for_a_team_the_set_does_not_have_is_refused(old_file: Path) -> None:
    with Course.open(old_file) as course:
        first = course.team_sets()[0].id or 0
        with pytest.raises(CourseFileError, match="no team 'Team 99'"):
            course.set_team_mentors(first, {"Team 99": MentorRef("Ana Lee")})
        with pytest.raises(CourseFileError, match="no team set 999"):
            course.set_team_mentors(999, {})


def test_deleting_a_team_set_deletes_its_mentors(old_file: Path) -> None:
    with Course.open(old_file) as course:
        second = course.team_sets()[1].id or 0
        course.set_team_mentors(second, {"Team 3": MentorRef("Ana Lee")})
        course.delete_team_set(second)
        rows = course.conn.execute("SELECT count(*) FROM team_mentors").fetchone()[0]
        assert rows == 0
