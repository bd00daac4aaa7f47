"""A whole milestone: teams, cross-team ratings, missing grades, overrides, explanations."""

from __future__ import annotations

import pytest

from teamtool.errors import GradingError
from teamtool.grading import (
    PRESETS,
    AdjustOptions,
    Method,
    MissingPolicy,
    adjust_milestone,
    adjust_team,
    explain,
)
from teamtool.model import Rating
from tests.grading.conftest import grid_ratings, read_ratings

TEAMS = {"Red": ["A", "B", "C"], "Blue": ["D", "E", "F"]}


def ratings_from(name: str, rename: dict[str, str]) -> list[Rating]:
    return [Rating(rename[r], rename[s], v) for (r, s), v in read_ratings(name).items()]


@pytest.fixture
def cornell_ratings() -> list[Rating]:
    """The Cornell example in team Red (A = David, B = Anne, C = Michael) and a uniform Blue."""
    rename = {"David": "A", "Anne": "B", "Michael": "C"}
    red = ratings_from("cornell_cs2112_three_person.csv", rename)
    blue = [Rating(r, s, 75.0) for r in TEAMS["Blue"] for s in TEAMS["Blue"]]
    return red + blue


def test_milestone_matches_team_by_team(cornell_ratings: list[Rating]) -> None:
    """Red 18 of 20: A 18 x 1.0476 = 18.86, B 18 x 1.05 = 18.9, C 18 x 0.857 = 15.43."""
    grades_in = {"Red": 18, "Blue": 19.5}
    result = adjust_milestone("M1", TEAMS, cornell_ratings, grades_in, 20, AdjustOptions())
    grades = {r.student_id: r.grade for r in result.students}
    assert grades["A"] == pytest.approx(18 * (275 / 3) / 87.5)
    assert grades["B"] == pytest.approx(18.9)
    assert grades["C"] == pytest.approx(18 * 75 / 87.5)
    assert [grades[s] for s in "DEF"] == [19.5, 19.5, 19.5]
    assert result.method == "autorating"
    assert result.max_points == 20
    assert [r.student_id for r in result.students] == list("ABCDEF")


def test_cross_team_ratings_are_ignored(cornell_ratings: list[Rating]) -> None:
    extra = [Rating("A", "D", 0.0), Rating("D", "A", 0.0), Rating("Z", "A", 0.0)]
    with_extra = adjust_milestone(
        "M1", TEAMS, cornell_ratings + extra, {"Red": 20}, 20, AdjustOptions()
    )
    plain = adjust_milestone("M1", TEAMS, cornell_ratings, {"Red": 20}, 20, AdjustOptions())
    assert with_extra.students == plain.students


def test_last_duplicate_rating_counts(cornell_ratings: list[Rating]) -> None:
    again = [*cornell_ratings, Rating("C", "A", 100.0)]  # Michael re-rates David 100
    res = adjust_milestone("M1", TEAMS, again, {}, 20, AdjustOptions()).by_student()
    assert res["A"].received_avg == pytest.approx((87.5 + 100 + 100) / 3)


def test_team_without_grade_in_milestone(cornell_ratings: list[Rating]) -> None:
    result = adjust_milestone("M1", TEAMS, cornell_ratings, {"Red": 20}, 20, AdjustOptions())
    blue = [r for r in result.students if r.team == "Blue"]
    assert all(r.grade is None and r.factor == 1.0 for r in blue)


def test_team_flags_are_collected(cornell_ratings: list[Rating]) -> None:
    """Blue gives only uniform ratings; a third team with one respondent is a small team."""
    teams = {**TEAMS, "Green": ["G", "H", "I"]}
    ratings = [*cornell_ratings, Rating("G", "H", 100.0), Rating("G", "I", 50.0)]
    result = adjust_milestone("M1", teams, ratings, {}, 20, AdjustOptions())
    assert [(f.code, f.team) for f in result.team_flags] == [("small-team", "Green")]
    assert {f.code for f in result.all_flags()} >= {"non-discriminating", "non-respondent"}


def test_overrides_need_a_reason_and_a_sane_grade(cornell_ratings: list[Rating]) -> None:
    grades = {"Red": 18, "Blue": 18}
    result = adjust_milestone(
        "M1", TEAMS, cornell_ratings, grades, 20, AdjustOptions(), {"C": (18.0, " medical leave ")}
    )
    c = result.by_student()["C"]
    assert c.override == 18
    assert c.override_reason == "medical leave"
    assert c.final_grade == 18
    assert c.grade == pytest.approx(18 * 75 / 87.5)
    with pytest.raises(GradingError, match="needs a reason"):
        adjust_milestone("M1", TEAMS, cornell_ratings, grades, 20, AdjustOptions(), {"C": (18, "")})
    with pytest.raises(GradingError, match="above the maximum"):
        adjust_milestone(
            "M1", TEAMS, cornell_ratings, grades, 20, AdjustOptions(), {"C": (180, "x")}
        )
    with pytest.raises(GradingError, match="in no team: Q"):
        adjust_milestone("M1", TEAMS, cornell_ratings, grades, 20, AdjustOptions(), {"Q": (1, "x")})


def test_student_in_two_teams_and_unknown_team() -> None:
    with pytest.raises(GradingError, match="Student A is in two teams"):
        adjust_milestone("M1", {"X": ["A", "B"], "Y": ["A", "C"]}, [], {}, 20, AdjustOptions())
    with pytest.raises(GradingError, match="unknown team"):
        adjust_milestone("M1", TEAMS, [], {"Purple": 10}, 20, AdjustOptions())


def test_explain_capped_factor() -> None:
    """Cornell example, Anne: factor = 95.83 / 87.5 = 1.0952, capped at 1.05; 88 x 1.05."""
    ratings = read_ratings("cornell_cs2112_three_person.csv")
    options = AdjustOptions()
    res = adjust_team("T", ["David", "Anne", "Michael"], ratings, 88, 100, options)
    assert explain(res[1], options, 100) == (
        "factor = 95.83 / 87.5 = 1.0952, capped at 1.05; grade = 88 × 1.05 = 92.4"
    )
    assert explain(res[2], options, 100) == (
        "factor = 75 / 87.5 = 0.8571; grade = 88 × 0.8571 = 75.43"
    )


def test_explain_webpa_penalty_and_override() -> None:
    ratings = read_ratings("webpa_worked_example.csv")
    members = ["alice", "bob", "claire", "david", "elaine"]
    options = AdjustOptions(
        method=Method.WEBPA, cap=None, weighting=0.5, missing=MissingPolicy.PENALTY, penalty=10
    )
    elaine = adjust_team("T", members, ratings, 80, 100, options)[4]
    assert explain(elaine, options, 100) == (
        "WebPA score = shares received 0.334 / 0.8 = 0.4174; "
        "grade = 80 × 0.5 + 80 × 0.5 × 0.4174 = 56.7, "
        "no ratings submitted: 10 % off, 56.7 × 0.9 = 51.03"
    )


def test_explain_unadjusted_and_ungraded() -> None:
    m = ["A", "B"]
    zero = adjust_team("T", m, grid_ratings(m, [[0, 0], [0, 0]]), 70, 100, AdjustOptions())
    assert explain(zero[0], AdjustOptions(), 100) == (
        "factor not computed (the team average is 0), so the grade is not adjusted; "
        "grade = team grade 70"
    )
    ungraded = adjust_team(
        "T", m, grid_ratings(m, [[100, 50], [100, 50]]), None, 100, PRESETS["spark"]
    )
    assert explain(ungraded[0], PRESETS["spark"], 100).endswith("; no team grade yet")
    assert explain(ungraded[0], PRESETS["spark"], 100).startswith("SPA = √(100 / 75) = 1.1547")


def test_explain_imputed_non_voter() -> None:
    """Cornell rule (self 0, others 25) on the non-voter example of test_grading_sources."""
    m = ["A", "B", "C", "D"]
    ratings = grid_ratings(m, [[100, 100, 100, 75]] * 3 + [[None] * 4])
    d = adjust_team("T", m, ratings, 80, 100, PRESETS["cornell"])[3]
    assert explain(d, PRESETS["cornell"], 100) == (
        "no ratings submitted, so this student's form counts as 0 for themself and 25 for each "
        "teammate; factor = 56.25 / 75 = 0.75; grade = 80 × 0.75 = 60"
    )
