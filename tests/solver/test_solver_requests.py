"""Balance with teammate requests: requested pairs must move together to balance the teams."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from solver_cases import brute_force_best, gpa_class, instance, person
from test_solver_runs import REPEATABLE

from solver import Config, Criterion, Instance, PairRule, Person, Rule, evaluate, solve
from solver.bounds.aggregate import level_bounds, whole_bounds
from solver.compile.prepare import prepare
from solver.search.swap import SwapSearch


def paired_class(pairs: int, seed: int) -> tuple[Instance, tuple[PairRule, ...]]:
    """``pairs`` requested pairs at GPA 4.0, as many at 2.0, and 4 x ``pairs`` students at
    3.0, ids shuffled. The class mean is 3.0, and every team of four has mean 3.0 exactly when
    each 4.0 pair shares a team with a 2.0 pair and the others make teams of 3.0s; a team of a
    pair and two 3.0s is 0.5 off. Moving one member of a pair breaks a request, so only moves
    of whole pairs get from the second kind of teams to the first."""
    gpas = [4.0] * (2 * pairs) + [2.0] * (2 * pairs) + [3.0] * (4 * pairs)
    ids = [f"s{i:03d}" for i in range(len(gpas))]
    random.Random(seed).shuffle(ids)
    people = [person(pid, gpa=g) for pid, g in zip(ids, gpas, strict=True)]
    requests = tuple(
        PairRule(ids[i], ids[i + 1], True, hard=False, source="request")
        for i in range(0, 4 * pairs, 2)
    )
    return instance(*people), requests


def config(requests: tuple[PairRule, ...], time_limit: float = 1.0) -> Config:
    return Config(
        min_size=4,
        max_size=4,
        criteria=(Criterion("GPA", Rule.BALANCE),),
        pairs=requests,
        time_limit=time_limit,
        seed=3,
        wall_safety=REPEATABLE,
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_swap_search_moves_requested_pairs_together_to_balance(seed: int) -> None:
    """The swap heuristic alone reaches perfectly balanced teams with every request kept."""
    inst, requests = paired_class(6, seed)
    cfg = config(requests)
    prep = prepare(inst, cfg)
    teams, _ = SwapSearch(prep, seed).run(evaluations=15000)
    result = evaluate(inst, cfg, [[prep.ids[p] for p in m] for m in teams])
    assert result.summary.broken_requests == 0
    assert result.summary.worst_deviation["GPA"] == pytest.approx(0.0, abs=1e-9)


def test_solve_balances_a_class_whose_requests_must_move_as_pairs() -> None:
    """The whole solver (LNS path: 48 students in 12 teams) keeps every request and balances."""
    inst, requests = paired_class(6, 5)
    cfg = config(requests, time_limit=0.3)
    solution = solve(inst, cfg)
    assert len(solution.teams) == 12
    result = evaluate(inst, cfg, solution.teams)
    assert result.summary.broken_requests == 0
    assert result.summary.worst_deviation["GPA"] == pytest.approx(0.0, abs=1e-9)
    assert solution.teams == solve(inst, cfg).teams  # same seed, same teams


def two_skill_class(n: int, seed: int) -> Instance:
    rng = random.Random(seed)
    return Instance(
        tuple(
            Person(
                f"s{i}",
                numeric={"GPA": round(rng.uniform(2.0, 4.0), 1), "Prog": rng.randint(1, 5)},
            )
            for i in range(n)
        )
    )


def request_config(pairs: tuple[PairRule, ...]) -> Config:
    return Config(
        min_size=4,
        max_size=4,
        criteria=(Criterion("GPA", Rule.BALANCE), Criterion("Prog", Rule.BALANCE, weight=2)),
        pairs=pairs,
    )


@pytest.mark.parametrize("seed", range(6))
def test_request_bound_never_exceeds_the_enumerated_optimum(seed: int) -> None:
    """The level bound with together-requests (a chain of three, a pair, an apart rule, one
    hard pair half the time) is at most the best score over all 5,775 splits of 12 students."""
    rng = random.Random(seed)
    inst = two_skill_class(12, seed)
    ids = [p.id for p in inst.people]
    rng.shuffle(ids)
    hard = seed % 2 == 0
    pairs = (
        PairRule(ids[0], ids[1], True, hard=False, source="request"),
        PairRule(ids[1], ids[2], True, hard=False, source="request"),
        PairRule(ids[3], ids[4], True, hard=hard, source="request"),
        PairRule(ids[5], ids[6], False, hard=False, source="request"),
    )
    cfg = request_config(pairs)
    best = brute_force_best(inst, cfg)
    bound = level_bounds(prepare(inst, cfg))[0]
    assert 0 < bound <= best[1]


def test_request_that_forbids_balance_raises_the_bound_to_the_optimum() -> None:
    """Three requested teammates at GPA 2.0 among 3.0s: their team's mean is at best
    (3 x 2.0 + 3.0) / 4 = 2.25 against a class mean of 2.75, so the bound must see that balance
    is impossible while the request is kept (and breaking it costs more)."""
    gpas = [2.0, 2.0, 2.0] + [3.0] * 9
    inst = gpa_class(gpas)
    pairs = (
        PairRule("s1", "s2", True, hard=False, source="request"),
        PairRule("s2", "s3", True, hard=False, source="request"),
    )
    cfg = Config(min_size=4, max_size=4, criteria=(Criterion("GPA", Rule.BALANCE),), pairs=pairs)
    free = level_bounds(prepare(inst, replace(cfg, pairs=())))[0]
    bound = level_bounds(prepare(inst, cfg))[0]
    best = brute_force_best(inst, cfg)
    assert free < bound == best[1]


def test_requests_kept_on_an_earlier_level_bound_the_balance_level() -> None:
    """The same class with requests on level 1 and GPA on level 2: the best teams keep the
    request (level 1 costs 0), so the GPA level's bound may assume it kept; the solver's
    reported bound of that level is then the enumerated optimum, not the free bound."""
    inst = gpa_class([2.0, 2.0, 2.0] + [3.0] * 9)
    pairs = (
        PairRule("s1", "s2", True, hard=False, source="request"),
        PairRule("s2", "s3", True, hard=False, source="request"),
    )
    cfg = Config(
        min_size=4,
        max_size=4,
        criteria=(Criterion("GPA", Rule.BALANCE, priority=2),),
        pairs=pairs,
        pair_priority=1,
        time_limit=1.0,
    )
    prep = prepare(inst, cfg)
    best = brute_force_best(inst, cfg)
    assert best[1] == 0
    assert level_bounds(prep)[1] < whole_bounds(prep)[1] == best[2]
    solution = solve(inst, cfg)
    assert [lv.objective for lv in solution.levels] == best[1:]
    assert [lv.bound for lv in solution.levels] == best[1:]
