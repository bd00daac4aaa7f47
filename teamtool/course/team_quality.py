"""How well a stored team set meets the rules it was formed with, as the solver scores it, and
where a student in no team would hurt those rules least.

A score is a list, most important first: [broken hard rules, cost of priority level 1, level 2,
…]; lower is better and lists compare level by level. Worked example (the sample course under
its default rules: Availability schedule at priority 1; GPA, Programming, Writing balance at
priority 2): the sample teams score [0, 0, 837]. Moving Ethan Park (s1001) to Team 2 scores
[0, 3000, 790]: balance is better (790 < 837) but a team lost its common free slot, which
level 1 counts first, so the move is worse. A late joiner with Ethan's answers placed in
Team 8 scores [0, 0, 745], the best place; in Team 3, [0, 3000, 840], the worst.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from teamtool.model import HAND_EDITS, Roster, TeamSet

RESULT = "result"  # the run's status and score, kept next to a set's criteria
#: Keys of a set's stored criteria that are not formation settings.
NOT_SETTINGS = (RESULT, HAND_EDITS)


@dataclass(frozen=True)
class Placement:
    """Placing a student in ``team`` gives the set ``score`` (lower is better)."""

    team: str
    score: tuple[int, ...]


def formation_settings(
    team_set: TeamSet, fallback: Mapping[str, object] | None = None
) -> dict[str, object]:
    """The set's criteria without its run result and edit count, locks left to the set itself;
    ``fallback`` (say, the rules on screen) for a set without rules, such as an imported one."""
    data = {k: v for k, v in team_set.criteria.items() if k not in NOT_SETTINGS}
    if not data.get("rules") and fallback is not None:
        data = {k: v for k, v in fallback.items() if k not in NOT_SETTINGS}
    return {**data, "locked_teams": []}


class SetScorer:
    """Scores partitions of the roster's active students under one set's rules."""

    def __init__(
        self,
        roster: Roster,
        team_set: TeamSet,
        previous: Sequence[TeamSet] = (),
        fallback: Mapping[str, object] | None = None,
    ) -> None:
        from solver.compile.prepare import prepare
        from solver.evaluation.scoring import Scorer
        from teamtool.formation import FormationCriteria, build_instance

        criteria = FormationCriteria.from_dict(formation_settings(team_set, fallback))
        instance, config = build_instance(roster, criteria, previous)
        prep = prepare(instance, config)
        self._index = {pid: i for i, pid in enumerate(prep.ids)}
        self._scorer = Scorer(prep)

    def score(self, teams: Iterable[Sequence[str]]) -> tuple[int, ...]:
        """[hard, level 1, …] of ``teams`` (ids not among the active students are left out)."""
        index = self._index
        return tuple(self._scorer.total([[index[s] for s in t if s in index] for t in teams]))


def set_score(
    roster: Roster,
    team_set: TeamSet,
    previous: Sequence[TeamSet] = (),
    fallback: Mapping[str, object] | None = None,
) -> tuple[int, ...]:
    """The score of ``team_set`` as it is now (after any hand edits)."""
    return SetScorer(roster, team_set, previous, fallback).score(team_set.teams.values())


def placements(
    roster: Roster,
    team_set: TeamSet,
    student_id: str,
    previous: Sequence[TeamSet] = (),
    fallback: Mapping[str, object] | None = None,
) -> list[Placement]:
    """Every unlocked team ``student_id`` (in no team yet) could join, best first (ties: the
    smaller team, then natural order)."""
    scorer = SetScorer(roster, team_set, previous, fallback)
    out = []
    for team in team_set.teams:
        if team not in team_set.locked:
            after = team_set.placed(student_id, team)
            out.append((scorer.score(after.teams.values()), len(team_set.teams[team]), team))
    return [Placement(team, score) for score, _, team in sorted(out, key=lambda x: x[:2])]


def score_text(score: Sequence[int]) -> str:
    """``96`` for one priority level, ``4 · 96`` for two; ``, 1 hard rule broken`` if any."""
    hard, levels = (score[0], score[1:]) if score else (0, ())
    text = " · ".join(str(x) for x in levels) or "0"
    return text + (f", {hard} hard rule{'s' if hard != 1 else ''} broken" if hard else "")
