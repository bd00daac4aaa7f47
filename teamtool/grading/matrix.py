"""One team's rating matrix: the ratings given, who responded, and the matrix the methods use.

Rules (documented here because every method and the Excel export rely on them):

* Only ratings whose rater and ratee are both members of the team count; others are ignored
  (the survey importer reports them). A rating must be a finite number of 0 or more.
* A member *responded* if they gave at least one rating to the team, or if ``respondents``
  names them (a submitted but empty form).
* Missing policy ``impute``: every missing cell of a non-respondent's row is filled with
  ``impute_self`` (their own cell) or ``impute_others`` (Cornell: 0 and 25). Gaps in the rows
  of respondents are never filled: the methods average what exists. With WebPA, imputing
  self 0 and any equal mark to the others is WebPA's peer-only "equal marks" fake submission.
* Self mode ``exclude``: the diagonal (a member's rating of themself) is dropped *after*
  imputation, so ``impute_self`` then has no effect.
* Flags always look at the ratings actually given (``given``), never at imputed ones.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from teamtool.errors import GradingError
from teamtool.grading.adjust_choices import MissingPolicy, SelfMode
from teamtool.grading.options import AdjustOptions

Cell = tuple[str, str]  # (rater, ratee)


@dataclass(frozen=True)
class TeamMatrix:
    """The ratings of one team, before and after imputation and the self-rating rule."""

    team: str
    members: tuple[str, ...]
    given: dict[Cell, float]  # ratings actually given within the team
    used: dict[Cell, float]  # ratings the method computes from
    responded: dict[str, bool]

    def received(self, student: str) -> list[float]:
        """Values in ``used`` that ``student`` received, in member order of the raters."""
        return [self.used[(r, student)] for r in self.members if (r, student) in self.used]

    def given_by(self, rater: str) -> dict[str, float]:
        """Ratee -> value of the ratings ``rater`` is used with."""
        return {s: self.used[(rater, s)] for s in self.members if (rater, s) in self.used}

    def peer_received(self, student: str) -> list[float]:
        """Values ``student`` received from teammates in ``used`` (self excluded)."""
        return [
            self.used[(r, student)]
            for r in self.members
            if r != student and (r, student) in self.used
        ]


def build_matrix(
    team: str,
    members: Sequence[str],
    ratings: Mapping[Cell, float],
    options: AdjustOptions,
    respondents: Collection[str] | None = None,
) -> TeamMatrix:
    """Filter, check, impute and apply the self-rating rule for one team."""
    member_tuple = tuple(members)
    member_set = set(member_tuple)
    if len(member_set) != len(member_tuple):
        dupes = sorted({m for m in member_tuple if member_tuple.count(m) > 1})
        raise GradingError(
            f"Team {team!r} lists student(s) {', '.join(dupes)} more than once.", code="dup-member"
        )
    given: dict[Cell, float] = {}
    for (rater, ratee), value in ratings.items():
        if rater not in member_set or ratee not in member_set:
            continue
        if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
            raise GradingError(
                f"Team {team!r}: the rating of {ratee} by {rater} is {value!r}; "
                "a rating must be a number of 0 or more.",
                code="bad-rating",
            )
        given[(rater, ratee)] = float(value)
    raters = {rater for rater, _ in given}
    extra = set(respondents or ())
    responded = {m: m in raters or m in extra for m in member_tuple}

    used = dict(given)
    if options.missing is MissingPolicy.IMPUTE:
        for rater in member_tuple:
            if responded[rater]:
                continue
            for ratee in member_tuple:
                value = options.impute_self if rater == ratee else options.impute_others
                used.setdefault((rater, ratee), value)
    if options.self_mode is SelfMode.EXCLUDE:
        used = {cell: v for cell, v in used.items() if cell[0] != cell[1]}
    return TeamMatrix(team, member_tuple, given, used, responded)
