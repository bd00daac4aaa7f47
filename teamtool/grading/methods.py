"""The four methods: received average, team average and raw factor of every team member.

For every method ``raw_factor = received_avg / team_avg`` (SPARK: its square root), computed
from the ``used`` ratings of :class:`~teamtool.grading.matrix.TeamMatrix`:

* **autorating** (Kaufman, Felder & Fuller 2000; Cornell and CMU pages): ``received_avg`` = mean
  of the ratings the student received; ``team_avg`` = mean of *all* ratings in the team (the
  Cornell "team rating"). With an incomplete matrix this is the mean of the available ratings,
  not the mean of the members' averages.
* **catme** (CATME instructor help): ``received_avg`` as above; ``team_avg`` = mean of the
  members' ``received_avg`` ("the average of the overall ratings each team member received").
* **webpa** (WebPA scoring algorithm): each rater's marks are divided by that rater's total;
  ``received_avg`` = the sum of the shares the student received; ``team_avg`` = submitters /
  members (the mean of those sums over the team), so the factor is the WebPA score
  ``sum of shares x members / submitters``. A submitter is a member whose marks (as used:
  after imputation and the self rule) total more than 0; with imputation a filled-in form
  counts, which is WebPA's peer-only "equal marks" fake submission. WebPA's own code also
  counts a form whose marks total 0, lowering everyone's score; here such a form has nothing
  to share and is left out (the non-discriminating flag points at it). With no submitter,
  ``team_avg`` is 0 and the grades are not adjusted (WebPA: grade = group mark).
* **spark** (SPARKPLUS SPA as documented by APEG): ``SPA = sqrt(received / team)`` with the
  CATME averages. The source states it with *totals*; with a complete matrix the ratio of
  totals equals the ratio of means, and with missing ratings means do not punish a student
  for a teammate's missing form.

A factor needs ratings from teammates: a student who received no rating from a teammate other
than themself (in the ``used`` ratings, so after imputation) has a raw factor of None in every
method, whatever their self-rating; ``received_avg`` and ``team_avg`` stay as computed (the
self-rating still counts in the team average, as every rating of the team does). Without this
rule a self-rating alone gave a factor: autorating, CATME with self and SPARK divided it by the
team mean, WebPA turned it into a share of 1 (self mark / own total); CATME and WebPA without
self already had nothing to divide. A student who received no rating has ``received_avg``
None; a team whose ``team_avg`` is 0 or missing gives every member a raw factor of None. A None
factor means "not adjusted": the grade is the team grade and a flag asks for a human look
(``not-rated-by-peers``, ``zero-team-average``; see ``adjust.py``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from teamtool.grading.adjust_choices import Method
from teamtool.grading.matrix import TeamMatrix


@dataclass(frozen=True)
class MethodValues:
    """The three numbers of one student that a method produces."""

    received_avg: float | None
    team_avg: float | None
    raw_factor: float | None


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _ratio(received: float | None, team: float | None) -> float | None:
    if received is None or team is None or team <= 0:
        return None
    return received / team


def method_values(matrix: TeamMatrix, method: Method) -> dict[str, MethodValues]:
    """Student id -> the method's received average, team average and raw factor; no raw
    factor for a student no teammate rated."""
    values = _method_values(matrix, method)
    for s in matrix.members:
        if not matrix.peer_received(s):
            values[s] = replace(values[s], raw_factor=None)
    return values


def _method_values(matrix: TeamMatrix, method: Method) -> dict[str, MethodValues]:
    if method is Method.WEBPA:
        return _webpa(matrix)
    received = {s: _mean(matrix.received(s)) for s in matrix.members}
    if method is Method.AUTORATING:
        team = _mean(list(matrix.used.values()))
    else:  # CATME and SPARK divide by the mean of the members' averages
        team = _mean([v for v in received.values() if v is not None])
    out: dict[str, MethodValues] = {}
    for s in matrix.members:
        raw = _ratio(received[s], team)
        if method is Method.SPARK and raw is not None:
            raw = math.sqrt(raw)
        out[s] = MethodValues(received[s], team, raw)
    return out


def _webpa(matrix: TeamMatrix) -> dict[str, MethodValues]:
    totals = {r: sum(matrix.given_by(r).values()) for r in matrix.members}
    submitters = [r for r in matrix.members if totals[r] > 0]
    team = len(submitters) / len(matrix.members) if matrix.members else 0.0
    out: dict[str, MethodValues] = {}
    for s in matrix.members:
        shares = [matrix.used[(r, s)] / totals[r] for r in submitters if (r, s) in matrix.used]
        received = sum(shares) if shares else None
        out[s] = MethodValues(received, team, _ratio(received, team))
    return out


def sapa(self_rating: float | None, peer_avg: float | None) -> float | None:
    """SPARKPLUS SAPA = sqrt(self rating / mean of the peers' ratings); > 1 means the student
    rated themself above their peers' view. None when either is missing or the peer mean is 0."""
    ratio = _ratio(self_rating, peer_avg)
    return None if ratio is None else math.sqrt(ratio)
