"""The small course of the ratings tests (11 students, 3 teams): its ratings and file writers."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from teamtool.model import Roster, Student, TeamSet

DATA = Path(__file__).resolve().parent / "data"

#: The M ratings every layout of the small course holds, as (rater, ratee, label).
EXPECTED = {
    "s01": {"s01": "Excellent", "s02": "Very good", "s03": "Satisfactory"},
    "s02": {"s01": "Very good", "s02": "Very good", "s03": "Marginal"},
    "s03": {"s01": "Excellent", "s02": "Excellent", "s03": "Excellent"},
    "s04": {"s04": "Very good", "s05": "Deficient", "s06": "Very good"},
    "s05": {"s04": "Satisfactory", "s05": "Excellent", "s06": "Satisfactory"},
    "s06": {"s04": "Very good", "s05": "Unsatisfactory", "s06": "Very good"},
    "s07": {"s07": "Very good", "s08": "Very good", "s09": "Excellent", "s10": "No show"},
    "s08": {"s07": "Satisfactory", "s08": "Satisfactory", "s09": "Very good", "s10": "Superficial"},
    "s09": {"s07": "Very good", "s08": "Ordinary", "s09": "Very good", "s10": "No show"},
}
#: The Oakley et al. (2004) autorating values of the labels above.
OAKLEY = {
    "Excellent": 100.0, "Very good": 87.5, "Satisfactory": 75.0, "Ordinary": 62.5, "Marginal": 50.0,
    "Deficient": 37.5, "Unsatisfactory": 25.0, "Superficial": 12.5, "No show": 0.0,
}  # fmt: skip


def expected_triples(without: tuple[str, ...] = ()) -> set[tuple[str, str, float]]:
    return {
        (rater, ratee, OAKLEY[label])
        for rater, row in EXPECTED.items()
        if rater not in without
        for ratee, label in row.items()
    }


def load_roster(path: Path = DATA / "roster.csv") -> Roster:
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return Roster([Student(r["Student ID"], r["Name"], r["Email"], r["Section"]) for r in rows])


def load_teams(path: Path = DATA / "teams.csv") -> TeamSet:
    teams: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            teams.setdefault(r["team"], []).append(r["student_id"])
    return TeamSet("Project teams", teams)


MSFORMS_PEOPLE = [
    ("s01", "Zoë Martín"), ("s02", "Siobhan O'Brien "), ("s03", "García, José"), ("s04", "Nguyen Thi Lan"),
    ("s05", "D’Angelo Rossi"), ("s06", "Christopher Lee"), ("s07", "Alex Kim (s07)"),
    ("s08", "Alex Kim (s08)"), ("s09", "Mei Chen"), ("s10", "Omar Haddad"),
]  # fmt: skip
MSFORMS_ACCOUNTS = {
    "s01": ("zoe.martin@example.edu", "Zoë Martín"), "s02": ("siobhan.obrien@example.edu", "Siobhán O'Brien"),
    "s03": ("jose.garcia@example.edu", "José García"), "s04": ("lan.nguyen@example.edu", "Nguyễn Thị Lan"),
    "s05": ("dangelo.rossi@example.edu", "D'Angelo Rossi"), "s06": ("christopher.lee@example.edu", "Christopher Lee"),
    "s07": ("alex.kim@example.edu", "Alex Kim"), "s08": ("alex.kim2@example.edu", "Alex Kim"),
    "s09": ("mei.chen@example.edu", "Mei Chen"),
}  # fmt: skip


def write_msforms(path: Path) -> Path:
    """A Microsoft Forms export: fixed columns, one Likert column per student, real date-times.

    s03 submits twice: the later ``Last modified time`` (on the earlier row) holds the answers
    of EXPECTED; the earlier one says s01 was "No show". A free-text question is not a rating.
    """
    book = Workbook()
    ws = book.active
    assert ws is not None
    header = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
    ws.append([*header, *(h for _, h in MSFORMS_PEOPLE), "What went well?", "Comments"])
    start = dt.datetime(2026, 10, 14, 9, 0, 0)
    submissions = [
        (rater, EXPECTED[rater], start + dt.timedelta(hours=i)) for i, rater in enumerate(EXPECTED)
    ]
    wrong = {**EXPECTED["s03"], "s01": "No show"}
    submissions.insert(3, ("s03", wrong, start + dt.timedelta(minutes=30)))
    for n, (rater, answers, when) in enumerate(submissions, start=1):
        email, name = MSFORMS_ACCOUNTS[rater]
        cells = [answers.get(sid, None) for sid, _ in MSFORMS_PEOPLE]
        ws.append(
            [n, when - dt.timedelta(minutes=5), when, email, name, when, *cells, "the demo", None]
        )
    book.save(path)
    return path
