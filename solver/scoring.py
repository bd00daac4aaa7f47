"""Pure-Python scoring of teams with the model's exact cost formulas (heuristic and reports)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from solver.data import Rule
from solver.prepare import Prepared
from solver.units import (
    ISOLATION_UNIT,
    MIX_UNIT,
    PAIR_UNIT,
    PREVIOUS_UNIT,
    SCHEDULE_SHORT_UNIT,
    SIMILAR_UNIT,
    mix_range,
)

HARD = 0  # the pseudo-level counting broken hard rules (must be 0)


class Scorer:
    """Scores one team at a time: additive cost per level plus each feature's deviation.

    The total of a level is its teams' additive costs plus, per balanced feature,
    weight x teams x (largest deviation); see ``total``.
    """

    def __init__(self, prep: Prepared) -> None:
        self.prep = prep
        cfg = prep.config
        self.levels = prep.levels()
        self.slot = {lvl: i + 1 for i, lvl in enumerate(self.levels)}
        self.feature_weight = [
            (self.slot[cfg.criteria[f.criterion].priority], cfg.criteria[f.criterion].weight)
            for f in prep.features
        ]
        self.cat_counts = prep.mix_counts
        self.prev_of: dict[int, list[int]] = {}
        for i, group in enumerate(prep.previous):
            for p in group:
                self.prev_of.setdefault(p, []).append(i)
        self.pairs_of: dict[int, list[tuple[int, int]]] = {}
        for k, (_, a, b) in enumerate(prep.pairs):
            self.pairs_of.setdefault(a, []).append((k, b))
            self.pairs_of.setdefault(b, []).append((k, a))

    def team(self, members: Sequence[int]) -> tuple[list[int], list[int]]:
        """(additive cost per slot [hard, level 1, ...], deviation per feature) of one team."""
        prep = self.prep
        cost = [0] * (len(self.levels) + 1)
        size = len(members)
        if not size:
            return cost, [0] * len(prep.features)
        group = prep.group_of[members[0]]
        devs = []
        for f, (slot, weight) in zip(prep.features, self.feature_weight, strict=True):
            d = f.deviation(sum(f.values[p] for p in members), size, group)
            devs.append(d)
            cost[slot] += weight * d
        self.rules(members, cost)
        self._pairs(members, cost)
        return cost, devs

    def rules(self, members: Sequence[int], cost: list[int]) -> None:
        """Add the costs of the categorical and schedule rules of one (non-empty) team."""
        prep, cfg = self.prep, self.prep.config
        size, group = len(members), prep.group_of[members[0]]
        for ci, crit in enumerate(cfg.criteria):
            slot = self.slot.get(crit.priority, HARD)
            if crit.rule == Rule.SCHEDULE:
                common = self.common_slots(ci, members)
                short = max(0, crit.min_common - common)
                if crit.hard:
                    cost[HARD] += short
                else:
                    cost[slot] += crit.weight * SCHEDULE_SHORT_UNIT * short
            elif ci in prep.cats:
                counts = Counter(v for v in (prep.cats[ci][p] for p in members) if v is not None)
                if crit.rule in (Rule.MIX, Rule.SPREAD):
                    dev = 0
                    for (g, v), n in self.cat_counts[ci].items():
                        if g == group:
                            low, high = mix_range(n, prep.group_size[g], size)
                            dev += max(0, counts[v] - high, low - counts[v])
                    if crit.hard:
                        cost[HARD] += dev
                    else:
                        cost[slot] += crit.weight * MIX_UNIT * dev
                elif crit.rule == Rule.SIMILAR:
                    cost[slot] += crit.weight * SIMILAR_UNIT * len(counts)
                    if crit.hard:
                        cost[HARD] += max(0, len(counts) - 1)
                elif crit.rule == Rule.NO_ISOLATION and counts[crit.value or ""] == 1:
                    cost[HARD if crit.hard else slot] += (
                        1 if crit.hard else crit.weight * ISOLATION_UNIT
                    )

    def common_slots(self, ci: int, members: Sequence[int]) -> int:
        """How many slots of schedule criterion ``ci`` every member has (unknown: any)."""
        known = [s for s in (self.prep.slots[ci][p] for p in members) if s is not None]
        if not known:
            return len(self.prep.slot_names[ci])
        return len(frozenset.intersection(*known))

    def _pairs(self, members: Sequence[int], cost: list[int]) -> None:
        cfg = self.prep.config
        inside = set(members)
        slot = self.slot.get(cfg.pair_priority, HARD)
        for p in members:
            for k, other in self.pairs_of.get(p, ()):
                rule = self.prep.pairs[k][0]
                if rule.together and other not in inside:  # counted once from each side
                    cost[HARD if rule.hard else slot] += (
                        1 if rule.hard else cfg.pair_weight * PAIR_UNIT // 2
                    )
                elif not rule.together and other in inside and p < other:
                    cost[HARD if rule.hard else slot] += (
                        2 if rule.hard else cfg.pair_weight * PAIR_UNIT
                    )
        seen = Counter(i for p in members for i in self.prev_of.get(p, ()))
        repeats = sum(n - 1 for n in seen.values() if n > 1)
        if cfg.previous_hard:
            cost[HARD] += repeats
        else:
            cost[slot] += cfg.pair_weight * PREVIOUS_UNIT * repeats

    def total(self, teams: Sequence[Sequence[int]]) -> list[int]:
        """[broken hard rules, cost of level 1, level 2, ...] of a whole assignment."""
        out = [0] * (len(self.levels) + 1)
        worst = [f.eps_floor for f in self.prep.features]
        for members in teams:
            cost, devs = self.team(members)
            out = [a + b for a, b in zip(out, cost, strict=True)]
            worst = [max(a, b) for a, b in zip(worst, devs, strict=True)]
        return self.finish(out, worst)

    def finish(self, costs: list[int], worst: Sequence[int]) -> list[int]:
        """The total from the teams' summed additive ``costs`` and each feature's worst
        deviation (each counted once per team of the class)."""
        out = list(costs)
        for (slot, weight), f, w in zip(
            self.feature_weight, self.prep.features, worst, strict=True
        ):
            out[slot] += weight * self.prep.all_teams * max(w, f.eps_floor)
        return out
