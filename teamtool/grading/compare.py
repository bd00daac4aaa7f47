"""What the choice of method does: every student's factor and grade under each published preset.

The instructor sees, before committing to a method, how much each student's grade would move.
Each preset is applied as published (``PRESETS``), beside the milestone's own settings; the
grades compared are the computed ones, before any instructor override (an override replaces the
method's grade whatever the method).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from teamtool.grading.options import PRESETS, AdjustOptions
from teamtool.grading.results import MilestoneResult

#: The presets compared, one per published method family, in the order the window shows them.
COMPARED_PRESETS: tuple[str, ...] = ("oakley", "cmu", "catme", "webpa", "spark")

#: A grade that moves by at least this many points from the milestone's own is highlighted.
NOTABLE_POINTS = 1.0


@dataclass(frozen=True)
class Outcome:
    """One student's factor and grade under one set of options (None: the team grade stands
    unadjusted or the team has no grade)."""

    factor: float | None
    grade: float | None


@dataclass(frozen=True)
class ComparedStudent:
    """One student: the outcome under the milestone's own settings, then under each preset."""

    student_id: str
    team: str
    team_grade: float | None
    current: Outcome
    by_preset: tuple[Outcome, ...]

    @property
    def spread(self) -> float | None:
        """Highest minus lowest grade over the current settings and every preset."""
        grades = [o.grade for o in (self.current, *self.by_preset) if o.grade is not None]
        return max(grades) - min(grades) if grades else None

    def moves(self, index: int) -> float | None:
        """How far preset ``index`` moves the grade from the current settings (signed)."""
        other = self.by_preset[index].grade
        if other is None or self.current.grade is None:
            return None
        return other - self.current.grade


@dataclass(frozen=True)
class MethodComparison:
    """The comparison of one milestone: the presets in column order and one row per student."""

    presets: tuple[str, ...]
    students: tuple[ComparedStudent, ...]

    def widest(self) -> ComparedStudent | None:
        """The student whose grade depends most on the method (None when nobody has a grade)."""
        spread = [s for s in self.students if s.spread is not None]
        return max(spread, key=lambda s: (s.spread, s.student_id)) if spread else None

    def notable(self) -> int:
        """How many students some preset moves by at least :data:`NOTABLE_POINTS`."""
        return sum(1 for s in self.students if (s.spread or 0.0) >= NOTABLE_POINTS)


def _outcomes(result: MilestoneResult) -> dict[str, Outcome]:
    return {s.student_id: Outcome(s.factor, s.grade) for s in result.students}


def compare_methods(
    adjust: Callable[[AdjustOptions], MilestoneResult],
    current: AdjustOptions,
    presets: Sequence[str] = COMPARED_PRESETS,
) -> MethodComparison:
    """Adjust one milestone with ``current`` and with each preset (``adjust`` runs the
    milestone's adjustment with the options it is given) and line the outcomes up by student,
    in the order of the current result."""
    base = adjust(current)
    others = [_outcomes(adjust(PRESETS[key])) for key in presets]
    missing = Outcome(None, None)
    rows = tuple(
        ComparedStudent(
            s.student_id,
            s.team,
            s.team_grade,
            Outcome(s.factor, s.grade),
            tuple(o.get(s.student_id, missing) for o in others),
        )
        for s in base.students
    )
    return MethodComparison(tuple(presets), rows)
