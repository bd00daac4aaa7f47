"""Proven lower bounds per priority level from an aggregated model of team sums only.

A team's deviation depends only on its sum, team sums are integers, and the sums of the teams
of a group add up to the group's total. Minimising the balance cost over sums alone (any
people) is a relaxation, so its bound is a bound of the real problem. Other costs count 0.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from solver.features import Feature
from solver.prepare import Prepared


def level_bounds(prep: Prepared, seconds: float = 1.0) -> list[int]:
    levels = prep.levels()
    out = [0] * len(levels)
    for f in prep.features:
        crit = prep.config.criteria[f.criterion]
        out[levels.index(crit.priority)] += crit.weight * feature_bound(prep, f, seconds)
    return out


def feature_bound(prep: Prepared, f: Feature, seconds: float) -> int:
    """Least T x worst deviation + sum of deviations over integer team sums (a relaxation)."""
    model = cp_model.CpModel()
    members = prep.group_members()
    tops = [f.top(s, g) for s, g in zip(prep.team_size, prep.team_group, strict=True)]
    worst = model.new_int_var(0, max(tops), "worst")
    devs = []
    for group, people in members.items():
        values = sorted(f.values[p] for p in people)
        sums = []
        for t, size in enumerate(prep.team_size):
            if prep.team_group[t] != group:
                continue
            low, high = sum(values[:size]), sum(values[-size:])
            total = model.new_int_var(low, high, f"sum[{t}]")
            dev = model.new_int_var(f.floor(size, group), f.top(size, group), f"dev[{t}]")
            target, count = f.targets[group]
            gap, unit = count * total - size * target, f.unit(size, group)
            model.add(dev * unit >= gap - unit + 1)
            model.add(dev * unit >= -gap - unit + 1)
            model.add(worst >= dev)
            sums.append(total)
            devs.append(dev)
        model.add(sum(sums) == sum(values))
    model.minimize(prep.all_teams * worst + sum(devs))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.max_deterministic_time = seconds
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return 0
    return int(solver.best_objective_bound + 1e-6)
