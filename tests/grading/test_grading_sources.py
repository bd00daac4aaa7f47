"""Each method reproduces the worked example published by its source."""

from __future__ import annotations

import pytest

from teamtool.grading import (
    PRESETS,
    AdjustOptions,
    Method,
    MissingPolicy,
    SelfMode,
    adjust_team,
)
from teamtool.grading.explain import cmu_percent
from teamtool.grading.methods import sapa
from tests.grading.conftest import by_id, grid_ratings, read_ratings

WEBPA_MEMBERS = ["alice", "bob", "claire", "david", "elaine"]


def num(value: float | None) -> float:
    assert value is not None
    return value


def test_cornell_three_person_example() -> None:
    """Cornell CS 2112 FA22 / CS 5740 SP21 peer-evaluation page, "Calculation of Scores".

    The rating matrix is the page's (David 87.5/100/87.5, Anne 100/100/87.5, Michael 75/75/75);
    the stored copy stops after the matrix, so the results are computed with the page's stated
    rules (individual = mean received, team = mean of all ratings, factor capped at 1.05,
    teamwork score = factor x 20 rounded, not capped at 20): individual 91.667, 95.833, 75;
    team 787.5 / 9 = 87.5; factors 1.048, 1.095 -> 1.05, 0.857; scores 21, 21, 17.
    """
    ratings = read_ratings("cornell_cs2112_three_person.csv")
    options = AdjustOptions(cap=1.05, cap_at_max=False, round_grade=0)
    res = by_id(adjust_team("T", ["David", "Anne", "Michael"], ratings, 20, 20, options))
    assert res["David"].received_avg == pytest.approx(91.6667, abs=1e-4)
    assert res["Anne"].received_avg == pytest.approx(95.8333, abs=1e-4)
    assert res["Michael"].received_avg == 75
    assert {r.team_avg for r in res.values()} == {87.5}
    assert round(num(res["David"].factor), 3) == 1.048
    assert round(num(res["Anne"].raw_factor), 3) == 1.095
    assert res["Anne"].factor == 1.05
    assert round(num(res["Michael"].factor), 3) == 0.857
    assert [res[s].grade for s in ("David", "Anne", "Michael")] == [21, 21, 17]


def test_cornell_non_voter_imputation() -> None:
    """Cornell peer-evaluation pages: a non-voter's vote is filled in automatically with 0 for
    themself and 25 ("Unsatisfactory") for each teammate. The pages' own numbers for this case
    could not be retrieved, so the example is built from the rule as stated.

    A, B, C rate A, B, C 100 and D 75; D submits nothing. Imputed: D->D 0, D->A/B/C 25.
    A: (100+100+100+25)/4 = 81.25; D: (75*3+0)/4 = 56.25; team (3*325+225)/16 = 75.
    A: 81.25/75 = 1.083 -> 1.05; D: 56.25/75 = 0.75. Without imputation D gets 75/93.75 = 0.8.
    """
    m = ["A", "B", "C", "D"]
    rows = [[100, 100, 100, 75]] * 3 + [[None] * 4]
    ratings = grid_ratings(m, rows)
    res = by_id(adjust_team("T", m, ratings, 80, 100, PRESETS["cornell"]))
    assert res["A"].received_avg == 81.25
    assert res["D"].received_avg == 56.25
    assert res["D"].team_avg == 75
    assert res["A"].factor == 1.05
    assert res["D"].factor == 0.75
    assert res["D"].grade == 60
    assert not res["D"].responded
    plain = by_id(adjust_team("T", m, ratings, 80, 100, PRESETS["oakley"]))
    assert plain["D"].team_avg == 93.75
    assert plain["D"].factor == pytest.approx(0.8)


def test_cmu_preview_page_formula() -> None:
    """CMU 17-445 MLiP assignments/peergrading.html, JavaScript update(): teamAvg = sum of all
    n*n ratings / n / n; indAvg = column sum / n; adj = min(1.05, ind/team).toFixed(2); shown as
    round((adj-1)*100) "%". The page has no numeric example, so it is built from the formula.

    Five members; member 5 receives 60, 60, 90, 40 and 100 (self): indAvg 70; everyone else
    receives 100s. teamAvg = (20*100 + 350) / 25 = 94. Members 1-4: 100/94 = 1.064 -> 1.05,
    "+5%"; member 5: 70/94 = 0.7447 -> 0.74, "-26%". Team grade 90: 94.5 and 66.6.
    """
    m = ["m1", "m2", "m3", "m4", "m5"]
    rows = [[100, 100, 100, 100, v] for v in (60, 60, 90, 40)] + [[100] * 5]
    res = by_id(adjust_team("T", m, grid_ratings(m, rows), 90, 100, PRESETS["cmu"]))
    assert res["m1"].team_avg == 94
    assert res["m5"].received_avg == 70
    assert res["m1"].factor == 1.05
    assert res["m5"].factor == 0.74
    assert cmu_percent(res["m1"].factor) == "+5%"
    assert cmu_percent(res["m5"].factor) == "-26%"
    assert res["m1"].grade == pytest.approx(94.5)
    assert res["m5"].grade == pytest.approx(66.6)


def test_webpa_worked_example_full_weighting() -> None:
    """WebPA worked example (webpaproject.lboro.ac.uk), numbers asserted in moodle-mod_peerwork
    tests/mod_peerwork_webpa_test.php test_webpa_result_basic: group mark 80, w = 100 %.
    Scores 1.13, 1.48, 1.12, 0.86, 0.42 (sum 5); grades 90.4, 100 (clamped), 89.51, 68.42, 33.39.
    """
    options = AdjustOptions(method=Method.WEBPA, cap=None, weighting=1.0)
    res = adjust_team(
        "T", WEBPA_MEMBERS, read_ratings("webpa_worked_example.csv"), 80, 100, options
    )
    assert sum(num(r.factor) for r in res) == pytest.approx(5)
    assert [round(num(r.factor), 2) for r in res] == [1.13, 1.48, 1.12, 0.86, 0.42]
    assert [round(num(r.grade), 2) for r in res] == [90.4, 100, 89.51, 68.42, 33.39]
    assert [r.responded for r in res] == [True, True, True, True, False]


def test_webpa_worked_example_half_weighting() -> None:
    """moodle-mod_peerwork tests/mod_peerwork_webpa_test.php test_webpa_result_with_weighting:
    group mark 80, w = 50 %: grades 85.2, 99.14, 84.75, 74.21, 56.7 (scores unchanged).
    """
    options = AdjustOptions(method=Method.WEBPA, cap=None, weighting=0.5)
    res = adjust_team(
        "T", WEBPA_MEMBERS, read_ratings("webpa_worked_example.csv"), 80, 100, options
    )
    assert [round(num(r.factor), 2) for r in res] == [1.13, 1.48, 1.12, 0.86, 0.42]
    assert [round(num(r.grade), 2) for r in res] == [85.2, 99.14, 84.75, 74.21, 56.7]


def test_webpa_worked_example_non_submitter_penalty() -> None:
    """moodle-mod_peerwork tests/mod_peerwork_webpa_test.php
    test_webpa_result_with_weithing_and_penalty: w = 50 %, 10 % penalty for non-submitters:
    only elaine (no submission) changes, 56.7 -> 51.03.
    """
    options = AdjustOptions(
        method=Method.WEBPA,
        cap=None,
        weighting=0.5,
        missing=MissingPolicy.PENALTY,
        penalty=10,
        penalty_percent=True,
    )
    res = adjust_team(
        "T", WEBPA_MEMBERS, read_ratings("webpa_worked_example.csv"), 80, 100, options
    )
    assert [round(num(r.grade), 2) for r in res] == [85.2, 99.14, 84.75, 74.21, 51.03]


def test_spark_spa_example() -> None:
    """SPARKPLUS equations as documented by APEG (LDTI-UON/apeg_documentation): SPA =
    sqrt(member's total / mean of the members' totals); grade = group mark x SPA, e.g. 89 x 0.83
    = 73.87, rounded to 74. The page gives no rating matrix, so one with SPA 0.83 is built:
    four members, A receives 2, 2, 3, 3 (total 10), B, C, D receive 4s (total 16 each);
    mean total 14.5; SPA(A) = sqrt(10/14.5) = 0.8305 -> 0.83 at 2 decimals.
    """
    m = ["A", "B", "C", "D"]
    rows = [[2, 4, 4, 4], [2, 4, 4, 4], [3, 4, 4, 4], [3, 4, 4, 4]]
    options = AdjustOptions(method=Method.SPARK, cap=None, round_factor=2, round_grade=0)
    res = by_id(adjust_team("T", m, grid_ratings(m, rows), 89, 100, options))
    assert res["A"].raw_factor == pytest.approx((10 / 14.5) ** 0.5)
    assert res["A"].factor == 0.83
    assert 89 * res["A"].factor == pytest.approx(73.87)
    assert res["A"].grade == 74
    # B: sqrt(16/14.5) = 1.0504 -> 1.05; 89 x 1.05 = 93.45 -> 93
    assert res["B"].factor == 1.05
    assert res["B"].grade == 93


def test_spark_sapa() -> None:
    """SPARKPLUS SAPA = sqrt(self rating / mean of peers' ratings) (APEG documentation):
    self 4, peers' mean 2.5 -> sqrt(1.6) = 1.265, an over-rating; self 2 vs 4 -> 0.707."""
    assert sapa(4, 2.5) == pytest.approx(1.2649, abs=1e-4)
    assert sapa(2, 4) == pytest.approx(0.7071, abs=1e-4)
    assert sapa(None, 4) is None
    assert sapa(3, 0) is None


def test_catme_with_and_without_self() -> None:
    """CATME instructor help (catme.org/help/instructor/instructor14.html): adjustment factor =
    student's average rating / average of the overall ratings each member received; max 1.05;
    values above 0.95 shown as 1.0; "with self" and "without self" variants. CATME publishes no
    numeric example, so this one is built from the definition (1-5 scale, one dimension).

    Members A, B, C. Received with self: A 5,4,4 -> 4.333; B 4,4,4 -> 4; C 2,3,4 -> 3 (C rates
    self 4). Team = mean(4.333, 4, 3) = 3.778. A 1.147 -> snapped to 1.0; B 1.059 -> 1.0;
    C 0.794. Without self: A 4, B 4, C 2.5; team 3.5; C 2.5/3.5 = 0.714.
    """
    m = ["A", "B", "C"]
    rows = [[5, 4, 2], [4, 4, 3], [4, 4, 4]]
    with_self = by_id(adjust_team("T", m, grid_ratings(m, rows), 100, 100, PRESETS["catme"]))
    assert with_self["A"].team_avg == pytest.approx(34 / 9)
    assert with_self["A"].factor == 1.0
    assert with_self["B"].factor == 1.0
    assert with_self["C"].factor == pytest.approx(3 / (34 / 9))
    assert with_self["C"].grade == pytest.approx(79.41, abs=0.01)
    options = AdjustOptions(method=Method.CATME, self_mode=SelfMode.EXCLUDE, snap=0.95, cap=1.05)
    without = by_id(adjust_team("T", m, grid_ratings(m, rows), 100, 100, options))
    assert without["C"].received_avg == 2.5
    assert without["C"].team_avg == 3.5
    assert without["C"].factor == pytest.approx(2.5 / 3.5)


def test_webpa_non_submitter_faked_as_equal_marks() -> None:
    """WebPA peer-only mode (WebPA issue #114, moodle-mod_peerwork issue #15 / PR #16): a
    non-submitter is treated as giving equal marks to every other member, so the multiplier is
    members / submitters = 1 and the non-submitter gains nothing from it. Built from that rule
    on the worked example: imputing self 0 and 25 to the others gives elaine's four teammates a
    share of 1/4 each. elaine's score = 1/14 + 0/13 + 4/20 + 1/16 = 0.334 (0.417 with the
    5/4 multiplier); alice = 4/14 + 3/13 + 4/20 + 3/16 + 1/4.
    """
    options = AdjustOptions(method=Method.WEBPA, cap=None, missing=MissingPolicy.IMPUTE)
    ratings = read_ratings("webpa_worked_example.csv")
    res = by_id(adjust_team("T", WEBPA_MEMBERS, ratings, 80, 100, options))
    assert res["elaine"].factor == pytest.approx(1 / 14 + 4 / 20 + 1 / 16)
    assert res["alice"].factor == pytest.approx(4 / 14 + 3 / 13 + 4 / 20 + 3 / 16 + 1 / 4)
    assert sum(num(r.factor) for r in res.values()) == pytest.approx(5)
    assert res["elaine"].team_avg == 1
