"""A proven bound per level from the teams of requested teammates (see completions.py).

A group of people linked by together-rules either shares one team or pays for its broken rules.
A small model picks, per group, one of its best completions, a split, or (when another group's
completion takes it whole) nothing; a completion that takes some members of other groups splits one of
those groups. The teams' worst deviation counts once per team, so a group that can only be
completed badly lifts the bound, as does a request whose members already break a rule (two of
one major, say). Other people, teams and rules count 0, so the result is a lower bound.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from solver.completions import (
    MAX_COMBINATIONS,
    Completion,
    GroupCompletions,
    completion_order,
    group_completions,
)
from solver.prepare import Prepared


def completion_bounds(
    prep: Prepared, combinations: int = MAX_COMBINATIONS, seconds: float = 1.0
) -> tuple[list[int], list[int], list[int]]:
    """Per level: a bound (splitting a soft group costs its rules on the pair rules' level); a
    bound that holds when every together-rule is kept; and one that holds when every earlier
    level scores 0, where no group's completion may cost anything on those levels (with no
    isolation on level 1, a requested trio whose woman would be alone must take another woman,
    even when a man would balance its team better). 0 where the groups prove nothing."""
    groups = group_completions(prep, combinations)
    levels = prep.levels()
    free = [_combine(prep, groups, k, seconds, whole=False) for k in range(len(levels))]
    whole = [_combine(prep, groups, k, seconds, whole=True) for k in range(len(levels))]
    clean = [
        _combine(
            prep, groups, k, seconds, whole=prep.config.pair_priority in levels[:k], clean=True
        )
        if k
        else free[0]
        for k in range(len(levels))
    ]
    return free, whole, clean


def _combine(
    prep: Prepared,
    groups: list[GroupCompletions],
    k: int,
    seconds: float,
    *,
    whole: bool,
    clean: bool = False,
) -> int:
    """The least cost of level ``k`` over one choice per group: the teams' worst deviation
    counted for every team, plus the chosen completions' own costs and the splits' prices;
    ``clean``: only completions that cost nothing on the levels before ``k``."""
    cfg = prep.config
    level = prep.levels()[k]
    priority = [cfg.criteria[f.criterion].priority for f in prep.features]
    feats = [(i, cfg.criteria[f.criterion].weight) for i, f in enumerate(prep.features)]
    feats = [(i, w) for i, w in feats if priority[i] == level]
    earlier = [i for i, p in enumerate(priority) if p in prep.levels()[:k]]
    on_level = level == cfg.pair_priority

    def project(c: Completion) -> Completion:
        return Completion((c.cost[k],), tuple(c.devs[i] for i, _ in feats), c.splits, c.takes)

    def allowed(c: Completion) -> bool:
        return not clean or not (any(c.cost[:k]) or any(c.devs[i] for i in earlier))

    options = [
        sorted(set(map(project, filter(allowed, g.options))), key=completion_order) for g in groups
    ]
    referenced = {n for opts in options for c in opts for n in c.splits | c.takes}
    model = cp_model.CpModel()
    top = max((d for opts in options for c in opts for d in c.devs), default=0)
    worst = [model.new_int_var(0, top, f"worst[{i}]") for i, _ in feats]
    terms: list[cp_model.LinearExprT] = [
        w * prep.all_teams * var for (_, w), var in zip(feats, worst, strict=True)
    ]
    picks: list[list[cp_model.IntVar]] = []
    splits: dict[int, cp_model.IntVar] = {}
    takers: dict[int, list[cp_model.IntVar]] = {}
    for n, (g, opts) in enumerate(zip(groups, options, strict=True)):
        picks.append([model.new_bool_var(f"pick[{n},{m}]") for m in range(len(opts))])
        choices = list(picks[n])
        if g.split is not None and not whole:
            splits[n] = model.new_bool_var(f"split[{n}]")
            terms.append((g.split if on_level else 0) * splits[n])
            choices.append(splits[n])
        if n in referenced:
            taken = model.new_bool_var(f"taken[{n}]")
            takers[n] = [taken]
            choices.append(taken)
        if choices:  # else no team can hold the group whole: not this bound's business
            model.add_exactly_one(choices)
        for c, pick in zip(opts, picks[n], strict=True):
            own = c.cost[0] + sum(w * d for (_, w), d in zip(feats, c.devs, strict=True))
            terms.append(own * pick)
            for var, d in zip(worst, c.devs, strict=True):
                if d:
                    model.add(var >= d).only_enforce_if(pick)
    for n, opts in enumerate(options):
        for c, pick in zip(opts, picks[n], strict=True):
            if c.splits:  # it splits one of these groups (those that may be split)
                model.add_bool_or([splits[o] for o in c.splits if o in splits]).only_enforce_if(
                    pick
                )
            for other in c.takes:
                takers[other].append(pick)
    for taken, *by in takers.values():
        model.add(taken <= sum(by))
    model.minimize(cp_model.LinearExpr.sum(terms))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = seconds
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return 0
    return max(0, int(solver.best_objective_bound + 1e-6))
