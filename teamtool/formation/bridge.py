"""Roster + criteria -> solver instance and config; solver solution -> a team set of the course."""

from __future__ import annotations

from collections.abc import Sequence

import solver
from solver import Config, Criterion, Instance, PairRule, Person, Rule
from teamtool.errors import FormationError, InfeasibleError
from teamtool.formation.criteria import FormationCriteria
from teamtool.model import AttributeKind, AttrValue, Roster, Student, TeamSet

NUMERIC_RULES = ("balance", "spread")
SLOT_RULES = ("schedule",)
SECTION = "section"  # the student's section field, usable like a categorical column


def _kinds(rule: str) -> tuple[AttributeKind, ...]:
    if rule in NUMERIC_RULES:
        return (AttributeKind.NUMERIC,)
    if rule in SLOT_RULES:
        return (AttributeKind.AVAILABILITY,)
    return (AttributeKind.CATEGORICAL, AttributeKind.NUMERIC, AttributeKind.TEXT)


def check_columns(roster: Roster, criteria: FormationCriteria) -> None:
    """Every rule names a roster column of a kind the rule can use."""
    names = [a.name for a in roster.attributes]
    listing = ", ".join(f'"{n}"' for n in ["Section", *names])
    for r in criteria.rules:
        spec = roster.attribute(r.attribute)
        if (
            spec is None
            and r.attribute.lower() == SECTION
            and r.rule not in NUMERIC_RULES + SLOT_RULES
        ):
            continue
        if spec is None:
            raise FormationError(
                f'the roster has no column "{r.attribute}"; its columns are {listing}',
                column=r.attribute,
                code="unknown-column",
            )
        if spec.kind not in _kinds(r.rule):
            raise FormationError(
                f'column "{r.attribute}" holds {spec.kind} values; rule "{r.rule}" needs '
                f"{' or '.join(k.value for k in _kinds(r.rule))} values",
                column=r.attribute,
                code="wrong-kind",
            )
        if r.rule == "no-isolation" and r.value is not None:
            _check_value(roster, r.attribute, r.value)


def _check_value(roster: Roster, column: str, value: str) -> None:
    """The value a no-isolation rule protects is one that some active student has."""
    found = {v for s in roster.active() if isinstance(v := _value(s, column), str) and v}
    if value not in found:
        values = ", ".join(f'"{v}"' for v in sorted(found))
        raise FormationError(
            f'no student has the value "{value}"; the column\'s values are {values}',
            column=column,
            code="unknown-value",
        )


def _value(student: Student, column: str) -> AttrValue:
    if column.lower() == SECTION and column not in student.attributes:
        return student.section or None
    return student.get(column)


def _person(student: Student, criteria: FormationCriteria) -> Person:
    numeric: dict[str, float | None] = {}
    categorical: dict[str, str | None] = {}
    slots: dict[str, frozenset[str]] = {}
    for r in criteria.rules:
        value = _value(student, r.attribute)
        if r.rule in NUMERIC_RULES:
            numeric[r.attribute] = value if isinstance(value, float) else None
        elif r.rule in SLOT_RULES:
            if isinstance(value, frozenset):
                slots[r.attribute] = value
        elif isinstance(value, float):
            categorical[r.attribute] = f"{value:g}"
        else:
            categorical[r.attribute] = value if isinstance(value, str) and value else None
    return Person(student.id, numeric=numeric, categorical=categorical, slots=slots)


def _requests(roster: Roster, active: set[str]) -> list[PairRule]:
    """Preference columns as wishes: "avoid" columns keep apart, the others together."""
    rules: dict[tuple[frozenset[str], bool], PairRule] = {}
    for spec in roster.attributes_of_kind(AttributeKind.PREFERENCE):
        together = "avoid" not in spec.name.lower()
        for s in roster.active():
            value = s.get(spec.name)
            for other in value if isinstance(value, tuple) else ():
                if other in active and other != s.id:
                    key = (frozenset((s.id, other)), together)
                    rules.setdefault(key, PairRule(s.id, other, together, False, "request"))
    return list(rules.values())


def _pairs(criteria: FormationCriteria, active: set[str]) -> list[PairRule]:
    out = []
    for together, pairs in ((True, criteria.together), (False, criteria.apart)):
        for a, b in pairs:
            for pid in (a, b):
                if pid not in active:
                    raise FormationError(
                        f"pair {a},{b}: no active student has the id '{pid}'", code="unknown-id"
                    )
            out.append(PairRule(a, b, together, criteria.pairs_hard, "instructor"))
    return out


def build_instance(
    roster: Roster,
    criteria: FormationCriteria,
    previous: Sequence[TeamSet] = (),
    base: TeamSet | None = None,
) -> tuple[Instance, Config]:
    """The solver's input for the active students; ``base`` holds the locked teams."""
    check_columns(roster, criteria)
    students = roster.active()
    active = {s.id for s in students}
    if not students:
        raise FormationError("the roster has no active students", code="no-students")
    pairs = _pairs(criteria, active)
    if criteria.use_requests:
        pairs += _requests(roster, active)
    locked: list[tuple[str, ...]] = []
    for name in criteria.locked_teams:
        if base is None or name not in base.teams:
            raise FormationError(f'there is no team "{name}" to lock', code="unknown-team")
        locked.append(tuple(pid for pid in base.teams[name] if pid in active))
    for pid in criteria.pins:
        if pid not in active:
            raise FormationError(f"pin: no active student has the id '{pid}'", code="unknown-id")
    config = Config(
        min_size=criteria.min_size,
        max_size=criteria.max_size,
        target_size=criteria.target_size,
        num_teams=criteria.num_teams,
        criteria=tuple(
            Criterion(
                r.attribute, Rule(r.rule), r.priority, r.weight, r.value, r.min_common, r.hard
            )
            for r in criteria.rules
        ),
        pairs=tuple(pairs),
        pins={pid: team - 1 for pid, team in criteria.pins.items()},
        locked=tuple(t for t in locked if t),
        previous=tuple(tuple(tuple(m) for m in ts.teams.values()) for ts in previous),
        previous_hard=criteria.previous_hard,
        time_limit=criteria.time_limit,
        seed=criteria.seed,
        deterministic=criteria.deterministic,
    )
    return Instance(tuple(_person(s, criteria) for s in students)), config


def make_former(
    roster: Roster,
    criteria: FormationCriteria,
    previous: Sequence[TeamSet] = (),
    base: TeamSet | None = None,
) -> solver.TeamFormer:
    """A solver ready to run (the GUI keeps it to call ``cancel``); errors translated."""
    instance, config = build_instance(roster, criteria, previous, base)
    try:
        return solver.TeamFormer(instance, config)  # OR-Tools loads here, on the first run
    except solver.SolverError as exc:
        raise translate(exc) from exc


def team_set_from(
    solution: solver.Solution,
    criteria: FormationCriteria,
    base: TeamSet | None = None,
    name: str = "Teams",
) -> TeamSet:
    """Locked teams keep their names; the others are "Team 1".."Team N" (skipping taken names)."""
    teams: dict[str, list[str]] = {}
    locked = list(criteria.locked_teams) if base is not None else []
    number = 0
    for i, members in enumerate(solution.teams):
        if i < len(locked):
            label = locked[i]
        else:
            number += 1
            while f"Team {number}" in locked:
                number += 1
            label = f"Team {number}"
        teams[label] = list(members)
    return TeamSet(name=name, teams=teams, criteria=criteria.to_dict(), locked=set(locked))


def translate(exc: solver.SolverError) -> FormationError:
    """The solver's error as a teamtool error, with the solver's explanation."""
    if isinstance(exc, solver.InfeasibleError):
        error = InfeasibleError(
            "these rules cannot all hold: "
            + "; ".join(exc.conflicts)
            + ". Relax or remove one of them.",
            code="infeasible",
        )
        error.conflicts = exc.conflicts  # type: ignore[attr-defined]
        return error
    return FormationError(str(exc), code="formation")
