"""Pair rules (together/apart, hard or soft) and former teammates not meeting again."""

from __future__ import annotations

from ortools.sat.python import cp_model

from solver.compile.prepare import Prepared
from solver.compile.units import PAIR_UNIT, PREVIOUS_UNIT
from solver.data import PairRule
from solver.model.guards import Costs, Guards
from solver.model.variables import AssignmentVars


def pair_label(rule: PairRule) -> str:
    how = "together" if rule.together else "apart"
    who = "as requested" if rule.source == "request" else "by the instructor"
    return f"{rule.a} and {rule.b} are kept {how} {who}"


def build(
    model: cp_model.CpModel, xs: AssignmentVars, prep: Prepared, guards: Guards, costs: Costs
) -> None:
    cfg = prep.config
    broken = []
    for rule, a, b in prep.pairs:
        teams = sorted(set(xs.teams_of[a]) | set(xs.teams_of[b]))
        both = [t for t in teams if (a, t) in xs.x and (b, t) in xs.x]
        if rule.hard:
            lits = guards(pair_label(rule))
            for t in teams if rule.together else both:
                if rule.together:
                    model.add(xs.is_in(a, t) == xs.is_in(b, t)).only_enforce_if(lits)
                else:
                    model.add(xs.x[a, t] + xs.x[b, t] <= 1).only_enforce_if(lits)
            continue
        lost = model.new_bool_var(f"broken[{rule.a},{rule.b}]")
        for t in teams if rule.together else both:
            if rule.together:
                model.add(xs.is_in(a, t) - xs.is_in(b, t) <= lost)
            else:
                model.add(xs.x[a, t] + xs.x[b, t] - 1 <= lost)
        broken.append(lost)
    costs.add(cfg.pair_priority, sum(broken), cfg.pair_weight * PAIR_UNIT)
    repeats = []
    for i, group in enumerate(prep.previous):
        names = ", ".join(prep.ids[p] for p in group)
        for t in range(prep.num_teams):
            inside = [p for p in group if (p, t) in xs.x]
            if len(inside) < 2:
                continue
            count = xs.count(inside, t)
            if cfg.previous_hard:
                label = f"former teammates {names} do not meet again"
                model.add(count <= 1).only_enforce_if(guards(label))
                continue
            extra = model.new_int_var(0, len(inside) - 1, f"repeat[{i},{t}]")
            model.add(count <= 1 + extra)
            repeats.append(extra)
    costs.add(cfg.pair_priority, sum(repeats), cfg.pair_weight * PREVIOUS_UNIT)
