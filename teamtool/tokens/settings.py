"""The course's token setting: tokens per team, what a late day and a resubmission cost, and the
late policy for the days a team cannot pay for."""

from __future__ import annotations

import math
from dataclasses import dataclass

from teamtool.errors import InputError

NO_CREDIT = "no credit"


@dataclass(frozen=True)
class TokenSettings:
    """Defaults are the course's own: 8 tokens, 1 per late day, 3 per resubmission, and a late
    milestone the team cannot pay for gets no credit ("feedback but no credit").

    ``late_percent_per_day`` replaces "no credit" by a deduction: each unpaid late day takes
    that percentage of the milestone's grade (3 unpaid days at 10 % keep 70 % of it).
    """

    tokens_per_team: int = 8
    cost_per_late_day: int = 1
    cost_per_resubmission: int = 3
    late_percent_per_day: float | None = None  # None: no credit

    def __post_init__(self) -> None:
        for name in ("tokens_per_team", "cost_per_late_day", "cost_per_resubmission"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise InputError(
                    f"{name.replace('_', ' ')} must be a whole number of 0 or more, not {value!r}",
                    code="bad-token-setting",
                )
        percent = self.late_percent_per_day
        if percent is not None and not (
            isinstance(percent, int | float) and math.isfinite(percent) and 0 <= percent <= 100
        ):
            raise InputError(
                f"the late deduction must be a percentage from 0 to 100 per day, not {percent!r}",
                code="bad-token-setting",
            )

    @property
    def policy_text(self) -> str:
        """The late policy in words, as the CLI, the window and the workbook show it."""
        if self.late_percent_per_day is None:
            return "no credit for a late milestone the team cannot pay for (feedback only)"
        return f"{self.late_percent_per_day:g}% of the grade deducted per unpaid late day"


def parse_late_policy(text: str) -> float | None:
    """``"no credit"`` (or ``"0 credit"``/``"none"``) -> None; ``"10%"`` or ``"10"`` -> 10.0."""
    cleaned = text.strip().lower()
    if cleaned in (NO_CREDIT, "no-credit", "nocredit", "none"):
        return None
    try:
        value = float(cleaned.rstrip("%").strip())
    except ValueError:
        raise InputError(
            f'late policy "{text}" is neither "no credit" nor a percentage per day such as 10%',
            code="usage",
        ) from None
    if not (math.isfinite(value) and 0 <= value <= 100):
        raise InputError(
            f'late policy "{text}": the percentage per day must be from 0 to 100', code="usage"
        )
    return value
