"""Proven lower bounds per priority level from an aggregated model of team sums only.

A team's deviation depends only on its sum, team sums are integers, and the sums of the teams
of a group add up to the group's total. Minimising the balance cost over sums alone (any
people) is a relaxation, so its bound is a bound of the real problem. Other costs count 0,
except that on the level of the pair rules, people asked to be together either share a team
(whose sums then lie between the group's least and greatest fill-ups of them) or cost a
broken request: so a request that makes balance impossible shows in the bound.
"""

from __future__ import annotations

from dataclasses import dataclass

from ortools.sat.python import cp_model

from solver.compile.features import BALANCE_TOLERANCE, Feature, Group
from solver.compile.prepare import Prepared
from solver.compile.request_groups import together_groups
from solver.compile.units import PAIR_UNIT
from solver.model.cpsat import cp_solver
from solver.search.plan import MAX_HOMES


def _few_homes(prep: Prepared, groups: list[tuple[list[int], bool]], seconds: float) -> bool:
    return sum(map(len, home_teams(prep, groups))) <= MAX_HOMES * min(1.0, seconds)


def level_bounds(prep: Prepared, seconds: float = 1.0) -> list[int]:
    levels = prep.levels()
    out = [0] * len(levels)
    for f in prep.features:
        crit = prep.config.criteria[f.criterion]
        out[levels.index(crit.priority)] += crit.weight * feature_bound(prep, f, seconds)
    level = prep.config.pair_priority
    groups = together_groups(prep)
    if level in levels and groups and _few_homes(prep, groups, seconds):
        k = levels.index(level)
        out[k] = max(out[k], request_bound(prep, level, seconds))
    return out


@dataclass
class FeatureVars:
    """Team sums and deviations of one feature, its worst deviation, and its cost
    (T x worst deviation + sum of deviations beyond the tolerance, ``excess``)."""

    sums: dict[int, cp_model.IntVar]
    devs: dict[int, cp_model.IntVar]
    worst: cp_model.IntVar
    cost: cp_model.LinearExpr


def add_feature(model: cp_model.CpModel, prep: Prepared, f: Feature) -> FeatureVars:
    tops = [f.top(s, g) for s, g in zip(prep.team_size, prep.team_group, strict=True)]
    worst = model.new_int_var(0, max(tops), "worst")
    sums: dict[int, cp_model.IntVar] = {}
    devs: dict[int, cp_model.IntVar] = {}
    overs: list[cp_model.IntVar] = []
    for group, people in prep.group_members().items():
        values = sorted(f.values[p] for p in people)
        group_sums = []
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
            sums[t] = total
            group_sums.append(total)
            devs[t] = dev
            over = model.new_int_var(0, f.top(size, group), f"over[{t}]")
            model.add(over >= dev - BALANCE_TOLERANCE)  # = excess(dev) at the optimum
            overs.append(over)
        model.add(sum(group_sums) == sum(values))
    return FeatureVars(sums, devs, worst, prep.all_teams * worst + sum(overs))


def feature_bound(prep: Prepared, f: Feature, seconds: float) -> int:
    """Least T x worst deviation + sum of excess deviations over integer team sums (a relaxation)."""
    model = cp_model.CpModel()
    model.minimize(add_feature(model, prep, f).cost)
    return _bound(model, seconds)


def whole_bounds(prep: Prepared, seconds: float = 1.0) -> list[int]:
    """Per level, a bound that holds when every together-rule is kept: so for the levels after
    the pair rules' level once that level costs 0, and always when every such rule is hard
    (0 where it adds nothing)."""
    levels = prep.levels()
    out = [0] * len(levels)
    groups = together_groups(prep)
    if not groups or not _few_homes(prep, groups, seconds):
        return out
    balanced = {prep.config.criteria[f.criterion].priority for f in prep.features}
    for k, level in enumerate(levels):
        if level != prep.config.pair_priority and level in balanced:
            out[k] = request_bound(prep, level, seconds, whole=True)
    return out


def request_bound(prep: Prepared, level: int, seconds: float, *, whole: bool = False) -> int:
    """Bound of the pair rules' level: its balance costs plus one broken pair per split group
    of together-rules; a group kept whole sits in one team, whose sums it narrows. With
    ``whole``, of any level's balance costs when every group is kept whole."""
    cfg = prep.config
    model = cp_model.CpModel()
    feats = [f for f in prep.features if cfg.criteria[f.criterion].priority == level]
    fvars = [add_feature(model, prep, f) for f in feats]
    costs = [cfg.criteria[f.criterion].weight * v.cost for f, v in zip(feats, fvars, strict=True)]
    members = prep.group_members()
    load: dict[int, list[tuple[int, cp_model.IntVar]]] = {}
    groups = together_groups(prep)
    for i, ((people, soft), teams) in enumerate(zip(groups, home_teams(prep, groups), strict=True)):
        kept = model.new_bool_var(f"kept[{i}]")
        if soft and not whole:
            costs.append(cfg.pair_weight * PAIR_UNIT * (1 - kept))
        else:
            model.add(kept == 1)
        group = prep.group_of[people[0]]
        inside = set(people)
        homes = [model.new_bool_var(f"home[{i},{t}]") for t in teams]
        model.add(sum(homes) == kept)
        for t, home in zip(teams, homes, strict=True):
            load.setdefault(t, []).append((len(people), home))
        for f, v in zip(feats, fvars, strict=True):
            own = sum(f.values[p] for p in people)
            rest = sorted(f.values[p] for p in members[group] if p not in inside)
            leasts = []
            for t, home in zip(teams, homes, strict=True):
                size = prep.team_size[t]
                fill = size - len(people)
                low, high = own + sum(rest[:fill]), own + sum(rest[len(rest) - fill :])
                model.add(v.sums[t] >= low).only_enforce_if(home)
                model.add(v.sums[t] <= high).only_enforce_if(home)
                least = least_deviation(f, low, high, size, group)
                model.add(v.devs[t] >= least * home)
                leasts.append(least * home)
            # Implied (one home at most), but the linear relaxation needs it.
            model.add(v.worst >= sum(leasts))
    for t, held in load.items():
        model.add(sum(n * home for n, home in held) <= prep.team_size[t])
    model.minimize(sum(costs))
    return _bound(model, seconds, linearization=2)


def home_teams(prep: Prepared, groups: list[tuple[list[int], bool]]) -> list[list[int]]:
    """The teams each group of requested teammates may sit in, up to symmetry: teams of one
    section and size are interchangeable in the relaxation, so the i-th such group of a
    section needs only the first i + 1 teams of each size (relabel the teams by the first
    group they hold)."""
    classes: dict[tuple[Group, int], list[int]] = {}
    for t, key in enumerate(zip(prep.team_group, prep.team_size, strict=True)):
        classes.setdefault(key, []).append(t)
    seen: dict[Group, int] = {}
    out = []
    for people, _ in groups:
        group = prep.group_of[people[0]]
        rank = seen.get(group, 0)
        seen[group] = rank + 1
        out.append(
            sorted(
                t
                for (g, size), teams in classes.items()
                if g == group and size >= len(people)
                for t in teams[: rank + 1]
            )
        )
    return out


def least_deviation(f: Feature, low: int, high: int, size: int, group: Group) -> int:
    """The least deviation of a team of ``size`` whose sum lies in [low, high]."""
    if f.gap(low, size, group) > 0:
        return f.deviation(low, size, group)
    if f.gap(high, size, group) < 0:
        return f.deviation(high, size, group)
    return 0


def _bound(model: cp_model.CpModel, seconds: float, linearization: int = 1) -> int:
    solver = cp_solver(seconds=seconds, dtime=seconds, linearization=linearization)
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return 0
    return max(0, int(solver.best_objective_bound + 1e-6))
