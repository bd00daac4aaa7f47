"""The milestone half of the demo: surveys in, adjusted grades out, as an instructor would do it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from teamtool.errors import SurveyError
from teamtool.export.feedback import export_feedback
from teamtool.export.grade_csv import export_canvas_grades, export_grades_csv
from teamtool.export.grades_workbook import export_grades_workbook
from teamtool.gradesfile import load_team_grades
from teamtool.grading import PRESETS, MilestoneResult, adjust_milestone
from teamtool.model import Milestone, Rating, Roster, TeamSet
from teamtool.ratings import import_survey, scale_to_text
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
) -> dict[str, Path]:
    """Import each milestone's grades and survey, adjust with Oakley's autorating, export."""
    grades = load_team_grades(samples / "grades.csv", list(team_set.teams))
    results: list[MilestoneResult] = []
    ratings: dict[str, list[Rating]] = {}
    options = PRESETS["oakley"]
    for step, (name, (survey_file, confirmed)) in enumerate(SURVEYS.items(), start=4):
        milestone = Milestone(name, grades.max_points.get(name, 100.0), team_set.id, grades[name])
        milestone_id = course.add_milestone(milestone)
        survey = import_survey(
            samples / "surveys" / survey_file, roster, team_set, confirmed=confirmed
        )
        echo(
            f"{step}. {name}: {len(survey.ratings)} ratings from {survey.file} ({survey.layout} layout)"
        )
        for text, sid in confirmed.items():
            echo(f'   confirmed "{text}" as {roster.by_id()[sid].label} (the window asks you this)')
        for problem in survey.problems:
            echo(f"   {problem}")
        survey.problems.raise_if_errors(SurveyError)
        course.save_survey(
            milestone_id,
            file=survey.file,
            layout=survey.layout,
            scale=scale_to_text(survey.scale),
            header=survey.raw_header,
            rows=survey.raw_rows,
            report=[str(p) for p in survey.problems],
            ratings=survey.ratings,
        )
        course.set_milestone_settings(milestone_id, options.to_json())
        result = adjust_milestone(
            name, team_set.teams, survey.ratings, milestone.grades, milestone.max_points, options
        )
        echo(f"   adjusted {len(result.students)} grades (Oakley autorating, cap 1.05)")
        names = {s.id: s.label for s in roster}
        for flag in result.all_flags():
            who = names.get(flag.student_id, flag.team)
            echo(f"   flag {flag.code}: {who}, {flag.team}: {flag.detail}")
        results.append(result)
        ratings[name] = survey.ratings
    opts = {r.milestone: options for r in results}
    return {
        "grades workbook": export_grades_workbook(
            results, ratings, team_set.teams, roster, opts, out / "grades.xlsx"
        ),
        "grades CSV": export_grades_csv(results, roster, out / "grades.csv"),
        "Canvas grades import": export_canvas_grades(results, roster, out / "canvas-grades.csv"),
        "feedback mail merge": export_feedback(results, ratings, roster, out / "feedback.csv"),
    }
