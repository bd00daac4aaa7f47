"""Each rule: a feasible case checked by the validator, and a forced-infeasible case whose
explanation (an infeasible core found by CP-SAT) names the rules in conflict."""

from __future__ import annotations

import pytest
from solver_cases import instance, person

from solver import (
    Config,
    Criterion,
    InfeasibleError,
    Instance,
    PairRule,
    Rule,
    Solution,
    solve,
    violations,
)


def run(inst: Instance, config: Config) -> Solution:
    solution = solve(inst, config)
    assert violations(inst, config, solution.teams) == []
    return solution


def conflicts(inst: Instance, config: Config) -> list[str]:
    with pytest.raises(InfeasibleError) as err:
        solve(inst, config)
    return sorted(err.value.conflicts)


def teams_as_sets(solution: Solution) -> set[frozenset[str]]:
    return {frozenset(t) for t in solution.teams}


SIX = [f"s{i}" for i in range(1, 7)]


def test_same_section_feasible() -> None:
    inst = instance(*(person(pid, section="L01" if i < 3 else "L02") for i, pid in enumerate(SIX)))
    config = Config(
        min_size=3, max_size=3, criteria=(Criterion("Section", Rule.SAME),), time_limit=0.5
    )
    assert teams_as_sets(run(inst, config)) == {frozenset(SIX[:3]), frozenset(SIX[3:])}


def test_no_isolation_feasible_and_infeasible() -> None:
    genders = ["F", "F", "M", "M", "M", "M"]
    inst = instance(*(person(pid, gender=g) for pid, g in zip(SIX, genders, strict=True)))
    rule = Criterion("Gender", Rule.NO_ISOLATION, value="F", hard=True)
    config = Config(min_size=3, max_size=3, criteria=(rule,), time_limit=0.5)
    solution = run(inst, config)
    assert frozenset({"s1", "s2"}) <= next(t for t in teams_as_sets(solution) if "s1" in t)
    lone = instance(*(person(pid, gender="F" if i == 0 else "M") for i, pid in enumerate(SIX)))
    assert conflicts(lone, config) == ["no team with a single student of Gender 'F'"]


def test_schedule_feasible_and_infeasible() -> None:
    slots = ["Mon AM; Wed PM", "Mon AM", "Mon AM; Fri PM", "Tue PM", "Tue PM; Wed PM", "Tue PM"]
    inst = instance(*(person(pid, slots=s) for pid, s in zip(SIX, slots, strict=True)))
    rule = Criterion("Avail", Rule.SCHEDULE, min_common=1, hard=True)
    config = Config(min_size=3, max_size=3, criteria=(rule,), time_limit=0.5)
    assert teams_as_sets(run(inst, config)) == {frozenset(SIX[:3]), frozenset(SIX[3:])}
    solution = run(inst, config)
    assert solution.metrics[0].common_slots["Avail"] in (["Mon AM"], ["Tue PM"])
    busy = instance(
        *(person(pid, slots=s) for pid, s in zip(SIX, [*slots[:5], "Sun AM"], strict=True))
    )
    assert conflicts(busy, config) == ["at least 1 common Avail slot(s) per team"]


def test_similar_hard_feasible_and_infeasible() -> None:
    majors = ["A", "B", "A", "B", "A", "B"]
    inst = instance(*(person(pid, Major=m) for pid, m in zip(SIX, majors, strict=True)))
    config = Config(
        min_size=3,
        max_size=3,
        time_limit=0.5,
        criteria=(Criterion("Major", Rule.SIMILAR, hard=True),),
    )
    assert teams_as_sets(run(inst, config)) == {
        frozenset({"s1", "s3", "s5"}),
        frozenset({"s2", "s4", "s6"}),
    }
    lopsided = instance(*(person(pid, Major="A" if i < 4 else "B") for i, pid in enumerate(SIX)))
    assert conflicts(lopsided, config) == ["one Major value per team"]


def test_mix_hard_feasible_and_in_conflict_with_a_pair() -> None:
    genders = ["F", "F", "M", "M", "M", "M"]
    inst = instance(*(person(pid, gender=g) for pid, g in zip(SIX, genders, strict=True)))
    mix = Criterion("Gender", Rule.MIX, hard=True)
    config = Config(min_size=3, max_size=3, criteria=(mix,), time_limit=0.5)
    solution = run(inst, config)
    assert all(m.category_counts["Gender"] == {"F": 1, "M": 2} for m in solution.metrics)
    together = Config(
        min_size=3,
        max_size=3,
        criteria=(mix,),
        time_limit=0.5,
        pairs=(PairRule("s1", "s2", together=True),),
    )
    assert conflicts(inst, together) == [
        "Gender mixed in class proportions in every team",
        "s1 and s2 are kept together by the instructor",
    ]


def test_pairs_feasible_and_a_contradictory_triangle() -> None:
    inst = instance(*(person(pid) for pid in SIX))
    pairs = (PairRule("s1", "s4", True), PairRule("s2", "s5", True), PairRule("s1", "s2", False))
    config = Config(min_size=3, max_size=3, pairs=pairs, time_limit=0.5)
    solution = run(inst, config)
    team_of = {pid: i for i, t in enumerate(solution.teams) for pid in t}
    assert team_of["s1"] == team_of["s4"]
    assert team_of["s1"] != team_of["s2"]
    triangle = (
        PairRule("s1", "s2", True),
        PairRule("s2", "s3", True, source="request"),
        PairRule("s1", "s3", False),
    )
    assert conflicts(inst, Config(min_size=3, max_size=3, pairs=triangle, time_limit=0.5)) == [
        "s1 and s2 are kept together by the instructor",
        "s1 and s3 are kept apart by the instructor",
        "s2 and s3 are kept together as requested",
    ]


def test_pins_feasible_and_pinned_together_but_kept_apart() -> None:
    inst = instance(*(person(pid) for pid in SIX))
    config = Config(min_size=3, max_size=3, pins={"s6": 0, "s1": 1}, time_limit=0.5)
    solution = run(inst, config)
    assert "s6" in solution.teams[0]
    assert "s1" in solution.teams[1]
    clash = Config(
        min_size=3,
        max_size=3,
        pins={"s1": 0, "s2": 0},
        time_limit=0.5,
        pairs=(PairRule("s1", "s2", False),),
    )
    assert conflicts(inst, clash) == [
        "s1 and s2 are kept apart by the instructor",
        "s1 is pinned to team 1",
        "s2 is pinned to team 1",
    ]


def test_locked_team_is_kept_and_a_pair_across_it_is_infeasible() -> None:
    people = [person(f"s{i}", gpa=float(i % 4)) for i in range(1, 10)]
    inst = instance(*people)
    locked = (("s1", "s5", "s9"),)
    config = Config(
        min_size=3,
        max_size=3,
        locked=locked,
        time_limit=0.5,
        criteria=(Criterion("GPA", Rule.BALANCE),),
    )
    solution = run(inst, config)
    assert solution.teams[0] == ["s1", "s5", "s9"]
    across = Config(
        min_size=3, max_size=3, locked=locked, time_limit=0.5, pairs=(PairRule("s1", "s2", True),)
    )
    assert conflicts(inst, across) == [
        "s1 and s2 must be together but a locked team decides otherwise"
    ]


def test_previous_teammates_hard() -> None:
    nine = [f"s{i}" for i in range(1, 10)]
    inst = instance(*(person(pid) for pid in nine))
    before = ((tuple(nine[:3]), tuple(nine[3:6]), tuple(nine[6:])),)
    config = Config(min_size=3, max_size=3, previous=before, previous_hard=True, time_limit=0.5)
    solution = run(inst, config)
    assert solution.summary.repeat_pairs == 0
    six = instance(*(person(pid) for pid in SIX))
    crowd = ((("s1", "s2", "s3", "s4", "s5"),),)
    config = Config(min_size=3, max_size=3, previous=crowd, previous_hard=True, time_limit=0.5)
    assert conflicts(six, config) == ["former teammates s1, s2, s3, s4, s5 do not meet again"]


def test_balance_reaches_the_class_mean_exactly_when_possible() -> None:
    inst = instance(*(person(pid, gpa=g) for pid, g in zip(SIX, [4, 4, 2, 2, 3, 3], strict=True)))
    config = Config(
        min_size=3, max_size=3, criteria=(Criterion("GPA", Rule.BALANCE),), time_limit=1.0
    )
    solution = run(inst, config)
    assert solution.status == "OPTIMAL"
    assert solution.summary.worst_deviation == {"GPA": 0.0}
    assert solution.objective == 0
    assert solution.gap == 0


def test_spread_puts_a_low_a_middle_and_a_high_value_in_each_team() -> None:
    inst = instance(*(person(pid, gpa=g) for pid, g in zip(SIX, [1, 2, 3, 4, 5, 6], strict=True)))
    config = Config(
        min_size=3, max_size=3, criteria=(Criterion("GPA", Rule.SPREAD),), time_limit=1.0
    )
    solution = run(inst, config)
    for team in solution.teams:
        bands = sorted((int(pid[1:]) - 1) // 2 for pid in team)
        assert bands == [0, 1, 2]
    assert solution.summary.worst_deviation["GPA"] == pytest.approx(1 / 6)


def test_no_answer_in_time_still_names_the_conflicting_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When the exact search runs out of time before proving anything (as on an overloaded
    machine), a short extra search still names the hard rule in conflict."""
    from ortools.sat.python import cp_model

    from solver.former import TeamFormer
    from solver.search.phases import WholeClass

    slots = ["Mon AM; Wed PM", "Mon AM", "Mon AM; Fri PM", "Tue PM", "Tue PM; Wed PM", "Sun AM"]
    busy = instance(*(person(pid, slots=s) for pid, s in zip(SIX, slots, strict=True)))
    rule = Criterion("Avail", Rule.SCHEDULE, min_common=1, hard=True)
    config = Config(min_size=3, max_size=3, criteria=(rule,), time_limit=0.5)

    def out_of_time(
        self: WholeClass, seconds: float, *args: object
    ) -> tuple[cp_model.CpSolverStatus, cp_model.CpSolver]:
        return cp_model.UNKNOWN, cp_model.CpSolver()

    monkeypatch.setattr(WholeClass, "_run", out_of_time)
    with pytest.raises(InfeasibleError) as err:
        TeamFormer(busy, config).solve()
    assert err.value.conflicts == ["at least 1 common Avail slot(s) per team"]


def test_hard_schedule_above_someones_free_slots_is_named_at_once() -> None:
    """s6 has one free slot, so no team of theirs can share two: the rule and s6 are named
    before any search (a search may not prove it in time on a large class)."""
    slots = [
        "Mon AM; Wed PM",
        "Mon AM; Wed PM",
        "Mon AM; Wed PM",
        "Tue PM; Fri AM",
        "Tue PM; Fri AM",
    ]
    people = [person(pid, slots=s) for pid, s in zip(SIX[:5], slots, strict=True)]
    people.append(person("s6", slots="Tue PM"))
    rule = Criterion("Avail", Rule.SCHEDULE, min_common=2, hard=True)
    config = Config(min_size=3, max_size=3, criteria=(rule,), time_limit=0.5)
    assert conflicts(instance(*people), config) == [
        "at least 2 common Avail slot(s) per team (s6 has fewer than 2 free slots)"
    ]
