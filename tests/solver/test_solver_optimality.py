"""Small classes are solved to proven optimality, checked against enumeration of every split."""

from __future__ import annotations

import random

from solver_cases import brute_force_best, instance, person, score_of

from solver import Config, Criterion, PairRule, Rule, solve, violations

DAYS = ["Mon AM", "Mon PM", "Tue AM", "Wed PM", "Thu AM"]


def random_class(n: int, seed: int):  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    return instance(
        *(
            person(
                f"s{i}",
                gpa=round(rng.uniform(2.0, 4.0), 1),
                gender="F" if rng.random() < 0.35 else "M",
                slots="; ".join(rng.sample(DAYS, 3)),
                Major=rng.choice("AB"),
            )
            for i in range(1, n + 1)
        )
    )


def test_nine_students_one_level_matches_brute_force() -> None:
    inst = random_class(9, seed=3)
    config = Config(
        min_size=3,
        max_size=3,
        time_limit=1.5,
        criteria=(
            Criterion("GPA", Rule.BALANCE),
            Criterion("Gender", Rule.NO_ISOLATION, value="F"),
        ),
        pairs=(PairRule("s1", "s2", together=True, hard=False, source="request"),),
    )
    solution = solve(inst, config)
    assert solution.status == "OPTIMAL"
    assert violations(inst, config, solution.teams) == []
    best = brute_force_best(inst, config)
    assert score_of(inst, config, solution.teams) == best
    assert solution.objective == best[1] == solution.bound


def test_twelve_students_two_levels_match_brute_force() -> None:
    """Level 1: schedule and no isolation; level 2: GPA balance and major mix (5,775 splits)."""
    inst = random_class(12, seed=11)
    config = Config(
        min_size=4,
        max_size=4,
        time_limit=1.5,
        criteria=(
            Criterion("Avail", Rule.SCHEDULE, min_common=1, priority=1),
            Criterion("Gender", Rule.NO_ISOLATION, value="F", priority=1),
            Criterion("GPA", Rule.BALANCE, priority=2, weight=2),
            Criterion("Major", Rule.MIX, priority=2),
        ),
    )
    solution = solve(inst, config)
    assert solution.status == "OPTIMAL"
    assert violations(inst, config, solution.teams) == []
    best = brute_force_best(inst, config)
    assert score_of(inst, config, solution.teams) == best
    assert [lv.objective for lv in solution.levels] == best[1:]
    assert [lv.bound for lv in solution.levels] == best[1:]


def test_ten_students_in_teams_of_three_or_four() -> None:
    inst = random_class(10, seed=5)
    config = Config(
        time_limit=1.5, criteria=(Criterion("GPA", Rule.SPREAD), Criterion("Major", Rule.SIMILAR))
    )
    solution = solve(inst, config)
    assert solution.status == "OPTIMAL"
    assert sorted(len(t) for t in solution.teams) == [3, 3, 4]
    assert score_of(inst, config, solution.teams) == brute_force_best(inst, config)
