"""On small random cases, CP-SAT's level-by-level optimum equals a brute-force search over
every assignment, compared as the tuple of level values in priority order."""

from __future__ import annotations

import itertools
import random

import pytest

from solver.mentors import MentorData, MentorInfeasible, MentorProblem, TeamData, assign
from solver.mentors.data import LOAD_RANGE, LOAD_SPREAD, PREVIOUS, SHARED_SLOT
from solver.mentors.feasibility import allowed_pairs, capacities
from solver.mentors.scores import level_terms

SLOTS = ["Mon AM", "Tue PM", "Wed AM"]


def random_problem(rng: random.Random) -> MentorProblem:
    students = [f"s{i}" for i in range(12)]
    rng.shuffle(students)
    n_teams = rng.randint(1, 5)
    teams = []
    for t in range(n_teams):
        members = tuple(students[2 * t : 2 * t + 2])
        teams.append(
            TeamData(
                f"T{t}",
                members,
                frozenset(rng.sample(["L01", "L02"], rng.randint(0, 1))),
                frozenset(rng.sample(SLOTS, rng.randint(0, 2))),
            )
        )
    mentors = []
    for m in range(rng.randint(1, 4)):
        mentors.append(
            MentorData(
                f"M{m}",
                rng.choice([None, 0, 1, 2, 3]),
                frozenset(rng.sample(["L01", "L02"], rng.randint(0, 1))),
                frozenset(rng.sample(SLOTS, rng.randint(0, 2))),
                frozenset(rng.sample(students, rng.randint(0, 2))),
            )
        )
    names = [m.name for m in mentors]
    previous = {s: rng.choice(names) for s in students if rng.random() < 0.5}
    return MentorProblem(
        tuple(mentors), tuple(teams), rng.random() < 0.5, previous if rng.random() < 0.6 else {}
    )


def brute_force(problem: MentorProblem) -> tuple[int, ...] | None:
    """The best level tuple (minimised levels as is, maximised ones negated), or None."""
    allowed = allowed_pairs(problem)
    caps = capacities(problem)
    eligible = sorted({m for ms in allowed for m in ms})
    gains = [level_terms(problem, name) for name in (SHARED_SLOT, PREVIOUS)]
    best: tuple[int, ...] | None = None
    for choice in itertools.product(*allowed):
        loads = [choice.count(m) for m in range(len(problem.mentors))]
        if any(load > cap for load, cap in zip(loads, caps, strict=True)):
            continue
        key = [
            max(loads[m] for m in eligible) - min(loads[m] for m in eligible),
            sum(loads[m] ** 2 for m in eligible),
        ]
        key += [
            -sum(g.get((t, m), 0) for t, m in enumerate(choice)) for g in gains if g is not None
        ]
        if best is None or tuple(key) < best:
            best = tuple(key)
    return best


@pytest.mark.parametrize("seed", range(60))
def test_cp_sat_agrees_with_brute_force(seed: int) -> None:
    problem = random_problem(random.Random(seed))
    expected = brute_force(problem)
    try:
        solution = assign(problem)
    except MentorInfeasible:
        assert expected is None
        return
    assert expected is not None
    signs = {LOAD_RANGE: 1, LOAD_SPREAD: 1, SHARED_SLOT: -1, PREVIOUS: -1}
    got = tuple(signs[lv.name] * lv.value for lv in solution.levels)
    assert got == expected
    assert all(lv.optimal for lv in solution.levels)
    # and the assignment itself reaches those values under the hard rules
    allowed = allowed_pairs(problem)
    index = {m.name: i for i, m in enumerate(problem.mentors)}
    for t, team in enumerate(problem.teams):
        assert index[solution.mentor_of[team.name]] in allowed[t]
    for m, cap in zip(problem.mentors, capacities(problem), strict=True):
        assert solution.loads[m.name] <= cap
