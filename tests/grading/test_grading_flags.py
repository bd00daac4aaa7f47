"""Every flag: a matrix that triggers it and one that does not (default FlagRules)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from teamtool.grading import AdjustOptions, FlagRules, adjust_team, find_flags
from teamtool.grading.adjust import adjust_team_with_flags
from tests.grading.conftest import grid_ratings

Rows = list[list[float | None]]


M = ["A", "B", "C", "D"]
# A healthy team: varied ratings, no pattern. Rows are what each member gave.
CALM: Rows = [
    [87.5, 100, 87.5, 100],
    [100, 87.5, 100, 87.5],
    [87.5, 100, 87.5, 100],
    [100, 87.5, 100, 87.5],
]


def flags(
    rows: Sequence[Sequence[float | None]],
    members: list[str] = M,
    rules: FlagRules | None = None,
    **opts: Any,
) -> set[tuple[str, str]]:
    options = AdjustOptions(flag_rules=rules or FlagRules(), **opts)
    res, team = adjust_team_with_flags("T", members, grid_ratings(members, rows), 80, 100, options)
    return {(f.code, f.student_id) for f in [*team, *(f for r in res for f in r.flags)]}


def test_calm_team_has_no_flags() -> None:
    assert flags(CALM) == set()


def test_low_and_high_performer() -> None:
    """D gets 50, 50, 62.5 from peers; peer mean of the team 85.42 -> D 54.17/85.42 = 0.634
    (<= 0.85); A, B, C 95.83/85.42 = 1.122 (>= 1.05)."""
    rows: Rows = [
        [100, 100, 100, 50],
        [100, 100, 100, 50],
        [100, 100, 100, 62.5],
        [87.5, 87.5, 87.5, 75],
    ]
    found = flags(rows)
    assert ("low-performer", "D") in found
    assert {("high-performer", s) for s in "ABC"} <= found
    relaxed = FlagRules(low_performer=0.6, high_performer=1.2)
    found = flags(rows, rules=relaxed)
    assert not {c for c, _ in found} & {"low-performer", "high-performer"}


def test_overconfident_and_underconfident() -> None:
    """A rates self 100 while peers give A 75 (gap 25 >= 12.5); B rates self 50 while peers
    give B 87.5 (gap 37.5). The calm team's self-ratings sit within 12.5 of the peers'."""
    rows: Rows = [
        [100, 87.5, 87.5, 87.5],
        [75, 50, 87.5, 87.5],
        [75, 87.5, 87.5, 87.5],
        [75, 87.5, 87.5, 87.5],
    ]
    found = flags(rows)
    assert ("overconfident", "A") in found
    assert ("underconfident", "B") in found
    assert not {c for c, _ in flags(CALM)} & {"overconfident", "underconfident"}


def test_conflict() -> None:
    """D receives 100, 100 and 50 from peers: range 50 >= 37.5. With range 37.5 exactly the
    rule still fires; at 25 it does not."""
    rows: Rows = [
        [100, 100, 100, 100],
        [100, 100, 100, 50],
        [100, 100, 100, 100],
        [100, 100, 100, 87.5],
    ]
    assert ("conflict", "D") in flags(rows)
    edge: Rows = [r.copy() for r in rows]
    edge[1][3] = 62.5
    assert ("conflict", "D") in flags(edge)
    edge[1][3] = 75
    assert ("conflict", "D") not in flags(edge)


def test_clique() -> None:
    """{A, B} rate each other 100 and {C, D} 50, and vice versa: inside 100, across 50."""
    rows: Rows = [[100, 100, 50, 50], [100, 100, 50, 50], [50, 50, 100, 100], [50, 50, 100, 100]]
    assert ("clique", "") in flags(rows)
    assert ("clique", "") not in flags(CALM)
    assert ("clique", "") not in flags(rows, rules=FlagRules(clique_gap=60))


def test_clique_needs_four_members() -> None:
    rows: Rows = [[100, 100, 50], [100, 100, 50], [50, 50, 100]]
    assert ("clique", "") not in flags(rows, members=["A", "B", "C"])


def test_manipulator() -> None:
    """A rates self 100 and every teammate 62.5, below the 93.75 the others give each of them,
    and 100 >= 62.5 + 12.5. If A rates B like the others do, A is no longer a manipulator."""
    rows: Rows = [
        [100, 62.5, 62.5, 62.5],
        [87.5, 87.5, 87.5, 100],
        [87.5, 100, 87.5, 87.5],
        [87.5, 87.5, 100, 87.5],
    ]
    assert ("manipulator", "A") in flags(rows)
    fair = [r.copy() for r in rows]
    fair[0][1] = 100
    assert ("manipulator", "A") not in flags(fair)


def test_non_discriminating() -> None:
    """A gives 100 to all four (self included); B varies. With min 5 ratings nobody is flagged."""
    rows: Rows = [[100] * 4, *CALM[1:]]
    found = flags(rows)
    assert ("non-discriminating", "A") in found
    assert ("non-discriminating", "B") not in found
    assert ("non-discriminating", "A") not in flags(rows, rules=FlagRules(non_discriminating_min=5))


def test_non_respondent() -> None:
    rows: Rows = [*CALM[:3], [None] * 4]
    assert ("non-respondent", "D") in flags(rows)
    assert ("non-respondent", "D") not in flags(CALM)


def test_zero_team_average() -> None:
    assert ("zero-team-average", "") in flags([[0] * 4] * 4)
    assert ("zero-team-average", "") not in flags(CALM)


def test_small_team() -> None:
    """Two of four members submitted: flagged; three submitted: not (small_team = 2)."""
    two: Rows = [*CALM[:2], [None] * 4, [None] * 4]
    assert ("small-team", "") in flags(two)
    three: Rows = [*CALM[:3], [None] * 4]
    assert ("small-team", "") not in flags(three)


def test_not_rated() -> None:
    """Nobody rates D (D rates the others): D's factor is None and D is flagged."""
    rows: Rows = [[*row[:3], None] for row in CALM]
    assert ("not-rated-by-peers", "D") in flags(rows)
    assert ("not-rated-by-peers", "D") not in flags(CALM)


def test_find_flags_uses_given_ratings_not_imputed() -> None:
    """Imputed 25s of a non-voter must not create a conflict flag for the others."""
    rows: Rows = [*CALM[:3], [None] * 4]
    found = flags(rows, missing="impute")
    assert not any(code == "conflict" for code, _ in found)


def test_find_flags_direct_call_carries_rule_text() -> None:
    ratings = grid_ratings(M, [[100, 100, 100, 50]] * 4)
    options = AdjustOptions()
    results = adjust_team("T", M, ratings, 80, 100, options)
    found = find_flags("T", M, ratings, results, FlagRules())
    low = [f for f in found if f.code == "low-performer"]
    assert [f.student_id for f in low] == ["D"]
    assert low[0].rule == "factor from teammates' ratings <= 0.85"
    assert low[0].team == "T"
    assert low[0].detail == "50 / 87.5 = 0.571"  # 1050 / 12 peer ratings = 87.5


@pytest.mark.parametrize("code", sorted(FlagRules().describe()))
def test_every_flag_code_has_a_rule_text(code: str) -> None:
    assert FlagRules().describe()[code]
