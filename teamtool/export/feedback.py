"""Per-student feedback for a mail merge: factor, grade change and anonymised teammate comments."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Mapping, Sequence
from pathlib import Path

from teamtool.export.csv_util import Cell, write_csv
from teamtool.export.grade_csv import excel_round
from teamtool.export.safe import Identifier
from teamtool.grading.results import MilestoneResult
from teamtool.model import Rating, Roster

FEEDBACK_HEADER = (
    "student_id",
    "name",
    "email",
    "milestone",
    "team",
    "factor",
    "percent_change",
    "grade",
    "overridden",
    "adjusted_grade",
    "comments",
)
#: The ``overridden`` cell of a grade the instructor set (blank when the formula's grade stands).
OVERRIDDEN = "yes"


def percent_change(team_grade: float | None, grade: float | None) -> float | None:
    """How much the grade moved from the team grade, in percent, 1 decimal (``-12.5``)."""
    if team_grade is None or grade is None or team_grade == 0:
        return None
    return _rounded((grade / team_grade - 1) * 100, 1)


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else float(excel_round(value, digits))


def anonymised_comments(ratings: Sequence[Rating], student_id: str, salt: str) -> list[str]:
    """Teammates' comments about ``student_id`` (not their own), without who wrote them, in
    an order that is shuffled but the same on every run (seeded by ``salt`` and the student)."""
    comments = sorted(
        r.comment.strip()
        for r in ratings
        if r.ratee == student_id and r.rater != student_id and r.comment.strip()
    )
    seed = hashlib.sha256(f"{salt}\x00{student_id}".encode()).hexdigest()
    random.Random(seed).shuffle(comments)
    return comments


def export_feedback(
    results: Sequence[MilestoneResult],
    ratings: Mapping[str, Sequence[Rating]],
    roster: Roster,
    path: str | Path,
) -> Path:
    """One row per student and milestone; ``comments`` holds one comment a line.

    ``factor`` has 3 decimals and ``grade`` (the final grade, override included) 2, as in the
    Canvas file; ``percent_change`` compares the final grade with the team grade. When the
    instructor overrode the grade, ``overridden`` is "yes" and ``adjusted_grade`` (always filled
    when there is a grade) is what the formula gave, so the factor beside an overridden grade is
    explained. The override's reason is instructor-only (audit log) and is never written here.
    """
    people = roster.by_id()
    rows: list[list[Cell]] = []
    for result in results:
        team_of = {r.student_id: r.team for r in result.students}
        about: dict[str, list[Rating]] = {}
        for x in ratings.get(result.milestone, ()):
            if team_of.get(x.rater) == team_of.get(x.ratee):
                about.setdefault(x.ratee, []).append(x)
        for r in result.students:
            student = people.get(r.student_id)
            comments = anonymised_comments(
                about.get(r.student_id, []), r.student_id, result.milestone
            )
            rows.append(
                [
                    Identifier(r.student_id),
                    student.name if student else "",
                    student.email if student else "",
                    result.milestone,
                    Identifier(r.team),
                    _rounded(r.factor, 3),
                    percent_change(r.team_grade, r.final_grade),
                    _rounded(r.final_grade, 2),
                    OVERRIDDEN if r.override is not None else "",
                    _rounded(r.grade, 2),
                    "\n".join(comments),
                ]
            )
    return write_csv(path, FEEDBACK_HEADER, rows)
