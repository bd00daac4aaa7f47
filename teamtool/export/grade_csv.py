"""Adjusted grades as a plain CSV; the Canvas import CSV is :mod:`teamtool.canvas.grades_csv`."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from teamtool.export.csv_util import Cell, write_csv
from teamtool.export.safe import Identifier
from teamtool.grading.results import MilestoneResult
from teamtool.model import Roster

if TYPE_CHECKING:
    from teamtool.tokens.apply import TokenOutcome

PLAIN_HEADER = (
    "student_id",
    "name",
    "team",
    "milestone",
    "team_grade",
    "received_avg",
    "team_avg",
    "factor",
    "grade",
    "flags",
    "override",
    "reason",
    "computed_grade",
)
TOKEN_COLUMNS = ("tokens_used", "tokens_left")


def excel_round(value: float, digits: int) -> Decimal:
    """Round half away from zero as Excel's ROUND does: on the value's 15 significant digits,
    so that 77 x 0.965 (74.30499999999999 in binary) gives 74.31, as it does in Excel."""
    exact = Decimal(format(value, ".15g"))
    return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def two_decimals(value: float) -> str:
    """``88.25``: 2 decimals, rounded as Excel rounds (Canvas keeps 2 decimals)."""
    return str(excel_round(value, 2))


def export_grades_csv(
    results: Sequence[MilestoneResult],
    roster: Roster,
    path: str | Path,
    *,
    tokens: TokenOutcome | None = None,
) -> Path:
    """One row per student and milestone. ``grade`` is the grade to enter (the override when
    there is one); ``computed_grade`` is the adjusted grade before any override. With
    ``tokens``, ``team_grade`` is the grade after the team's tokens and two more columns say
    the tokens the team had used up to that milestone and had left after it."""
    names = {s.id: s.name for s in roster}
    rows: list[list[Cell]] = []
    for result in results:
        for r in result.students:
            spent: list[Cell] = []
            if tokens is not None:
                used_left = tokens.used_and_left(r.team, result.milestone)
                spent = list(used_left) if used_left else [None, None]
            rows.append(
                [
                    Identifier(r.student_id),
                    names.get(r.student_id, ""),
                    Identifier(r.team),
                    result.milestone,
                    r.team_grade,
                    r.received_avg,
                    r.team_avg,
                    r.factor,
                    r.final_grade,
                    "; ".join(f.code for f in r.flags),
                    r.override,
                    r.override_reason,
                    r.grade,
                    *spent,
                ]
            )
    header = PLAIN_HEADER + TOKEN_COLUMNS if tokens is not None else PLAIN_HEADER
    return write_csv(path, header, rows)
