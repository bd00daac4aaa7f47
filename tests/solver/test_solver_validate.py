"""The validator and the people-facing metrics, on hand-made teams."""

from __future__ import annotations

from solver_cases import instance, person

from solver import Broken, Config, Criterion, PairRule, Rule, Violation, violations

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
        Violation(Broken.MIXED, 2, attribute="Section", values=("L01", "L02"))
    ]
    fine = Config(min_size=3, max_size=3)
    assert violations(CLASS, fine, [["a", "b", "c"], ["d", "e", "f"]]) == []


def test_broken_hard_rules_come_back_as_numbers() -> None:
    """Team 1 holds a and b, who must be apart; team 2 has 2 of 3 members and one woman."""
    config = Config(
        min_size=3,
        max_size=3,
        criteria=(Criterion("Gender", Rule.NO_ISOLATION, value="F", hard=True),),
        pairs=(PairRule("a", "b", together=False),),
    )
    assert violations(CLASS, config, [["a", "b", "c", "f"], ["d", "e"]]) == [
        Violation(Broken.SIZE, 1, count=4, low=3, high=3),
        Violation(Broken.SIZE, 2, count=2, low=3, high=3),
        Violation(Broken.ISOLATED, 2, attribute="Gender", value="F"),
        Violation(Broken.APART, people=("a", "b")),
    ]
