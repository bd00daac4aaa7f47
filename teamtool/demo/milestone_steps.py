"""The milestone half of the demo: surveys in, adjusted grades out, as an instructor would do it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from teamtool.course_export import ExportChoice, gather, write_exports
from teamtool.errors import SurveyError
from teamtool.gradesfile import load_team_grades
from teamtool.grading import PRESETS
from teamtool.milestone_inputs import load_inputs
from teamtool.model import Milestone, Roster, TeamSet
from teamtool.ratings import import_survey
from teamtool.store import Course

#: Milestone -> (survey file in samples/surveys, people the instructor confirmed in the window).
SURVEYS = {
    "M1 Proposal": ("m1_google_forms.csv", {"Chris Lee": "s1023"}),
    "M2 Prototype": ("m2_google_forms.csv", {}),
}


def run_milestones(
    course: Course,
    roster: Roster,
    team_set: TeamSet,
    samples: Path,
    out: Path,
    echo: Callable[[str], None],
) -> list[Path]:
    """Import each milestone's grades and survey, adjust with Oakley's autorating, export."""
    grades = load_team_grades(samples / "grades.csv", list(team_set.teams))
    names = {s.id: s.label for s in roster}
    for step, (name, (survey_file, confirmed)) in enumerate(SURVEYS.items(), start=4):
        milestone = Milestone(name, grades.max_points.get(name, 100.0), team_set.id, grades[name])
        milestone_id = course.add_milestone(milestone)
        path = samples / "surveys" / survey_file
        survey = import_survey(path, roster, team_set, confirmed=confirmed)
        echo(f"{step}. {name}: {len(survey.ratings)} ratings from {survey.file} ({survey.layout})")
        for text, sid in confirmed.items():
            echo(f'   confirmed "{text}" as {names[sid]} (the window asks you this)')
        for problem in survey.problems:
            echo(f"   {problem}")
        survey.problems.raise_if_errors(SurveyError)
        course.save_survey_import(milestone_id, survey)
        course.set_milestone_settings(milestone_id, PRESETS["oakley"].to_json())
        result = load_inputs(course, milestone_id, names).adjust()
        echo(
            f"   adjusted {len(result.students)} grades (Oakley autorating, factor capped at 1.05)"
        )
        for flag in result.all_flags():
            who = names.get(flag.student_id, flag.team)
            echo(f"   flag {flag.code}: {who}, {flag.team}: {flag.detail}")
    done = write_exports(gather(course), ExportChoice(out, plain=True))
    for problem in done.problems:
        echo(f"   {problem}")
    return done.written
