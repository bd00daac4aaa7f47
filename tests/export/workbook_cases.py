"""The workbook checks' shared ground: where each student's numbers stand in an exported grade
workbook, a class with realistic trouble, and the method/option cases to export it with. Used
by ``test_workbook_recalc.py`` (the pycel formula engine) and
``scripts/check_workbook_formulas.py`` (LibreOffice)."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from teamtool.grading import (
    PRESETS,
    AdjustOptions,
    Method,
    MissingPolicy,
    SelfMode,
    StudentResult,
)
from teamtool.model import Rating

from .conftest import matrix_ratings

_REF = re.compile(r"^='(?P<sheet>(?:[^']|'')+)'!\$(?P<col>[A-Z]+)\$(?P<row>\d+)$")


def workbook_cells(path: Path) -> dict[tuple[str, str], dict[str, tuple[str, str]]]:
    """Student id -> {name: (sheet, cell)} for received, team, raw, factor, grade, final,
    found from the Summary's references into the milestone sheets."""
    book = load_workbook(path)
    summary = book["Summary"]
    header = [c.value for c in summary[1]]
    out: dict[tuple[str, str], dict[str, tuple[str, str]]] = {}
    for row in summary.iter_rows(min_row=2):
        sid = row[0].value
        for k, title in enumerate(header):
            if not (isinstance(title, str) and title.endswith(": factor")):
                continue
            milestone = title.removesuffix(": factor")
            formula = row[k].value
            if not formula:
                continue
            m = _REF.match(formula)
            assert m, formula
            sheet, col, r = m["sheet"].replace("''", "'"), m["col"], int(m["row"])
            out[(milestone, sid)] = {
                "received": (sheet, f"{col}{r - 3}"),
                "team": (sheet, f"B{r - 2}"),
                "raw": (sheet, f"{col}{r - 1}"),
                "factor": (sheet, f"{col}{r}"),
                "grade": (sheet, f"{col}{r + 2}"),
                "final": (sheet, f"{col}{r + 5}"),
                "summary_factor": ("Summary", f"{row[k].column_letter}{row[k].row}"),
                "summary_final": ("Summary", f"{row[k + 1].column_letter}{row[k + 1].row}"),
            }
    return out


def engine_numbers(r: StudentResult) -> dict[str, float | None]:
    """What each cell named by :func:`workbook_cells` must hold: the engine's numbers."""
    return {
        "received": r.received_avg,
        "team": r.team_avg,
        "raw": r.raw_factor,
        "factor": r.factor,
        "summary_factor": r.factor,
        "grade": r.grade,
        "final": r.final_grade,
        "summary_final": r.final_grade,
    }


def awkward_class(
    seed: int,
) -> tuple[dict[str, list[str]], list[Rating], dict[str, float]]:
    """Teams of 2-6 with realistic trouble: missing ratings, a non-respondent, a team rating
    everyone 0, a team without a grade, a student nobody rated, labels on the 9-level scale."""
    rng = random.Random(seed)
    values = [100, 87.5, 75, 62.5, 50, 37.5, 25, 12.5, 0]
    teams: dict[str, list[str]] = {}
    ratings: list[Rating] = []
    grades: dict[str, float] = {}
    for t, size in enumerate([4, 5, 3, 6, 2, 4, 4, 3]):
        members = [f"t{t}s{i}" for i in range(size)]
        teams[f"Team {t + 1}"] = members
        rows: list[list[Any]] = [[rng.choice(values[:6]) for _ in members] for _ in members]
        if t == 1:
            rows[2] = [None] * size  # a non-respondent
        if t == 2:
            rows = [[0] * size for _ in members]  # team average 0
        if t == 3:
            for r in rows:
                r[5] = None  # nobody rated the last member
            rows[0][1] = None
        ratings += matrix_ratings(members, rows)
        if t != 5:
            grades[f"Team {t + 1}"] = rng.choice([70, 78.5, 84, 88.25, 91, 95, 100])
    return teams, ratings, grades


CASES = {
    "oakley": PRESETS["oakley"],
    "cornell": PRESETS["cornell"],
    "cmu": PRESETS["cmu"],
    "catme": PRESETS["catme"],
    "webpa": PRESETS["webpa"],
    "spark": PRESETS["spark"],
    "exclude-floor-round": AdjustOptions(
        self_mode=SelfMode.EXCLUDE, floor=0.8, round_factor=2, round_grade=1
    ),
    "penalty-points-no-max": AdjustOptions(
        missing=MissingPolicy.PENALTY, penalty=5, penalty_percent=False, cap_at_max=False, cap=1.2
    ),
    "impute-exclude-catme": AdjustOptions(
        method=Method.CATME, self_mode=SelfMode.EXCLUDE, missing=MissingPolicy.IMPUTE, snap=0.95
    ),
    "webpa-exclude-impute": AdjustOptions(
        method=Method.WEBPA,
        self_mode=SelfMode.EXCLUDE,
        missing=MissingPolicy.IMPUTE,
        weighting=0.7,
        cap=1.3,
    ),
    "spark-penalty-percent": AdjustOptions(
        method=Method.SPARK, missing=MissingPolicy.PENALTY, penalty=12.5, round_grade=0
    ),
}
