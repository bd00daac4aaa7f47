"""Adjust a team's or a milestone's grades from the peer ratings, in a fixed, documented order.

Order of operations (the Excel export reproduces exactly this):

1. ``received_avg`` and ``team_avg`` from the ratings, after imputation and the self-rating
   rule (``matrix.py``; the averages of each method are defined in ``methods.py``);
2. raw factor = ``received_avg / team_avg`` (SPARK: its square root; WebPA: the score);
3. snap: a factor above ``snap`` becomes 1.0 (CATME 0.95);
4. cap: a factor above ``cap`` becomes ``cap`` (default 1.05);
5. floor: a factor below ``floor`` becomes ``floor``;
6. round the factor to ``round_factor`` decimals;
7. grade = ``G x (1 - w) + G x w x factor`` with team grade G and weighting w; with the default
   w = 1 this is ``G x factor`` (autorating, CATME, SPARK), w < 1 is WebPA's PA weighting;
8. non-respondents, when the missing policy is ``penalty``: ``grade x (1 - penalty/100)`` or
   ``grade - penalty`` (points); WebPA's own code clamps at 100 before its penalty, here the
   clamp comes after it (the two differ only for a non-respondent whose grade exceeds the max);
9. clamp at 0, and at the milestone maximum when ``cap_at_max``;
10. round the grade to ``round_grade`` decimals.

Rounding is half away from zero (Excel's ROUND). A factor that cannot be computed (no rating
received from a teammate, a self-rating alone being no basis, or a team average of 0) is None:
the grade is then the team grade, unadjusted, with steps 8-10 still applied, and a
``not-rated-by-peers`` or ``zero-team-average`` flag says so. A team without a grade gets
factors but grade None.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace

from teamtool.errors import GradingError
from teamtool.grading.flags import find_flags
from teamtool.grading.matrix import build_matrix
from teamtool.grading.methods import method_values
from teamtool.grading.options import AdjustOptions
from teamtool.grading.results import Flag, MilestoneResult, StudentResult
from teamtool.grading.steps import finish_factor, finish_grade
from teamtool.model import Rating


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _check_grade(team: str, team_grade: float | None, max_points: float) -> None:
    if not _is_number(max_points) or max_points <= 0:
        raise GradingError(
            f"The milestone maximum must be a number above 0, not {max_points!r}.",
            code="bad-max-points",
        )
    if team_grade is not None and (not _is_number(team_grade) or team_grade < 0):
        raise GradingError(
            f"Team {team!r} has the grade {team_grade!r}; a team grade must be 0 or more.",
            code="bad-team-grade",
        )


def adjust_team_with_flags(
    team: str,
    members: Sequence[str],
    ratings: Mapping[tuple[str, str], float],
    team_grade: float | None,
    max_points: float,
    options: AdjustOptions,
    respondents: Collection[str] | None = None,
) -> tuple[list[StudentResult], list[Flag]]:
    """As :func:`adjust_team`, and the team-level flags (small team, clique, zero average)."""
    _check_grade(team, team_grade, max_points)
    matrix = build_matrix(team, members, ratings, options, respondents)
    values = method_values(matrix, options.method)
    results: list[StudentResult] = []
    for s in matrix.members:
        v = values[s]
        factor, _ = finish_factor(v.raw_factor, options)
        grade, _ = finish_grade(team_grade, factor, matrix.responded[s], max_points, options)
        peers = matrix.peer_received(s)
        results.append(
            StudentResult(
                student_id=s,
                team=team,
                team_grade=team_grade,
                received_avg=v.received_avg,
                team_avg=v.team_avg,
                raw_factor=v.raw_factor,
                factor=factor,
                grade=grade,
                responded=matrix.responded[s],
                self_rating=matrix.given.get((s, s)),
                peer_avg=sum(peers) / len(peers) if peers else None,
            )
        )
    flags = find_flags(team, matrix.members, matrix.given, results, options.flag_rules)
    own: dict[str, list[Flag]] = {}
    for f in flags:
        own.setdefault(f.student_id, []).append(f)
    results = [replace(r, flags=tuple(own.get(r.student_id, ()))) for r in results]
    return results, own.get("", [])


def adjust_team(
    team: str,
    members: Sequence[str],
    ratings: Mapping[tuple[str, str], float],
    team_grade: float | None,
    max_points: float,
    options: AdjustOptions,
    respondents: Collection[str] | None = None,
) -> list[StudentResult]:
    """Adjust one team (also the what-if preview): one result per member, in member order.

    ``ratings`` is keyed ``(rater, ratee)``; ratings involving non-members are ignored. A member
    who gave no rating is a non-respondent unless ``respondents`` names them. Student flags are
    on each result; :func:`adjust_team_with_flags` also returns the team flags.
    """
    results, _ = adjust_team_with_flags(
        team, members, ratings, team_grade, max_points, options, respondents
    )
    return results


def adjust_milestone(
    milestone: str,
    teams: Mapping[str, Sequence[str]],
    ratings: Iterable[Rating],
    grades: Mapping[str, float],
    max_points: float,
    options: AdjustOptions,
    overrides: Mapping[str, tuple[float, str]] | None = None,
) -> MilestoneResult:
    """Adjust every team of a milestone; teams missing from ``grades`` get grade None.

    Ratings between members of different teams, or naming someone in no team, are ignored (the
    survey importer reports them); for a repeated (rater, ratee) pair the last rating counts.
    ``overrides`` maps a student id to (grade, reason); the reason is required.
    """
    team_of: dict[str, str] = {}
    for team, members in teams.items():
        for s in members:
            if s in team_of and team_of[s] != team:
                raise GradingError(
                    f"Student {s} is in two teams, {team_of[s]!r} and {team!r}.",
                    code="student-in-two-teams",
                )
            team_of[s] = team
    unknown = sorted(set(grades) - set(teams))
    if unknown:
        raise GradingError(
            f"Milestone {milestone!r} has grades for unknown team(s): {', '.join(unknown)}.",
            code="unknown-team",
        )
    by_team: dict[str, dict[tuple[str, str], float]] = {t: {} for t in teams}
    for r in ratings:
        rater_team = team_of.get(r.rater)
        if rater_team is not None and team_of.get(r.ratee) == rater_team:
            by_team[rater_team][(r.rater, r.ratee)] = r.value
    result = MilestoneResult(milestone, max_points, str(options.method))
    for team, members in teams.items():
        students, flags = adjust_team_with_flags(
            team, members, by_team[team], grades.get(team), max_points, options
        )
        result.students.extend(students)
        result.team_flags.extend(flags)
    if overrides:
        result.students = _apply_overrides(
            milestone, result.students, overrides, max_points if options.cap_at_max else None
        )
    return result


def _apply_overrides(
    milestone: str,
    students: list[StudentResult],
    overrides: Mapping[str, tuple[float, str]],
    max_points: float | None,
) -> list[StudentResult]:
    known = {r.student_id for r in students}
    missing = sorted(set(overrides) - known)
    if missing:
        raise GradingError(
            f"Milestone {milestone!r}: override for student(s) in no team: {', '.join(missing)}.",
            code="override-unknown-student",
        )
    for sid, (grade, reason) in overrides.items():
        if not _is_number(grade) or grade < 0:
            raise GradingError(
                f"Milestone {milestone!r}: the override for {sid} is {grade!r}; "
                "it must be a grade of 0 or more.",
                code="override-bad-grade",
            )
        if max_points is not None and grade > max_points:
            raise GradingError(
                f"Milestone {milestone!r}: the override for {sid} ({grade}) is above the "
                f"maximum of {max_points}.",
                code="override-above-max",
            )
        if not reason or not reason.strip():
            raise GradingError(
                f"Milestone {milestone!r}: the override for {sid} needs a reason.",
                code="override-no-reason",
            )
    out = []
    for r in students:
        if r.student_id in overrides:
            grade, reason = overrides[r.student_id]
            r = replace(r, override=float(grade), override_reason=reason.strip())
        out.append(r)
    return out
