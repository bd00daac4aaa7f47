"""Fixtures of the export tests: rating matrices, real adjustment results, a formula engine."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from pycel import ExcelCompiler

from teamtool.grading import AdjustOptions, MilestoneResult, adjust_milestone
from teamtool.model import Rating, Roster, Student

Matrix = Sequence[Any]  # row i = what members[i] gave (numbers); None = not given


def matrix_ratings(
    members: Sequence[str], rows: Matrix, comments: Mapping[tuple[str, str], str] | None = None
) -> list[Rating]:
    """Ratings from a matrix, with optional comments keyed (rater, ratee)."""
    out = []
    for rater, row in zip(members, rows, strict=True):
        for ratee, value in zip(members, row, strict=True):
            if value is not None:
                comment = (comments or {}).get((rater, ratee), "")
                out.append(Rating(rater, ratee, float(value), comment=comment))
    return out


def adjust(
    milestone: str,
    teams: Mapping[str, Sequence[str]],
    ratings: Sequence[Rating],
    grades: Mapping[str, float],
    options: AdjustOptions,
    max_points: float = 100.0,
    overrides: Mapping[str, tuple[float, str]] | None = None,
) -> MilestoneResult:
    """The real grading engine's result."""
    return adjust_milestone(milestone, teams, ratings, grades, max_points, options, overrides)


def roster_of(ids: Sequence[str], names: Mapping[str, str] | None = None) -> Roster:
    return Roster(
        [
            Student(sid, name=(names or {}).get(sid, sid.upper()), email=f"{sid}@example.edu")
            for sid in ids
        ]
    )


class Recalculated:
    """A saved workbook recalculated by the pycel Excel formula engine."""

    def __init__(self, path: Path) -> None:
        self.engine = ExcelCompiler(filename=str(path))

    def value(self, sheet: str, cell: str) -> Any:
        return self.engine.evaluate(f"'{sheet}'!{cell}")


@pytest.fixture
def recalc() -> type[Recalculated]:
    return Recalculated
