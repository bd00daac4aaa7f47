"""Helpers of the grading tests, imported by them: worked-example rating files, rating
matrices, results by student and flag codes."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from teamtool.grading import StudentResult

HERE = Path(__file__).resolve().parent / "data"

Ratings = dict[tuple[str, str], float]


def by_id(results: list[StudentResult]) -> dict[str, StudentResult]:
    """The results keyed by student id."""
    return {r.student_id: r for r in results}


def flag_codes(result: StudentResult) -> list[str]:
    """The codes of one student's flags, in order."""
    return [f.code for f in result.flags]


def read_ratings(name: str) -> Ratings:
    """Read a long-format rating file (``#`` lines are the source note)."""
    with (HERE / name).open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {(r["rater"], r["ratee"]): float(r["value"]) for r in rows}


def grid_ratings(members: Sequence[str], rows: Sequence[Sequence[float | None]]) -> Ratings:
    """Ratings from a matrix whose row i is what members[i] gave (None = not given)."""
    out: Ratings = {}
    for rater, row in zip(members, rows, strict=True):
        for ratee, value in zip(members, row, strict=True):
            if value is not None:
                out[(rater, ratee)] = float(value)
    return out
