"""Bounds from the teams of requested teammates: every way to complete such a team is scored.

A group of people linked by together-rules either shares one team or pays for its broken rules.
Its team is the group plus a few others of its section, and what those others can bring is known
exactly: people are sorted into types by the values the rules look at, every combination of
types is scored by the rules, and each combination's least deviation per balanced attribute comes
from the members of those types. A small model then picks one completion (or a split) per group:
the teams' worst deviation counts ``teams`` times, so a group that can only be completed badly
lifts the bound, as does a request whose own members break a rule (two of one major, say).
Other people, teams and rules count 0, so the result is a proven lower bound.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

from solver.features import Feature, Group
from solver.prepare import Prepared
from solver.request_groups import split_cost, together_groups
from solver.scoring import HARD, Scorer

#: Type combinations scored over all groups; groups past this count add nothing to the bound.
MAX_COMBINATIONS = 200_000
#: Completions of more than this many people are not enumerated (the group then adds nothing).
MAX_FILL = 2

Option = tuple[tuple[int, ...], tuple[int, ...]]  # (cost per level, least deviation per feature)


@dataclass
class GroupOptions:
    """The non-trivial ways to place one group: its completions, and the price of a split
    (None when hard rules hold it together)."""

    options: list[Option]
    split: int | None


def completion_bounds(prep: Prepared) -> tuple[list[int], list[int]]:
    """Per level, a bound (breaking a soft group costs its rules at their level) and a bound
    that holds when every together-rule is kept; 0 where the groups prove nothing."""
    levels = prep.levels()
    groups = group_options(prep)
    free = [_combine(prep, groups, k, whole=False) for k in range(len(levels))]
    whole = [_combine(prep, groups, k, whole=True) for k in range(len(levels))]
    return free, whole


def group_options(prep: Prepared) -> list[GroupOptions]:
    scorer = Scorer(prep)
    budget = [MAX_COMBINATIONS]
    out = []
    for people, _ in together_groups(prep):
        options = _completions(prep, scorer, people, budget)
        if options is not None:
            out.append(GroupOptions(options, split_cost(prep, people)))
    return out


def _completions(
    prep: Prepared, scorer: Scorer, people: list[int], budget: list[int]
) -> list[Option] | None:
    """The Pareto-best completions of the group's team, or None when unknown or free (some
    completion costs nothing)."""
    group = prep.group_of[people[0]]
    sizes = sorted({s for s, g in zip(prep.team_size, prep.team_group, strict=True) if g == group})
    sizes = [s for s in sizes if s >= len(people)]
    if any(s - len(people) > MAX_FILL for s in sizes):
        return None
    types = _types(prep, people, group)
    values = [
        [np.array([f.values[p] for p in pool], dtype=np.int64) for pool in types]
        for f in prep.features
    ]
    found: set[Option] = set()
    for size in sizes:
        for combo in _combinations(types, size - len(people)):
            budget[0] -= 1
            if budget[0] < 0:
                return None
            cost = [0] * (len(scorer.levels) + 1)
            scorer.rules(people + _representatives([types[i] for i in combo]), cost)
            if cost[HARD]:
                continue
            devs = tuple(
                _least_deviation(f, people, [vals[i] for i in combo], size, group)
                for f, vals in zip(prep.features, values, strict=True)
            )
            if not any(cost) and not any(devs):
                return None  # a free completion: the group proves nothing
            found.add((tuple(cost[1:]), devs))
    return _pareto(found)


def _types(prep: Prepared, people: list[int], group: Group) -> list[list[int]]:
    """The others of the group's section sorted into types: same values for every categorical
    rule and the same slots among those the group has in common; largest types first."""
    inside = set(people)
    common: dict[int, frozenset[str]] = {}
    for ci, sets in prep.slots.items():
        known = [s for s in (sets[p] for p in people) if s is not None]
        common[ci] = frozenset.intersection(*known) if known else frozenset(prep.slot_names[ci])
    types: dict[tuple[object, ...], list[int]] = {}
    for p, g in enumerate(prep.group_of):
        if g != group or p in inside:
            continue
        cats = tuple(prep.cats[ci][p] for ci in sorted(prep.cats))
        slots = tuple(
            None if (s := prep.slots[ci][p]) is None else s & common[ci] for ci in sorted(common)
        )
        types.setdefault((cats, slots), []).append(p)
    return sorted(types.values(), key=lambda ps: (-len(ps), ps[0]))


def _combinations(types: list[list[int]], fill: int) -> list[tuple[int, ...]]:
    """Multisets of ``fill`` type indices that enough people can fill."""
    if fill == 0:
        return [()]
    if fill == 1:
        return [(i,) for i in range(len(types))]
    return [
        (i, j)
        for i in range(len(types))
        for j in range(i, len(types))
        if i != j or len(types[i]) >= 2
    ]


def _least_deviation(
    f: Feature, people: list[int], pools: list[np.ndarray], size: int, group: Group
) -> int:
    """The least deviation of the group's team of ``size`` completed with one member of each
    pool (the same pool twice gives two different members)."""
    own = sum(f.values[p] for p in people)
    if not pools:
        sums = np.array([own], dtype=np.int64)
    elif len(pools) == 1:
        sums = own + pools[0]
    elif pools[0] is pools[1]:
        i, j = np.triu_indices(len(pools[0]), 1)
        sums = own + pools[0][i] + pools[0][j]
    else:
        sums = own + np.add.outer(pools[0], pools[1]).ravel()
    total, count = f.targets[group]
    return int(np.abs(count * sums - size * total).min()) // f.unit(size, group)


def _representatives(pools: list[list[int]]) -> list[int]:
    """One person per pool, two different ones from a pool named twice."""
    if len(pools) == 2 and pools[0] is pools[1]:
        return pools[0][:2]
    return [pool[0] for pool in pools]


def _pareto(found: set[Option]) -> list[Option]:
    """The options no other option beats or equals on every cost and deviation."""

    def dominated(a: Option, b: Option) -> bool:
        return a != b and all(x >= y for x, y in zip(a[0] + a[1], b[0] + b[1], strict=True))

    return sorted(a for a in found if not any(dominated(a, b) for b in found))


def _combine(prep: Prepared, groups: list[GroupOptions], k: int, *, whole: bool) -> int:
    """The least cost of level ``k`` over one completion (or a split) per group: the teams'
    worst deviation counted for every team, plus the chosen completions' own costs."""
    cfg = prep.config
    level = prep.levels()[k]
    feats = [
        (i, cfg.criteria[f.criterion].weight)
        for i, f in enumerate(prep.features)
        if cfg.criteria[f.criterion].priority == level
    ]
    model = cp_model.CpModel()
    top = max((d for g in groups for _, devs in g.options for d in devs), default=0)
    worst = [model.new_int_var(0, top, f"worst[{i}]") for i, _ in feats]
    terms: list[cp_model.LinearExprT] = []
    for n, g in enumerate(groups):
        options = _pareto({((c[k],), tuple(d[i] for i, _ in feats)) for c, d in g.options})
        split = None if whole else g.split
        price = split if split is not None and level == cfg.pair_priority else 0
        if (split is not None and price == 0) or options == [((0,), (0,) * len(feats))]:
            continue  # this group can cost nothing on this level
        picks = [model.new_bool_var(f"pick[{n},{m}]") for m in range(len(options))]
        choices = list(picks)
        if split is not None:
            broken = model.new_bool_var(f"split[{n}]")
            terms.append(price * broken)
            choices.append(broken)
        if not choices:
            continue  # no completion keeps the hard rules: not this bound's business
        model.add_exactly_one(choices)
        for ((cost,), devs), pick in zip(options, picks, strict=True):
            own = cost + sum(w * d for (_, w), d in zip(feats, devs, strict=True))
            terms.append(own * pick)
            for var, d in zip(worst, devs, strict=True):
                if d:
                    model.add(var >= d).only_enforce_if(pick)
    if not terms:
        return 0
    teams = prep.all_teams
    terms += [w * teams * var for (_, w), var in zip(feats, worst, strict=True)]
    model.minimize(cp_model.LinearExpr.sum(terms))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = 1.0
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return 0
    return max(0, int(solver.best_objective_bound + 1e-6))
