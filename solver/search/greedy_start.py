"""A constructive start for the swap search: people join, one at a time, the team where the
class's cost rises least.

Each person tries a few random teams with room, the teams of their requested teammates, and a
few teams where a rule is broken that one more member could mend (a lone member with a protected
value, a team short of common slots, a mix out of share). Teams are scored by the model's own
formulas on their members so far. People with a requested teammate go first, then people with a
protected value, then everyone else, farthest from the mean first (as in largest-first
number partitioning), each part in a seeded random order. On a large class this start is
much closer to good teams than a random one, so the climb that follows needs far fewer tries.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from solver.compile.prepare import Prepared
from solver.data import Rule
from solver.evaluation.scoring import Scorer

RANDOM_TRIES = 4  # random teams with room tried per person
MEND_TRIES = 2  # teams with a broken rule tried per person
ORDER_JITTER = 0.5  # class SDs of noise in the far-first order, so restarts differ


def greedy_start(prep: Prepared, scorer: Scorer, rng: random.Random) -> list[list[int]]:
    """Teams in the model's slots (pins in place), every slot filled to its size."""
    teams: list[list[int]] = [[] for _ in prep.team_size]
    for p, t in prep.pin_of.items():
        teams[t].append(p)
    cost = [scorer.team(m)[0] for m in teams]
    room: dict[object, list[int]] = {}
    for t, g in enumerate(prep.team_group):
        if len(teams[t]) < prep.team_size[t]:
            room.setdefault(g, []).append(t)
    mend = {t for t, m in enumerate(teams) if m and _breaks_rule(scorer, m)}
    partners = _partners(prep)
    team_of = {p: t for t, m in enumerate(teams) for p in m}
    for p in _order(prep, partners, rng):
        open_teams = room[prep.group_of[p]]
        tries = set(rng.sample(open_teams, min(RANDOM_TRIES, len(open_teams))))
        tries.update(team_of[q] for q in partners.get(p, ()) if team_of.get(q) in open_teams)
        needy = [t for t in mend if t in open_teams]
        tries.update(rng.sample(needy, min(MEND_TRIES, len(needy))))
        options = []
        for t in tries:
            new = scorer.team([*teams[t], p])[0]
            options.append(([a - b for a, b in zip(new, cost[t], strict=True)], t, new))
        _, best, best_cost = min(options)  # the least rise in cost, then the first slot
        teams[best].append(p)
        cost[best], team_of[p] = best_cost, best
        if len(teams[best]) == prep.team_size[best]:
            open_teams.remove(best)
            mend.discard(best)
        elif _breaks_rule(scorer, teams[best]):
            mend.add(best)
        else:
            mend.discard(best)
    return teams


def _breaks_rule(scorer: Scorer, members: Sequence[int]) -> bool:
    cost = [0] * (len(scorer.levels) + 1)
    scorer.rules(members, cost)
    return any(cost)


def _partners(prep: Prepared) -> dict[int, list[int]]:
    """Each person's requested teammates (together-rules within their group)."""
    out: dict[int, list[int]] = {}
    for rule, a, b in prep.pairs:
        if rule.together and prep.group_of[a] == prep.group_of[b]:
            out.setdefault(a, []).append(b)
            out.setdefault(b, []).append(a)
    return out


def _order(prep: Prepared, partners: dict[int, list[int]], rng: random.Random) -> list[int]:
    """Movable people: requested groups first (each group in a row), then people with a
    protected value, then the rest, each part in a seeded random order."""
    movable = [p for p in range(len(prep.ids)) if p not in prep.pin_of]
    rng.shuffle(movable)
    protected: set[int] = set()
    for ci, crit in enumerate(prep.config.criteria):
        if crit.rule == Rule.NO_ISOLATION and ci in prep.cats:
            protected.update(p for p, v in enumerate(prep.cats[ci]) if v == crit.value)
    order: list[int] = []
    seen: set[int] = set()
    for p in movable:
        if p in partners and p not in seen:
            stack = [p]
            while stack:
                q = stack.pop()
                if q in seen or q in prep.pin_of:
                    continue
                seen.add(q)
                order.append(q)
                stack.extend(partners.get(q, ()))
    order += [p for p in movable if p not in seen and p in protected]
    rest = [p for p in movable if p not in seen and p not in protected]
    far = _distance(prep)
    rest.sort(key=lambda p: far[p] + rng.random() * ORDER_JITTER, reverse=True)
    return order + rest


def _distance(prep: Prepared) -> list[float]:
    """How far each person is from their group's mean on the numeric attributes, in class
    SDs (the largest): people far off go first, while every team can still take them."""
    out = [0.0] * len(prep.ids)
    for f in prep.features:
        for p, value in enumerate(f.values):
            total, count = f.targets[prep.group_of[p]]
            out[p] = max(out[p], abs(value - total / count) / max(f.sd, 1e-9))
    return out
