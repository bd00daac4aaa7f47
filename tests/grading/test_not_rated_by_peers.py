"""A factor needs ratings from teammates: self-ratings alone never adjust a grade, by any method."""

from __future__ import annotations

import pytest

from teamtool.grading import PRESETS, AdjustOptions, Method, MissingPolicy, SelfMode, adjust_team
from teamtool.grading.adjust import adjust_team_with_flags
from teamtool.grading.explain import explain
from tests.grading.conftest import flag_codes, grid_ratings

ABC = ["A", "B", "C"]
# Each member rated only themself: 100, 87.5 and 75 (team mean 87.5). Before the fix A got
# min(1.05, 100 / 87.5) = 1.05 and C 75 / 87.5 = 0.857 from their own ratings, unflagged.
SELF_ONLY: list[list[float | None]] = [[100, None, None], [None, 87.5, None], [None, None, 75]]

EVERY_METHOD = {
    "autorating": PRESETS["oakley"],
    "cmu": PRESETS["cmu"],
    "catme with self": PRESETS["catme"],
    "catme without self": AdjustOptions(method=Method.CATME, self_mode=SelfMode.EXCLUDE, snap=0.95),
    "webpa": PRESETS["webpa"],
    "webpa without self": AdjustOptions(method=Method.WEBPA, self_mode=SelfMode.EXCLUDE, cap=None),
    "spark": PRESETS["spark"],
}


@pytest.mark.parametrize("case", list(EVERY_METHOD))
def test_self_ratings_alone_leave_the_team_grade(case: str) -> None:
    options = EVERY_METHOD[case]
    results, _ = adjust_team_with_flags("T", ABC, grid_ratings(ABC, SELF_ONLY), 80, 100, options)
    assert [r.factor for r in results] == [None, None, None]
    assert [r.raw_factor for r in results] == [None, None, None]
    assert [r.grade for r in results] == [80, 80, 80]
    for r in results:
        assert "not-rated-by-peers" in flag_codes(r), case
        flag = next(f for f in r.flags if f.code == "not-rated-by-peers")
        assert flag.rule == "no rating from a teammate: grade not adjusted"
    assert results[0].self_rating == 100


@pytest.mark.parametrize("case", list(EVERY_METHOD))
def test_a_member_rated_by_nobody_else_keeps_the_team_grade(case: str) -> None:
    """A and B rate each other and themselves; C rates only themself and nobody rates C."""
    options = EVERY_METHOD[case]
    rows: list[list[float | None]] = [[100, 75, None], [87.5, 75, None], [None, None, 100]]
    res = {
        r.student_id: r for r in adjust_team("T", ABC, grid_ratings(ABC, rows), 80, 100, options)
    }
    assert res["C"].factor is None
    assert res["C"].grade == 80
    assert "not-rated-by-peers" in flag_codes(res["C"])
    assert res["A"].factor is not None
    assert res["B"].factor is not None
    assert "not-rated-by-peers" not in flag_codes(res["A"]) + flag_codes(res["B"])


def test_students_rated_by_peers_keep_their_numbers() -> None:
    """Autorating, hand-computed: the team mean is (100 + 75 + 87.5 + 75 + 100) / 5 = 87.5 with
    C's self-rating in it, as before; A: (100 + 87.5) / 2 / 87.5 = 1.071, capped at 1.05, grade
    84; B: 75 / 87.5 = 0.857, grade 68.57. C, rated by nobody else: the team grade, 80."""
    rows: list[list[float | None]] = [[100, 75, None], [87.5, 75, None], [None, None, 100]]
    res = {
        r.student_id: r
        for r in adjust_team("T", ABC, grid_ratings(ABC, rows), 80, 100, PRESETS["oakley"])
    }
    assert res["A"].team_avg == pytest.approx(87.5)
    assert res["A"].factor == 1.05
    assert res["A"].grade == pytest.approx(84)
    assert res["B"].factor == pytest.approx(75 / 87.5)
    assert res["B"].grade == pytest.approx(80 * 75 / 87.5)
    assert res["C"].received_avg == 100  # what C received: their own rating, shown, not used
    assert res["C"].grade == 80


def test_explanation_says_no_teammate_rated() -> None:
    options = PRESETS["oakley"]
    result = adjust_team("T", ABC, grid_ratings(ABC, SELF_ONLY), 80, 100, options)[0]
    text = explain(result, options, 100)
    assert "no teammate rated this student" in text
    assert "grade = team grade 80" in text


def test_imputed_ratings_of_a_non_respondent_count_as_ratings() -> None:
    """Cornell's policy fills a non-voter's form (0 for self, 25 for others): those are the
    ratings the method uses, so A, rated only by the imputed form of C, gets a factor."""
    rows: list[list[float | None]] = [[100, None, None], [None, 100, None], [None, None, None]]
    options = AdjustOptions(missing=MissingPolicy.IMPUTE)
    res = {
        r.student_id: r for r in adjust_team("T", ABC, grid_ratings(ABC, rows), 80, 100, options)
    }
    assert res["A"].factor is not None
    assert res["C"].factor is None
    assert "not-rated-by-peers" in flag_codes(res["C"])
