"""Steps 3-10 of the adjustment: factor limits and rounding, grade, penalty, clamp, rounding.

Each function returns its value and short notes of what it changed, so the explanation shown
to a student (``explain.py``) is produced by the very code that computed the number.
Rounding is half away from zero on the decimal value, as Excel's ROUND does.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from teamtool.grading.adjust_choices import MissingPolicy
from teamtool.grading.options import AdjustOptions


def round_half_up(value: float, digits: int) -> float:
    """Round like Excel's ROUND: 2.675 -> 2.68, 73.5 -> 74, -0.5 -> -1.

    Excel rounds the number as it shows it to 15 significant digits, so 77 × 0.95, stored as
    73.14999999999999, rounds to 73.2 there; rounding the 15-digit form does the same here.
    """
    exponent = Decimal(1).scaleb(-digits)
    return float(Decimal(format(value, ".15g")).quantize(exponent, rounding=ROUND_HALF_UP))


def fmt(value: float, decimals: int = 3) -> str:
    """A number as a person writes it: at most ``decimals`` decimals, no trailing zeros."""
    text = f"{round_half_up(value, decimals):.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def rounded_noted(value: float, digits: int | None, notes: list[str]) -> float:
    """Steps 6 and 10: ``value`` rounded to ``digits`` decimals (None: as it is); a change is
    noted as "rounded to …"."""
    if digits is None:
        return value
    rounded = round_half_up(value, digits)
    if rounded != value:
        notes.append(f"rounded to {fmt(rounded, digits)}")
    return rounded


def finish_factor(raw: float | None, options: AdjustOptions) -> tuple[float | None, list[str]]:
    """Steps 3-6: snap, cap, floor, round the factor. None stays None (not adjusted)."""
    if raw is None:
        return None, []
    notes: list[str] = []
    factor = raw
    if options.snap is not None and factor > options.snap:
        factor = 1.0
        notes.append(f"above {fmt(options.snap)}, so counted as 1")
    if options.cap is not None and factor > options.cap:
        factor = options.cap
        notes.append(f"capped at {fmt(options.cap)}")
    if options.floor is not None and factor < options.floor:
        factor = options.floor
        notes.append(f"raised to the floor {fmt(options.floor)}")
    return rounded_noted(factor, options.round_factor, notes), notes


def weighted_grade(team_grade: float, factor: float | None, weighting: float) -> float:
    """Step 7: ``G x (1 - w) + G x w x factor``; with w = 1 exactly ``G x factor``.

    A factor of None (nothing to compute it from) leaves the team grade unchanged.
    """
    if factor is None:
        return team_grade
    if weighting == 1.0:
        return team_grade * factor
    return team_grade * (1 - weighting) + team_grade * weighting * factor


def finish_grade(
    team_grade: float | None,
    factor: float | None,
    responded: bool,
    max_points: float,
    options: AdjustOptions,
) -> tuple[float | None, list[str]]:
    """Steps 7-10: grade from the factor, non-respondent penalty, clamp to [0, max], round."""
    if team_grade is None:
        return None, []
    notes: list[str] = []
    grade = weighted_grade(team_grade, factor, options.weighting)
    if not responded and options.missing is MissingPolicy.PENALTY and options.penalty > 0:
        before = grade
        if options.penalty_percent:
            grade = grade * (1 - options.penalty / 100)
            notes.append(
                f"no ratings submitted: {fmt(options.penalty)} % off, "
                f"{fmt(before, 2)} × {fmt(1 - options.penalty / 100)} = {fmt(grade, 2)}"
            )
        else:
            grade = grade - options.penalty
            notes.append(
                f"no ratings submitted: {fmt(options.penalty)} points off, "
                f"{fmt(before, 2)} − {fmt(options.penalty)} = {fmt(grade, 2)}"
            )
    if grade < 0:
        grade = 0.0
        notes.append("raised to 0")
    if options.cap_at_max and grade > max_points:
        grade = max_points
        notes.append(f"capped at the maximum {fmt(max_points)}")
    return rounded_noted(grade, options.round_grade, notes), notes
