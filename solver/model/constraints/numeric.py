"""Balance of numeric attributes: team means close to the class mean, worst team first."""

from __future__ import annotations

from ortools.sat.python import cp_model

from solver.compile.features import BALANCE_TOLERANCE
from solver.compile.prepare import Prepared
from solver.model.guards import Costs
from solver.model.variables import AssignmentVars


def build(model: cp_model.CpModel, xs: AssignmentVars, prep: Prepared, costs: Costs) -> None:
    """Per feature: dev[t] = deviation of team t's mean from its group's (the class's or the
    section's) mean, eps >= dev[t]; cost T * eps + the sum of each dev[t] beyond the tolerance
    (``excess``).

    Deviations are whole hundredths of an SD (see ``Feature``); each dev[t] starts at the least
    deviation a team of its size can have, which gives the solver a real lower bound.
    """
    for feat in prep.features:
        crit = prep.config.criteria[feat.criterion]
        sizes = prep.team_size
        groups = prep.team_group
        low = max([feat.eps_floor, *(feat.floor(s, g) for s, g in zip(sizes, groups, strict=True))])
        eps = model.new_int_var(
            low,
            max([low, *(feat.top(s, g) for s, g in zip(sizes, groups, strict=True))]),
            f"eps[{feat.label}]",
        )
        overs = []
        for t, size in enumerate(sizes):
            g = groups[t]
            dev = model.new_int_var(
                feat.floor(size, g), feat.top(size, g), f"dev[{feat.label},{t}]"
            )
            total, count = feat.targets[g]
            gap = count * xs.weighted(feat.values, t) - size * total
            unit = feat.unit(size, g)
            # dev = floor(|gap| / unit) at the optimum: dev * unit >= |gap| - (unit - 1).
            model.add(dev * unit >= gap - unit + 1)
            model.add(dev * unit >= -gap - unit + 1)
            model.add(eps >= dev)
            over = model.new_int_var(0, feat.top(size, g), f"over[{feat.label},{t}]")
            model.add(over >= dev - BALANCE_TOLERANCE)  # = excess(dev) at the optimum
            overs.append(over)
        costs.add(crit.priority, prep.all_teams * eps + sum(overs), crit.weight)
