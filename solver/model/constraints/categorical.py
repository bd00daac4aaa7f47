"""Categorical rules: mix (class proportions), similar (few values), no isolation of a value."""

from __future__ import annotations

from ortools.sat.python import cp_model

from solver.compile.prepare import Prepared
from solver.compile.units import ISOLATION_UNIT, MIX_UNIT, SIMILAR_UNIT, mix_range
from solver.data import Rule
from solver.model.guards import Costs, Guards
from solver.model.variables import AssignmentVars


def value_sets(prep: Prepared, ci: int) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for p, v in enumerate(prep.cats[ci]):
        if v is not None:
            out.setdefault(v, set()).add(p)
    return out


def build(
    model: cp_model.CpModel, xs: AssignmentVars, prep: Prepared, guards: Guards, costs: Costs
) -> None:
    for ci, crit in enumerate(prep.config.criteria):
        if ci not in prep.cats:
            continue
        sets = value_sets(prep, ci)
        if crit.rule in (Rule.MIX, Rule.SPREAD):
            _mix(model, xs, prep, guards, costs, ci, sets)
        elif crit.rule == Rule.SIMILAR:
            _similar(model, xs, prep, guards, costs, ci, sets)
        elif crit.rule == Rule.NO_ISOLATION:
            _no_isolation(model, xs, prep, guards, costs, ci, sets.get(crit.value or "", set()))


def _mix(
    model: cp_model.CpModel,
    xs: AssignmentVars,
    prep: Prepared,
    guards: Guards,
    costs: Costs,
    ci: int,
    sets: dict[str, set[int]],
) -> None:
    crit = prep.config.criteria[ci]
    devs = []
    for t, size in enumerate(prep.team_size):
        group = prep.team_group[t]
        for value, people in sets.items():
            total = prep.mix_counts[ci].get((group, value), 0)
            if not total:
                continue
            low, high = mix_range(total, prep.group_size[group], size)
            count = xs.count([p for p in xs.members_of[t] if p in people], t)
            if crit.hard:
                label = f"{crit.attribute} mixed in class proportions in every team"
                model.add_linear_constraint(count, low, high).only_enforce_if(guards(label))
                continue
            dev = model.new_int_var(0, size, f"mix[{ci},{t}]")
            model.add(dev >= count - high)
            model.add(dev >= low - count)
            devs.append(dev)
    costs.add(crit.priority, sum(devs), crit.weight * MIX_UNIT)


def _similar(
    model: cp_model.CpModel,
    xs: AssignmentVars,
    prep: Prepared,
    guards: Guards,
    costs: Costs,
    ci: int,
    sets: dict[str, set[int]],
) -> None:
    crit = prep.config.criteria[ci]
    used = []
    for t, size in enumerate(prep.team_size):
        here = []
        for value, people in sets.items():
            if not any((p, t) in xs.x for p in people):
                continue
            has = model.new_bool_var(f"has[{ci},{t},{value}]")
            model.add(xs.count(people, t) <= size * has)
            here.append(has)
        if crit.hard:
            label = f"one {crit.attribute} value per team"
            model.add(sum(here) <= 1).only_enforce_if(guards(label))
        used.extend(here)
    costs.add(crit.priority, sum(used), crit.weight * SIMILAR_UNIT)


def _no_isolation(
    model: cp_model.CpModel,
    xs: AssignmentVars,
    prep: Prepared,
    guards: Guards,
    costs: Costs,
    ci: int,
    people: set[int],
) -> None:
    crit = prep.config.criteria[ci]
    label = f"no team with a single student of {crit.attribute} '{crit.value}'"
    lonely = []
    for t, size in enumerate(prep.team_size):
        if not any((p, t) in xs.x for p in people):
            continue
        count = xs.count(people, t)
        has = model.new_bool_var(f"has[{ci},{t}]")
        model.add(count <= size * has)
        if crit.hard:
            model.add(count >= 2 * has).only_enforce_if(guards(label))
            continue
        alone = model.new_bool_var(f"alone[{ci},{t}]")
        model.add(count + alone >= 2 * has)
        lonely.append(alone)
    costs.add(crit.priority, sum(lonely), crit.weight * ISOLATION_UNIT)
