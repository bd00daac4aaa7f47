"""Assemble the CP-SAT model from the constraint modules."""

from __future__ import annotations

from dataclasses import dataclass

from ortools.sat.python import cp_model

from solver.compile.prepare import Prepared
from solver.model.constraints import categorical, numeric, pairs, schedule, structure
from solver.model.cpsat import cp_solver
from solver.model.guards import Costs, Guards
from solver.model.variables import AssignmentVars


@dataclass
class BuiltModel:
    model: cp_model.CpModel
    xs: AssignmentVars
    guards: Guards
    costs: Costs


def build_model(prep: Prepared, *, explain: bool = False) -> BuiltModel:
    """The full model; with ``explain`` every hard rule is guarded by an assumption literal."""
    model = cp_model.CpModel()
    xs = AssignmentVars(model, prep, pins_as_vars=explain)
    guards = Guards(model, active=explain)
    costs = Costs()
    structure.build(model, xs, prep, guards, symmetry=not explain)
    numeric.build(model, xs, prep, costs)
    categorical.build(model, xs, prep, guards, costs)
    schedule.build(model, xs, prep, guards, costs)
    pairs.build(model, xs, prep, guards, costs)
    return BuiltModel(model, xs, guards, costs)


def complete_hint(built: BuiltModel, teams: list[list[int]], seconds: float = 2.0) -> bool:
    """Hint every variable (not just x) with the values the given teams imply.

    CP-SAT ignores an incomplete hint as a first solution; the auxiliary values are found by
    solving a copy of the model with x fixed, which is pure propagation. False when the teams
    break a hard rule (then only x is hinted).
    """
    built.model.clear_hints()
    built.xs.hint(teams)
    trial = built.model.clone()  # keeps the objective, so auxiliary values come out tight
    team_of = {p: t for t, members in enumerate(teams) for p in members}
    for (p, t), var in built.xs.x.items():
        trial.add(trial.get_bool_var_from_proto_index(var.index) == int(team_of.get(p) == t))
    solver = cp_solver(seconds=seconds)
    if solver.solve(trial) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return False
    built.model.clear_hints()
    for i in range(len(built.model.proto.variables)):
        var = built.model.get_int_var_from_proto_index(i)
        built.model.add_hint(var, solver.value(trial.get_int_var_from_proto_index(i)))
    return True
