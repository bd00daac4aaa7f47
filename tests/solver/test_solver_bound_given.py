"""The completion bound given the earlier levels' scores: each earlier level's cost in the
model may not exceed its score (so with one request broken, at most one group splits).
Checked against the enumerated optima of small classes."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from solver_cases import TRIO, brute_force_best, instance, mixed_people, partitions, trio_class

import solver.former
from solver import Config, Criterion, Instance, PairRule, Rule, TeamFormer
from solver.bounds.aggregate import level_bounds
from solver.bounds.completion_bound import bound_given, completion_bounds
from solver.bounds.completions import group_completions
from solver.compile.features import excess
from solver.compile.prepare import prepare
from solver.compile.units import PAIR_UNIT
from solver.evaluation.scoring import Scorer

#: teamtool's default levels: no isolation and the requests, then balance, then mix.
LEVELLED = (
    Criterion("GPA", Rule.BALANCE, priority=2),
    Criterion("Gender", Rule.NO_ISOLATION, priority=1, value="F"),
    Criterion("Major", Rule.MIX, priority=3),
)
#: Two men who asked to work together but share no free slot, which a hard schedule rule needs:
#: the request must break, so level 1 scores PAIR_UNIT at best.
CANNOT_MEET = (PairRule("s11", "s12", True, hard=False, source="request"),)


def trio_and_a_pair_that_cannot_meet() -> tuple[Instance, Config]:
    slot = {"s11": "Mon AM", "s12": "Tue AM"}  # everyone else: unknown, so any slot
    people = [
        replace(p, slots={"Avail": frozenset({slot[p.id]})}) if p.id in slot else p
        for p in trio_class().people
    ]
    criteria = (*LEVELLED[:2], Criterion("Avail", Rule.SCHEDULE, min_common=1, hard=True))
    pairs = (*TRIO, *CANNOT_MEET)
    return Instance(tuple(people)), Config(min_size=4, max_size=4, criteria=criteria, pairs=pairs)


def test_the_bound_given_earlier_scores_never_exceeds_the_enumerated_optimum() -> None:
    """Twelve students in teams of four, a requested trio and a pair, at teamtool's levels, in
    four classes. For the earlier-level scores of a few splits (the best one and random ones),
    the bound on each level is at most the best split that scores no more on every earlier
    level."""
    proved = 0
    for seed in range(4):
        inst = instance(*mixed_people(12, random.Random(seed + 40)))
        ids = [p.id for p in inst.people]
        random.Random(seed).shuffle(ids)
        pairs = tuple(
            PairRule(a, b, True, hard=False, source="request")
            for a, b in ((ids[0], ids[1]), (ids[1], ids[2]), (ids[3], ids[4]))
        )
        cfg = Config(min_size=4, max_size=4, criteria=LEVELLED, pairs=pairs)
        prep = prepare(inst, cfg)
        scorer, index = Scorer(prep), {pid: i for i, pid in enumerate(prep.ids)}
        scores = [
            scorer.total([[index[p] for p in team] for team in teams])[1:]
            for teams in partitions(list(prep.ids), list(prep.team_size))
        ]
        groups = group_completions(prep)
        for found in [min(scores), *random.Random(seed).sample(scores, 5)]:
            for k in range(1, len(found)):
                within = [s[k] for s in scores if all(s[j] <= found[j] for j in range(k))]
                bound = bound_given(prep, groups, k, found)
                assert bound <= min(within)
                proved += bound > 0
    assert proved  # the bound proves something somewhere: the check is not empty


def test_one_broken_request_leaves_no_split_for_the_trio() -> None:
    """The trio (whose woman may not be alone, level 1) and two men who asked for each other but
    cannot meet: level 1 scores PAIR_UNIT at best. Given that score, the one split it
    pays for goes to the two men, so the trio stays whole and takes the other woman: the
    balance level's bound is that team's deviation as the worst of the three teams (3 x it)
    plus its deviation beyond the tolerance, at most the enumerated optimum. The free bound
    lets the trio split for nothing there, and the others do not apply."""
    inst, cfg = trio_and_a_pair_that_cannot_meet()
    prep = prepare(inst, cfg)
    deviation = Scorer(prep).team([0, 1, 2, 3])[1][0]
    best = brute_force_best(inst, cfg)
    assert best[1] == PAIR_UNIT
    groups = group_completions(prep)
    free, _, _ = completion_bounds(prep, groups=groups)
    given = bound_given(prep, groups, 1, best[1:])
    assert free[1] == 0 < given == 3 * deviation + excess(deviation) <= best[2]


def test_a_run_reports_the_bound_given_its_earlier_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    """The class above through the LNS path (the whole-class model is turned off, so no CP-SAT
    bound covers the level): the run's balance level reports at least the bound given its own
    level-1 score, above what the team sums alone prove."""
    monkeypatch.setattr(solver.former, "FULL_MODEL_LITERALS", 0)
    inst, cfg = trio_and_a_pair_that_cannot_meet()
    former = TeamFormer(inst, cfg)
    solution = former.solve()
    assert not former.exact
    prep = prepare(inst, cfg)
    found = [r.objective for r in solution.levels]
    given = bound_given(prep, group_completions(prep), 1, found)
    assert found[0] == PAIR_UNIT
    assert level_bounds(prep)[1] < given <= solution.levels[1].bound <= found[1]
