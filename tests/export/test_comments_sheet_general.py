"""The workbook's Comments sheet: a general comment about the team is a row about "(whole team)",
never a comment about its writer; an "about me" comment stays about the writer. Survey files in
every layout in, the workbook read back with openpyxl.

Rating labels and values: the autorating scale of Oakley, Felder, Brent & Elhajj (2004),
"Turning Student Groups into Effective Teams", Appendix (Excellent 100, Very good 87.5,
Satisfactory 75); the factors are those of the same paper's method (Kaufman, Felder & Fuller
2000): a member's mean received rating over the team's mean rating, capped at 1.05.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from teamtool.export.grades_workbook import export_grades_workbook
from teamtool.grading import PRESETS
from teamtool.model import Roster, Student, TeamSet
from teamtool.ratings import import_survey
from ui.ratings.tables import comment_rows

from .conftest import adjust

PEOPLE = {"s01": "Zoë Martín", "s02": "Siobhán O'Brien", "s03": "José García"}
EMAILS = {"s01": "zoe.martin@x.edu", "s02": "siobhan.obrien@x.edu", "s03": "jose.garcia@x.edu"}
GENERAL = "=We met every Tuesday; the plan worked"
ABOUT_SIOBHAN = "Siobhán wrote the whole parser"
ABOUT_ME = "I was ill for a week, sorry"
JOSE_GENERAL = "Good team overall"
#: rater -> (labels given to s01, s02, s03; comment about Siobhán (s02); general comment)
ANSWERS = {
    "s01": (("Satisfactory", "Excellent", "Very good"), ABOUT_SIOBHAN, GENERAL),
    "s02": (("Excellent", "Very good", "Excellent"), ABOUT_ME, ""),
    "s03": (("Very good", "Excellent", "Very good"), "", JOSE_GENERAL),
}
WHEN = "2026/10/14 9:41:07 PM EDT"
Rows = list[list[str]]


def google() -> Rows:
    header = ["Timestamp", "Email Address"]
    header += [f"Rate your teammates [{n}]" for n in PEOPLE.values()]
    header += [f"Comments [{PEOPLE['s02']}]", "Anything else about your team?"]
    return [header] + [[WHEN, EMAILS[r], *a[0], a[1], a[2]] for r, a in ANSWERS.items()]


def qualtrics() -> Rows:
    ids = ["StartDate", "Status", "Finished", "RecordedDate", "ResponseId", "RecipientEmail"]
    ids += ["Q1_1", "Q1_2", "Q1_3", "Q2_2", "Q3"]
    display = ["Start Date", "Response Type", "Finished", "Recorded Date", "Response ID"]
    display += ["Recipient Email", *(f"Rate each teammate - {n}" for n in PEOPLE.values())]
    display += [f"Comments about each teammate - {PEOPLE['s02']}", "Anything else?"]
    rows = [ids, display, ['{"ImportId":"' + i + '"}' for i in ids]]
    t = "2026-10-14 21:11:00"
    for n, (rater, a) in enumerate(ANSWERS.items()):
        rows.append([t, "IP Address", "True", t, f"R_{n}", EMAILS[rater], *a[0], a[1], a[2]])
    return rows


def members() -> Rows:
    header = ["Timestamp", "Email Address"]
    for n in (1, 2, 3):
        header += [f"Team member {n}: Name", f"Team member {n}: Rating"]
        header += [f"Team member {n}: Comment (optional)"]
    rows = [[*header, "Anything else about your team?"]]
    for rater, (labels, about, general) in ANSWERS.items():
        cells = [WHEN, EMAILS[rater]]
        for sid, label in zip(PEOPLE, labels, strict=True):
            cells += [PEOPLE[sid], label, about if sid == "s02" else ""]
        rows.append([*cells, general])
    return rows


def long() -> Rows:
    rows = [["rater", "ratee", "rating", "comment", "general comment"]]
    for rater, (labels, about, general) in ANSWERS.items():
        for i, (sid, label) in enumerate(zip(PEOPLE, labels, strict=True)):
            rows.append(
                [rater, sid, label, about if sid == "s02" else "", general if i == 0 else ""]
            )
    return rows


def write(tmp_path: Path, name: str, rows: Rows) -> Path:
    path = tmp_path / f"{name}.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def msforms_file(tmp_path: Path) -> Path:
    """Microsoft Forms: Likert rows headed by the names, a question naming Siobhán."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    fixed = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
    ws.append([*fixed, *PEOPLE.values(), f"Comments about {PEOPLE['s02']}", "Anything else?"])
    when = dt.datetime(2026, 10, 14, 21, 0, 0)
    for n, (rater, (labels, about, general)) in enumerate(ANSWERS.items(), start=1):
        ws.append([n, when, when, EMAILS[rater], PEOPLE[rater], when, *labels, about, general])
        ws.cell(n + 1, ws.max_column).data_type = "s"  # "=…" answers are text in an export
    path = tmp_path / "msforms.xlsx"
    book.save(path)
    return path


LAYOUTS: dict[str, Callable[[Path], Path]] = {
    "google": lambda d: write(d, "google", google()),
    "msforms": msforms_file,
    "qualtrics": lambda d: write(d, "qualtrics", qualtrics()),
    "members": lambda d: write(d, "members", members()),
    "long": lambda d: write(d, "long", long()),
}
ZOE, SIOBHAN, JOSE = (f"{n} ({sid})" for sid, n in PEOPLE.items())
EXPECTED_ROWS = [
    ("M1", "Team A", ZOE, "(whole team)", None, GENERAL),
    ("M1", "Team A", ZOE, SIOBHAN, "Excellent", ABOUT_SIOBHAN),
    ("M1", "Team A", SIOBHAN, SIOBHAN, "Very good", ABOUT_ME),
    ("M1", "Team A", JOSE, "(whole team)", None, JOSE_GENERAL),
]


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_comments_sheet_shows_general_comments_about_the_team(layout: str, tmp_path: Path) -> None:
    roster = Roster([Student(sid, n, EMAILS[sid]) for sid, n in PEOPLE.items()])
    teams = {"Team A": list(PEOPLE)}
    survey = import_survey(LAYOUTS[layout](tmp_path), roster, TeamSet("Teams", teams))
    assert survey.layout == layout
    assert not survey.problems.has_errors()
    result = adjust("M1", teams, survey.ratings, {"Team A": 80.0}, PRESETS["oakley"])
    # Received (self included) 262.5/3, 287.5/3, 275/3 over the team mean 825/9 = 91.67:
    # 87.5/91.67 = 0.9545, 95.83/91.67 = 1.0455 (under the 1.05 cap), 91.67/91.67 = 1.
    factors = {s.student_id: round(s.factor or 0, 4) for s in result.students}
    assert factors == {"s01": 0.9545, "s02": 1.0455, "s03": 1.0}
    path = export_grades_workbook(
        [result], {"M1": survey.ratings}, teams, roster, {"M1": PRESETS["oakley"]},
        tmp_path / "grades.xlsx",
    )  # fmt: skip
    sheet = load_workbook(path)["Comments"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Milestone", "Team", "From", "About", "Rating", "Comment")
    assert rows[1:] == EXPECTED_ROWS
    assert sheet["F2"].data_type == "s"  # the "=…" comment is text, not a formula
    window = comment_rows(survey.ratings, {sid: f"{n} ({sid})" for sid, n in PEOPLE.items()})
    assert window == [
        [ZOE, "(whole team)", "", GENERAL],
        [ZOE, SIOBHAN, "Excellent", ABOUT_SIOBHAN],
        [SIOBHAN, f"{SIOBHAN} (self)", "Very good", ABOUT_ME],
        [JOSE, "(whole team)", "", JOSE_GENERAL],
    ]
