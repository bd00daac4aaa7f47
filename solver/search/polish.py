"""A last pass over the teams found: exchanges that lose nothing the score or the class summary
counts, and bring the farthest team mean closer to its target (also closer than the model's
1/20-SD steps see), or the other end of the team means closer to it: the spread narrows when a
requested group holds the farthest team where it is."""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Sequence
from itertools import combinations

from solver.compile.prepare import Prepared
from solver.evaluation.counts import exchanged, summary_counts, within
from solver.evaluation.scoring import Scorer

#: Listing the exchanges of a pass costs about one tried exchange per this many teams.
PASS_TEAMS_PER_TRY = 8


class Polish:
    """Exchanges between the team farthest from a feature's target (then, when none is kept,
    the team farthest on the other side of it) and another team of its section: one member for
    one, or a block that kept requests hold together for as many people (a single swap would
    break the request); see ``_moves`` for which and in what order. One is kept when the score
    is no worse, every count of the class summary stays within what it was, no feature's
    largest raw distance of a team mean from its target grows, nor the spread of its team means
    (highest - lowest), and the score or those distances (the farthest, the spread, then their
    sum) improve. Passes repeat until one finds nothing, the tries run out or the deadline
    passes."""

    def __init__(self, prep: Prepared, scorer: Scorer, seed: int) -> None:
        self.prep, self.scorer = prep, scorer
        self.rng = random.Random(seed)
        self.wishes = [
            (a, b)
            for rule, a, b in prep.pairs
            if rule.together and a not in prep.pin_of and b not in prep.pin_of
        ]
        #: Per person, their values of the categorical rules.
        self.kind = [
            tuple(values[p] for values in prep.cats.values()) for p in range(len(prep.ids))
        ]

    def run(
        self, teams: list[list[int]], evaluations: int, deadline: float | None = None
    ) -> list[list[int]]:
        """The teams after at most ``evaluations`` tried exchanges, stopping at the
        ``deadline`` (``time.monotonic()``) if one is given."""
        self.tries = 0  # exchanges tried (and listed) so far
        nf = len(self.prep.features)
        if not self._start(teams) or not nf:
            return teams
        self.tries, improved = 0, True
        while improved and self.tries < evaluations:
            improved = False
            for f in self.rng.sample(range(nf), nf):
                if deadline is not None and time.monotonic() > deadline:
                    return self.teams
                if any(self._mend(a, f, evaluations, deadline) for a in self._anchors(f)):
                    improved = True
        return self.teams

    def _anchors(self, k: int) -> list[int]:
        """The teams whose mean of feature ``k`` is highest and lowest against their targets,
        the farther first: when a requested group holds the farthest one where it is, the other
        end still narrows the spread of the team means."""
        teams = range(len(self.teams))
        high = max(teams, key=lambda t: self.raws[t][k])
        low = min(teams, key=lambda t: self.raws[t][k])
        return [high, low] if self.raws[high][k] >= -self.raws[low][k] else [low, high]

    def _mend(self, a: int, k: int, evaluations: int, deadline: float | None) -> bool:
        """Try team ``a``'s exchanges for feature ``k`` until one is kept; whether one was."""
        moves = self._moves(a, k)
        self.tries += len(self.teams) // PASS_TEAMS_PER_TRY  # listing them costs too
        for out_a, out_b in moves[: max(0, evaluations - self.tries)]:
            self.tries += 1
            if self.tries % 64 == 0 and deadline is not None and time.monotonic() > deadline:
                return False
            if self._exchange(a, out_a, out_b):
                return True
        return False

    def _start(self, teams: list[list[int]]) -> bool:
        """Take ``teams`` as the current ones; whether any exchange is possible."""
        prep, sc = self.prep, self.scorer
        self.movable = [p for p in range(len(prep.ids)) if p not in prep.pin_of]
        if len(teams) < 2 or not self.movable:
            return False
        self.teams = [list(m) for m in teams]
        self.team_of = {p: t for t, m in enumerate(self.teams) for p in m}
        self.parts = [sc.team(m) for m in self.teams]
        self.raws = [self._raw(t, m) for t, m in enumerate(self.teams)]
        self.costs = [sum(c) for c in zip(*(cost for cost, _ in self.parts), strict=True)]
        self.devs = [Counter(d[k] for _, d in self.parts) for k in range(len(prep.features))]
        self.score = sc.finish(self.costs, [max(c, default=0) for c in self.devs])
        self.floors = self.counts = summary_counts(sc, self.teams)
        return True

    def _moves(self, a: int, k: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        """Exchanges of team ``a`` with the other teams of its section (leaving a, joining a)
        that bring team ``a``'s mean of feature ``k`` closer to its target without taking the
        other team past the farthest team, nor past the highest or lowest team mean. Best first: those that move people alike on
        every categorical rule (they cannot break a mix, isolation or similarity rule), then
        those that land ``a`` closest. People a kept request holds together move as a block
        (one for one, a pair for two, ...), for the same number of people of the other team
        that no kept request ties to anyone staying behind."""
        prep, group, f = self.prep, self.prep.team_group[a], self.prep.features[k]
        count, v, kind, rnd = f.targets[group][1], f.values, self.kind, self.rng.random
        ties = self._ties()
        blocks = [
            (b, count * sum(v[p] for p in b), sorted(kind[p] for p in b))
            for b in self._blocks(self.teams[a], ties)
            if len(b) < len(self.teams[a])
        ]
        gap_a = self._gap(a, k)
        means = [r[k] for r in self.raws]  # signed, in class SDs: no partner goes past them
        low, high = min(means), max(means)
        limit = max(high, -low)
        keyed = []
        for t, m in enumerate(self.teams):
            if t == a or prep.team_group[t] != group:
                continue
            gap_t, scale = self._gap(t, k), count * len(m) * f.sd
            free = [q for q in m if q not in prep.pin_of]
            for size in {len(b) for b, _, _ in blocks}:
                for out_b in combinations(free, size):
                    if any(ties.get(q, set()) - set(out_b) for q in out_b if q in ties):
                        continue
                    vb = count * sum(v[q] for q in out_b)
                    for out_a, va, kinds in blocks:
                        if len(out_a) != size:
                            continue
                        after = abs(gap_a - va + vb)
                        moved = (gap_t + va - vb) / scale
                        if after < abs(gap_a) and max(low, -limit) <= moved <= min(high, limit):
                            alike = sorted(kind[q] for q in out_b) == kinds
                            keyed.append((not alike, after, rnd(), out_a, out_b))
        keyed.sort()
        return [(out_a, out_b) for *_, out_a, out_b in keyed]

    def _ties(self) -> dict[int, set[int]]:
        """Per person, the teammates a request ties them to (requests now kept)."""
        ties: dict[int, set[int]] = {}
        for x, y in self.wishes:
            if self.team_of[x] == self.team_of[y]:
                ties.setdefault(x, set()).add(y)
                ties.setdefault(y, set()).add(x)
        return ties

    def _blocks(self, members: list[int], ties: dict[int, set[int]]) -> list[tuple[int, ...]]:
        """The team's movable people in blocks that kept requests hold together."""
        out, seen = [], set()
        for p in members:
            if p in seen:
                continue
            block, stack = set(), [p]
            while stack:
                q = stack.pop()
                if q not in block:
                    block.add(q)
                    stack.extend(ties.get(q, ()))
            seen |= block
            if not block & self.prep.pin_of.keys():
                out.append(tuple(sorted(block)))
        return out

    def _gap(self, t: int, k: int) -> int:
        f, members = self.prep.features[k], self.teams[t]
        return f.gap(sum(f.values[p] for p in members), len(members), self.prep.team_group[t])

    def _exchange(self, a: int, out_a: Sequence[int], out_b: Sequence[int]) -> bool:
        """Exchange ``out_a`` (of team ``a``) with ``out_b`` (of one other team) if that
        passes (see the class); whether it did."""
        sc, b = self.scorer, self.team_of[out_b[0]]
        ta = [x for x in self.teams[a] if x not in out_a] + list(out_b)
        tb = [x for x in self.teams[b] if x not in out_b] + list(out_a)
        na, nb = sc.team(ta), sc.team(tb)
        pa, pb = self.parts[a], self.parts[b]
        costs = [
            s - x - y + u + v
            for s, x, y, u, v in zip(self.costs, pa[0], pb[0], na[0], nb[0], strict=True)
        ]
        devs = [c.copy() for c in self.devs]
        for k, c in enumerate(devs):
            c.subtract((pa[1][k], pb[1][k]))
            c.update((na[1][k], nb[1][k]))
        score = sc.finish(costs, [max(d for d, n in c.items() if n > 0) for c in devs])
        if score > self.score:
            return False
        raws = list(self.raws)
        raws[a], raws[b] = self._raw(a, ta), self._raw(b, tb)
        new_key, old_key = self._key(raws), self._key(self.raws)
        held = zip(new_key[0] + new_key[1], old_key[0] + old_key[1], strict=True)
        if any(w > x for w, x in held):
            return False  # no feature's worst team may get farther, nor its spread grow
        if score == self.score and new_key >= old_key:
            return False
        trial = list(self.teams)
        trial[a], trial[b] = ta, tb
        counts = exchanged(sc, self.counts, [self.teams[a], self.teams[b]], [ta, tb])
        if not within(counts, self.floors, score, score):
            return False
        self.counts = counts
        self.teams, self.raws, self.costs, self.devs, self.score = trial, raws, costs, devs, score
        self.parts[a], self.parts[b] = na, nb
        for p in out_a:
            self.team_of[p] = b
        for q in out_b:
            self.team_of[q] = a
        return True

    def _raw(self, t: int, members: list[int]) -> list[float]:
        """Per feature, team mean - target in class SDs."""
        size, group = len(members), self.prep.team_group[t]
        out = []
        for f in self.prep.features:
            gap = f.gap(sum(f.values[p] for p in members), size, group)
            out.append(gap / (f.targets[group][1] * size * f.sd))
        return out

    def _key(self, raws: list[list[float]]) -> tuple[tuple[float, ...], tuple[float, ...], float]:
        """Per feature the farthest team mean from its target and the spread of the team
        means (highest - lowest, against their targets), in class SDs; the sum of distances."""
        features = range(len(self.prep.features))
        worst = tuple(max(abs(r[k]) for r in raws) for k in features)
        spread = tuple(max(r[k] for r in raws) - min(r[k] for r in raws) for k in features)
        return worst, spread, sum(abs(x) for r in raws for x in r)
