"""The part of a prepared class made of a few of its teams, and its exact re-solve (LNS)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ortools.sat.python import cp_model

from solver.compile.prepare import Prepared
from solver.evaluation.scoring import Scorer
from solver.model.build import BuiltModel, build_model
from solver.model.cpsat import cp_solver

#: Extra constraints on a part's model: given the model and the part.
Narrow = Callable[[BuiltModel, Prepared], None]


def resolve(
    prep: Prepared,
    teams: list[list[int]],
    chosen: list[int],
    seconds: float,
    seed: int,
    narrow: Narrow | None = None,
    held: int | None = None,
) -> tuple[list[list[int]] | None, cp_model.CpSolverStatus, float]:
    """The ``chosen`` teams re-solved exactly, level by level, or None; CP-SAT's status and
    deterministic time. The teams are never worse than they are; with ``narrow``'s constraints,
    on the first ``held`` levels only (the later ones may pay for them). The levels are weighed
    lexicographically, exact because a lower level may not exceed twice its score (+ 1000)."""
    part, people = sub_problem(prep, teams, chosen)
    local = {p: i for i, p in enumerate(people)}
    built = build_model(part)
    if narrow is not None:
        narrow(built, part)
    levels = part.levels()
    current = Scorer(part).total([[local[p] for p in teams[t]] for t in chosen])
    weight, weights, exprs, now = 1, [], [], 0
    for k in reversed(range(len(levels))):
        expr = built.costs.expression(levels[k])
        cap = 2 * current[k + 1] + 1000
        if k:
            built.model.add(expr <= cap)
        exprs.append(expr)
        weights.append(weight)
        now += weight * current[k + 1]
        weight *= cap + 1
    objective = cp_model.LinearExpr.weighted_sum(exprs, weights)
    if held is None:
        built.model.add(objective <= now)  # never accept worse teams
    for k in range(held or 0):
        built.model.add(built.costs.expression(levels[k]) <= current[k + 1])
    built.model.minimize(objective)
    built.xs.hint([[local[p] for p in teams[t]] for t in chosen])
    solver = cp_solver(dtime=max(0.01, seconds), seed=seed)
    status = solver.solve(built.model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, status, solver.deterministic_time
    found = built.xs.extract(solver)
    return [[people[i] for i in m] for m in found], status, solver.deterministic_time


def sub_problem(
    prep: Prepared, teams: list[list[int]], chosen: list[int]
) -> tuple[Prepared, list[int]]:
    """The part of ``prep`` made of the ``chosen`` teams, and its people as indices of ``prep``.

    Class-wide targets stay (class means, shares, number of teams); the worst deviation of the
    teams left out becomes a floor of the part's worst deviation.
    """
    people = sorted(p for t in chosen for p in teams[t])
    local = {p: i for i, p in enumerate(people)}
    inside = set(chosen)
    features = []
    for f in prep.features:
        outside = [
            f.deviation(sum(f.values[p] for p in m), len(m), prep.team_group[t])
            for t, m in enumerate(teams)
            if t not in inside
        ]
        features.append(
            replace(f, values=[f.values[p] for p in people], eps_floor=max([f.eps_floor, *outside]))
        )
    part = Prepared(
        config=prep.config,
        ids=[prep.ids[p] for p in people],
        locked=prep.locked,
        group_of=[prep.group_of[p] for p in people],
        team_group=[prep.team_group[t] for t in chosen],
        team_size=[len(teams[t]) for t in chosen],
        pin_of={local[p]: chosen.index(t) for p, t in prep.pin_of.items() if p in local},
        features=features,
        cats={ci: [v[p] for p in people] for ci, v in prep.cats.items()},
        slots={ci: [v[p] for p in people] for ci, v in prep.slots.items()},
        slot_names=prep.slot_names,
        pairs=[(r, local[a], local[b]) for r, a, b in prep.pairs if a in local and b in local],
        previous=[
            g
            for g in ([local[p] for p in grp if p in local] for grp in prep.previous)
            if len(g) >= 2
        ],
        group_size=prep.group_size,
        mix_counts=prep.mix_counts,
        all_teams=prep.all_teams,
    )
    return part, people
