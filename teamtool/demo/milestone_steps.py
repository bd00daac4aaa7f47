"""The milestone half of the demo: surveys in, adjusted grades out, as an instructor would do it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from teamtool.course.adjust_export import ExportChoice, gather, write_exports
from teamtool.course.milestone_inputs import load_inputs
from teamtool.errors import SurveyError
from teamtool.files.gradesfile import load_team_grades
from teamtool.grading import PRESETS
from teamtool.model import Milestone, Roster, TeamSet
from teamtool.ratings import import_survey
from teamtool.store import Course
from teamtool.tokens.course import course_tokens, store_token_columns

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
    for step, (name, (survey_file, confirmed)) in enumerate(SURVEYS.items(), start=5):
        milestone = Milestone(name, grades.max_points.get(name, 100.0), team_set.id, grades[name])
        milestone_id = course.add_milestone(milestone)
        tokens = store_token_columns(course, grades)  # days late and resubmissions of the file
        path = samples / "surveys" / survey_file
        survey = import_survey(path, roster, team_set, confirmed=confirmed)
        echo(f"{step}. {name}: {len(survey.ratings)} ratings from {survey.file} ({survey.layout})")
        if tokens:
            echo(f"   team tokens: {tokens_line(course, name)}")
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


def tokens_line(course: Course, milestone: str) -> str:
    """What the teams spent on ``milestone`` (late days, resubmissions) and what it did."""
    outcome = course_tokens(course)
    if outcome is None:
        return "none used"
    spent = []
    for team, rows in outcome.ledger.items():
        row = next((r for r in rows if r.milestone == milestone), None)
        if row is None or not (row.days_late or row.resubmissions):
            continue
        asked = [f"{row.days_late} day(s) late"] if row.days_late else []
        asked += [f"{row.resubmissions} resubmission(s)"] if row.resubmissions else []
        outcome_text = "late, no tokens: no credit" if row.no_credit else f"{row.spent} spent"
        if row.resubmission_refused:
            outcome_text += ", resubmission refused"
        spent.append(f"{team} {' and '.join(asked)}, {outcome_text} ({row.left} left)")
    return "; ".join(spent) or "none used"
