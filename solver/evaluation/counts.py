"""The class summary's counts on model indices, per priority level: isolated students, teams
short of common slots, broken pair rules and former teammates together again. Large classes
are improved by LNS on each level's weighted score, which could trade one of these for another
within a level; the LNS keeps each count no worse than in the teams it started from, unless a
more important level improves. (Balance is not held this way: keeping a request may rightly
cost a team's balance, and the score already weighs the two.)"""

from __future__ import annotations

from collections.abc import Sequence

from solver.data import Rule
from solver.evaluation.rules import former_pairs, isolated, pair_broken
from solver.evaluation.scoring import HARD, Scorer

Counts = dict[tuple[int, str], int]  # (score slot: 0 hard, 1 = first level, ...; what) -> count


def summary_counts(scorer: Scorer, teams: Sequence[Sequence[int]]) -> Counts:
    """The summary's counts of an assignment, by score slot. Given only some teams, the
    counts of those teams and of the pair rules among their members."""
    prep = scorer.prep
    cfg = prep.config
    out: Counts = {}

    def add(slot: int, what: str, n: int) -> None:
        out[slot, what] = out.get((slot, what), 0) + n

    for members in teams:
        if not members:
            continue
        short: set[int] = set()
        for ci, crit in enumerate(cfg.criteria):
            slot = HARD if crit.hard else scorer.slot.get(crit.priority, HARD)
            if crit.rule == Rule.NO_ISOLATION and ci in prep.cats:
                alone = isolated([prep.cats[ci][p] for p in members], crit.value)
                add(slot, "isolated", alone)
            elif crit.rule == Rule.SCHEDULE and (
                scorer.common_slots(ci, members) < crit.min_common
            ):
                short.add(slot)
        for slot in short:  # a team short in two rules of a level counts once, as shown
            add(slot, "short", 1)
    pair_slot = scorer.slot.get(cfg.pair_priority, HARD)
    team_of = {p: t for t, members in enumerate(teams) for p in members}
    broken = sum(
        pair_broken(team_of[a], team_of[b], rule.together)
        for rule, a, b in prep.pairs
        if a in team_of and b in team_of
    )
    add(pair_slot, "broken", broken)
    met = former_pairs(prep.previous)
    add(pair_slot, "repeats", sum(team_of.get(p, -1) == team_of.get(q, -2) for p, q in met))
    return out


def exchanged(
    scorer: Scorer, counts: Counts, old: Sequence[Sequence[int]], new: Sequence[Sequence[int]]
) -> Counts:
    """``counts`` after some teams (``old``) are replaced by ``new`` ones of the same people:
    only those teams and the pair rules among their members change."""
    out = dict(counts)
    for key, n in summary_counts(scorer, old).items():
        out[key] = out.get(key, 0) - n
    for key, n in summary_counts(scorer, new).items():
        out[key] = out.get(key, 0) + n
    return out


def within(counts: Counts, floors: Counts, new: Sequence[int], old: Sequence[int]) -> bool:
    """No count is above its floor, except on levels after the first one whose score (``new``
    against ``old``, per slot) strictly improves."""
    first = next((k for k in range(len(new)) if new[k] < old[k]), len(new))
    return all(n <= floors.get(key, 0) for key, n in counts.items() if key[0] <= first)
