"""A milestone grades one concrete team set: bound when added, changed only on purpose."""

from __future__ import annotations

from pathlib import Path

import pytest

from teamtool.course.milestone_inputs import load_inputs
from teamtool.errors import CourseFileError
from teamtool.model import Milestone, Rating, TeamSet
from teamtool.store import Course
from tests.sample_teams import add_sample_teams, second_members_moved

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture
def course(tmp_path: Path) -> Course:
    """The sample roster and its 12 "Project teams"."""
    course = Course.create(tmp_path / "c.teamtool")
    add_sample_teams(course)
    return course


def reshuffled(course: Course, name: str) -> TeamSet:
    """Other teams of the same students: each team's second member moves to the next team."""
    return TeamSet(name, second_members_moved(course.team_sets()[0].teams))


def test_a_new_milestone_is_bound_to_the_newest_team_set_and_keeps_it(course: Course) -> None:
    """Team 1 (s1005, s1011, s1022, s1025) graded 84, everyone rated Satisfactory (75): every
    factor is 1 and every grade 84. Forming other teams later changes none of it."""
    first = course.team_sets()[0]
    mid = course.add_milestone(Milestone("M1", 100, grades={"Team 1": 84.0}))
    assert course.milestone(mid).team_set_id == first.id
    team1 = first.teams["Team 1"]
    course.set_ratings(mid, [Rating(a, b, 75.0) for a in team1 for b in team1])
    before = {s.student_id: s.final_grade for s in load_inputs(course, mid).adjust().students}
    assert {before[sid] for sid in team1} == {84.0}

    course.add_team_set(reshuffled(course, "Teams 2"))
    inputs = load_inputs(course, mid)
    assert inputs.team_set is not None
    assert inputs.team_set.name == "Project teams"
    after = {s.student_id: s.final_grade for s in inputs.adjust().students}
    assert after == before


def test_adding_a_milestone_without_teams_is_refused(tmp_path: Path) -> None:
    with Course.create(tmp_path / "empty.teamtool") as course:
        with pytest.raises(CourseFileError, match="form or import teams first") as caught:
            course.add_milestone(Milestone("M1", 100))
        assert caught.value.code == "no-teams"
        assert course.milestones() == []


def test_an_unknown_team_set_is_refused(course: Course) -> None:
    with pytest.raises(CourseFileError, match="no team set 99"):
        course.add_milestone(Milestone("M1", 100, team_set_id=99))
    assert course.milestones() == []


def test_use_other_teams_is_audited_and_returns_the_old_binding(course: Course) -> None:
    first = course.team_sets()[0]
    second_id = course.add_team_set(reshuffled(course, "Teams 2"))
    mid = course.add_milestone(Milestone("M1", 100))
    assert course.milestone(mid).team_set_id == second_id
    before = course.set_milestone_team_set(mid, first.id or 0)
    assert before == second_id
    assert course.milestone(mid).team_set_id == first.id
    entry = course.audit_log(1)[0]
    assert entry.action == "use-team-set"
    assert entry.detail["team_set_name"] == "Project teams"
    assert entry.detail["before_name"] == "Teams 2"


def test_a_team_set_that_a_milestone_grades_cannot_be_deleted(course: Course) -> None:
    first = course.team_sets()[0]
    course.add_milestone(Milestone("M1 Proposal", 100))
    with pytest.raises(CourseFileError, match='"M1 Proposal"') as caught:
        course.delete_team_set(first.id or 0)
    assert caught.value.code == "team-set-in-use"
    assert [s.id for s in course.team_sets()] == [first.id]


def test_editing_a_milestone_keeps_its_team_set(course: Course) -> None:
    first = course.team_sets()[0]
    mid = course.add_milestone(Milestone("M1", 100))
    course.add_team_set(reshuffled(course, "Teams 2"))
    course.update_milestone(Milestone("M1 Report", 50, first.id, id=mid))
    assert course.milestone(mid).team_set_id == first.id


def test_no_flag_before_any_rating_is_imported(course: Course) -> None:
    """A new milestone with team grades but no survey: grades are the team grades and nobody is
    a non-respondent of a survey that does not exist; once ratings arrive, the flags follow."""
    mid = course.add_milestone(Milestone("M1", 100, grades={"Team 1": 84.0}))
    result = load_inputs(course, mid).adjust()
    team_1 = [s for s in result.students if s.team == "Team 1"]
    assert [s.grade for s in team_1] == [84.0] * 4
    assert result.all_flags() == []
    members = course.team_sets()[0].teams["Team 1"]
    inputs = load_inputs(course, mid)
    inputs.ratings = [Rating(members[0], m, 75.0) for m in members]  # one member answered
    flags = {f.code for f in inputs.adjust().all_flags()}
    assert "non-respondent" in flags
