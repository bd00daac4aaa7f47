"""A pass that narrows the spread of team means (highest - lowest, against their targets) where
no exchange of two teams can: the team at one end of a feature's means and a few partner teams
are re-solved exactly with CP-SAT, every one of them kept inside every feature's current ends
and strictly inside the anchor's end, the levels up to the feature's own no worse (a later one,
mixing, may pay; the mix pass after it wins most of that back). The score's 1/20-SD steps cannot
see this: a requested group that holds one end far out sets the worst deviation, and the other
end may then sit anywhere within it. On issue #18's class of 1,000 (class 8), a requested trio's
team is 0.17 SD above the mean and another's 0.11 below; the only classmate who brings the
second closer is in a team that must then trade with a third team.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable

from solver.compile.prepare import Prepared
from solver.data import Rule
from solver.evaluation.counts import summary_counts, within
from solver.evaluation.rules import common_slots
from solver.evaluation.scoring import Scorer
from solver.model.build import BuiltModel
from solver.search.plan import CALL_DTIME
from solver.search.sub_problem import resolve

#: Teams re-solved with the end team: those of the classmates who fit it best, then random ones.
PARTNERS, FITTING = 4, 1
#: Re-solves around an end team that may find nothing before it stops being an anchor.
STUCK_TRIES = 5
#: Deterministic seconds of a re-solve: its hint breaks the new constraints, so CP-SAT starts
#: from nothing (at 0.1, as an LNS re-solve, most of five teams of 1,000 students found none).
CALL_TIME = 0.3

Teams = list[list[int]]


class Narrowing:
    """Re-solves of a feature's end team and partners; kept when the levels up to the
    feature's own are no worse and no count of the class summary grows (the end team's mean
    then lies inside its end). An end team whose re-solves find nothing ``STUCK_TRIES`` times
    is left where it is."""

    def __init__(self, prep: Prepared, scorer: Scorer, seed: int) -> None:
        self.prep, self.scorer = prep, scorer
        self.rng = random.Random(seed)
        self.spent = 0.0  # deterministic time used
        self.calls = 0
        self.features = range(len(prep.features))
        #: Per feature, the levels a re-solve keeps no worse: up to the feature's own.
        levels = prep.levels()
        self.held = [
            levels.index(prep.config.criteria[f.criterion].priority) + 1 for f in prep.features
        ]

    def run(self, teams: Teams, budget: float, stop: Callable[[], bool]) -> Teams:
        """The teams after re-solves of at most ``budget`` deterministic seconds, or ``stop``."""
        if not self.prep.features or len(teams) < 3:
            return teams
        score = self.scorer.total(teams)
        floors = summary_counts(self.scorer, teams)
        stuck: Counter[tuple[frozenset[int], int]] = Counter()
        while self.spent < budget and not stop():
            ends = [
                (abs(self._mean(teams, t, k)), self.rng.random(), t, k)
                for k in range(len(self.prep.features))
                for t in self._ends(teams, k)
                if stuck[frozenset(teams[t]), k] < STUCK_TRIES
            ]
            if not ends:
                break
            *_, anchor, k = max(ends)
            chosen = [anchor, *self._partners(teams, anchor, k)]
            seconds = min(CALL_TIME, budget - self.spent)
            held = self.held[k]
            inside = self._inside(teams, anchor, k)
            better, _, dtime = resolve(self.prep, teams, chosen, seconds, self.calls, inside, held)
            self.calls += 1
            self.spent += max(dtime, CALL_DTIME)
            if better is not None:
                trial = list(teams)
                for t, members in zip(chosen, better, strict=True):
                    trial[t] = members
                new = self.scorer.total(trial)
                counts = summary_counts(self.scorer, trial)
                if new[: held + 1] <= score[: held + 1] and within(counts, floors, new, score):
                    teams, score = trial, new
                    continue
            stuck[frozenset(teams[anchor]), k] += 1
        return teams

    def _mean(self, teams: Teams, t: int, k: int) -> float:
        """Team ``t``'s mean of feature ``k`` against its target, in class SDs."""
        f, members = self.prep.features[k], teams[t]
        gap = f.gap(sum(f.values[p] for p in members), len(members), self.prep.team_group[t])
        return gap / (f.targets[self.prep.team_group[t]][1] * len(members) * f.sd)

    def _ends(self, teams: Teams, k: int) -> tuple[int, int]:
        """The teams with the lowest and the highest mean of feature ``k``."""
        order = sorted(range(len(teams)), key=lambda t: self._mean(teams, t, k))
        return order[0], order[-1]

    def _partners(self, teams: Teams, anchor: int, k: int) -> list[int]:
        """Teams of the anchor's section: first that of the classmate who could stand in for
        one of its members (alike on every categorical rule but mixing, keeping every schedule
        rule's common slots) and bring its mean of feature ``k`` inside the ends, and keep every
        other feature's within its ends, nearest the target; then random teams on the other
        side of the target, which can take the members it gives up (others when they are too
        few)."""
        prep, members = self.prep, teams[anchor]
        group = prep.team_group[anchor]
        tied = {  # members a kept request holds in the team
            p
            for rule, a, b in prep.pairs
            if rule.together and a in members and b in members
            for p in (a, b)
        }
        ends = [[self._mean(teams, t, j) for t in self._ends(teams, j)] for j in self.features]
        means = [self._mean(teams, anchor, j) for j in self.features]
        fits = []
        for m in (m for m in members if m not in tied):
            rest = [p for p in members if p != m]
            for t, others in enumerate(teams):
                if t == anchor or prep.team_group[t] != group:
                    continue
                for q in others:
                    after = [means[j] + self._shift(j, q, m, len(members)) for j in self.features]
                    inside = all(lo <= a <= hi for a, (lo, hi) in zip(after, ends, strict=True))
                    inward = ends[k][0] < after[k] < ends[k][1]
                    if inside and inward and self._stands_in(q, m, rest):
                        fits.append((abs(after[k]), self.rng.random(), t))
        fitting = list(dict.fromkeys(t for *_, t in sorted(fits)))[:FITTING]
        side = means[k] > 0
        rest = [
            t
            for t, g in enumerate(prep.team_group)
            if g == group and t != anchor and t not in fitting
        ]
        opposite = [t for t in rest if (self._mean(teams, t, k) > 0) != side]
        chosen = fitting + self.rng.sample(opposite, min(len(opposite), PARTNERS - len(fitting)))
        if len(chosen) < PARTNERS:  # few teams on the other side: any others
            more = [t for t in rest if t not in chosen]
            chosen += self.rng.sample(more, min(len(more), PARTNERS - len(chosen)))
        return chosen

    def _shift(self, j: int, q: int, m: int, size: int) -> float:
        """How far a team's mean of feature ``j`` moves, in class SDs, when ``q`` takes ``m``'s
        place in it."""
        f = self.prep.features[j]
        return (f.values[q] - f.values[m]) / (size * f.sd)

    def _stands_in(self, q: int, m: int, rest: list[int]) -> bool:
        """Whether ``q`` in place of ``m`` keeps the team alike on every categorical rule but
        mixing and keeps every schedule rule's common slots."""
        prep, criteria = self.prep, self.prep.config.criteria
        for ci, values in prep.cats.items():
            if criteria[ci].rule != Rule.MIX and values[q] != values[m]:
                return False
        for ci, sets in prep.slots.items():
            if criteria[ci].rule == Rule.SCHEDULE:
                common = common_slots(sets[p] for p in [*rest, q])
                if common is not None and len(common) < criteria[ci].min_common:
                    return False
        return True

    def _inside(self, teams: Teams, anchor: int, k: int) -> Callable[[BuiltModel, Prepared], None]:
        """The constraints of a re-solve: every team's mean of each feature within that
        feature's current ends, of feature ``k`` strictly inside the anchor's end. Means are
        compared exactly: gap_i / size_i against gap_e / size_e."""
        prep = self.prep
        ends = [self._ends(teams, j) for j in range(len(prep.features))]

        def gap(j: int, t: int) -> tuple[int, int]:
            f, members = prep.features[j], teams[t]
            return f.gap(sum(f.values[p] for p in members), len(members), prep.team_group[t]), len(
                members
            )

        def add(built: BuiltModel, part: Prepared) -> None:
            for j, f in enumerate(part.features):
                (low, low_size), (high, high_size) = gap(j, ends[j][0]), gap(j, ends[j][1])
                for i, size in enumerate(part.team_size):
                    total, count = f.targets[part.team_group[i]]
                    team_gap = count * built.xs.weighted(f.values, i) - size * total
                    strict = j == k and anchor == ends[j][0]
                    built.model.add(team_gap * low_size >= low * size + (1 if strict else 0))
                    strict = j == k and anchor == ends[j][1]
                    built.model.add(team_gap * high_size <= high * size - (1 if strict else 0))

        return add
