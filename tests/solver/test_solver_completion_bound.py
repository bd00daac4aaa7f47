"""The completion bound: every way to complete the team of requested teammates is scored, so a
request that can only be completed badly (or whose members already break a rule) lifts the
proven bound. Checked against the enumerated optimum of small classes."""

from __future__ import annotations

import random

import pytest
from solver_cases import (
    TRIO,
    brute_force_best,
    instance,
    mixed_people,
    partitions,
    person,
    trio_class,
)

from solver import Config, Criterion, Instance, PairRule, Rule, solve
from solver.bounds.aggregate import level_bounds
from solver.bounds.completion_bound import completion_bounds
from solver.compile.features import excess
from solver.compile.prepare import prepare
from solver.compile.request_groups import split_cost
from solver.compile.units import MIX_UNIT, PAIR_UNIT
from solver.evaluation.scoring import Scorer


def request(a: str, b: str, hard: bool = False) -> PairRule:
    return PairRule(a, b, True, hard=hard, source="request")


def mixed_class(n: int, seed: int) -> Instance:
    return instance(*mixed_people(n, random.Random(seed)))


FOUR_CRITERIA = (
    Criterion("GPA", Rule.BALANCE),
    Criterion("Gender", Rule.NO_ISOLATION, value="F"),
    Criterion("Avail", Rule.SCHEDULE, min_common=1),
    Criterion("Major", Rule.MIX),
)


def best_keeping_requests(inst: Instance, cfg: Config) -> list[int]:
    """The least score over the splits that keep every together-rule."""
    prep = prepare(inst, cfg)
    scorer, index = Scorer(prep), {pid: i for i, pid in enumerate(prep.ids)}
    best: list[int] | None = None
    for teams in partitions(list(prep.ids), list(prep.team_size)):
        team_of = {pid: t for t, team in enumerate(teams) for pid in team}
        if any(team_of[r.a] != team_of[r.b] for r in cfg.pairs if r.together):
            continue
        score = scorer.total([[index[p] for p in team] for team in teams])
        if score[0] == 0 and (best is None or score < best):
            best = score
    assert best is not None
    return best


def assert_bounds_below_optima(
    inst: Instance, seed: int, requested: tuple[tuple[int, int], ...]
) -> None:
    """Teams of four with the benchmark's four criteria; the people at the ``requested``
    positions (of the ids shuffled by ``seed``) ask to be together. The bound is at most the
    best score over all splits, and the bound that assumes every request kept is at most the
    best split that keeps them."""
    ids = [p.id for p in inst.people]
    random.Random(seed).shuffle(ids)
    pairs = tuple(request(ids[a], ids[b]) for a, b in requested)
    cfg = Config(min_size=4, max_size=4, criteria=FOUR_CRITERIA, pairs=pairs)
    free, whole, _ = completion_bounds(prepare(inst, cfg))
    assert free[0] <= brute_force_best(inst, cfg)[1]
    assert whole[0] <= best_keeping_requests(inst, cfg)[1]


@pytest.mark.parametrize("seed", range(5))
def test_completion_bound_never_exceeds_the_enumerated_optimum(seed: int) -> None:
    """Twelve students in teams of four with the benchmark's four criteria, a requested trio
    and a requested pair: the bound is at most the best score over all 5,775 splits, and the
    bound that assumes every request kept is at most the best split that keeps them."""
    assert_bounds_below_optima(mixed_class(12, seed), seed, ((0, 1), (1, 2), (3, 4)))


@pytest.mark.parametrize("seed", range(3))
def test_completion_bound_with_teams_of_three_and_four(seed: int) -> None:
    """Ten students (teams of 3, 3 and 4): completions of one and of two people."""
    inst = mixed_class(10, seed + 10)
    ids = [p.id for p in inst.people]
    pairs = (request(ids[0], ids[5]), request(ids[2], ids[7], hard=True))
    cfg = Config(min_size=3, max_size=4, criteria=FOUR_CRITERIA, pairs=pairs)
    free, whole, _ = completion_bounds(prepare(inst, cfg))
    assert free[0] <= brute_force_best(inst, cfg)[1]
    assert whole[0] <= best_keeping_requests(inst, cfg)[1]


def test_trio_with_one_woman_lifts_the_bound_to_its_best_completion() -> None:
    """Three requested teammates at GPA 3.0, one of them a woman, with one more woman (3.6) and
    eight men (2.5-3.2); class mean 3.0. Kept, the trio needs the other woman, else its woman is
    alone (ISOLATION_UNIT); so its team's mean is 3.15, and that deviation counts for each of
    the 3 teams and once more for the team itself beyond the tolerance (``excess``). Breaking
    the request costs PAIR_UNIT. The sum-only bound sees none of it; the completion bound is
    exactly 3 x that deviation + its excess, and the best of the 5,775 splits keeps the trio
    with the woman."""
    inst, pairs = trio_class(), TRIO
    criteria = (Criterion("GPA", Rule.BALANCE), Criterion("Gender", Rule.NO_ISOLATION, value="F"))
    cfg = Config(min_size=4, max_size=4, criteria=criteria, pairs=pairs, time_limit=1.0)
    prep = prepare(inst, cfg)
    deviation = Scorer(prep).team([0, 1, 2, 3])[1][0]
    assert deviation > 0
    free, *_ = completion_bounds(prep)
    best = brute_force_best(inst, cfg)[1]
    assert level_bounds(prep)[0] < free[0] == 3 * deviation + excess(deviation) <= best
    solution = solve(inst, cfg)
    assert ["s1", "s2", "s3", "s4"] in [sorted(t) for t in solution.teams]
    assert solution.levels[0].objective == best


def test_with_isolation_on_an_earlier_level_the_trio_must_take_the_woman() -> None:
    """The trio above, with no isolation on level 1 (with the requests) and GPA on level 2, as
    teamtool orders them. On level 2 alone the trio's best completion is a man at 3.0 (a
    perfect mean), so the bound that only keeps the requests proves nothing there. Once level 1
    scores 0, the trio's woman may not be alone, so its team takes the other woman: the bound
    is 3 x that team's deviation + its excess, and the enumerated optimum (level 1 at 0) scores
    at least it."""
    inst, pairs = trio_class(), TRIO
    criteria = (
        Criterion("GPA", Rule.BALANCE, priority=2),
        Criterion("Gender", Rule.NO_ISOLATION, priority=1, value="F"),
    )
    cfg = Config(min_size=4, max_size=4, criteria=criteria, pairs=pairs, time_limit=1.0)
    prep = prepare(inst, cfg)
    deviation = Scorer(prep).team([0, 1, 2, 3])[1][0]
    free, whole, clean = completion_bounds(prep)
    best = brute_force_best(inst, cfg)
    assert best[1] == 0
    assert free[1] == whole[1] == 0 < clean[1] == 3 * deviation + excess(deviation) <= best[2]
    solution = solve(inst, cfg)
    assert solution.levels[1].bound >= clean[1]
    assert solution.levels[1].objective == best[2]


def best_with_earlier_levels_clean(inst: Instance, cfg: Config) -> list[int | None]:
    """Per level, the least score over the splits that score 0 on every level before it
    (None where no split does)."""
    prep = prepare(inst, cfg)
    scorer, index = Scorer(prep), {pid: i for i, pid in enumerate(prep.ids)}
    best: list[int | None] = [None] * len(prep.levels())
    for teams in partitions(list(prep.ids), list(prep.team_size)):
        score = scorer.total([[index[p] for p in team] for team in teams])
        for k in range(len(best)):
            if score[0] or any(score[1 : k + 1]):
                break
            value, old = score[k + 1], best[k]
            best[k] = value if old is None else min(value, old)
    return best


@pytest.mark.parametrize("seed", range(4))
def test_the_bound_for_clean_earlier_levels_never_exceeds_the_enumerated_optimum(
    seed: int,
) -> None:
    """Twelve students in teams of four at teamtool's levels (no isolation and the requests,
    then GPA, then majors mixed), with a requested trio and a pair: on every level, the bound
    that holds once the earlier levels score 0 is at most the best split that scores 0 there."""
    inst = mixed_class(12, seed + 30)
    ids = [p.id for p in inst.people]
    random.Random(seed).shuffle(ids)
    pairs = (request(ids[0], ids[1]), request(ids[1], ids[2]), request(ids[3], ids[4]))
    criteria = (
        Criterion("GPA", Rule.BALANCE, priority=2),
        Criterion("Gender", Rule.NO_ISOLATION, priority=1, value="F"),
        Criterion("Major", Rule.MIX, priority=3),
    )
    cfg = Config(min_size=4, max_size=4, criteria=criteria, pairs=pairs)
    _, _, clean = completion_bounds(prepare(inst, cfg))
    best = best_with_earlier_levels_clean(inst, cfg)
    assert best[1] is not None  # some split keeps level 1 at 0: the check below is not empty
    for bound, value in zip(clean, best, strict=True):
        assert value is None or bound <= value


def test_a_completion_that_takes_someone_elses_teammate_pays_for_that_split() -> None:
    """The trio of the test above, but now the woman at 3.0 who would balance its team
    perfectly (s5) asked to work with s6. Taking her splits that request (PAIR_UNIT), which is
    dearer than the plain woman at 3.6, so the bound stays at 3 x that team's deviation + its
    excess, at most the enumerated optimum."""
    people = [person("s1", 3.0, "F"), person("s2", 3.0, "M"), person("s3", 3.0, "M")]
    people += [person("s4", 3.6, "F"), person("s5", 3.0, "F"), person("s6", 2.4, "M")]
    men = [2.7, 2.9, 3.0, 3.1, 3.1, 3.2]
    people += [person(f"s{i + 7}", g, "M") for i, g in enumerate(men)]
    inst = instance(*people)
    pairs = (request("s1", "s2"), request("s2", "s3"), request("s5", "s6"))
    criteria = (Criterion("GPA", Rule.BALANCE), Criterion("Gender", Rule.NO_ISOLATION, value="F"))
    cfg = Config(min_size=4, max_size=4, criteria=criteria, pairs=pairs)
    prep = prepare(inst, cfg)
    deviation = Scorer(prep).team([0, 1, 2, 3])[1][0]
    free, *_ = completion_bounds(prep)
    assert 0 < free[0] == 3 * deviation + excess(deviation) <= brute_force_best(inst, cfg)[1]


@pytest.mark.parametrize("seed", range(4))
def test_completion_bound_with_several_requested_pairs(seed: int) -> None:
    """Three requested pairs among twelve students: a team may hold two pairs whole, or take
    one member of a pair; both bounds stay at most the enumerated optima."""
    assert_bounds_below_optima(mixed_class(12, seed + 20), seed, ((0, 1), (2, 3), (4, 5)))


def test_requested_pair_of_one_major_costs_its_mix() -> None:
    """Two requested EE students in teams of four where a team's share of EE is one (3 of 12):
    kept, their team has one EE too many (MIX_UNIT); broken, the request costs PAIR_UNIT. The
    sum-only bound is 0; the completion bound is MIX_UNIT."""
    majors = ["EE", "EE", "EE", "CS", "CS", "CS", "CS", "CS", "ME", "ME", "ME", "ME"]
    inst = instance(*(person(f"s{i + 1}", Major=m) for i, m in enumerate(majors)))
    cfg = Config(
        min_size=4,
        max_size=4,
        criteria=(Criterion("Major", Rule.MIX),),
        pairs=(request("s1", "s2"),),
    )
    prep = prepare(inst, cfg)
    free, whole, _ = completion_bounds(prep)
    assert level_bounds(prep) == [0]
    assert free == whole == [MIX_UNIT]
    assert brute_force_best(inst, cfg)[1] >= MIX_UNIT


def test_split_cost_counts_the_fewest_rules_a_split_breaks() -> None:
    inst = instance(*(person(f"s{i}") for i in range(1, 6)))
    chain = (request("s1", "s2"), request("s2", "s3"))
    triangle = (*chain, request("s1", "s3"))
    hard = (request("s1", "s2", hard=True), request("s2", "s3", hard=True))
    mixed = (request("s1", "s2", hard=True), request("s2", "s3"))

    def cost(pairs: tuple[PairRule, ...]) -> int | None:
        return split_cost(prepare(inst, Config(pairs=pairs)), [0, 1, 2])

    assert cost(chain) == PAIR_UNIT
    assert cost(triangle) == 2 * PAIR_UNIT
    assert cost(hard) is None
    assert cost(mixed) == PAIR_UNIT
