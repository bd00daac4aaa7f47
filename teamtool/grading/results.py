"""What a grade adjustment produces: per-student results, flags, per-milestone results."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Flag:
    """A rating pattern that needs a human look, with the rule and the numbers behind it."""

    code: str  # stable slug: low-performer, high-performer, overconfident, underconfident,
    # manipulator, conflict, clique, non-discriminating, non-respondent,
    # not-rated-by-peers,
    # zero-team-average, small-team (FlagRules.describe() gives the rule of each),
    # repeated-low (across milestones: ``repeated_low.py``),
    # late-no-tokens, resubmission-refused (teamtool.tokens.flags, on every team member)
    student_id: str  # the student the flag is about ("" for a whole-team flag)
    team: str
    rule: str  # the rule with its threshold, e.g. "factor without self <= 0.85"
    detail: str  # the numbers, e.g. "factor without self 0.71"


@dataclass(frozen=True)
class StudentResult:
    """One student's adjusted grade for one milestone, with everything needed to explain it.

    ``raw_factor = received_avg / team_avg`` (SPARK: its square root) and ``factor`` is the raw
    factor after snap, cap, floor and rounding (order in ``grading/adjust.py``). For WebPA,
    ``received_avg`` is the sum of the normalised shares received and ``team_avg`` = submitters
    / members, so the factor is the WebPA score. A factor of None means the grade is the team
    grade, unadjusted (nothing to compute it from); a flag says why. ``self_rating`` is the
    self-rating actually given (None if not given), ``peer_avg`` the mean received from
    teammates in the ratings used (after imputation).
    """

    student_id: str
    team: str
    team_grade: float | None  # None when the team has no grade yet
    received_avg: float | None  # mean of the ratings received (self included or not, per options)
    team_avg: float | None  # the team mean the method divides by
    raw_factor: float | None  # before cap, floor, snap and rounding
    factor: float | None  # the method's multiplier after cap, floor, snap and rounding
    grade: float | None  # adjusted grade after penalty, max cap and rounding
    responded: bool
    self_rating: float | None = None
    peer_avg: float | None = None  # mean received from teammates only (self excluded)
    flags: tuple[Flag, ...] = ()
    override: float | None = None  # instructor override of the grade, if any
    override_reason: str = ""

    @property
    def final_grade(self) -> float | None:
        return self.override if self.override is not None else self.grade


@dataclass
class MilestoneResult:
    """The adjustment of one milestone for the whole class."""

    milestone: str
    max_points: float
    method: str
    students: list[StudentResult] = field(default_factory=list)
    team_flags: list[Flag] = field(default_factory=list)

    def by_student(self) -> dict[str, StudentResult]:
        return {r.student_id: r for r in self.students}

    def all_flags(self) -> list[Flag]:
        return [*self.team_flags, *(f for r in self.students for f in r.flags)]
