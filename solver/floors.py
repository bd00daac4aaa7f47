"""The class summary's numbers on model indices: the worst deviation of each balanced feature,
isolated students, teams short of common slots and broken pair rules. Large classes are
improved by LNS on the weighted score of a level, which could trade one of these for another;
the LNS keeps each of them no worse than in the teams it started from."""

from __future__ import annotations

from collections.abc import Sequence

from solver.data import Rule
from solver.scoring import Scorer


def summary_numbers(scorer: Scorer, teams: Sequence[Sequence[int]]) -> tuple[int, ...]:
    """(worst deviation per feature..., isolated students, teams short of common slots,
    broken pair rules) of an assignment of every model person."""
    prep = scorer.prep
    criteria = prep.config.criteria
    worst = [f.eps_floor for f in prep.features]
    isolated = short = 0
    for t, members in enumerate(teams):
        if not members:
            continue
        size, group = len(members), prep.team_group[t]
        for k, f in enumerate(prep.features):
            worst[k] = max(worst[k], f.deviation(sum(f.values[p] for p in members), size, group))
        for ci, crit in enumerate(criteria):
            if crit.rule == Rule.NO_ISOLATION and ci in prep.cats:
                isolated += sum(1 for p in members if prep.cats[ci][p] == crit.value) == 1
            elif crit.rule == Rule.SCHEDULE:
                short += scorer.common_slots(ci, members) < crit.min_common
    team_of = {p: t for t, members in enumerate(teams) for p in members}
    broken = sum((team_of[a] == team_of[b]) != rule.together for rule, a, b in prep.pairs)
    return (*worst, isolated, short, broken)


def within(numbers: Sequence[int], floors: Sequence[int]) -> bool:
    return all(n <= f for n, f in zip(numbers, floors, strict=True))
