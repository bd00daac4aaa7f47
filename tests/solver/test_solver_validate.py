"""The validator and the people-facing metrics, on hand-made teams."""

from __future__ import annotations

from solver_cases import instance, person

from solver import Config, Criterion, PairRule, Rule, violations

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
