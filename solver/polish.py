"""A last pass over the teams found: swaps that lose nothing the score or the class summary
counts, and bring the team means closer to their targets than the model's 1/20-SD steps see."""

from __future__ import annotations

import random
from collections import Counter

from solver.floors import summary_counts, within
from solver.prepare import Prepared
from solver.scoring import Scorer


class Polish:
    """Swaps of a member of the team farthest from a feature's target with anyone of its
    section, tried systematically (in a seeded order), kept when the score is no worse, every
    count of the class summary stays within what it was, no feature's largest raw distance of a
    team mean from its target grows, and the score or those distances (then their sum) improve.
    Passes repeat until one finds nothing or the tries run out."""

    def __init__(self, prep: Prepared, scorer: Scorer, seed: int) -> None:
        self.prep, self.scorer = prep, scorer
        self.rng = random.Random(seed)

    def run(self, teams: list[list[int]], evaluations: int) -> list[list[int]]:
        prep, sc = self.prep, self.scorer
        self.movable = [p for p in range(len(prep.ids)) if p not in prep.pin_of]
        nf = len(prep.features)
        if not nf or len(teams) < 2 or not self.movable:
            return teams
        self.teams = [list(m) for m in teams]
        self.team_of = {p: t for t, m in enumerate(self.teams) for p in m}
        self.parts = [sc.team(m) for m in self.teams]
        self.raws = [self._raw(t, m) for t, m in enumerate(self.teams)]
        self.costs = [sum(c) for c in zip(*(cost for cost, _ in self.parts), strict=True)]
        self.devs = [Counter(d[k] for _, d in self.parts) for k in range(nf)]
        self.score = sc.finish(self.costs, [max(c) for c in self.devs])
        self.floors = summary_counts(sc, self.teams)
        tries, improved = 0, True
        while improved and tries < evaluations:
            improved = False
            for f in self.rng.sample(range(nf), nf):
                a = max(range(len(self.teams)), key=lambda t: self.raws[t][f])
                group = prep.team_group[a]
                swaps = [
                    (p, q)
                    for p in self.teams[a]
                    if p not in prep.pin_of
                    for q in self.movable
                    if self.team_of[q] != a and prep.team_group[self.team_of[q]] == group
                ]
                self.rng.shuffle(swaps)
                for p, q in swaps[: evaluations - tries]:
                    tries += 1
                    if self._swap(a, p, q):
                        improved = True
                        break
        return self.teams

    def _swap(self, a: int, p: int, q: int) -> bool:
        """Swap ``p`` (of team ``a``) with ``q`` if that passes (see the class); whether it did."""
        sc, b = self.scorer, self.team_of[q]
        ta = [q if x == p else x for x in self.teams[a]]
        tb = [p if x == q else x for x in self.teams[b]]
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
        if any(w > x for w, x in zip(new_key[0], old_key[0], strict=True)):
            return False  # no feature's worst team may get farther from its target
        if score == self.score and new_key >= old_key:
            return False
        trial = list(self.teams)
        trial[a], trial[b] = ta, tb
        if not within(summary_counts(sc, trial), self.floors, score, score):
            return False
        self.teams, self.raws, self.costs, self.devs, self.score = trial, raws, costs, devs, score
        self.parts[a], self.parts[b] = na, nb
        self.team_of[p], self.team_of[q] = b, a
        return True

    def _raw(self, t: int, members: list[int]) -> list[float]:
        """Per feature, |team mean - target| in class SDs."""
        size, group = len(members), self.prep.team_group[t]
        out = []
        for f in self.prep.features:
            gap = f.gap(sum(f.values[p] for p in members), size, group)
            out.append(abs(gap) / (f.targets[group][1] * size * f.sd))
        return out

    def _key(self, raws: list[list[float]]) -> tuple[tuple[float, ...], float]:
        worst = tuple(max(r[k] for r in raws) for k in range(len(self.prep.features)))
        return worst, sum(map(sum, raws))
