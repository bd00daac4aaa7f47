"""Every way to complete the team of a group of requested teammates, scored by the rules.

The group's team is the group plus a few others of its section. Those others are sorted into
types by what the rules look at (each categorical value, the slots among those the group has in
common, and the group of requested teammates they belong to, if any), so every combination of
types is scored exactly by the rules; each combination's least deviation per balanced attribute
comes from the values of the people of those types. Only the Pareto-best completions are kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from solver.bounds.completion_pools import Completion, Pool, completion_options
from solver.compile.features import Group
from solver.compile.prepare import Prepared
from solver.compile.request_groups import split_cost, together_groups
from solver.evaluation.scoring import HARD, Scorer
from solver.search.plan import MAX_COMBINATIONS

#: Completions of more than this many people are not enumerated (they count as unknown).
MAX_FILL = 2
Slots = frozenset[str] | None  # a person's slots for one schedule rule (None: unknown)


@dataclass
class GroupCompletions:
    """A group's best completions (one free completion when some costs nothing or when they are
    unknown) and the price of splitting it (None when hard rules hold it together)."""

    people: list[int]
    options: list[Completion]
    split: int | None


def group_completions(
    prep: Prepared, combinations: int = MAX_COMBINATIONS
) -> list[GroupCompletions]:
    """The best completions of every group, scoring at most ``combinations`` type
    combinations in all (groups past that count get one free completion)."""
    groups = together_groups(prep)
    owner = {p: n for n, (people, _) in enumerate(groups) for p in people}
    scorer, classmates = Scorer(prep), Classmates(prep)
    free = Completion((0,) * len(prep.levels()), (0,) * len(prep.features))
    budget = [combinations]
    out = []
    for people, _ in groups:
        found = (
            _completions(prep, scorer, classmates, people, owner, groups, budget)
            if budget[0] > 0
            else None
        )
        out.append(
            GroupCompletions(people, [free] if found is None else found, split_cost(prep, people))
        )
    return out


def _completions(
    prep: Prepared,
    scorer: Scorer,
    classmates: Classmates,
    people: list[int],
    owner: dict[int, int],
    groups: list[tuple[list[int], bool]],
    budget: list[int],
) -> list[Completion] | None:
    """The Pareto-best completions, or None when unknown or when one costs nothing."""
    group = prep.group_of[people[0]]
    sizes = sorted({s for s, g in zip(prep.team_size, prep.team_group, strict=True) if g == group})
    sizes = [s for s in sizes if s >= len(people)]
    if any(s - len(people) > MAX_FILL for s in sizes):
        return None
    types = [Pool(members, prep, owner) for members in classmates.types(people)]
    type_of = {p: i for i, pool in enumerate(types) for p in pool.members}
    pairs: dict[tuple[int, ...], list[int]] = {}  # two types -> the requested pairs made of them
    for n, (members, _) in enumerate(groups):
        if len(members) == 2 and all(p in type_of for p in members):
            pairs.setdefault(tuple(sorted(type_of[p] for p in members)), []).append(n)
    found: set[Completion] = set()
    for size in sizes:
        for combo in _combinations([len(t.members) for t in types], size - len(people)):
            budget[0] -= 1
            if budget[0] < 0:
                return None
            pools = [types[i] for i in combo]
            cost = [0] * (len(scorer.levels) + 1)
            scorer.rules(people + _representatives([t.members for t in pools]), cost)
            if cost[HARD]:
                continue
            options = completion_options(prep, people, pools, size, tuple(cost[1:]))
            for n in pairs.get(combo, []) if len(combo) == 2 else []:
                team = people + groups[n][0]
                devs = tuple(
                    f.deviation(sum(f.values[p] for p in team), size, group) for f in prep.features
                )
                options.append(Completion(tuple(cost[1:]), devs, takes=frozenset({n})))
            for option in options:
                if not any(option.cost + option.devs) and not option.splits:
                    return None  # a free completion: the group proves nothing
                found.add(option)
    return _pareto(found)


class Classmates:
    """Everyone's categorical values and slots, by section, read once for all groups."""

    def __init__(self, prep: Prepared) -> None:
        self.prep = prep
        self.schedules = sorted(prep.slots)
        self.by_section: dict[Group, list[tuple[int, tuple[object, ...], tuple[Slots, ...]]]] = {}
        for p, g in enumerate(prep.group_of):
            cats = tuple(prep.cats[ci][p] for ci in sorted(prep.cats))
            slots = tuple(prep.slots[ci][p] for ci in self.schedules)
            self.by_section.setdefault(g, []).append((p, cats, slots))

    def types(self, people: list[int]) -> list[list[int]]:
        """The others of the group's section sorted into types (the same value for every
        categorical rule, the same slots among those the group has in common), largest first."""
        prep, inside = self.prep, set(people)
        common = []
        for ci in self.schedules:
            known = [s for s in (prep.slots[ci][p] for p in people) if s is not None]
            common.append(
                frozenset.intersection(*known) if known else frozenset(prep.slot_names[ci])
            )
        types: dict[tuple[object, ...], list[int]] = {}
        for p, cats, slots in self.by_section[prep.group_of[people[0]]]:
            if p not in inside:
                seen = tuple(
                    None if s is None else s & c for s, c in zip(slots, common, strict=True)
                )
                types.setdefault((cats, seen), []).append(p)
        return sorted(types.values(), key=lambda ps: (-len(ps), ps[0]))


def _combinations(counts: list[int], fill: int) -> list[tuple[int, ...]]:
    """Multisets of ``fill`` type indices that enough people (``counts`` per type) can fill."""
    if fill == 0:
        return [()]
    if fill == 1:
        return [(i,) for i in range(len(counts))]
    n = len(counts)
    return [(i, j) for i in range(n) for j in range(i, n) if i != j or counts[i] >= 2]


def _representatives(pools: list[list[int]]) -> list[int]:
    """One person per pool, two different ones from a pool named twice."""
    if len(pools) == 2 and pools[0] is pools[1]:
        return pools[0][:2]
    return [pool[0] for pool in pools]


def _pareto(found: set[Completion]) -> list[Completion]:
    """The completions no other one beats: as good on every cost and deviation, taking at least
    the same groups, and asking no split (or a split of any of more groups)."""

    def beaten(a: Completion, b: Completion) -> bool:
        return (
            a != b
            and b.takes >= a.takes
            and (not b.splits or (bool(a.splits) and b.splits >= a.splits))
            and all(x >= y for x, y in zip(a.cost + a.devs, b.cost + b.devs, strict=True))
        )

    # A completion is beaten only by one with no larger cost and deviation sum, seen first.
    kept: list[Completion] = []
    for a in sorted(found, key=completion_order):
        if not any(beaten(a, b) for b in kept):
            kept.append(a)
    return kept


def completion_order(c: Completion) -> tuple[object, ...]:
    """Least total first; on ties, those asking no split and taking most first."""
    return (
        sum(c.cost + c.devs),
        bool(c.splits),
        -len(c.takes),
        c.cost,
        c.devs,
        sorted(c.splits),
        sorted(c.takes),
    )
