"""The sample course file a new user opens from the start page."""

from __future__ import annotations

from pathlib import Path

from teamtool.course.milestone_inputs import load_inputs
from teamtool.demo.sample_course import create_sample_course
from teamtool.store import Course


def test_sample_course_holds_students_teams_and_milestones(tmp_path: Path) -> None:
    path = create_sample_course(tmp_path / "sample.teamtool")
    with Course.open(path) as course:
        assert len(course.roster()) == 48
        (teams,) = course.team_sets()
        assert teams.name == "Project teams"
        assert len(teams.teams) == 12
        m1, m2 = course.milestones()
        assert (m1.name, m2.name) == ("M1 Proposal", "M2 Prototype")
        assert len(m1.grades) == 12
        assert len(course.ratings(m1.id or 0)) == 188
        assert course.ratings(m2.id or 0) == [], "M2's survey is left for the user to import"
        result = load_inputs(course, m1.id or 0).adjust()
        ryan = result.by_student()["s1011"]
        # Ryan O'Connor (Team 1) is the sample's low performer: 46.875 / 71.875, rounded 0.652.
        assert ryan.factor is not None
        assert round(ryan.factor, 3) == 0.652
