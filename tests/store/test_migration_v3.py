"""Course files of format 2 held milestones bound to "the newest team set" (NULL): format 3
binds each to a concrete team set, with an audit-log entry saying which.

``data/v2_newest_team_set.teamtool`` was written by teamtool at commit 344b68e (format 2): the
sample roster; "Project teams" (samples/teams.csv); "M1 Proposal" added with the sample grades
and the m1_long.csv survey; then "Teams 2" (each team's 2nd member moved to the next team);
"M2 Prototype" added, with Team 1 graded 90; then "Teams 3" (each team's 3rd member moved).
Both milestones were stored with no team set.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from teamtool.course.milestone_inputs import load_inputs
from teamtool.files.teamfile import load_team_set
from teamtool.grading import adjust_milestone
from teamtool.model import Roster
from teamtool.store import Course
from teamtool.store.schema import SCHEMA_VERSION
from tests.store.conftest import version

DATA = Path(__file__).parent / "data"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    return Path(shutil.copy(DATA / "v2_newest_team_set.teamtool", tmp_path / "old.teamtool"))


def test_each_milestone_is_bound_to_the_teams_it_was_graded_with(old_file: Path) -> None:
    """M1 was last changed (its survey) while "Project teams" was the only team set; M2 (its
    Team 1 grade) while "Teams 2" was the newest. Unbound, format 2 graded both against
    "Teams 3"."""
    assert version(old_file) == 2
    with Course.open(old_file) as course:
        sets = {s.name: s.id for s in course.team_sets()}
        bound = {m.name: m.team_set_id for m in course.milestones()}
        assert bound == {"M1 Proposal": sets["Project teams"], "M2 Prototype": sets["Teams 2"]}
        entries = [e for e in reversed(course.audit_log()) if e.action == "bind-team-set"]
        assert [(e.detail["name"], e.detail["team_set_name"]) for e in entries] == [
            ("M1 Proposal", "Project teams"),
            ("M2 Prototype", "Teams 2"),
        ]
        assert "the newest team set when the milestone was last changed" in str(
            entries[0].detail["why"]
        )
        inputs = load_inputs(course, bound_id(course, "M1 Proposal"))
        result = inputs.adjust()
    assert version(old_file) == SCHEMA_VERSION
    # The same numbers as the survey against the sample teams themselves.
    roster = course_roster(old_file)
    teams = load_team_set(SAMPLES / "teams.csv", roster)
    direct = adjust_milestone(
        "M1 Proposal",
        teams.teams,
        inputs.ratings,
        inputs.milestone.grades,
        100,
        inputs.options,
        {},
    )
    grades = {s.student_id: s.final_grade for s in result.students}
    assert grades == {s.student_id: s.final_grade for s in direct.students}
    assert grades["s1011"] == pytest.approx(54.78, abs=0.005)  # Ryan O'Connor, Team 1 graded 84


def bound_id(course: Course, name: str) -> int:
    milestone = next(m for m in course.milestones() if m.name == name)
    assert milestone.id is not None
    return milestone.id


def course_roster(path: Path) -> Roster:
    with Course.open(path) as course:
        return course.roster()


def test_without_a_trace_in_the_audit_log_the_newest_team_set_now_is_used(
    old_file: Path,
) -> None:
    conn = sqlite3.connect(old_file)
    conn.execute("DELETE FROM audit WHERE detail LIKE '%\"milestone\": 2%' OR detail LIKE "
                 "'{\"id\": 2, \"name\": \"M2 Prototype\"}'")  # fmt: skip
    conn.commit()
    conn.close()
    with Course.open(old_file) as course:
        sets = {s.name: s.id for s in course.team_sets()}
        assert course.milestones()[1].team_set_id == sets["Teams 3"]
        entry = next(e for e in course.audit_log() if e.detail.get("name") == "M2 Prototype")
        assert entry.action == "bind-team-set"
        assert "the newest team set now" in str(entry.detail["why"])


def test_a_team_set_that_a_milestone_grades_cannot_be_deleted_even_by_sql(old_file: Path) -> None:
    """Format 2 let deleting a team set unbind its milestones silently (ON DELETE SET NULL)."""
    Course.open(old_file).close()
    conn = sqlite3.connect(old_file)
    conn.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError, match="a milestone grades this team set"):
        conn.execute("DELETE FROM team_sets WHERE name = 'Project teams'")
    conn.close()
