"""Groups of people linked by together-rules, and the least cost of splitting one."""

from __future__ import annotations

from itertools import combinations

from solver.compile.prepare import Prepared
from solver.compile.units import PAIR_UNIT

#: Groups up to this size are split exactly (every bipartition); larger ones count one rule.
EXACT_SPLIT_SIZE = 12


def together_groups(prep: Prepared) -> list[tuple[list[int], bool]]:
    """People linked by together-rules within one group (connected components of two or
    more), each with whether a soft rule links them (if not, they must share a team)."""
    parent = list(range(len(prep.ids)))

    def root(p: int) -> int:
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    soft: set[int] = set()
    for rule, a, b in prep.pairs:
        if rule.together and prep.group_of[a] == prep.group_of[b]:
            parent[root(a)] = root(b)
    for rule, a, b in prep.pairs:
        if rule.together and not rule.hard and prep.group_of[a] == prep.group_of[b]:
            soft.add(root(a))
    members: dict[int, list[int]] = {}
    for p in range(len(prep.ids)):
        members.setdefault(root(p), []).append(p)
    return [(m, r in soft) for r, m in sorted(members.items()) if len(m) >= 2]


def split_cost(prep: Prepared, people: list[int]) -> int | None:
    """The least cost of the broken soft together-rules when ``people`` (one group) do not all
    share a team, or None when hard together-rules hold them all."""
    inside = set(people)
    edges = [
        (a, b, rule.hard)
        for rule, a, b in prep.pairs
        if rule.together and a in inside and b in inside
    ]
    price = prep.config.pair_weight * PAIR_UNIT
    if len(people) > EXACT_SPLIT_SIZE:
        return price if any(not hard for _, _, hard in edges) else None
    best: int | None = None
    first, rest = people[0], people[1:]
    for k in range(len(rest)):  # every bipartition with `first` on the left, right non-empty
        for left in combinations(rest, k):
            side = {first, *left}
            cut = [hard for a, b, hard in edges if (a in side) != (b in side)]
            if not any(cut):
                cost = price * len(cut)
                best = cost if best is None else min(best, cost)
    return best
