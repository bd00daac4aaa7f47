"""The last pass: exchanges that bring the farthest team toward its target, requested pairs
moved as a block, its deadline, and the counts it keeps up to date as it goes."""

from __future__ import annotations

import random
import time

import pytest
from solver_cases import CRITERIA, gpa_class, held_end_class, instance, mixed_people, team_means

from solver import Config, Criterion, PairRule, Rule, evaluate
from solver.compile.prepare import prepare
from solver.evaluation.counts import exchanged, summary_counts
from solver.evaluation.scoring import Scorer
from solver.search.polish import Polish
from solver.search.swap import SwapSearch

GPA = (Criterion("GPA", Rule.BALANCE),)


def test_a_kept_request_moves_as_a_block() -> None:
    """s1+s2 (3.8 each) asked to work together, and so did s3+s4 (2.2 each); with two 3.0s
    each, the two pairs' teams are 0.4 off the class mean of 3.0. Every single swap either
    splits a pair or changes nothing; moving the high pair for the other team's two 3.0s puts
    both teams on target and keeps both requests."""
    inst = gpa_class([3.8, 3.8, 2.2, 2.2, 3.0, 3.0, 3.0, 3.0])
    requests = (
        PairRule("s1", "s2", True, hard=False, source="request"),
        PairRule("s3", "s4", True, hard=False, source="request"),
    )
    cfg = Config(min_size=4, max_size=4, criteria=GPA, pairs=requests)
    prep = prepare(inst, cfg)
    index = {pid: i for i, pid in enumerate(prep.ids)}
    start = [
        [index[p] for p in team] for team in (["s1", "s2", "s5", "s6"], ["s3", "s4", "s7", "s8"])
    ]
    scorer = Scorer(prep)
    polished = Polish(prep, scorer, seed=3).run(start, 100)
    teams = [sorted(prep.ids[p] for p in m) for m in polished]
    assert sorted(teams) == [["s1", "s2", "s3", "s4"], ["s5", "s6", "s7", "s8"]]
    summary = evaluate(inst, cfg, teams).summary
    assert summary.broken_requests == 0
    assert summary.worst_deviation["GPA"] == pytest.approx(0.0)
    assert scorer.total(polished) < scorer.total(start)


def test_the_deadline_stops_the_polish() -> None:
    """A deadline already past: the teams come back as they were."""
    people = mixed_people(40, random.Random(1), decimals=2, women=0.3)
    cfg = Config(min_size=4, max_size=4, criteria=CRITERIA)
    prep = prepare(instance(*people), cfg)
    start, _ = SwapSearch(prep, 1).run(evaluations=100)
    scorer = Scorer(prep)
    assert Polish(prep, scorer, 1).run(start, 3000, time.monotonic()) == start
    assert Polish(prep, scorer, 1).run(start, 3000) != start  # with time, it does move people


@pytest.mark.parametrize("seed", range(3))
def test_counts_after_an_exchange_match_a_recount(seed: int) -> None:
    """The counts the polish keeps up to date (only the two teams and the pair rules among
    their members change) equal a full recount, over random exchanges of one or two people."""
    rng = random.Random(seed)
    people = mixed_people(40, rng, decimals=2, women=0.3)
    pairs = tuple(
        PairRule(f"s{rng.randrange(1, 41)}", f"s{i}", i % 2 == 0, hard=False, source="request")
        for i in range(1, 41, 3)
    )
    cfg = Config(min_size=4, max_size=4, criteria=CRITERIA, pairs=pairs)
    prep = prepare(instance(*people), cfg)
    scorer = Scorer(prep)
    teams, _ = SwapSearch(prep, seed).run(evaluations=50)
    counts = summary_counts(scorer, teams)
    for _ in range(40):
        a, b = rng.sample(range(len(teams)), 2)
        k = rng.choice((1, 2))
        out_a, out_b = rng.sample(teams[a], k), rng.sample(teams[b], k)
        new_a = [p for p in teams[a] if p not in out_a] + out_b
        new_b = [p for p in teams[b] if p not in out_b] + out_a
        counts = exchanged(scorer, counts, [teams[a], teams[b]], [new_a, new_b])
        teams[a], teams[b] = new_a, new_b
        recount = summary_counts(scorer, teams)
        assert {k: n for k, n in counts.items() if n} == {k: n for k, n in recount.items() if n}


def test_the_low_end_is_mended_when_a_request_holds_the_high_end() -> None:
    """``held_end_class``: s1-s2-s3 (3.6 each) asked to work together; with s4 (2.0, the
    class's lowest) their team is at 3.2, 0.2 above the class mean of 3.0, and nothing brings
    it closer. Team B (2.6, 2.8, 3.0, 3.0) is at 2.85 and team C (2.8, 3.0, 3.0, 3.0) at 2.95:
    the spread of the team means is 3.2 - 2.85 = 0.35. Exchanging B's 2.6 for C's 2.8 puts
    both at 2.9 (spread 0.30)."""
    inst, cfg, start = held_end_class()
    prep = prepare(inst, cfg)
    scorer = Scorer(prep)
    polished = Polish(prep, scorer, seed=3).run(start, 100)
    assert team_means(prep.ids, start) == pytest.approx([2.85, 2.95, 3.2])
    assert team_means(prep.ids, polished) == pytest.approx([2.9, 2.9, 3.2])
    assert scorer.total(polished) <= scorer.total(start)
    teams = [[prep.ids[p] for p in m] for m in polished]
    assert evaluate(inst, cfg, teams).summary.broken_requests == 0
