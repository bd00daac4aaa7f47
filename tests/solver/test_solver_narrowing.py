"""The narrowing pass: exact re-solves around the ends of the team means, which keep the levels
up to the balance level's no worse and every team within the ends."""

from __future__ import annotations

import pytest
from solver_cases import gpa_class, held_end_class, team_means

from solver import Config, Criterion, Rule, evaluate
from solver.compile.prepare import prepare
from solver.evaluation.scoring import Scorer
from solver.search.narrowing import Narrowing

GPA = (Criterion("GPA", Rule.BALANCE, priority=2),)


def test_the_low_end_moves_inside_and_the_request_holds() -> None:
    """``held_end_class``: s1-s2-s3 (3.6 each) asked to work together; with s4 (2.0, the
    class's lowest) their team is at 3.2, 0.2 above the class mean of 3.0: it is the high end,
    and no re-solve keeping their request brings it closer. Team B (2.6, 2.8, 3.0, 3.0) is the
    low end at 2.85, team C (2.8, 3.0, 3.0, 3.0) at 2.95: the spread of the team means is
    3.2 - 2.85 = 0.35. A re-solve of B with C, every team inside the ends and B strictly above
    2.85, puts both at 2.9 (B's 2.6 for C's 2.8): the spread is 0.30."""
    inst, cfg, start = held_end_class(priority=2)
    prep = prepare(inst, cfg)
    scorer = Scorer(prep)
    narrowed = Narrowing(prep, scorer, seed=3).run(start, 5.0, lambda: False)
    assert team_means(prep.ids, start) == pytest.approx([2.85, 2.95, 3.2])
    assert team_means(prep.ids, narrowed) == pytest.approx([2.9, 2.9, 3.2])
    assert scorer.total(narrowed)[:3] <= scorer.total(start)[:3]  # requests, then balance
    teams = [[prep.ids[p] for p in m] for m in narrowed]
    assert evaluate(inst, cfg, teams).summary.broken_requests == 0


def test_nothing_to_narrow_leaves_the_teams() -> None:
    """Three teams of 3.0s: every mean is on target, no re-solve can move an end inside."""
    inst = gpa_class([3.0] * 12)
    cfg = Config(min_size=4, max_size=4, criteria=GPA)
    prep = prepare(inst, cfg)
    start = [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]
    narrowing = Narrowing(prep, Scorer(prep), seed=1)
    assert narrowing.run(start, 5.0, lambda: False) == start
    assert narrowing.spent < 5.0  # every end stuck before the budget ends
