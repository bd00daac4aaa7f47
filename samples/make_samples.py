"""Generate the sample course (samples/) and the test fixtures (tests/data/), deterministically.

Run: .venv/bin/python samples/make_samples.py [SAMPLES_DIR DATA_DIR]
(the defaults are this folder and tests/data; the tests regenerate into a temporary folder and
compare, so the committed files can never drift from this generator).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from fixture_files import write_canvas_gradebook, write_roster_fixtures
from sample_course import MILESTONES, ROSTER_COLUMNS, TOKENS, Course, build_course
from sample_ratings import LABELS, Survey, build_survey
from survey_writers import (
    form_rows,
    google_time,
    write_google,
    write_long,
    write_msforms,
    write_qualtrics,
)

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "tests" / "data"


def _csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def write_course(course: Course, out: Path) -> None:
    _csv(out / "roster.csv", [ROSTER_COLUMNS] + [p.roster_row() for p in course.people])
    teams = [["student_id", "team"]]
    teams += [[sid, team] for team, members in course.teams.items() for sid in members]
    _csv(out / "teams.csv", teams)
    grades = [["team", "grade", "max", "milestone", "days_late", "resubmissions", "original_grade"]]
    for milestone, by_team in course.grades.items():
        for team, grade in by_team.items():
            days, resubmissions, original = TOKENS.get((team, milestone), (0, 0, None))
            tokens = [
                str(days or ""),
                str(resubmissions or ""),
                "" if original is None else f"{original:g}",
            ]
            grades.append([team, f"{grade:g}", "100", milestone, *tokens])
    _csv(out / "grades.csv", grades)
    (out / "scales").mkdir(exist_ok=True)
    _csv(out / "scales" / "oakley9.csv", [["label", "value"]] + [[k, f"{v:g}"] for k, v in LABELS])


def write_oakley_members(survey: Survey, course: Course, path: Path) -> None:
    """The survey as a Google Forms copy of the Oakley et al. (2004) paper form: per teammate
    (the rater first) a "Team member N" name dropdown, a rating whose option text is
    ``Label: description`` (the Oakland University form) and an optional comment; 5 groups, so
    the last is blank for teams of 4. Times, emails and typed names as in the Google file."""
    described = {
        "Excellent": "Consistently went above and beyond, tutored teammates, carried more "
        "than a fair share of the load",
        "Very good": "Consistently did what he/she was supposed to do, very well prepared "
        "and cooperative",
        "Satisfactory": "Usually did what he/she was supposed to do, acceptably prepared and "
        "cooperative",
        "Ordinary": "Often did what he/she was supposed to do, minimally prepared and cooperative",
        "Marginal": "Sometimes failed to show up or complete assignments, rarely prepared",
        "Deficient": "Often failed to show up or complete assignments, rarely prepared",
        "Unsatisfactory": "Consistently failed to show up or complete assignments, unprepared",
        "Superficial": "Practically no participation",
        "No show": "No participation at all",
    }
    names = dict(form_rows(course))
    header = ["Timestamp", "Email Address", "Your name"]
    for n in range(1, 6):
        header += [f"Team member {n}: Name", f"Team member {n}: Rating"]
        header.append(f"Team member {n}: Comment (optional)")
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        out.writerow(header)
        for sub in survey.submissions:
            cells = [google_time(sub.when), sub.google_email, sub.typed_name]
            for ratee in [sub.rater, *(x for x in sub.ratings if x != sub.rater)]:
                label = sub.ratings[ratee]
                note = sub.comment if ratee == sub.about else ""
                cells += [names[ratee], f"{label}: {described[label]}", note]
            out.writerow(cells + [""] * (len(header) - len(cells)))


def generate(out: Path, data: Path) -> list[str]:
    """Write every file; return one line per survey naming its planted patterns."""
    course = build_course()
    out.mkdir(parents=True, exist_ok=True)
    write_course(course, out)
    surveys = out / "surveys"
    surveys.mkdir(exist_ok=True)
    m1 = build_survey(course, MILESTONES[0], seed=101)
    write_long(m1, course, surveys / "m1_long.csv")
    write_google(m1, course, surveys / "m1_google_forms.csv")
    write_msforms(m1, course, surveys / "m1_microsoft_forms.xlsx")
    write_qualtrics(m1, course, surveys / "m1_qualtrics.csv", m1.features["non_respondent"])
    write_oakley_members(m1, course, surveys / "m1_oakley_members.csv")
    m2 = build_survey(course, MILESTONES[1], seed=202)
    write_google(m2, course, surveys / "m2_google_forms.csv")
    write_long(m2, course, surveys / "m2_long.csv")
    data.mkdir(parents=True, exist_ok=True)
    write_roster_fixtures(course, data)
    write_canvas_gradebook(data / "canvas_gradebook_17.csv")
    people = course.by_id()
    return [
        f"{survey.milestone}: "
        + ", ".join(f"{k}={v} ({people[v].name})" for k, v in survey.features.items())
        for survey in (m1, m2)
    ]


def main(argv: list[str]) -> int:
    out, data = (Path(argv[0]), Path(argv[1])) if len(argv) == 2 else (HERE, DATA)
    for line in generate(out, data):
        sys.stdout.write(line + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
