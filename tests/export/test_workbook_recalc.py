"""The workbook's live formulas, recalculated by an Excel formula engine, give teamtool's numbers."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from teamtool.export.grades_workbook import export_grades_workbook
from teamtool.grading import (
    PRESETS,
    AdjustOptions,
    Method,
    MilestoneResult,
    MissingPolicy,
    SelfMode,
)
from teamtool.model import Rating

from .conftest import Recalculated, adjust, matrix_ratings, roster_of

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


def number(value: object) -> float | None:
    return None if value in ("", None) else float(value)  # type: ignore[arg-type]


def assert_workbook_reproduces(
    results: list[MilestoneResult], path: Path, recalc: type[Recalculated]
) -> int:
    """Every factor and grade cell (and the averages behind them) equals the engine's number."""
    book = recalc(path)
    cells = workbook_cells(path)
    checked = 0
    for result in results:
        for r in result.students:
            where = cells[(result.milestone, r.student_id)]
            expected = {
                "received": r.received_avg,
                "team": r.team_avg,
                "raw": r.raw_factor,
                "factor": r.factor,
                "summary_factor": r.factor,
                "grade": r.grade,
                "final": r.final_grade,
                "summary_final": r.final_grade,
            }
            for name, want in expected.items():
                got = number(book.value(*where[name]))
                label = f"{result.milestone} {r.student_id} {name} at {where[name]}"
                if want is None:
                    assert got is None, label
                else:
                    assert got == pytest.approx(want, rel=1e-12, abs=1e-12), label
                checked += 1
    return checked


def test_cornell_example_in_excel(tmp_path: Path, recalc: type[Recalculated]) -> None:
    """Cornell CS 2112 FA22 / CS 5740 SP21 peer-evaluation page, "Calculation of Scores":
    David 87.5/100/87.5, Anne 100/100/87.5, Michael 75/75/75 (team rating 87.5); factors
    1.048, 1.095 capped at 1.05, 0.857; teamwork score = factor x 20 rounded: 21, 21, 17."""
    m = ["david", "anne", "michael"]
    rows = [[100, 100, 75], [87.5, 100, 75], [87.5, 87.5, 75]]  # rows: David, Anne, Michael
    options = AdjustOptions(cap=1.05, cap_at_max=False, round_grade=0)
    ratings = {"Peer score": matrix_ratings(m, rows)}
    result = adjust(
        "Peer score", {"T": m}, ratings["Peer score"], {"T": 20}, options, max_points=20
    )
    path = export_grades_workbook(
        [result], ratings, {"T": m}, roster_of(m), {"Peer score": options}, tmp_path / "c.xlsx"
    )
    book, cells = recalc(path), workbook_cells(path)
    factors = [book.value(*cells[("Peer score", s)]["factor"]) for s in m]
    assert [round(f, 3) for f in factors] == [1.048, 1.05, 0.857]
    assert book.value(*cells[("Peer score", "david")]["team"]) == 87.5
    assert [book.value(*cells[("Peer score", s)]["final"]) for s in m] == [21, 21, 17]
    assert_workbook_reproduces([result], path, recalc)


WEBPA = ["alice", "bob", "claire", "david", "elaine"]
# WebPA worked example (webpaproject.lboro.ac.uk) as the summed marks of moodle-mod_peerwork
# tests/mod_peerwork_webpa_test.php get_sample(); elaine submitted nothing.
WEBPA_ROWS = [
    [4, 4, 3, 2, 1],
    [3, 5, 3, 2, 0],
    [4, 4, 4, 4, 4],
    [3, 5, 4, 3, 1],
    [None] * 5,
]


@pytest.mark.parametrize(
    ("weighting", "penalty", "grades"),
    [
        (1.0, 0.0, [90.4, 100, 89.51, 68.42, 33.39]),
        (0.5, 0.0, [85.2, 99.14, 84.75, 74.21, 56.7]),
        (0.5, 10.0, [85.2, 99.14, 84.75, 74.21, 51.03]),
    ],
)
def test_webpa_worked_example_in_excel(
    tmp_path: Path,
    recalc: type[Recalculated],
    weighting: float,
    penalty: float,
    grades: list[float],
) -> None:
    """moodle-mod_peerwork tests/mod_peerwork_webpa_test.php (WebPA worked example): group mark
    80; w = 100 %: 90.4, 100 (clamped), 89.51, 68.42, 33.39; w = 50 %: 85.2, 99.14, 84.75,
    74.21, 56.7; with a 10 % non-submitter penalty elaine gets 51.03."""
    options = AdjustOptions(
        method=Method.WEBPA,
        cap=None,
        weighting=weighting,
        missing=MissingPolicy.PENALTY if penalty else MissingPolicy.IGNORE,
        penalty=penalty,
    )
    ratings = {"M1": matrix_ratings(WEBPA, WEBPA_ROWS)}
    result = adjust("M1", {"T": WEBPA}, ratings["M1"], {"T": 80}, options)
    path = export_grades_workbook(
        [result], ratings, {"T": WEBPA}, roster_of(WEBPA), {"M1": options}, tmp_path / "w.xlsx"
    )
    book, cells = recalc(path), workbook_cells(path)
    assert [round(book.value(*cells[("M1", s)]["grade"]), 2) for s in WEBPA] == grades
    scores = [round(book.value(*cells[("M1", s)]["factor"]), 2) for s in WEBPA]
    assert scores == [1.13, 1.48, 1.12, 0.86, 0.42]
    assert_workbook_reproduces([result], path, recalc)


def test_spark_and_cmu_examples_in_excel(tmp_path: Path, recalc: type[Recalculated]) -> None:
    """SPARKPLUS equations (APEG documentation): group mark 89 x SPA 0.83 = 73.87 -> 74, with a
    matrix built to give SPA 0.83 (A receives 2, 2, 3, 3; the others 4s). CMU MLiP
    peergrading.html formula: min(1.05, ind/team).toFixed(2); member 5 receives 60, 60, 90, 40
    and 100: 70 / 94 -> 0.74, grade 90 x 0.74 = 66.6; the others 1.05 -> 94.5."""
    spark_m = ["A", "B", "C", "D"]
    spark_rows = [[2, 4, 4, 4], [2, 4, 4, 4], [3, 4, 4, 4], [3, 4, 4, 4]]
    spark_opts = AdjustOptions(method=Method.SPARK, cap=None, round_factor=2, round_grade=0)
    cmu_m = ["m1", "m2", "m3", "m4", "m5"]
    cmu_rows = [[100, 100, 100, 100, v] for v in (60, 60, 90, 40)] + [[100] * 5]
    ratings = {
        "SPARK": matrix_ratings(spark_m, spark_rows),
        "CMU's page": matrix_ratings(cmu_m, cmu_rows),
    }
    spark = adjust("SPARK", {"S": spark_m}, ratings["SPARK"], {"S": 89}, spark_opts)
    cmu = adjust("CMU's page", {"C": cmu_m}, ratings["CMU's page"], {"C": 90}, PRESETS["cmu"])
    teams = {"SPARK": {"S": spark_m}, "CMU's page": {"C": cmu_m}}
    options = {"SPARK": spark_opts, "CMU's page": PRESETS["cmu"]}
    path = export_grades_workbook(
        [spark, cmu], ratings, teams, roster_of(spark_m + cmu_m), options, tmp_path / "s.xlsx"
    )
    book, cells = recalc(path), workbook_cells(path)
    assert book.value(*cells[("SPARK", "A")]["factor"]) == 0.83
    assert book.value(*cells[("SPARK", "A")]["final"]) == 74
    assert book.value(*cells[("CMU's page", "m5")]["factor"]) == 0.74
    assert book.value(*cells[("CMU's page", "m5")]["final"]) == pytest.approx(66.6)
    assert book.value(*cells[("CMU's page", "m1")]["final"]) == pytest.approx(94.5)
    assert_workbook_reproduces([spark, cmu], path, recalc)


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


@pytest.mark.parametrize("case", list(CASES))
def test_every_factor_and_grade_cell_matches_the_engine(
    tmp_path: Path, recalc: type[Recalculated], case: str
) -> None:
    """Every method and option combination: the recalculated workbook equals MilestoneResult,
    for every student, including overrides and the Summary's references."""
    options = CASES[case]
    teams, ratings, grades = awkward_class(seed=len(case))
    overrides = {"t0s1": (77.0, "medical leave, agreed with the team")}
    result = adjust("M1 Proposal", teams, ratings, grades, options, overrides=overrides)
    members = [s for m in teams.values() for s in m]
    path = export_grades_workbook(
        [result],
        {"M1 Proposal": ratings},
        teams,
        roster_of(members),
        {"M1 Proposal": options},
        tmp_path / "a.xlsx",
    )
    checked = assert_workbook_reproduces([result], path, recalc)
    assert checked == 8 * len(members)
    assert result.by_student()["t0s1"].final_grade == 77.0
