"""The feedback mail-merge CSV: anonymised comments, deterministic order, formula-safe text."""

from __future__ import annotations

import csv
from pathlib import Path

from teamtool.export.feedback import (
    FEEDBACK_HEADER,
    anonymised_comments,
    export_feedback,
    percent_change,
)
from teamtool.grading import PRESETS
from teamtool.model import Rating, Roster, Student

from .conftest import adjust, matrix_ratings

MEMBERS = ["s1", "s2", "s3", "s4"]
ROWS: list[list[float]] = [
    [100, 87.5, 75, 50],
    [87.5, 87.5, 75, 37.5],
    [100, 100, 100, 62.5],
    [100, 75, 75, 75],
]
COMMENTS = {
    ("s1", "s4"): '=HYPERLINK("http://x","y")',
    ("s2", "s4"): "+1",
    ("s3", "s4"): "- did the BOM",
    ("s4", "s4"): "I did my best",  # a self-comment is not feedback from teammates
    ("s1", "s2"): "@Marco helped a lot",
}


def test_percent_change_of_the_grade() -> None:
    """CMU MLiP shows the adjustment as a signed percentage; here of the final grade."""
    assert percent_change(80, 84) == 5.0
    assert percent_change(90, 66.6) == -26.0
    assert percent_change(80, 53.3333) == -33.3
    assert percent_change(None, 80) is None
    assert percent_change(0, 0) is None


def test_comments_are_teammates_only_shuffled_the_same_every_time() -> None:
    ratings = [Rating(r, s, 50, comment=c) for (r, s), c in COMMENTS.items()]
    first = anonymised_comments(ratings, "s4", "M1")
    assert sorted(first) == sorted(['=HYPERLINK("http://x","y")', "+1", "- did the BOM"])
    assert anonymised_comments(list(reversed(ratings)), "s4", "M1") == first
    orders = {
        tuple(anonymised_comments(ratings, "s4", m)) for m in ("M1", "M2", "M3", "M4", "M5", "M6")
    }
    assert len(orders) > 1  # shuffled, not sorted


def test_feedback_csv_is_anonymous_and_formula_safe(tmp_path: Path) -> None:
    roster = Roster([Student(s, name=f"Name {s}", email=f"{s}@example.edu") for s in MEMBERS])
    ratings = {"M1": matrix_ratings(MEMBERS, ROWS, COMMENTS)}
    result = adjust("M1", {"T": MEMBERS}, ratings["M1"], {"T": 80}, PRESETS["oakley"])
    path = export_feedback([result], ratings, roster, tmp_path / "f.csv")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(FEEDBACK_HEADER)
    s4 = next(r for r in rows if r["student_id"] == "s4")
    lines = s4["comments"].split("\n")
    assert len(lines) == 3
    assert s4["comments"].startswith("'")  # every s4 comment starts like a formula
    assert "I did my best" not in s4["comments"]
    for other in ("s1", "s2", "s3", "Name"):
        assert other not in s4["comments"]
    expected = result.by_student()["s4"]
    assert expected.factor is not None
    assert expected.grade is not None
    assert float(s4["factor"]) == round(expected.factor, 3)
    assert float(s4["grade"]) == round(expected.grade, 2)
    s2 = next(r for r in rows if r["student_id"] == "s2")
    assert s2["comments"] == "'@Marco helped a lot"
