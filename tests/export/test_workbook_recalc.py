"""The workbook's live formulas, recalculated by an Excel formula engine, give teamtool's numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from teamtool.export.grades_workbook import export_grades_workbook
from teamtool.grading import (
    PRESETS,
    AdjustOptions,
    Method,
    MilestoneResult,
    MissingPolicy,
)

from .conftest import Recalculated, adjust, matrix_ratings, roster_of
from .workbook_cases import CASES, awkward_class, engine_numbers, workbook_cells


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
            for name, want in engine_numbers(r).items():
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
