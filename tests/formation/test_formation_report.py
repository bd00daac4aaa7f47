"""The sentences about a formation run (teamtool/formation/report.py): the solver hands back
numbers, these tests check the words made of them, on hand-made teams with means by hand."""

from __future__ import annotations

import math

import pytest

from solver import (
    Config,
    Criterion,
    Instance,
    LevelResult,
    PairRule,
    Person,
    Progress,
    Rule,
    Status,
    evaluate,
    violations,
)
from teamtool.formation.report import (
    level_lines,
    progress_text,
    summary_lines,
    team_explanation,
    violation_text,
)


def person(pid: str, gpa: float, gender: str, section: str, slots: str) -> Person:
    return Person(
        pid,
        numeric={"GPA": gpa},
        categorical={"Gender": gender, "Section": section},
        slots={"Avail": frozenset(s.strip() for s in slots.split(";"))},
    )


CLASS = Instance(
    (
        person("a", 4.0, "F", "L01", "Mon PM; Thu AM"),
        person("b", 3.0, "F", "L01", "Mon PM; Thu AM; Fri PM"),
        person("c", 2.0, "M", "L01", "Mon PM; Thu AM"),
        person("d", 3.5, "F", "L02", "Tue AM"),
        person("e", 2.5, "M", "L02", "Wed PM"),
        person("f", 3.0, "M", "L01", "Tue AM"),
    )
)


def test_level_lines_say_what_each_level_holds_and_what_is_proven() -> None:
    cfg = Config(
        criteria=(
            Criterion("Gender", Rule.NO_ISOLATION, value="F"),
            Criterion("Section", Rule.NO_ISOLATION, value="L01", hard=True),
            Criterion("GPA", Rule.BALANCE, priority=2),
            Criterion("Major", Rule.MIX, priority=3),
        ),
        pairs=(PairRule("a", "b", True, hard=False),),
    )
    levels = [
        LevelResult(1, 0, 0, Status.OPTIMAL),
        LevelResult(2, 152, 150, Status.FEASIBLE),
        LevelResult(3, 3000, 0, Status.FEASIBLE),
    ]
    assert level_lines(cfg, levels) == [
        "priority 1 (no-isolation Gender=F, pair wishes): score 0, proven optimal",
        "priority 2 (balance GPA): score 152, bound 150, gap 1.3%",
        "priority 3 (mix Major): score 3000, no bound proven",
    ]


def test_progress_text_says_when_no_bound_is_proven() -> None:
    open_level = Progress(152.0, 150.0, 2 / 152, 1.0, 3, level=2)
    assert progress_text(open_level) == "score 152, bound 150, gap 1.3% (priority 2)"
    no_bound = Progress(4500.0, 0.0, 1.0, 1.4, 5, level=3)
    assert progress_text(no_bound) == "score 4500, no bound proven yet (priority 3)"


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
    second = result.metrics[1]
    assert team_explanation(result, config, 0) == (
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
    assert "2 of 2 pair rule(s) broken." in summary_lines(moved, config)


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
    assert (
        summary_lines(result, config)[1] == "Worst GPA team mean is 0.00 from its section's mean."
    )
    assert team_explanation(result, config, 0).startswith("GPA mean 2.20 (section 2.20)")


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
    assert summary_lines(result, config)[1] == (
        "Worst GPA team mean is 0.67 from the class mean 3.00 (team 1, which keeps a, b together)."
    )


def test_the_formation_package_loads_no_or_tools_until_a_run() -> None:
    """The Teams page imports the criteria types: that loads neither OR-Tools nor the solver's
    search; forming teams does, when the solver is first made."""
    import subprocess
    import sys

    probe = (
        "import sys, teamtool.formation as f, teamtool.formation.report;"
        "print('ortools' in sys.modules, 'solver.former' in sys.modules);"
        "f.make_former; f.bridge.solver.TeamFormer;"
        "print('ortools' in sys.modules, 'solver.former' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "False", "True", "True"]


def texts(instance: Instance, config: Config, teams: list[list[str]]) -> list[str]:
    return [violation_text(v) for v in violations(instance, config, teams)]


def test_valid_teams_have_no_violations_and_a_mixed_section_is_named() -> None:
    config = Config(min_size=3, max_size=3, criteria=(Criterion("Section", Rule.SAME),))
    assert texts(CLASS, config, [["a", "b", "c"], ["d", "e", "f"]]) == [
        "team 2 mixes Section values ['L01', 'L02']"
    ]
    fine = Config(min_size=3, max_size=3)
    assert texts(CLASS, fine, [["a", "b", "c"], ["d", "e", "f"]]) == []


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
    assert texts(CLASS, config, teams) == [
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
