"""Properties every adjustment keeps, on random complete matrices and at class scale."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teamtool.grading import AdjustOptions, Method, MissingPolicy, adjust_milestone, adjust_team
from teamtool.grading.steps import finish_grade
from teamtool.model import Rating

LEVELS = [100, 87.5, 75, 62.5, 50, 37.5, 25, 12.5, 0]


@st.composite
def complete_team(draw: st.DrawFn) -> tuple[list[str], dict[tuple[str, str], float]]:
    n = draw(st.integers(min_value=2, max_value=6))
    members = [f"s{i}" for i in range(n)]
    ratings = {(r, s): float(draw(st.sampled_from(LEVELS[:-1]))) for r in members for s in members}
    return members, ratings


@settings(max_examples=60, deadline=None, database=None)
@given(complete_team())
def test_uncapped_autorating_factors_average_one(team: tuple[list[str], dict]) -> None:
    """With every rating present, the team average is the mean of the individual averages
    (Cornell page), so uncapped factors average exactly 1 and the team's mean grade is G."""
    members, ratings = team
    res = adjust_team("T", members, ratings, 80, 100, AdjustOptions(cap=None, cap_at_max=False))
    factors = [r.factor for r in res]
    assert all(f is not None for f in factors)
    assert sum(f for f in factors if f is not None) / len(factors) == pytest.approx(1)


@settings(max_examples=60, deadline=None, database=None)
@given(complete_team())
def test_webpa_scores_sum_to_team_size(team: tuple[list[str], dict]) -> None:
    """WebPA: every submitter distributes exactly 1, times members / submitters: sum = n."""
    members, ratings = team
    res = adjust_team("T", members, ratings, 80, 100, AdjustOptions(method=Method.WEBPA, cap=None))
    assert sum(r.factor or 0 for r in res) == pytest.approx(len(members))


@settings(max_examples=60, deadline=None, database=None)
@given(
    st.floats(min_value=0, max_value=100),
    st.one_of(st.none(), st.floats(min_value=0, max_value=3)),
    st.booleans(),
    st.floats(min_value=0, max_value=100),
)
def test_grade_stays_within_zero_and_max(
    team_grade: float, factor: float | None, responded: bool, penalty: float
) -> None:
    options = AdjustOptions(missing=MissingPolicy.PENALTY, penalty=penalty, penalty_percent=False)
    grade, _ = finish_grade(team_grade, factor, responded, 100, options)
    assert grade is not None
    assert 0 <= grade <= 100


def test_class_of_1000_over_six_milestones() -> None:
    """250 teams of 4, 10 % non-respondents, 6 milestones: every student gets a result, every
    factor is within the cap, every grade within [0, max]."""
    rng = random.Random(7)
    teams = {f"T{t}": [f"s{4 * t + i}" for i in range(4)] for t in range(250)}
    for m in range(6):
        ratings = [
            Rating(r, s, rng.choice(LEVELS[:5]))
            for members in teams.values()
            for r in members
            if rng.random() > 0.1
            for s in members
        ]
        grades = {t: rng.uniform(50, 100) for t in teams}
        result = adjust_milestone(f"M{m}", teams, ratings, grades, 100, AdjustOptions())
        assert len(result.students) == 1000
        assert all(r.factor is None or r.factor <= 1.05 for r in result.students)
        assert all(r.grade is not None and 0 <= r.grade <= 100 for r in result.students)
