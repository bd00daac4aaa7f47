"""The thresholds of the flags that ask for a human look, and each rule in words."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from teamtool.grading.adjust_choices import check_option


def _num(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class FlagRules:
    """Thresholds of the flags that ask for a human look (see ``flags.py`` for each rule).

    Gaps are in rating-scale points; the defaults suit the 0-100 autorating scale, whose levels
    are 12.5 apart. For another scale use :meth:`for_scale_step` (1-5 scale: step 1).
    """

    low_performer: float = 0.85  # factor from peers only <= this
    high_performer: float = 1.10  # factor from peers only >= this
    # Two levels: a self-rating one level below the peers' is ordinary modesty (KFF 2000 found
    # self-ratings usually lower than peer ratings), not something to look into.
    confidence_gap: float = 25.0  # |self - mean received from peers| >= this (scale points)
    conflict_range: float = 37.5  # max - min of the peer ratings a member received >= this
    clique_gap: float = 25.0  # within-block mean - between-block mean >= this
    manipulator_gap: float = 12.5  # self >= mean given to others + gap, all others rated low
    small_team: int = 2  # teams with <= this many raters are flagged for review
    non_discriminating_min: int = 3  # a rater giving >= this many ratings, all equal, is flagged

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            check_option(
                isinstance(value, int | float) and math.isfinite(value) and value >= 0,
                f"Flag rule {f.name!r} must be a number of 0 or more, not {value!r}.",
            )
        check_option(
            self.low_performer < self.high_performer,
            "The low-performer threshold must be below the high-performer threshold.",
        )

    @classmethod
    def for_scale_step(cls, step: float) -> FlagRules:
        """Default rules for a scale whose levels are ``step`` apart: manipulator gap of one
        level, confidence and clique gaps of two, conflict range of three."""
        check_option(math.isfinite(step) and step > 0, "The scale step must be a number above 0.")
        return cls(
            confidence_gap=2 * step,
            conflict_range=3 * step,
            clique_gap=2 * step,
            manipulator_gap=step,
        )

    def describe(self) -> dict[str, str]:
        """Flag code -> the rule in words with its threshold, as shown next to each flag."""
        g = _num
        return {
            "low-performer": f"factor from teammates' ratings <= {g(self.low_performer)}",
            "high-performer": f"factor from teammates' ratings >= {g(self.high_performer)}",
            "overconfident": f"self-rating >= mean from teammates + {g(self.confidence_gap)}",
            "underconfident": f"self-rating <= mean from teammates − {g(self.confidence_gap)}",
            "conflict": f"teammates' ratings of the member span >= {g(self.conflict_range)} points",
            "clique": f"team splits into two groups whose ratings inside the group exceed "
            f"ratings across groups by >= {g(self.clique_gap)} points on average",
            "manipulator": f"self-rating >= mean given to teammates + {g(self.manipulator_gap)}, "
            "and every teammate rated below the mean the others gave them",
            "non-discriminating": f"gave >= {self.non_discriminating_min} ratings, all the same",
            "non-respondent": "submitted no ratings",
            "not-rated-by-peers": "no rating from a teammate: grade not adjusted",
            "zero-team-average": "team average is 0 or missing: grades not adjusted",
            "small-team": f"{self.small_team} or fewer members submitted ratings",
        }
