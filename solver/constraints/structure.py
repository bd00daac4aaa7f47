"""One team per person, fixed team sizes, pins, and symmetry breaking between equal teams."""

from __future__ import annotations

from ortools.sat.python import cp_model

from solver.guards import Guards
from solver.prepare import Prepared
from solver.variables import AssignmentVars


def build(
    model: cp_model.CpModel, xs: AssignmentVars, prep: Prepared, guards: Guards, *, symmetry: bool
) -> None:
    # Every person is in exactly one of the teams open to them.
    for p, teams in enumerate(xs.teams_of):
        model.add_exactly_one(xs.x[p, t] for t in teams)
    # Every team has its precomputed size (the size multiset is feasible by construction).
    for t, size in enumerate(prep.team_size):
        model.add(sum(xs.x[p, t] for p in xs.members_of[t]) == size)
    # Pins (already fixed through the variables unless we are explaining).
    for p, t in prep.pin_of.items():
        if (p, t) in xs.x and len(xs.teams_of[p]) > 1:
            label = f"{prep.ids[p]} is pinned to team {t + len(prep.locked) + 1}"
            model.add(xs.x[p, t] == 1).only_enforce_if(guards(label))
    if symmetry:
        for cls, people in symmetry_classes(prep):
            for rank, p in enumerate(people):
                for t in cls[rank + 1 :]:
                    model.add(xs.x[p, t] == 0)


def symmetry_classes(prep: Prepared) -> list[tuple[list[int], list[int]]]:
    """Interchangeable teams (same group and size, no pins) with the people who may fill them.

    Teams of a class can be relabelled by their smallest member, so the i-th of those people
    never needs a team ranked above i within the class.
    """
    pinned = set(prep.pin_of.values())
    classes: dict[tuple[object, int], list[int]] = {}
    for t, (g, size) in enumerate(zip(prep.team_group, prep.team_size, strict=True)):
        if t not in pinned:
            classes.setdefault((g, size), []).append(t)
    out = []
    for (key, _), teams in classes.items():
        people = [p for p, pg in enumerate(prep.group_of) if pg == key and p not in prep.pin_of]
        if len(teams) > 1:
            out.append((teams, people))
    return out


def canonical(prep: Prepared, teams: list[list[int]]) -> list[list[int]]:
    """Relabel interchangeable teams by smallest member so the teams obey symmetry breaking."""
    out = [sorted(m) for m in teams]
    for cls, people in symmetry_classes(prep):
        order = {p: i for i, p in enumerate(people)}
        ranked = sorted((out[t] for t in cls), key=lambda m: min(order[p] for p in m))
        for t, members in zip(cls, ranked, strict=True):
            out[t] = members
    return out
