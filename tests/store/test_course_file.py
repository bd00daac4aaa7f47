"""The course file: round trips, every change committed at once, versions, crashes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from teamtool.errors import CourseFileError, GradingError, RosterError
from teamtool.model import AttributeKind, Milestone, Rating, Student, TeamSet
from teamtool.roster import import_roster
from teamtool.store import Course
from teamtool.store.schema import SCHEMA_VERSION


@pytest.fixture
def course(tmp_path: Path, samples_dir: Path) -> Course:
    c = Course.create(tmp_path / "c.teamtool", "Test course")
    c.replace_roster(import_roster(samples_dir / "roster.csv").roster, source="roster.csv")
    return c


def test_roster_round_trip_keeps_values_and_kinds(course: Course, samples_dir: Path) -> None:
    original = import_roster(samples_dir / "roster.csv").roster
    stored = course.roster()
    assert stored.attributes == original.attributes
    assert stored.students == original.students
    assert course.name == "Test course"


def test_changes_survive_reopening(course: Course) -> None:
    path = course.path
    course.add_student(Student("s9999", "Late Añadido", "late@example.edu", "L01", {"GPA": 3.5}))
    course.set_dropped("s1001")
    team_set = TeamSet("Project teams", {"Team 1": ["s1002", "s1003", "s1004"]})
    course.add_team_set(team_set)
    milestone = Milestone("M1", 50.0, team_set.id, {"Team 1": 44.5})
    course.add_milestone(milestone)
    assert milestone.id is not None
    course.set_ratings(milestone.id, [Rating("s1002", "s1003", 87.5, "Very good", "=1+1")])
    course.set_override(milestone.id, "s1002", 48.0, "missed the survey due to illness")
    course.close()
    with Course.open(path) as again:
        roster = again.roster()
        assert roster.get("s9999") is not None
        assert roster.get("s1001").dropped  # type: ignore[union-attr]
        assert again.team_sets()[0].teams == {"Team 1": ["s1002", "s1003", "s1004"]}
        (m,) = again.milestones()
        assert (m.name, m.max_points, m.grades) == ("M1", 50.0, {"Team 1": 44.5})
        assert again.ratings(m.id or 0) == [Rating("s1002", "s1003", 87.5, "Very good", "=1+1")]
        assert again.overrides(m.id or 0)["s1002"].reason == "missed the survey due to illness"
        actions = [e.action for e in again.audit_log()]
        assert actions[:3] == ["override-grade", "set-ratings", "add-milestone"]


def test_changing_an_attribute_kind_rereads_the_cells(course: Course) -> None:
    before = course.set_attribute_kind("Programming", AttributeKind.CATEGORICAL)
    assert before is AttributeKind.NUMERIC
    value = course.roster().students[0].get("Programming")
    assert isinstance(value, str)
    course.set_attribute_kind("Programming", AttributeKind.NUMERIC)
    assert isinstance(course.roster().students[0].get("Programming"), float)


def test_an_override_needs_a_reason(course: Course) -> None:
    course.add_team_set(TeamSet("Teams", {"Team 1": ["s1002", "s1003"]}))
    milestone = Milestone("M1", 100.0)
    course.add_milestone(milestone)
    with pytest.raises(GradingError, match="reason"):
        course.set_override(milestone.id or 0, "s1002", 90.0, "  ")
    assert course.overrides(milestone.id or 0) == {}


def test_a_failed_change_is_rolled_back_whole(course: Course) -> None:
    count = len(course.roster())

    def half_done() -> None:
        with course.transaction():
            course.add_student(Student("s7777", "Half Done"))
            raise RuntimeError("power cut in the middle")

    with pytest.raises(RuntimeError):
        half_done()
    assert len(course.roster()) == count
    assert course.roster().get("s7777") is None


def test_duplicate_student_id_is_refused(course: Course) -> None:
    with pytest.raises(RosterError, match="exists already"):
        course.add_student(Student("s1001", "Twin"))


def test_newer_file_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "new.teamtool"
    Course.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(CourseFileError, match="newer teamtool") as info:
        Course.open(path)
    assert info.value.code == "newer-version"


def test_other_files_are_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.teamtool"
    text.write_text("not a database at all, just some notes " * 20)
    with pytest.raises(CourseFileError):
        Course.open(text)
    other = tmp_path / "other.teamtool"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE x(a)")
    conn.close()
    with pytest.raises(CourseFileError, match="not a teamtool course file"):
        Course.open(other)


def test_killing_the_process_loses_no_committed_change(tmp_path: Path) -> None:
    path = tmp_path / "crash.teamtool"
    Course.create(path).close()
    script = textwrap.dedent(
        f"""
        import os, signal
        from teamtool.model import Student
        from teamtool.store import Course
        course = Course.open({str(path)!r})
        course.add_student(Student("s1", "Committed One"))
        course.add_student(Student("s2", "Committed Two"))
        course.conn.execute("BEGIN IMMEDIATE")
        course.conn.execute("INSERT INTO students(id, name, position) VALUES ('s3', 'Never committed', 9)")
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True)
    assert proc.returncode != 0, "the process was killed"
    with Course.open(path) as course:
        assert [s.id for s in course.roster()] == ["s1", "s2"]


def test_a_survey_is_kept_raw_and_can_be_removed(course: Course) -> None:
    course.add_team_set(TeamSet("Teams", {"Team 1": ["s1002", "s1003"]}))
    milestone = Milestone("M1", 100.0)
    course.add_milestone(milestone)
    mid = milestone.id or 0
    survey_id = course.save_survey(
        mid, file="m1.csv", layout="long", scale="oakley9", header=["rater", "ratee", "rating"],
        rows=[["s1002", "s1003", "Excellent"]], report=["m1.csv: row 2: fine [info: x]"],
        ratings=[Rating("s1002", "s1003", 100.0, "Excellent")],
    )  # fmt: skip
    (stored,) = course.surveys(mid)
    assert (stored.file, stored.rows, stored.report) == (
        "m1.csv",
        [["s1002", "s1003", "Excellent"]],
        ["m1.csv: row 2: fine [info: x]"],
    )
    assert course.ratings(mid) == [Rating("s1002", "s1003", 100.0, "Excellent")]
    course.delete_survey(survey_id)
    assert course.surveys(mid) == []
    assert course.audit_log()[0].action == "delete-survey"
