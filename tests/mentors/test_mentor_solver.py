"""The mentor assignment's hard rules and priority levels, on small hand-made cases."""

from __future__ import annotations

import pytest

from solver.mentors import (
    Exclusion,
    MentorData,
    MentorInfeasible,
    MentorProblem,
    TeamData,
    assign,
)


def teams(n: int, **fields: object) -> tuple[TeamData, ...]:
    return tuple(TeamData(f"T{i}", (f"s{i}a", f"s{i}b"), **fields) for i in range(1, n + 1))  # type: ignore[arg-type]


def test_capacity_is_never_exceeded_and_loads_are_even_within_it() -> None:
    """7 teams, Ana takes at most 1: Ben and Cy share the other 6 as 3 and 3 (range 2, the
    least the capacity allows: 1,3,3; a 1,2,4 split would have range 3)."""
    problem = MentorProblem(
        mentors=(MentorData("Ana", capacity=1), MentorData("Ben"), MentorData("Cy")),
        teams=teams(7),
    )
    solution = assign(problem)
    assert solution.loads == {"Ana": 1, "Ben": 3, "Cy": 3}
    assert [(lv.name, lv.value) for lv in solution.levels] == [
        ("load-range", 2),
        ("load-spread", 1 + 9 + 9),
    ]
    assert all(level.optimal for level in solution.levels)


def test_loads_differ_by_at_most_one_when_no_capacity_binds() -> None:
    problem = MentorProblem(mentors=tuple(MentorData(n) for n in "ABCD"), teams=teams(10))
    loads = sorted(assign(problem).loads.values())
    assert loads == [2, 2, 3, 3]


def test_an_avoided_student_never_gets_that_mentor() -> None:
    problem = MentorProblem(
        mentors=(MentorData("Ana", avoid=frozenset({"s2a", "s3b"})), MentorData("Ben")),
        teams=teams(4),
    )
    solution = assign(problem)
    assert solution.mentor_of["T2"] == "Ben"
    assert solution.mentor_of["T3"] == "Ben"
    assert solution.loads == {"Ana": 2, "Ben": 2}


def test_same_section_keeps_mentors_in_their_sections_only_when_asked() -> None:
    l01 = tuple(TeamData(f"A{i}", (f"a{i}",), frozenset({"L01"})) for i in range(3))
    l02 = tuple(TeamData(f"B{i}", (f"b{i}",), frozenset({"L02"})) for i in range(1))
    mentors = (
        MentorData("Ana", sections=frozenset({"L01"})),
        MentorData("Ben", sections=frozenset({"L02"})),
    )
    asked = assign(MentorProblem(mentors=mentors, teams=l01 + l02, same_section=True))
    assert asked.mentor_of == {"A0": "Ana", "A1": "Ana", "A2": "Ana", "B0": "Ben"}
    free = assign(MentorProblem(mentors=mentors, teams=l01 + l02))
    assert sorted(free.loads.values()) == [2, 2]  # without the rule, loads even out


def test_a_shared_free_slot_is_preferred_after_even_loads() -> None:
    """Both mentors take 2 teams either way; the slot level then matches Mon teams to Ana."""
    mon, tue = frozenset({"Mon AM"}), frozenset({"Tue PM"})
    problem = MentorProblem(
        mentors=(MentorData("Ana", slots=mon), MentorData("Ben", slots=tue)),
        teams=(
            TeamData("T1", ("a",), common_slots=mon),
            TeamData("T2", ("b",), common_slots=tue),
            TeamData("T3", ("c",), common_slots=mon | tue),
            TeamData("T4", ("d",), common_slots=mon),
        ),
    )
    solution = assign(problem)
    assert solution.mentor_of["T1"] == solution.mentor_of["T4"] == "Ana"
    assert solution.mentor_of["T2"] == solution.mentor_of["T3"] == "Ben"
    assert solution.levels[2].name == "shared-slot"
    assert solution.levels[2].value == 4


def test_even_loads_come_before_shared_slots() -> None:
    """Every team shares a slot with Ana only, yet Ben still takes half of them."""
    mon = frozenset({"Mon AM"})
    problem = MentorProblem(
        mentors=(MentorData("Ana", slots=mon), MentorData("Ben", slots=frozenset({"Fri PM"}))),
        teams=teams(4, common_slots=mon),
    )
    solution = assign(problem)
    assert solution.loads == {"Ana": 2, "Ben": 2}
    assert solution.levels[2].value == 2


def test_previous_mentor_kept_for_the_most_students() -> None:
    """T1 had 2 of Ana's students and 1 of Ben's: Ana keeps T1; T2's 3 students had Ben."""
    problem = MentorProblem(
        mentors=(MentorData("Ana"), MentorData("Ben")),
        teams=(TeamData("T1", ("p", "q", "r")), TeamData("T2", ("u", "v", "w"))),
        previous={"p": "Ana", "q": "Ana", "r": "Ben", "u": "Ben", "v": "Ben", "w": "Ben"},
    )
    solution = assign(problem)
    assert solution.mentor_of == {"T1": "Ana", "T2": "Ben"}
    assert solution.levels[-1].name == "previous"
    assert solution.levels[-1].value == 5


def test_infeasible_names_the_teams_mentors_and_rules() -> None:
    """Ana (capacity 1) is the only mentor T1 and T2 may have: Ben avoids s1a, Cy is in L02."""
    problem = MentorProblem(
        mentors=(
            MentorData("Ana", capacity=1),
            MentorData("Ben", avoid=frozenset({"s1a", "s2b"})),
            MentorData("Cy", sections=frozenset({"L02"})),
        ),
        teams=teams(3, sections=frozenset({"L01"})),
        same_section=True,
    )
    with pytest.raises(MentorInfeasible) as caught:
        assign(problem)
    reason = caught.value.reason
    assert reason.teams == ("T1", "T2")
    assert reason.mentors == ("Ana",)
    assert reason.capacity == 1
    assert Exclusion("T1", "Ben", "avoid", ("s1a",)) in reason.exclusions
    assert Exclusion("T2", "Cy", "section") in reason.exclusions


def test_a_team_no_mentor_may_take() -> None:
    problem = MentorProblem(
        mentors=(MentorData("Ana", capacity=0), MentorData("Ben", avoid=frozenset({"s1b"}))),
        teams=teams(1),
    )
    with pytest.raises(MentorInfeasible) as caught:
        assign(problem)
    reason = caught.value.reason
    assert (reason.teams, reason.mentors, reason.capacity) == (("T1",), (), 0)
    assert {e.rule for e in reason.exclusions} == {"capacity", "avoid"}


def test_same_problem_same_assignment() -> None:
    problem = MentorProblem(mentors=tuple(MentorData(n) for n in "ABC"), teams=teams(8), seed=3)
    assert assign(problem) == assign(problem)
