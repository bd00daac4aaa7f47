"""Comparing methods: each preset's column is what that preset computes on its own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from teamtool.grading import PRESETS, AdjustOptions, MilestoneResult, adjust_milestone
from teamtool.grading.compare import COMPARED_PRESETS, compare_methods
from teamtool.model import Rating
from tests.grading.conftest import Ratings, read_ratings

MEMBERS = ["alice", "bob", "claire", "david", "elaine"]


def _adjuster(ratings: Ratings, grade: float) -> Callable[[AdjustOptions], MilestoneResult]:
    listed = [Rating(rater, ratee, value) for (rater, ratee), value in ratings.items()]
    return lambda options: adjust_milestone(
        "M1", {"T": MEMBERS}, listed, {"T": grade}, 100, options
    )


def test_webpa_column_is_the_published_half_weighting_example() -> None:
    """WebPA worked example, group mark 80, PA weighting 50 % (the WebPA preset): grades 85.2,
    99.14, 84.75, 74.21, 56.7 (moodle-mod_peerwork test_webpa_result_with_weighting)."""
    adjust = _adjuster(read_ratings("webpa_worked_example.csv"), 80)
    table = compare_methods(adjust, PRESETS["oakley"])
    webpa = table.presets.index("webpa")
    grades = [s.by_preset[webpa].grade for s in table.students]
    assert [round(g or 0, 2) for g in grades] == [85.2, 99.14, 84.75, 74.21, 56.7]
    assert [s.student_id for s in table.students] == MEMBERS
    assert table.presets == COMPARED_PRESETS


def test_every_column_equals_its_preset_and_the_spread_is_max_minus_min() -> None:
    adjust = _adjuster(read_ratings("webpa_worked_example.csv"), 80)
    current = AdjustOptions(cap=None)  # the milestone's own settings: autorating, no cap
    table = compare_methods(adjust, current)
    own = {s.student_id: s.grade for s in adjust(current).students}
    for i, key in enumerate(table.presets):
        alone = {s.student_id: (s.factor, s.grade) for s in adjust(PRESETS[key]).students}
        for row in table.students:
            assert (row.by_preset[i].factor, row.by_preset[i].grade) == alone[row.student_id]
            assert row.current.grade == own[row.student_id]
            moved, theirs, ours = row.moves(i), alone[row.student_id][1], own[row.student_id]
            assert moved is not None
            assert theirs is not None
            assert ours is not None
            assert moved == pytest.approx(theirs - ours)
    for row in table.students:
        grades = [g for g in (row.current.grade, *(o.grade for o in row.by_preset)) if g]
        assert row.spread == pytest.approx(max(grades) - min(grades))
    widest = table.widest()
    assert widest is not None
    assert widest.spread == max(s.spread or 0 for s in table.students)
    # bob: 100 uncapped (factor 1.43) against 80 under CATME's snap to 1.0 for > 0.95
    assert widest.student_id == "bob"
    assert widest.spread == pytest.approx(20.0)
    assert table.notable() >= 1


def test_a_team_without_a_grade_has_nothing_to_compare() -> None:
    ratings = [Rating(a, b, 4.0) for a in MEMBERS for b in MEMBERS]
    table = compare_methods(
        lambda o: adjust_milestone("M1", {"T": MEMBERS}, ratings, {}, 100, o), PRESETS["oakley"]
    )
    assert all(s.spread is None for s in table.students)
    assert table.widest() is None
    assert table.notable() == 0
