"""Edge cases of the adjustment: zero averages, tiny teams, non-respondents, limits, rounding."""

from __future__ import annotations

import math

import pytest

from teamtool.errors import GradingError
from teamtool.grading import AdjustOptions, Method, MissingPolicy, SelfMode, adjust_team
from teamtool.grading.adjust import adjust_team_with_flags
from teamtool.grading.steps import round_half_up
from tests.grading.conftest import by_id, flag_codes, grid_ratings

ABC = ["A", "B", "C"]


@pytest.mark.parametrize("method", list(Method))
def test_team_average_zero_leaves_grades_unadjusted(method: Method) -> None:
    """Everyone rated everyone "No show" (0): no division by zero; factor None, grade = team
    grade, and a zero-team-average team flag."""
    ratings = grid_ratings(ABC, [[0, 0, 0]] * 3)
    res, team_flags = adjust_team_with_flags(
        "T", ABC, ratings, 70, 100, AdjustOptions(method=method)
    )
    assert all(r.factor is None and r.raw_factor is None for r in res)
    assert all(r.grade == 70 for r in res)
    assert [f.code for f in team_flags] == ["zero-team-average"]


def test_team_without_any_rating() -> None:
    """Nobody responded: factors None, grades unadjusted, every member a non-respondent."""
    res, team_flags = adjust_team_with_flags("T", ABC, {}, 70, 100, AdjustOptions())
    assert [r.grade for r in res] == [70, 70, 70]
    assert {f.code for f in team_flags} == {"zero-team-average", "small-team"}
    assert all(flag_codes(r) == ["non-respondent"] for r in res)


def test_team_of_two() -> None:
    """Two members: 100/100 vs 75/75 (self included) -> received 87.5 and 87.5, factor 1, and
    the small-team flag asks for review; with self excluded A 75/87.5, B 100/87.5."""
    ratings = grid_ratings(["A", "B"], [[100, 100], [75, 75]])
    res, team_flags = adjust_team_with_flags("T", ["A", "B"], ratings, 80, 100, AdjustOptions())
    assert [r.factor for r in res] == [1.0, 1.0]
    assert [f.code for f in team_flags] == ["small-team"]
    excl = adjust_team("T", ["A", "B"], ratings, 80, 100, AdjustOptions(self_mode=SelfMode.EXCLUDE))
    assert excl[0].factor == pytest.approx(75 / 87.5)
    assert excl[1].factor == 1.05


def test_non_respondent_ignored() -> None:
    """Missing policy ignore: C gave nothing; factors from the 6 ratings that exist, no penalty.
    A, B rate A 100, B 100, C 50: team 500/6 = 83.33; C 50/83.33 = 0.6, A 100/83.33 -> 1.05."""
    ratings = grid_ratings(ABC, [[100, 100, 50], [100, 100, 50], [None] * 3])
    res = by_id(adjust_team("T", ABC, ratings, 90, 100, AdjustOptions()))
    assert res["C"].factor == pytest.approx(0.6)
    assert res["C"].grade == pytest.approx(54)
    assert res["A"].factor == 1.05
    assert flag_codes(res["C"]) == ["non-respondent", "low-performer"]


def test_non_respondent_penalty_percent_and_points() -> None:
    """Missing policy penalty: as the ignore case, then C loses 10 % (54 -> 48.6) or 10 points
    (54 -> 44); respondents are untouched."""
    ratings = grid_ratings(ABC, [[100, 100, 50], [100, 100, 50], [None] * 3])
    pct = AdjustOptions(missing=MissingPolicy.PENALTY, penalty=10)
    pts = AdjustOptions(missing=MissingPolicy.PENALTY, penalty=10, penalty_percent=False)
    assert [r.grade for r in adjust_team("T", ABC, ratings, 90, 100, pct)] == pytest.approx(
        [94.5, 94.5, 48.6]
    )
    assert adjust_team("T", ABC, ratings, 90, 100, pts)[2].grade == pytest.approx(44)


def test_penalty_in_points_never_below_zero() -> None:
    ratings = grid_ratings(ABC, [[100, 100, 50], [100, 100, 50], [None] * 3])
    options = AdjustOptions(missing=MissingPolicy.PENALTY, penalty=60, penalty_percent=False)
    assert adjust_team("T", ABC, ratings, 90, 100, options)[2].grade == 0


def test_respondents_marks_an_empty_submission_as_responded() -> None:
    """A member named in ``respondents`` who gave no rating is not penalised."""
    ratings = grid_ratings(ABC, [[100, 100, 50], [100, 100, 50], [None] * 3])
    options = AdjustOptions(missing=MissingPolicy.PENALTY, penalty=10)
    res = adjust_team("T", ABC, ratings, 90, 100, options, respondents={"C"})
    assert res[2].responded
    assert res[2].grade == pytest.approx(54)


def test_impute_only_fills_non_respondents() -> None:
    """Imputation touches only members who gave nothing; A's skipped cell stays missing.
    A gives A 100, B 100 (skips C); B gives all 100; C gives nothing -> C->C 0, C->A/B 25."""
    ratings = grid_ratings(ABC, [[100, 100, None], [100, 100, 100], [None] * 3])
    res = by_id(
        adjust_team("T", ABC, ratings, 90, 100, AdjustOptions(missing=MissingPolicy.IMPUTE))
    )
    assert res["C"].received_avg == pytest.approx((100 + 0) / 2)
    assert res["A"].received_avg == pytest.approx(225 / 3)
    assert res["A"].team_avg == pytest.approx((500 + 50) / 8)


def test_cap_floor_and_snap() -> None:
    """A receives 100s, C receives 25s: raw A 100/75 = 1.333, C 25/75 = 0.333."""
    ratings = grid_ratings(ABC, [[100, 100, 25]] * 3)
    res = adjust_team("T", ABC, ratings, 60, 100, AdjustOptions(cap=1.1, floor=0.5))
    assert res[0].raw_factor == pytest.approx(4 / 3)
    assert res[0].factor == 1.1
    assert res[2].factor == 0.5
    assert res[2].grade == 30
    snapped = adjust_team("T", ABC, ratings, 60, 100, AdjustOptions(snap=0.95, cap=1.05))
    assert snapped[0].factor == 1.0
    no_cap = adjust_team("T", ABC, ratings, 60, 100, AdjustOptions(cap=None))
    assert no_cap[0].factor == pytest.approx(4 / 3)


def test_grade_capped_at_maximum_or_not() -> None:
    ratings = grid_ratings(ABC, [[100, 100, 25]] * 3)
    capped = adjust_team("T", ABC, ratings, 98, 100, AdjustOptions())
    assert capped[0].grade == 100
    free = adjust_team("T", ABC, ratings, 98, 100, AdjustOptions(cap_at_max=False))
    assert free[0].grade == pytest.approx(102.9)


def test_everyone_rates_everyone_the_same() -> None:
    """Uniform 87.5s: every factor exactly 1.0, grade = team grade, every rater flagged as
    non-discriminating."""
    ratings = grid_ratings(ABC, [[87.5] * 3] * 3)
    res = adjust_team("T", ABC, ratings, 77, 100, AdjustOptions())
    assert [r.factor for r in res] == [1.0, 1.0, 1.0]
    assert [r.grade for r in res] == [77, 77, 77]
    assert all(flag_codes(r) == ["non-discriminating"] for r in res)


def test_self_excluded() -> None:
    """Self excluded: A rates self 100 but peers give A 50: A = 50 / team peer mean.
    Off-diagonal: A<-B 50, A<-C 50, B<-A 75, B<-C 75, C<-A 75, C<-B 75: team 400/6."""
    ratings = grid_ratings(ABC, [[100, 75, 75], [50, 100, 75], [50, 75, 100]])
    res = by_id(adjust_team("T", ABC, ratings, 80, 100, AdjustOptions(self_mode=SelfMode.EXCLUDE)))
    assert res["A"].received_avg == 50
    assert res["A"].team_avg == pytest.approx(400 / 6)
    assert res["A"].factor == pytest.approx(0.75)
    assert res["A"].self_rating == 100
    assert res["A"].peer_avg == 50


def test_team_without_grade() -> None:
    """No team grade yet: factors are computed, grades are None."""
    ratings = grid_ratings(ABC, [[100, 100, 50]] * 3)
    res = adjust_team("T", ABC, ratings, None, 100, AdjustOptions())
    assert res[2].factor == pytest.approx(50 / (250 / 3))
    assert all(r.grade is None and r.team_grade is None for r in res)


def test_member_nobody_rated() -> None:
    """C received no rating (A and B skipped C, C rated only A and B): C's factor is None,
    C keeps the team grade and is flagged not-rated-by-peers."""
    ratings = grid_ratings(ABC, [[100, 100, None], [100, 100, None], [100, 100, None]])
    res = by_id(adjust_team("T", ABC, ratings, 66, 100, AdjustOptions()))
    assert res["C"].factor is None
    assert res["C"].grade == 66
    assert "not-rated-by-peers" in flag_codes(res["C"])


def test_zero_weighting_keeps_team_grade() -> None:
    ratings = grid_ratings(ABC, [[100, 100, 25]] * 3)
    res = adjust_team("T", ABC, ratings, 60, 100, AdjustOptions(weighting=0.0))
    assert [r.grade for r in res] == [60, 60, 60]


def test_ratings_outside_the_team_are_ignored() -> None:
    ratings = grid_ratings(ABC, [[100, 100, 50]] * 3) | {("A", "Z"): 0.0, ("Z", "C"): 0.0}
    res = adjust_team("T", ABC, ratings, 90, 100, AdjustOptions())
    assert res[2].received_avg == 50


def test_round_half_up_like_excel() -> None:
    assert round_half_up(2.675, 2) == 2.68
    assert round_half_up(72.5, 0) == 73
    assert round_half_up(0.125, 2) == 0.13
    assert round_half_up(-0.5, 0) == -1
    assert round_half_up(1.0476190476, 3) == 1.048


@pytest.mark.parametrize("bad", [-1.0, math.nan, math.inf])
def test_bad_rating_raises_grading_error(bad: float) -> None:
    ratings = grid_ratings(ABC, [[100, 100, 50]] * 3) | {("B", "C"): bad}
    with pytest.raises(GradingError, match="rating of C by B"):
        adjust_team("T", ABC, ratings, 90, 100, AdjustOptions())


def test_bad_team_grade_and_maximum() -> None:
    ratings = grid_ratings(ABC, [[100, 100, 50]] * 3)
    with pytest.raises(GradingError, match="team grade must be 0 or more"):
        adjust_team("T", ABC, ratings, -5, 100, AdjustOptions())
    with pytest.raises(GradingError, match="maximum must be a number above 0"):
        adjust_team("T", ABC, ratings, 5, 0, AdjustOptions())


def test_duplicate_member_raises() -> None:
    with pytest.raises(GradingError, match="more than once"):
        adjust_team("T", ["A", "A", "B"], {}, 90, 100, AdjustOptions())


def test_team_grade_that_is_not_a_number() -> None:
    ratings = grid_ratings(ABC, [[100, 100, 50]] * 3)
    with pytest.raises(GradingError, match="Team 'T' has the grade '88'"):
        adjust_team("T", ABC, ratings, "88", 100, AdjustOptions())  # type: ignore[arg-type]


def test_webpa_rater_giving_only_zeros_is_not_a_submitter() -> None:
    """A form whose marks total 0 shares nothing and is left out of members / submitters (WebPA's
    code would still count it and lower every score). A and B give 1, 1, 2 (C gets half of
    each), C gives all 0: shares A 0.25 + 0.25 = 0.5, C 1.0; multiplier 3/2: 0.75, 0.75, 1.5."""
    ratings = grid_ratings(ABC, [[1, 1, 2], [1, 1, 2], [0, 0, 0]])
    options = AdjustOptions(method=Method.WEBPA, cap=None)
    res = adjust_team("T", ABC, ratings, 80, 100, options)
    assert [r.factor for r in res] == pytest.approx([0.75, 0.75, 1.5])
    assert res[0].team_avg == pytest.approx(2 / 3)
    assert "non-discriminating" in flag_codes(res[2])


@pytest.mark.parametrize("method", list(Method))
def test_empty_team_gives_no_results(method: Method) -> None:
    res, team_flags = adjust_team_with_flags("T", [], {}, 80, 100, AdjustOptions(method=method))
    assert res == []
    assert team_flags == []
