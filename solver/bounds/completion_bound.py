"""A proven bound per level from the teams of requested teammates (see completions.py).

A group of people linked by together-rules either shares one team or pays for its broken rules.
A small model picks, per group, one of its best completions, a split, or (when another group's
completion takes it whole) nothing; a completion that takes some members of other groups splits one of
those groups. The teams' worst deviation counts once per team, so a group that can only be
completed badly lifts the bound, as does a request whose members already break a rule (two of
one major, say). Other people, teams and rules count 0, so the result is a lower bound.

The same model bounds a level given the scores of the levels before it: each earlier level's
cost in the model (which is at most that level's score) may not exceed its score, so a level
whose requests are kept forbids splits, and one that scores 0 forbids completions that cost
anything there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ortools.sat.python import cp_model

from solver.bounds.completion_pools import Completion
from solver.bounds.completions import (
    GroupCompletions,
    completion_order,
    group_completions,
)
from solver.compile.features import excess
from solver.compile.prepare import Prepared
from solver.model.cpsat import cp_solver
from solver.search.plan import MAX_COMBINATIONS


def completion_bounds(
    prep: Prepared,
    combinations: int = MAX_COMBINATIONS,
    seconds: float = 1.0,
    groups: list[GroupCompletions] | None = None,
) -> tuple[list[int], list[int], list[int]]:
    """Per level: a bound (splitting a soft group costs its rules on the pair rules' level); a
    bound that holds when every together-rule is kept; and one that holds when every earlier
    level scores 0, where no group's completion may cost anything on those levels (with no
    isolation on level 1, a requested trio whose woman would be alone must take another woman,
    even when a man would balance its team better). 0 where the groups prove nothing."""
    if groups is None:
        groups = group_completions(prep, combinations)
    n = len(prep.levels())
    free = [least_cost(prep, groups, k, {}, seconds) for k in range(n)]
    whole = [least_cost(prep, groups, k, {}, seconds, splits=False) for k in range(n)]
    clean = [least_cost(prep, groups, k, dict.fromkeys(range(k), 0), seconds) for k in range(n)]
    return free, whole, clean


def bound_given(
    prep: Prepared,
    groups: list[GroupCompletions],
    k: int,
    found: Sequence[float],
    seconds: float = 1.0,
) -> int:
    """A bound on level ``k`` over the teams that score no more than ``found`` on each
    earlier level (e.g. with two requests broken, at most two groups may split)."""
    return least_cost(prep, groups, k, {j: int(found[j]) for j in range(k)}, seconds)


def least_cost(
    prep: Prepared,
    groups: list[GroupCompletions],
    k: int,
    budgets: Mapping[int, int],
    seconds: float,
    *,
    splits: bool = True,
) -> int:
    """The least cost of level ``k`` over one choice per group (the teams' worst deviation
    counted for every team, plus the chosen completions' own costs and the splits' prices),
    with each level ``j`` of ``budgets`` costing at most ``budgets[j]``; ``splits``: whether a
    soft group may split."""
    cfg, levels = prep.config, prep.levels()
    counted = sorted({k, *budgets})
    weight = [cfg.criteria[f.criterion].weight for f in prep.features]
    level_of = [levels.index(cfg.criteria[f.criterion].priority) for f in prep.features]
    feats = [i for i in range(len(prep.features)) if level_of[i] in counted]
    pair = levels.index(cfg.pair_priority) if cfg.pair_priority in levels else -1

    def project(c: Completion) -> Completion:
        costs = tuple(c.cost[j] for j in counted)
        return Completion(costs, tuple(c.devs[i] for i in feats), c.splits, c.takes)

    options = [sorted(set(map(project, g.options)), key=completion_order) for g in groups]
    referenced = {n for opts in options for c in opts for n in c.splits | c.takes}
    model = cp_model.CpModel()
    top = max((d for opts in options for c in opts for d in c.devs), default=0)
    worst = [model.new_int_var(0, top, f"worst[{i}]") for i in feats]
    terms: dict[int, list[cp_model.LinearExprT]] = {j: [] for j in counted}
    for i, var in zip(feats, worst, strict=True):
        terms[level_of[i]].append(weight[i] * prep.all_teams * var)
    picks: list[list[cp_model.IntVar]] = []
    split_vars: dict[int, cp_model.IntVar] = {}
    takers: dict[int, list[cp_model.IntVar]] = {}
    for n, (g, opts) in enumerate(zip(groups, options, strict=True)):
        picks.append([model.new_bool_var(f"pick[{n},{m}]") for m in range(len(opts))])
        choices = list(picks[n])
        if g.split is not None and splits:
            split_vars[n] = model.new_bool_var(f"split[{n}]")
            if pair in terms:
                terms[pair].append(g.split * split_vars[n])
            choices.append(split_vars[n])
        if n in referenced:
            taken = model.new_bool_var(f"taken[{n}]")
            takers[n] = [taken]
            choices.append(taken)
        if choices:  # else no team can hold the group whole: not this bound's business
            model.add_exactly_one(choices)
        for c, pick in zip(opts, picks[n], strict=True):
            devs = list(zip(feats, c.devs, strict=True))
            for j, cost in zip(counted, c.cost, strict=True):
                own = cost + sum(weight[i] * excess(d) for i, d in devs if level_of[i] == j)
                terms[j].append(own * pick)
            for var, d in zip(worst, c.devs, strict=True):
                if d:
                    model.add(var >= d).only_enforce_if(pick)
    for n, opts in enumerate(options):
        for c, pick in zip(opts, picks[n], strict=True):
            if c.splits:  # it splits one of these groups (those that may be split)
                model.add_bool_or(
                    [split_vars[o] for o in c.splits if o in split_vars]
                ).only_enforce_if(pick)
            for other in c.takes:
                takers[other].append(pick)
    for taken, *by in takers.values():
        model.add(taken <= sum(by))
    for j, budget in budgets.items():
        model.add(cp_model.LinearExpr.sum(terms[j]) <= budget)
    model.minimize(cp_model.LinearExpr.sum(terms[k]))
    solver = cp_solver(dtime=seconds)
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return 0
    return max(0, int(solver.best_objective_bound + 1e-6))
