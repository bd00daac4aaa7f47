"""A swap/move local search with random restarts on the model's own costs (hint and baseline)."""

from __future__ import annotations

import heapq
import random
import time
from collections.abc import Callable

from solver.compile.prepare import Prepared
from solver.compile.symmetry import canonical
from solver.evaluation.scoring import Scorer
from solver.search.greedy_start import greedy_start
from solver.search.pair_moves import pair_swap, split_wish


class SwapSearch:
    """Random start (the solver's climb: a greedy one, see greedy_start), then random swaps,
    size-preserving moves and swaps of a requested pair with two people of another team (see
    pair_moves), accepted when not worse.

    Half of the tries start from the team with the worst deviation of a balanced feature, since
    the worst team decides the max term. After ``patience`` tries without a strict improvement
    the search restarts from a new random start; the best teams seen are kept.
    """

    def __init__(self, prep: Prepared, seed: int = 0, *, greedy: bool = False) -> None:
        self.prep = prep
        self.greedy = greedy  # constructive starts (greedy_start.py) rather than random ones
        self.scorer = Scorer(prep)
        self.rng = random.Random(seed)
        self.pinned_teams = set(prep.pin_of.values())
        self.movable = [p for p in range(len(prep.ids)) if p not in prep.pin_of]
        self.teams_in: dict[object, list[int]] = {}
        for t, g in enumerate(prep.team_group):
            self.teams_in.setdefault(g, []).append(t)
        self.evaluations = 0
        #: "Together" wishes: trying to mend a random one of these is a move of its own,
        #: since a random swap almost never brings two given people together in a large class.
        self.wishes = [
            (a, b)
            for rule, a, b in prep.pairs
            if rule.together and prep.group_of[a] == prep.group_of[b]
        ]

    def start(self) -> list[list[int]]:
        if self.greedy:
            return greedy_start(self.prep, self.scorer, self.rng)
        teams: list[list[int]] = [[] for _ in self.prep.team_size]
        for p, t in self.prep.pin_of.items():
            teams[t].append(p)
        people = list(self.movable)
        self.rng.shuffle(people)
        for p in people:
            open_teams = [
                t
                for t in self.teams_in[self.prep.group_of[p]]
                if len(teams[t]) < self.prep.team_size[t]
            ]
            teams[open_teams[0]].append(p)
        return teams

    def run(
        self,
        *,
        evaluations: int | None = None,
        seconds: float | None = None,
        patience: int | None = None,
        stop: Callable[[], bool] | None = None,
        report: Callable[[list[int]], None] | None = None,
        stale_restarts: int | None = None,
    ) -> tuple[list[list[int]], list[int]]:
        """Best teams found (in the model's team slots) and their score.

        Stops after ``evaluations`` tries, ``seconds``, ``stale_restarts`` restarts in a row that
        found nothing better, or when ``stop()`` turns true (checked every 256 tries); the first
        random start is always completed.
        """
        self.stop = stop or (lambda: False)
        deadline = None if seconds is None else time.monotonic() + seconds
        budget = evaluations if evaluations is not None else 1 << 62
        wait = patience or 30 * len(self.prep.ids) + 2000
        best: list[list[int]] | None = None
        best_score: list[int] = []
        stale = 0
        while self.evaluations < budget and (deadline is None or time.monotonic() < deadline):
            teams, score = self._climb(self.start(), budget, deadline, wait)
            stale += 1
            if best is None or score < best_score:
                best, best_score, stale = [list(m) for m in teams], score, 0
                if report is not None:
                    report(score)
            if not self.movable or self.stop() or (stale_restarts and stale >= stale_restarts):
                break
        assert best is not None
        return self.to_slots(best), best_score

    def _climb(
        self, teams: list[list[int]], budget: int, deadline: float | None, wait: int
    ) -> tuple[list[list[int]], list[int]]:
        sc, rng, prep = self.scorer, self.rng, self.prep
        team_of = {p: t for t, m in enumerate(teams) for p in m}
        parts = [sc.team(m) for m in teams]
        n_teams, n_feat = prep.all_teams, len(prep.features)
        score, tops = self._score(parts, n_teams)
        best_score, best, stale = score, [list(m) for m in teams], 0
        while stale < wait and self.evaluations < budget and self.movable:
            if self.evaluations % 256 == 0 and (
                self.stop() or (deadline is not None and time.monotonic() > deadline)
            ):
                break
            self.evaluations += 1
            stale += 1
            feature = rng.randrange(n_feat) if n_feat and rng.random() < 0.5 else -1
            if feature >= 0 and tops[feature][0][1] >= 0:
                choices = [p for p in teams[tops[feature][0][1]] if p not in prep.pin_of]
                p = rng.choice(choices) if choices else rng.choice(self.movable)
            else:
                p = rng.choice(self.movable)
            wish = (
                split_wish(self.rng, self.prep, self.wishes, team_of)
                if feature < 0 and self.wishes
                else None
            )
            if wish is not None:
                p = wish[0]
            pair_move = (
                None
                if wish is not None
                else pair_swap(self.rng, prep, self.wishes, self.teams_in, teams, team_of)
            )
            if pair_move is not None:
                t1, t2, out1, out2 = pair_move
                n1 = [x for x in teams[t1] if x not in out1] + out2
                n2 = [x for x in teams[t2] if x not in out2] + out1
                score, tops = self._apply(
                    teams, parts, team_of, score, tops, (t1, n1), (t2, n2), n_teams
                )
                if score < best_score:
                    best_score, best, stale = score, [list(m) for m in teams], 0
                continue
            t1 = team_of[p]
            group = self.teams_in[prep.group_of[p]]
            if len(group) < 2:
                continue
            if wish is not None:
                t2 = team_of[wish[1]]  # move p to the requested teammate
            elif feature >= 0 and rng.random() < 0.3:
                t2 = self._opposite(teams, feature, t1, group)
            else:
                t2 = rng.choice(group)
            if t2 == t1:
                continue
            m1, m2 = teams[t1], teams[t2]
            movable_pair = t1 not in self.pinned_teams and t2 not in self.pinned_teams
            if movable_pair and len(m1) == len(m2) + 1 and rng.random() < 0.3:
                q = None
                n1, n2 = [x for x in m1 if x != p], [*m2, p]
            else:
                options = [x for x in m2 if x not in prep.pin_of]
                if not options:
                    continue
                q = rng.choice(options)
                n1 = [q if x == p else x for x in m1]
                n2 = [p if x == q else x for x in m2]
            score, tops = self._apply(
                teams, parts, team_of, score, tops, (t1, n1), (t2, n2), n_teams
            )
            if score < best_score:
                best_score, best, stale = score, [list(m) for m in teams], 0
        return best, best_score

    def _apply(
        self,
        teams: list[list[int]],
        parts: list[tuple[list[int], list[int]]],
        team_of: dict[int, int],
        score: list[int],
        tops: list[list[tuple[int, int]]],
        one: tuple[int, list[int]],
        two: tuple[int, list[int]],
        n_teams: int,
    ) -> tuple[list[int], list[list[tuple[int, int]]]]:
        """Replace two teams by ``one`` and ``two`` (slot, members) when the score is not worse;
        the score and top deviations after the move (unchanged when it is rejected)."""
        sc = self.scorer
        (t1, n1), (t2, n2) = one, two
        c1, c2 = sc.team(n1), sc.team(n2)
        new = [
            a - b - c + d + e
            for a, b, c, d, e in zip(score, parts[t1][0], parts[t2][0], c1[0], c2[0], strict=True)
        ]
        for f, (slot, weight) in enumerate(sc.feature_weight):
            old_max = tops[f][0][0]
            others = next((v for v, t in tops[f] if t not in (t1, t2)), 0)
            new_max = max(others, c1[1][f], c2[1][f])
            new[slot] += weight * n_teams * (new_max - old_max)
        if new > score:
            return score, tops
        teams[t1], teams[t2], parts[t1], parts[t2] = n1, n2, c1, c2
        for x in n1:
            team_of[x] = t1
        for x in n2:
            team_of[x] = t2
        return self._score(parts, n_teams)

    def _opposite(self, teams: list[list[int]], f: int, t1: int, others: list[int]) -> int:
        """Among a few random teams, the one whose mean is off in the other direction most."""
        feat = self.prep.features[f]
        group = self.prep.team_group[t1]
        side = feat.gap(sum(feat.values[p] for p in teams[t1]), len(teams[t1]), group)
        best, best_gap = self.rng.choice(others), 0
        for t in self.rng.sample(others, min(4, len(others))):
            total = sum(feat.values[p] for p in teams[t])
            gap = feat.gap(total, len(teams[t]), group) // len(teams[t])
            if gap * side < 0 and abs(gap) > best_gap:
                best, best_gap = t, abs(gap)
        return best

    def _score(
        self, parts: list[tuple[list[int], list[int]]], n_teams: int
    ) -> tuple[list[int], list[list[tuple[int, int]]]]:
        score = [sum(col) for col in zip(*(c for c, _ in parts), strict=True)]
        tops = []
        for f, (slot, weight) in enumerate(self.scorer.feature_weight):
            floor = [(self.prep.features[f].eps_floor, -1)]
            ranked = heapq.nlargest(3, [*((d[f], t) for t, (_, d) in enumerate(parts)), *floor])
            tops.append(ranked)
            score[slot] += weight * n_teams * ranked[0][0]
        return score, tops

    def to_slots(self, teams: list[list[int]]) -> list[list[int]]:
        """Put teams whose size changed by moves back into slots of their size."""
        prep = self.prep
        out: list[list[int]] = [[] for _ in teams]
        spare: dict[tuple[object, int], list[list[int]]] = {}
        for t, members in enumerate(teams):
            if t in self.pinned_teams:
                out[t] = members
            else:
                spare.setdefault((prep.team_group[t], len(members)), []).append(members)
        for t in range(len(teams)):
            if t not in self.pinned_teams:
                out[t] = spare[prep.team_group[t], prep.team_size[t]].pop()
        return canonical(prep, out)
