"""The sample course file with M2's survey imported too: repeated-low where several milestones
are known (the window's milestone inputs, the course export, the debriefs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from teamtool.course.adjust_export import gather
from teamtool.course.milestone_inputs import load_inputs
from teamtool.debriefs.course import course_debriefs
from teamtool.demo.sample_course import create_sample_course
from teamtool.grading import MilestoneResult
from teamtool.ratings import import_survey
from teamtool.store import Course
from tests.debriefs.conftest import SAMPLES

RYAN = "s1011"  # low in M1 and in M2 (see samples/README.md)


@pytest.fixture
def both_surveys(tmp_path: Path) -> Path:
    path = create_sample_course(tmp_path / "sample.teamtool")
    with Course.open(path) as course:
        m2 = course.milestones()[1]
        assert m2.id is not None
        team_set = course.team_set(m2.team_set_id or 0)
        survey = import_survey(SAMPLES / "surveys" / "m2_long.csv", course.roster(), team_set)
        course.save_survey_import(m2.id, survey)
    return path


def flags(result: MilestoneResult, student: str) -> list[str]:
    return [f.code for f in result.by_student()[student].flags]


def test_window_inputs_flag_repeated_low_on_the_second_milestone(both_surveys: Path) -> None:
    with Course.open(both_surveys) as course:
        m1, m2 = (m.id or 0 for m in course.milestones())
        first, second = load_inputs(course, m1), load_inputs(course, m2)
        alone = load_inputs(course, m2, previous=False)
    assert first.previous is None
    assert second.previous is not None
    assert flags(first.adjust(), RYAN) == ["low-performer", "overconfident"]
    assert flags(second.adjust(), RYAN) == ["low-performer", "repeated-low"]
    assert flags(alone.adjust(), RYAN) == ["low-performer"]
    others = [s for s in second.adjust().students if s.student_id != RYAN]
    assert all("repeated-low" not in flags(second.adjust(), s.student_id) for s in others)


def test_course_export_and_debriefs_flag_it_once(both_surveys: Path) -> None:
    with Course.open(both_surveys) as course:
        results = gather(course).results()
    assert [flags(r, RYAN).count("repeated-low") for r in results] == [0, 1]
    (team1, *_) = course_debriefs(both_surveys, "M2 Prototype")
    ryan = next(m.result for m in team1.members if m.result.student_id == RYAN)
    assert [f.code for f in ryan.flags].count("repeated-low") == 1
    history = team1.history["Ryan O'Connor"]
    assert [(c.low, c.repeated_low) for c in history] == [(True, False), (True, True)]
