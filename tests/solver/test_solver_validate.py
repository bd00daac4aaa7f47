"""The validator and the people-facing metrics, on hand-made teams."""

from __future__ import annotations

import math

import pytest
from solver_cases import instance, person

from solver import Config, Criterion, Instance, PairRule, Person, Rule, evaluate, violations

CLASS = instance(
    person("a", gpa=4.0, gender="F", section="L01", slots="Mon PM; Thu AM"),
    person("b", gpa=3.0, gender="F", section="L01", slots="Mon PM; Thu AM; Fri PM"),
    person("c", gpa=2.0, gender="M", section="L01", slots="Mon PM; Thu AM"),
    person("d", gpa=3.5, gender="F", section="L02", slots="Tue AM"),
    person("e", gpa=2.5, gender="M", section="L02", slots="Wed PM"),
    person("f", gpa=3.0, gender="M", section="L01", slots="Tue AM"),
)


def test_valid_teams_have_no_violations() -> None:
    config = Config(min_size=3, max_size=3, criteria=(Criterion("Section", Rule.SAME),))
    assert violations(CLASS, config, [["a", "b", "c"], ["d", "e", "f"]]) == [
        "team 2 mixes Section values ['L01', 'L02']"
    ]
    fine = Config(min_size=3, max_size=3)
    assert violations(CLASS, fine, [["a", "b", "c"], ["d", "e", "f"]]) == []


def test_every_broken_hard_rule_is_listed() -> None:
    config = Config(
        min_size=3,
        max_size=3,
        pins={"f": 0},
        locked=(("a", "b"),),
        criteria=(
            Criterion("Gender", Rule.NO_ISOLATION, value="F", hard=True),
            Criterion("Avail", Rule.SCHEDULE, min_common=1, hard=True),
        ),
        pairs=(PairRule("c", "d", together=True), PairRule("a", "b", together=False)),
        previous=((("a", "b", "z"),),),
        previous_hard=True,
    )
    teams = [["a", "b", "c", "c"], ["d", "e"], ["x"]]
    assert violations(CLASS, config, teams) == [
        "c is in 2 teams",
        "x is not a student of this class",
        "f is in no team",
        "team 1 has 4 members; sizes must be 3–3",
        "team 2 has 2 members; sizes must be 3–3",
        "team 3 has 1 members; sizes must be 3–3",
        "locked team a, b was changed",
        "f is not in team 1 where they are pinned",
        "team 2 has a single student of Gender 'F'",
        "team 2 has 0 common Avail slot(s), fewer than 1",
        "c and d must be together",
        "a and b must be apart",
        "team 1: a and b were teammates before",
    ]


def test_team_explanation_and_class_summary() -> None:
    """Means by hand: class GPA (4+3+2+3.5+2.5+3)/6 = 3.00; team abc 3.00, team def 3.00."""
    config = Config(
        min_size=3,
        max_size=3,
        criteria=(
            Criterion("GPA", Rule.BALANCE),
            Criterion("Gender", Rule.NO_ISOLATION, value="F"),
            Criterion("Avail", Rule.SCHEDULE, min_common=1),
        ),
        pairs=(
            PairRule("a", "b", True, hard=False, source="request"),
            PairRule("d", "f", True, hard=False, source="request"),
        ),
    )
    result = evaluate(CLASS, config, [["a", "b", "c"], ["d", "e", "f"]])
    first, second = result.metrics
    assert first.explanation == (
        "GPA mean 3.00 (class 3.00) · 2 Gender F · common slots Mon PM, Thu AM · "
        "request a + b together kept"
    )
    assert second.isolated == [("Gender", "F", "d")]
    assert second.common_slots == {"Avail": []}
    assert result.summary.class_means == {"GPA": pytest.approx(3.0)}
    assert result.summary.worst_deviation == {"GPA": pytest.approx(0.0)}
    assert result.summary.isolated_students == 1
    assert result.summary.teams_under_schedule_min == 1
    assert result.summary.broken_requests == 0
    assert result.status == "EVALUATED"
    assert math.isnan(result.bound)
    moved = evaluate(CLASS, config, [["a", "c", "d"], ["b", "e", "f"]])
    assert moved.summary.broken_requests == 2  # a+b and d+f are split
    assert moved.metrics[0].broken_pairs == list(config.pairs)
    assert moved.summary.worst_deviation == {"GPA": pytest.approx(1 / 6)}
    assert "2 of 2 pair rule(s) broken." in moved.summary.lines


def test_under_a_same_rule_teams_are_measured_against_their_own_group() -> None:
    """Two sections with different GPA means: each team is compared with its section's mean."""
    people = tuple(
        Person(pid, numeric={"GPA": gpa}, categorical={"Section": sec})
        for pid, gpa, sec in (
            ("a", 2.0, "L1"), ("b", 2.2, "L1"), ("c", 2.4, "L1"),
            ("d", 3.6, "L2"), ("e", 3.8, "L2"), ("f", 4.0, "L2"),
        )
    )  # fmt: skip
    config = Config(
        min_size=3,
        max_size=3,
        criteria=(Criterion("Section", Rule.SAME), Criterion("GPA", Rule.BALANCE)),
    )
    result = evaluate(Instance(people), config, [["a", "b", "c"], ["d", "e", "f"]])
    assert result.summary.worst_deviation == {"GPA": pytest.approx(0.0)}
    assert result.summary.lines[1] == "Worst GPA team mean is 0.00 from its section's mean."
    assert result.metrics[0].explanation.startswith("GPA mean 2.20 (section 2.20)")


def test_the_summary_names_requests_that_unbalance_the_worst_team() -> None:
    """A requested pair of weak students makes their team the least balanced; the summary says so."""
    people = tuple(
        Person(pid, numeric={"GPA": gpa})
        for pid, gpa in (("a", 2.0), ("b", 2.0), ("c", 3.0), ("d", 4.0), ("e", 4.0), ("f", 3.0))
    )
    config = Config(
        min_size=3,
        max_size=3,
        criteria=(Criterion("GPA", Rule.BALANCE),),
        pairs=(PairRule("a", "b", True, hard=False, source="request"),),
    )
    result = evaluate(Instance(people), config, [["a", "b", "c"], ["d", "e", "f"]])
    assert result.summary.lines[1] == (
        "Worst GPA team mean is 0.67 from the class mean 3.00 (team 1, which keeps a, b together)."
    )
