"""Team sizes: the number of teams and the size multiset, and their arithmetic infeasibility."""

from __future__ import annotations

import pytest
from solver_cases import gpa_class, instance, person

from solver import Config, Criterion, InfeasibleError, Rule, solve
from solver.compile.sizes import team_sizes


@pytest.mark.parametrize(
    ("n", "config", "sizes"),
    [
        (14, Config(), [4, 4, 3, 3]),
        (12, Config(), [4, 4, 4]),
        (10, Config(target_size=3), [4, 3, 3]),
        (13, Config(min_size=3, max_size=5, num_teams=3), [5, 4, 4]),
        (7, Config(), [4, 3]),
        (5, Config(), [5]),
    ],
)
def test_sizes_are_as_equal_as_possible(n: int, config: Config, sizes: list[int]) -> None:
    assert team_sizes(n, config) == sizes


def test_two_students_cannot_form_teams_of_three_to_five() -> None:
    with pytest.raises(InfeasibleError) as err:
        solve(gpa_class([3.0, 2.0]), Config(time_limit=0.5))
    assert err.value.conflicts == ["sizes 3–5 cannot hold 2 students"]


def test_too_many_teams_asked_for() -> None:
    with pytest.raises(InfeasibleError) as err:
        team_sizes(12, Config(), num_teams=5)
    assert err.value.conflicts == ["5 teams of sizes 3–5 cannot hold 12 students"]


def test_a_section_too_small_for_a_team() -> None:
    people = [person(f"a{i}", section="L01") for i in range(4)]
    people += [person(f"b{i}", section="L02") for i in range(2)]
    config = Config(criteria=(Criterion("Section", Rule.SAME),), time_limit=0.5)
    with pytest.raises(InfeasibleError) as err:
        solve(instance(*people), config)
    assert err.value.conflicts == [
        "Section 'L02' has 2 students: teams of 3–5 cannot hold 2 students"
    ]
