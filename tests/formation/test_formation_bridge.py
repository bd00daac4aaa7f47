"""Roster + criteria -> solver input, and solver output -> a team set of the course."""

from __future__ import annotations

from pathlib import Path

import pytest

from solver import Rule
from teamtool.errors import FormationError
from teamtool.formation import AttributeRule, FormationCriteria, build_instance
from teamtool.model import AttributeKind, AttributeSpec, Roster, Student
from teamtool.roster import import_roster


@pytest.fixture
def roster(samples_dir: Path) -> Roster:
    result = import_roster(samples_dir / "roster.csv")
    assert not result.problems.has_errors()
    return result.roster


def small_roster() -> Roster:
    specs = [
        AttributeSpec("GPA", AttributeKind.NUMERIC),
        AttributeSpec("Gender", AttributeKind.CATEGORICAL),
        AttributeSpec("Availability", AttributeKind.AVAILABILITY),
        AttributeSpec("Requested teammates", AttributeKind.PREFERENCE),
        AttributeSpec("Avoid", AttributeKind.PREFERENCE),
    ]
    rows = [
        ("a", 4.0, "F", "Mon AM; Tue PM", ("b",), None),
        ("b", 3.0, "F", "Mon AM", None, None),
        ("c", 2.0, "M", "Mon AM; Fri PM", None, ("d",)),
        ("d", 3.0, "M", None, None, None),
        ("e", 2.5, "M", "Mon AM", None, None),
        ("f", 3.5, "M", "Mon AM", None, None),
        ("g", 1.0, "M", "Mon AM", None, None),
    ]
    students = [
        Student(
            pid,
            name=f"Student {pid.upper()}",
            section="L01",
            attributes={
                "GPA": gpa,
                "Gender": gender,
                "Availability": None if slots is None else frozenset(slots.split("; ")),
                "Requested teammates": req,
                "Avoid": avoid,
            },
            dropped=pid == "g",
        )
        for pid, gpa, gender, slots, req, avoid in rows
    ]
    return Roster(students, specs)


def test_build_instance_maps_kinds_requests_and_drops() -> None:
    criteria = FormationCriteria(
        min_size=3,
        max_size=3,
        rules=[
            AttributeRule("GPA", "balance"),
            AttributeRule("Gender", "no-isolation", value="F"),
            AttributeRule("Availability", "schedule", min_common=1),
            AttributeRule("Section", "same"),
        ],
        together=[("e", "f")],
    )
    instance, config = build_instance(small_roster(), criteria)
    people = {p.id: p for p in instance.people}
    assert sorted(people) == ["a", "b", "c", "d", "e", "f"]  # g is dropped
    assert people["a"].numeric == {"GPA": 4.0}
    assert people["a"].categorical == {"Gender": "F", "Section": "L01"}
    assert people["a"].slots == {"Availability": frozenset({"Mon AM", "Tue PM"})}
    assert people["d"].slots == {}  # unknown availability: no constraint
    assert [c.rule for c in config.criteria] == [
        Rule.BALANCE,
        Rule.NO_ISOLATION,
        Rule.SCHEDULE,
        Rule.SAME,
    ]
    pairs = {(p.a, p.b, p.together, p.hard, p.source) for p in config.pairs}
    assert pairs == {
        ("e", "f", True, True, "instructor"),
        ("a", "b", True, False, "request"),
        ("c", "d", False, False, "request"),
    }


def test_unknown_column_names_the_column_and_lists_the_roster_columns(roster: Roster) -> None:
    criteria = FormationCriteria(rules=[AttributeRule("GPAA", "balance")])
    with pytest.raises(FormationError) as err:
        build_instance(roster, criteria)
    assert err.value.column == "GPAA"
    assert (
        'the roster has no column "GPAA"; its columns are "Section", "Gender", "Major", '
        '"GPA", "Programming", "Writing", "Availability"' in str(err.value)
    )


def test_a_rule_on_the_wrong_kind_of_column(roster: Roster) -> None:
    with pytest.raises(
        FormationError,
        match='column "Major" holds categorical values; rule "balance" needs numeric values',
    ):
        build_instance(roster, FormationCriteria(rules=[AttributeRule("Major", "balance")]))


def test_criteria_validation() -> None:
    with pytest.raises(FormationError, match="unknown rule 'balanced'"):
        AttributeRule("GPA", "balanced")
    with pytest.raises(FormationError, match="needs the value to protect"):
        AttributeRule("Gender", "no-isolation")
    with pytest.raises(FormationError, match="unknown formation setting"):
        FormationCriteria.from_dict({"sizes": 3})


def test_no_isolation_of_a_value_no_student_has_is_refused(samples_dir: Path) -> None:
    """A typo in the protected value ("Q" for "F") would silently protect no one."""
    roster = import_roster(samples_dir / "roster.csv").roster
    criteria = FormationCriteria(rules=(AttributeRule("Gender", "no-isolation", value="Q"),))
    with pytest.raises(FormationError) as info:
        build_instance(roster, criteria)
    message = 'no student has the value "Q"; the column\'s values are "F", "M", "NB"'
    assert message in str(info.value)
    assert info.value.column == "Gender"
