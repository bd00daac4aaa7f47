"""One team per person, fixed team sizes, pins, and symmetry breaking between equal teams."""

from __future__ import annotations

from ortools.sat.python import cp_model

from solver.compile.prepare import Prepared
from solver.compile.symmetry import symmetry_classes
from solver.model.guards import Guards
from solver.model.variables import AssignmentVars


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
