"""Pure-Python scoring of teams with the model's exact cost formulas (heuristic and reports)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from solver.compile.features import excess
from solver.compile.prepare import Prepared
from solver.compile.units import (
    ISOLATION_UNIT,
    MIX_UNIT,
    PAIR_UNIT,
    PREVIOUS_UNIT,
    SCHEDULE_SHORT_UNIT,
    SIMILAR_UNIT,
    mix_range,
)
from solver.data import Rule
from solver.evaluation.rules import common_slots, isolated

HARD = 0  # the pseudo-level counting broken hard rules (must be 0)
#: A categorical or schedule rule, ready to score: see ``Scorer._compile``.
Check = tuple[Rule, int, int, int, bool, str]


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
        self._checks = self._compile()
        #: (feature, size, group) -> (target sum, count, step): see ``team``
        self._targets: dict[tuple[int, int, object], tuple[int, int, int]] = {}
        #: (criterion, group, size) -> [(value, fewest, most)] of a mix rule
        self._shares: dict[tuple[int, object, int], list[tuple[str, int, int]]] = {}

    def team(self, members: Sequence[int]) -> tuple[list[int], list[int]]:
        """(additive cost per slot [hard, level 1, ...], deviation per feature) of one team."""
        prep = self.prep
        cost = [0] * (len(self.levels) + 1)
        size = len(members)
        if not size:
            return cost, [0] * len(prep.features)
        group = prep.group_of[members[0]]
        devs = []
        targets = self._targets
        pairs = zip(prep.features, self.feature_weight, strict=True)
        for k, (f, (slot, weight)) in enumerate(pairs):
            known = targets.get((k, size, group))
            if known is None:
                total, count = f.targets[group]
                known = targets[k, size, group] = (total, count, f.unit(size, group))
            total, count, step = known
            values = f.values
            d = abs(count * sum([values[p] for p in members]) - size * total) // step
            devs.append(d)
            cost[slot] += weight * excess(d)
        self.rules(members, cost)
        if self.pairs_of:
            self._pairs(members, cost)
        if self.prev_of:
            self._repeats(members, cost)
        return cost, devs

    def _compile(self) -> list[Check]:
        """Per categorical or schedule criterion: (rule, criterion, slot of its cost, cost
        per unit, whether it is hard, value), so ``rules`` looks nothing up."""
        prep, out = self.prep, list[Check]()
        for ci, crit in enumerate(prep.config.criteria):
            slot = self.slot.get(crit.priority, HARD)
            if crit.rule == Rule.SCHEDULE:
                unit = 1 if crit.hard else crit.weight * SCHEDULE_SHORT_UNIT
                out.append((crit.rule, ci, HARD if crit.hard else slot, unit, False, ""))
            elif ci in prep.cats and crit.rule in (Rule.MIX, Rule.SPREAD):
                unit = 1 if crit.hard else crit.weight * MIX_UNIT
                out.append((Rule.MIX, ci, HARD if crit.hard else slot, unit, False, ""))
            elif ci in prep.cats and crit.rule == Rule.SIMILAR:
                out.append((crit.rule, ci, slot, crit.weight * SIMILAR_UNIT, crit.hard, ""))
            elif ci in prep.cats and crit.rule == Rule.NO_ISOLATION:
                unit = 1 if crit.hard else crit.weight * ISOLATION_UNIT
                target = HARD if crit.hard else slot
                out.append((crit.rule, ci, target, unit, False, crit.value or ""))
        return out

    def rules(self, members: Sequence[int], cost: list[int]) -> None:
        """Add the costs of the categorical and schedule rules of one (non-empty) team."""
        prep = self.prep
        for rule, ci, slot, unit, hard, value in self._checks:
            if rule == Rule.SCHEDULE:
                short = prep.config.criteria[ci].min_common - self.common_slots(ci, members)
                if short > 0:
                    cost[slot] += unit * short
                continue
            values = [prep.cats[ci][p] for p in members]
            if rule == Rule.MIX:
                dev = 0
                for v, low, high in self._mix_shares(ci, prep.group_of[members[0]], len(values)):
                    n = values.count(v)
                    dev += max(0, n - high, low - n)
                cost[slot] += unit * dev
            elif rule == Rule.SIMILAR:
                distinct = len({v for v in values if v is not None})
                cost[slot] += unit * distinct
                if hard:
                    cost[HARD] += max(0, distinct - 1)
            elif isolated(values, value):  # no isolation
                cost[slot] += unit

    def _mix_shares(self, ci: int, group: object, size: int) -> list[tuple[str, int, int]]:
        """The values of mix rule ``ci`` in ``group``, each with the fewest and most members
        a team of ``size`` should have."""
        key = (ci, group, size)
        shares = self._shares.get(key)
        if shares is None:
            shares = self._shares[key] = [
                (v, *mix_range(n, self.prep.group_size[g], size))
                for (g, v), n in self.cat_counts[ci].items()
                if g == group
            ]
        return shares

    def common_slots(self, ci: int, members: Sequence[int]) -> int:
        """How many slots of schedule criterion ``ci`` every member has (unknown: any)."""
        common = common_slots([self.prep.slots[ci][p] for p in members])
        return len(self.prep.slot_names[ci]) if common is None else len(common)

    def _pairs(self, members: Sequence[int], cost: list[int]) -> None:
        """Add the costs of the pair rules with a member in this team."""
        cfg, pairs, pairs_of = self.prep.config, self.prep.pairs, self.pairs_of
        slot = self.slot.get(cfg.pair_priority, HARD)
        for p in members:
            for k, other in pairs_of.get(p, ()):
                rule = pairs[k][0]
                if rule.together and other not in members:  # counted once from each side
                    cost[HARD if rule.hard else slot] += (
                        1 if rule.hard else cfg.pair_weight * PAIR_UNIT // 2
                    )
                elif not rule.together and other in members and p < other:
                    cost[HARD if rule.hard else slot] += (
                        2 if rule.hard else cfg.pair_weight * PAIR_UNIT
                    )

    def _repeats(self, members: Sequence[int], cost: list[int]) -> None:
        """Add the cost of former teammates together again in this team."""
        cfg = self.prep.config
        seen = Counter(i for p in members for i in self.prev_of.get(p, ()))
        repeats = sum(n - 1 for n in seen.values() if n > 1)
        if cfg.previous_hard:
            cost[HARD] += repeats
        else:
            cost[self.slot.get(cfg.pair_priority, HARD)] += (
                cfg.pair_weight * PREVIOUS_UNIT * repeats
            )

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
