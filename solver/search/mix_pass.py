"""A last pass for mixing: one-for-one exchanges that bring a team a value of a mix rule it
lacks, for a member whose value it holds more than once, tried systematically (the climb only
samples them, and among well-balanced teams few keep the balance level's score)."""

from __future__ import annotations

import time
from collections import Counter

from solver.data import Rule
from solver.search.polish import Polish

#: Listing a team's exchanges costs about one tried exchange; a pass tries this many of each
#: team's (the nearest: farther ones rarely keep the balance), then goes on to the next team.
LIST_COST, PER_TEAM = 1, 32


class MixPass(Polish):
    """Exchanges of a member whose mix value their team holds more than once with a classmate
    of another team of the section who brings a value the team lacks, nearest numeric values
    first (those keep the balance); kept as the polish keeps one (see ``Polish``): the score no
    worse, no summary count above what it was, no feature's farthest team mean farther, and
    the score or the team means better."""

    def run(
        self, teams: list[list[int]], evaluations: int, deadline: float | None = None
    ) -> list[list[int]]:
        """The teams after at most ``evaluations`` tried exchanges, or at the ``deadline``."""
        prep = self.prep
        mixed = [
            values
            for ci, values in prep.cats.items()
            if prep.config.criteria[ci].rule == Rule.MIX and not prep.config.criteria[ci].hard
        ]
        self.tries = 0
        if not mixed or evaluations <= 0 or not self._start(teams):
            return teams
        improved = True
        while improved and self.tries < evaluations:
            improved = False
            for a in range(len(self.teams)):
                for m, q in self._candidates(a, mixed):
                    self.tries += 1
                    if self.tries >= evaluations or (
                        deadline is not None and time.monotonic() > deadline
                    ):
                        return self.teams
                    if self._exchange(a, (m,), (q,)):
                        improved = True
                        break
        return self.teams

    def _candidates(self, a: int, mixed: list[list[str | None]]) -> list[tuple[int, int]]:
        """(member of team ``a``, classmate of another team) exchanges that mix team ``a``,
        nearest numeric values first."""
        prep, teams, features = self.prep, self.teams, self.prep.features
        self.tries += LIST_COST
        keyed = []
        for values in mixed:
            held = Counter(values[p] for p in teams[a])
            doubled = [m for m in teams[a] if held[values[m]] > 1 and m not in prep.pin_of]
            if not doubled:
                continue
            for t, members in enumerate(teams):
                if t == a or prep.team_group[t] != prep.team_group[a]:
                    continue
                for q in members:
                    if held[values[q]] or q in prep.pin_of:
                        continue
                    for m in doubled:
                        far = sum(abs(f.values[q] - f.values[m]) / f.sd for f in features)
                        keyed.append((far, self.rng.random(), m, q))
        keyed.sort()
        return [(m, q) for *_, m, q in keyed[:PER_TEAM]]
