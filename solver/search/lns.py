"""Large neighbourhood search: re-solve a few teams exactly with CP-SAT, keep what improves."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable

from ortools.sat.python import cp_model

from solver.compile.prepare import Prepared
from solver.evaluation.counts import summary_counts, within
from solver.evaluation.scoring import Scorer
from solver.search.plan import CALL_DTIME, SUB_TIME
from solver.search.stand_ins import joiners, stand_ins
from solver.search.sub_problem import resolve

#: Share of the balance neighbourhoods built from stand-ins (see ``_stand_ins``).
STAND_IN_SHARE = 0.4
#: Share of neighbourhoods around a together-wish, and while one is broken (a broken request is
#: a first-level cost with teamtool's levels: it comes before every balance).
WISH_SHARE, WISH_SHARE_BROKEN = 0.3, 0.6
#: Re-solves around a team for one balanced feature that may find nothing before that team
#: stops being the anchor for it.
STUCK_TRIES = 3


class Neighbourhoods:
    """Improves teams by exact re-solves of k teams: the worst team for a cost plus random ones.
    A re-solve is kept when the score is no worse and no count of the class summary (isolated
    students, teams short of slots, broken pair rules) is worse than in the starting teams."""

    def __init__(self, prep: Prepared, scorer: Scorer, seed: int) -> None:
        self.prep, self.scorer = prep, scorer
        self.rng = random.Random(seed)
        self.size = 4
        self.spent = 0.0  # deterministic time used
        self.stuck: Counter[tuple[frozenset[int], int]] = Counter()  # failed balance anchors
        self.anchor: tuple[frozenset[int], int] | None = None
        self.calls = 0
        #: Together-wishes within a group: single-team anchors rarely free both of their teams.
        self.wishes = [
            (a, b)
            for rule, a, b in prep.pairs
            if rule.together and prep.group_of[a] == prep.group_of[b]
        ]

    def run(
        self,
        teams: list[list[int]],
        budget: float,
        stop: Callable[[], bool],
        report: Callable[[list[int]], None],
    ) -> list[list[int]]:
        score = self.scorer.total(teams)
        floors = summary_counts(self.scorer, teams)  # counts the summary shows: never worse
        while self.spent < budget and not stop():
            chosen = self._choose(teams)
            if len(chosen) < 2:
                break
            better = self._resolve(teams, chosen, min(SUB_TIME, budget - self.spent))
            anchor, self.anchor = self.anchor, None
            if better is None:
                if anchor is not None:
                    self.stuck[anchor] += 1
                continue
            trial = list(teams)
            for t, members in zip(chosen, better, strict=True):
                trial[t] = members
            new = self.scorer.total(trial)
            counts = summary_counts(self.scorer, trial)
            if new <= score and within(counts, floors, new, score):
                if new < score:
                    report(new)
                elif anchor is not None:
                    self.stuck[anchor] += 1
                teams, score = trial, new
            elif anchor is not None:
                self.stuck[anchor] += 1
        return teams

    def _choose(self, teams: list[list[int]]) -> list[int]:
        """The worst team of a random cost plus partners: for a balanced attribute, teams off
        in the other direction (they can trade members), otherwise random teams."""
        prep, rng = self.prep, self.rng
        parts = [self.scorer.team(m) for m in teams]
        if self.wishes and rng.random() < self._wish_share(teams):
            chosen = self._around_wish(teams)
            if len(chosen) >= 2:
                return chosen
        if prep.features and rng.random() < 0.6:
            fi = rng.randrange(len(prep.features))
            f = prep.features[fi]
            gaps = [
                f.gap(sum(f.values[p] for p in m), len(m), prep.team_group[t]) / len(m)
                for t, m in enumerate(teams)
            ]
            # A team whose re-solves keep failing is as balanced as it can be (a requested
            # group may force it): the next farthest one is the anchor then.
            anchor = max(
                range(len(teams)),
                key=lambda t: (
                    self.stuck[frozenset(teams[t]), fi] < STUCK_TRIES,
                    abs(gaps[t]),
                    rng.random(),
                ),
            )
            self.anchor = (frozenset(teams[anchor]), fi)
            same = self._same_group(anchor)
            # The worst deviation counts for every team: it falls only when every team at it
            # improves at once, so those of the anchor's group come along (up to half).
            devs = [
                f.deviation(sum(f.values[p] for p in m), len(m), prep.team_group[t])
                for t, m in enumerate(teams)
            ]
            tied = [t for t in same if devs[t] == devs[anchor] and devs[t] > 0]
            tied = tied[: max(0, self.size // 2 - 1)]
            same = [t for t in same if t not in tied]
            if rng.random() < STAND_IN_SHARE:  # teams of those who could stand in for a member
                same = stand_ins(prep, teams, anchor, f, gaps[anchor], same)
            elif rng.random() < 0.7:
                same.sort(key=lambda t: (gaps[t] * gaps[anchor], rng.random()))
                half = (self.size - 1) // 2 + 1
                head = same[:half]
                tail = same[half:]
                rng.shuffle(tail)
                same = head + tail
            return [anchor, *tied, *same[: self.size - 1 - len(tied)]]
        costly = [t for t, (c, _) in enumerate(parts) if any(c)]
        anchor = rng.choice(costly or list(range(len(teams))))
        return [anchor, *self._same_group(anchor)[: self.size - 1]]

    def _wish_share(self, teams: list[list[int]]) -> float:
        """Share of neighbourhoods around a together-wish: more while one is broken."""
        team_of = {p: t for t, m in enumerate(teams) for p in m}
        broken = any(team_of[a] != team_of[b] for a, b in self.wishes)
        return WISH_SHARE_BROKEN if broken else WISH_SHARE

    def _around_wish(self, teams: list[list[int]]) -> list[int]:
        """The teams holding a random together-wish and the wishes linked to it (a broken one
        half the time), plus the best-balanced teams of the group, which can give up the
        people that make the wish's team balanced too, and random ones."""
        prep, rng = self.prep, self.rng
        team_of = {p: t for t, m in enumerate(teams) for p in m}
        broken = [(a, b) for a, b in self.wishes if team_of[a] != team_of[b]]
        a, b = rng.choice(broken if broken and rng.random() < 0.5 else self.wishes)
        linked = {a, b}
        for c, d in self.wishes:
            if c in linked or d in linked:
                linked |= {c, d}
        chosen = sorted({team_of[p] for p in linked}, key=lambda t: rng.random())
        chosen = chosen[: self.size]
        others = [t for t in self._same_group(chosen[0]) if t not in chosen]
        if prep.features:
            f = prep.features[rng.randrange(len(prep.features))]
            others.sort(
                key=lambda t: f.deviation(
                    sum(f.values[p] for p in teams[t]), len(teams[t]), prep.team_group[t]
                )
            )
            head, tail = others[:1], others[1:]
            rng.shuffle(tail)
            others = head + tail
        if len(chosen) > 1 and rng.random() < 0.5:  # split: teams of those who could join it
            others = joiners(prep, teams, linked, others)
        return chosen + others[: self.size - len(chosen)]

    def _same_group(self, anchor: int) -> list[int]:
        group = self.prep.team_group[anchor]
        same = [t for t, g in enumerate(self.prep.team_group) if g == group and t != anchor]
        self.rng.shuffle(same)
        return same

    def _resolve(
        self, teams: list[list[int]], chosen: list[int], seconds: float
    ) -> list[list[int]] | None:
        better, status, dtime = resolve(self.prep, teams, chosen, seconds, self.calls)
        self.calls += 1
        self.spent += max(dtime, CALL_DTIME)
        if status == cp_model.OPTIMAL and self.size < 10:
            self.size += 1
        elif status != cp_model.OPTIMAL and self.size > 2:
            self.size -= 1
        return better
