"""Deleting a milestone removes it whole in one audited change; restoring puts it back as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from teamtool.course.milestone_inputs import load_inputs
from teamtool.demo.sample_course import create_sample_course
from teamtool.errors import CourseFileError
from teamtool.model import Milestone
from teamtool.store import Course
from teamtool.store.milestone_snapshot import MilestoneContents

RYAN, RAVI, ETHAN = "s1011", "s1005", "s1001"
TABLES = ("team_grades", "surveys", "ratings", "overrides")


@pytest.fixture
def course(tmp_path: Path) -> Iterator[Course]:
    """The sample course (M1 Proposal: 12 team grades, the m1_long survey with 188 ratings;
    M2 Prototype: grades only) with two overrides on M1."""
    path = create_sample_course(tmp_path / "sample.teamtool")
    c = Course.open(path)
    m1 = c.milestones()[0].id
    assert m1 is not None
    c.set_override(m1, RAVI, 90, "Carried the demo after a teammate's illness")
    c.set_override(m1, ETHAN, 70, "Late by agreement")
    yield c
    c.close()


def rows_of(course: Course, milestone_id: int) -> dict[str, int]:
    return {
        t: course.conn.execute(
            f"SELECT count(*) FROM {t} WHERE milestone_id=?", (milestone_id,)
        ).fetchone()[0]
        for t in TABLES
    }


def everything(course: Course, milestone_id: int) -> tuple[object, ...]:
    """All a milestone is, as the rest of teamtool reads it."""
    return (
        course.milestone(milestone_id),
        course.milestone_settings(milestone_id),
        course.surveys(milestone_id),
        course.ratings(milestone_id),
        course.overrides(milestone_id),
    )


def test_contents_describe_what_a_delete_removes(course: Course) -> None:
    m1, m2 = course.milestones()
    assert m1.id is not None
    assert m2.id is not None
    contents = course.milestone_contents(m1.id)
    assert contents.describe() == "12 team grades, 1 imported survey with 188 ratings, 2 overrides"
    assert course.milestone_contents(m2.id).describe() == "12 team grades"
    empty = course.add_milestone(Milestone("M3 Final", 100))
    assert course.milestone_contents(empty).describe() == "no team grades, ratings or overrides"
    with pytest.raises(CourseFileError, match="no milestone 999"):
        course.milestone_contents(999)


def test_delete_removes_every_row_of_the_milestone_in_one_audited_change(course: Course) -> None:
    m1, m2 = course.milestones()
    assert m1.id is not None
    assert m2.id is not None
    m2_before = everything(course, m2.id)
    assert rows_of(course, m1.id) == {
        "team_grades": 12,
        "surveys": 1,
        "ratings": 188,
        "overrides": 2,
    }
    snapshot = course.delete_milestone(m1.id)
    assert rows_of(course, m1.id) == dict.fromkeys(TABLES, 0)
    assert [m.name for m in course.milestones()] == ["M2 Prototype"]
    assert everything(course, m2.id) == m2_before
    entry = course.audit_log(1)[0]
    assert entry.action == "delete-milestone"
    assert entry.detail == {
        "id": m1.id,
        "name": "M1 Proposal",
        "team_grades": 12,
        "surveys": 1,
        "ratings": 188,
        "overrides": 2,
    }
    assert snapshot.contents == MilestoneContents("M1 Proposal", 12, 1, 188, 2)


def test_restore_puts_the_milestone_back_as_it_was(course: Course) -> None:
    """After delete and restore the adjusted grades are the same: Ryan O'Connor (Team 1, team
    grade 84) keeps the factor of Oakley et al. 2004's autorating, 46.875 / 71.875 = 0.652
    (hand-computed from samples/surveys/m1_long.csv), grade 84 x 0.6522 = 54.78; Ravi keeps
    his override of 90 with its reason."""
    m1 = course.milestones()[0].id
    assert m1 is not None
    before = everything(course, m1)
    order = [m.id for m in course.milestones()]
    survey_id = course.surveys(m1)[0].id
    snapshot = course.delete_milestone(m1)
    assert course.restore_milestone(snapshot) == m1
    assert everything(course, m1) == before
    assert [m.id for m in course.milestones()] == order
    assert course.audit_log(1)[0].action == "restore-milestone"
    result = load_inputs(course, m1).adjust().by_student()
    factor = result[RYAN].factor
    assert factor is not None
    assert round(factor, 3) == 0.652
    assert result[RYAN].final_grade == pytest.approx(54.78, abs=0.005)
    assert result[RAVI].final_grade == 90
    assert result[RAVI].override_reason == "Carried the demo after a teammate's illness"
    # The survey kept its id: an earlier undo step (of the import) still finds it.
    course.delete_survey(survey_id)
    assert course.surveys(m1) == []
    # Restored rows are committed: they survive reopening the file.
    course.close()
    with Course.open(course.path) as again:
        assert len(again.ratings(m1)) == 188
        assert again.overrides(m1)[ETHAN].grade == 70


def test_restore_refuses_a_taken_name_and_changes_nothing(course: Course) -> None:
    m1 = course.milestones()[0].id
    assert m1 is not None
    snapshot = course.delete_milestone(m1)
    other = course.add_milestone(Milestone("M1 Proposal", 50))
    entries = len(course.audit_log())
    with pytest.raises(CourseFileError, match="another milestone has its name"):
        course.restore_milestone(snapshot)
    assert [m.id for m in course.milestones()] == [course.milestones()[0].id, other]
    assert rows_of(course, m1) == dict.fromkeys(TABLES, 0)
    assert len(course.audit_log()) == entries


def test_restore_refuses_a_taken_id(course: Course) -> None:
    """SQLite may give a deleted milestone's id to the next one added."""
    m2 = course.milestones()[1].id
    assert m2 is not None
    snapshot = course.delete_milestone(m2)
    reused = course.add_milestone(Milestone("M3 Final", 100))
    assert reused == m2
    with pytest.raises(CourseFileError, match="in the course already") as info:
        course.restore_milestone(snapshot)
    assert info.value.code == "restore-conflict"
    assert course.milestone(m2).name == "M3 Final"


def test_deleting_an_unknown_milestone_changes_nothing(course: Course) -> None:
    entries = len(course.audit_log())
    with pytest.raises(CourseFileError, match="no milestone 999"):
        course.delete_milestone(999)
    assert len(course.audit_log()) == entries
    assert len(course.milestones()) == 2


def test_a_restore_failing_midway_is_rolled_back_whole(course: Course) -> None:
    """A rating row that cannot be written (a repeated rater/ratee pair) undoes the rows
    written before it: the milestone, its grades and its survey."""
    m1 = course.milestones()[0].id
    assert m1 is not None
    snapshot = course.delete_milestone(m1)
    broken = replace(snapshot, ratings=(*snapshot.ratings, snapshot.ratings[0]))
    with pytest.raises(sqlite3.IntegrityError):
        course.restore_milestone(broken)
    assert [m.name for m in course.milestones()] == ["M2 Prototype"]
    assert rows_of(course, m1) == dict.fromkeys(TABLES, 0)
    course.restore_milestone(snapshot)
    assert len(course.ratings(m1)) == 188
