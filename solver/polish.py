"""A last pass over the teams found: swaps that keep every level's score and bring the team
means closer to their targets than the model's steps of 1/20 SD can see."""

from __future__ import annotations

import random
from collections import Counter

from solver.floors import summary_counts, within
from solver.prepare import Prepared
from solver.scoring import Scorer


class Polish:
    """Random swaps within a section, kept when every level's score and every count of the
    class summary stay as they are, no feature's largest raw distance of a team mean from its
    target grows, and those distances (then their sum) shrink. Scores are kept up to date team by team."""

    def __init__(self, prep: Prepared, scorer: Scorer, seed: int) -> None:
        self.prep, self.scorer = prep, scorer
        self.rng = random.Random(seed)

    def run(self, teams: list[list[int]], evaluations: int) -> list[list[int]]:
        prep, rng, sc = self.prep, self.rng, self.scorer
        movable = [p for p in range(len(prep.ids)) if p not in prep.pin_of]
        nf = len(prep.features)
        if not nf or len(teams) < 2 or not movable:
            return teams
        teams = [list(m) for m in teams]
        team_of = {p: t for t, m in enumerate(teams) for p in m}
        parts = [sc.team(m) for m in teams]
        raws = [self._raw(t, m) for t, m in enumerate(teams)]
        costs = [sum(c) for c in zip(*(cost for cost, _ in parts), strict=True)]
        devs = [Counter(d[k] for _, d in parts) for k in range(nf)]
        score = sc.finish(costs, [max(c) for c in devs])
        floors = summary_counts(sc, teams)
        for _ in range(evaluations):
            f = rng.randrange(nf)
            a = max(range(len(teams)), key=lambda t: raws[t][f])
            p, q = rng.choice(teams[a]), rng.choice(movable)
            b = team_of[q]
            if p in prep.pin_of or a == b or prep.team_group[a] != prep.team_group[b]:
                continue
            ta = [q if x == p else x for x in teams[a]]
            tb = [p if x == q else x for x in teams[b]]
            na, nb = sc.team(ta), sc.team(tb)
            new_costs = [
                s - x - y + u + v
                for s, x, y, u, v in zip(costs, parts[a][0], parts[b][0], na[0], nb[0], strict=True)
            ]
            new_devs = [c.copy() for c in devs]
            for k, c in enumerate(new_devs):
                c.subtract((parts[a][1][k], parts[b][1][k]))
                c.update((na[1][k], nb[1][k]))
            steps = [max(d for d, n in c.items() if n > 0) for c in new_devs]
            if sc.finish(new_costs, steps) != score:
                continue
            ra, rb = self._raw(a, ta), self._raw(b, tb)
            trial_raws = list(raws)
            trial_raws[a], trial_raws[b] = ra, rb
            new_key, old_key = self._key(trial_raws), self._key(raws)
            farther = any(w > x for w, x in zip(new_key[0], old_key[0], strict=True))
            if farther or new_key >= old_key:
                continue  # no feature's worst team may get farther from its target
            trial = list(teams)
            trial[a], trial[b] = ta, tb
            if not within(summary_counts(sc, trial), floors, score, score):
                continue
            teams, raws, costs, devs = trial, trial_raws, new_costs, new_devs
            parts[a], parts[b] = na, nb
            team_of[p], team_of[q] = b, a
        return teams

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
