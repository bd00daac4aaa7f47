"""The class summary's counts on model indices: isolated students, teams short of common
slots and broken pair rules. Large classes are improved by LNS on the weighted score of a
level, which could trade one of these for another; the LNS keeps each of them no worse than in
the teams it started from. (Balance is not held this way: keeping a request may rightly cost a
team's balance, and the score already weighs the two.)"""

from __future__ import annotations

from collections.abc import Sequence

from solver.data import Rule
from solver.scoring import Scorer


def summary_counts(scorer: Scorer, teams: Sequence[Sequence[int]]) -> tuple[int, int, int]:
    """(isolated students, teams short of common slots, broken pair rules) of an assignment
    of every model person."""
    prep = scorer.prep
    criteria = prep.config.criteria
    isolated = short = 0
    for members in teams:
        if not members:
            continue
        for ci, crit in enumerate(criteria):
            if crit.rule == Rule.NO_ISOLATION and ci in prep.cats:
                isolated += sum(1 for p in members if prep.cats[ci][p] == crit.value) == 1
            elif crit.rule == Rule.SCHEDULE:
                short += scorer.common_slots(ci, members) < crit.min_common
    team_of = {p: t for t, members in enumerate(teams) for p in members}
    broken = sum((team_of[a] == team_of[b]) != rule.together for rule, a, b in prep.pairs)
    return isolated, short, broken


def within(counts: Sequence[int], floors: Sequence[int]) -> bool:
    return all(n <= f for n, f in zip(counts, floors, strict=True))
