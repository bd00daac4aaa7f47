"""Schedule: at least k slots common to all members of a team (hard, or priced per missing slot)."""

from __future__ import annotations

from ortools.sat.python import cp_model

from solver.compile.prepare import Prepared
from solver.compile.units import SCHEDULE_SHORT_UNIT
from solver.data import Rule
from solver.model.guards import Costs, Guards
from solver.model.variables import AssignmentVars


def build(
    model: cp_model.CpModel, xs: AssignmentVars, prep: Prepared, guards: Guards, costs: Costs
) -> None:
    for ci, crit in enumerate(prep.config.criteria):
        if crit.rule != Rule.SCHEDULE:
            continue
        names = prep.slot_names[ci]
        sets = prep.slots[ci]
        shorts = []
        for t, size in enumerate(prep.team_size):
            common = []
            for q in names:
                # common[q] can be 1 only when every member is free at q (unknown = free).
                free = [p for p in xs.members_of[t] if (s := sets[p]) is None or q in s]
                if len(free) < size:
                    continue
                lit = model.new_bool_var(f"common[{ci},{t},{q}]")
                model.add(sum(xs.x[p, t] for p in free) >= size * lit)
                common.append(lit)
            if crit.hard:
                label = f"at least {crit.min_common} common {crit.attribute} slot(s) per team"
                model.add(sum(common) >= crit.min_common).only_enforce_if(guards(label))
            else:
                short = model.new_int_var(0, crit.min_common, f"short[{ci},{t}]")
                model.add(short + sum(common) >= crit.min_common)
                shorts.append(short)
        costs.add(crit.priority, sum(shorts), crit.weight * SCHEDULE_SHORT_UNIT)
