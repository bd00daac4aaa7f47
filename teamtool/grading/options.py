"""Adjustment settings: method, self-rating, limits, rounding, non-respondents, flag thresholds.

Every number that changes a grade lives here, is JSON-able (``to_json``/``from_json``) and is
checked when the options are built: a bad value raises :class:`~teamtool.errors.GradingError`
with a sentence the instructor can act on. ``PRESETS`` holds the published variants, each with
its source.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any

from teamtool.errors import GradingError


class Method(StrEnum):
    """How a student's multiplier is computed from the ratings (see ``methods.py``)."""

    AUTORATING = "autorating"  # received mean / mean of all ratings (Kaufman, Felder & Fuller)
    CATME = "catme"  # received mean / mean of the members' received means (CATME)
    WEBPA = "webpa"  # per-rater normalised shares x members / submitters (WebPA)
    SPARK = "spark"  # sqrt(received / mean received) (SPARKPLUS SPA)


class SelfMode(StrEnum):
    """Whether a student's rating of themself counts."""

    INCLUDE = "include"
    EXCLUDE = "exclude"


class MissingPolicy(StrEnum):
    """What happens to a member who submitted no ratings (a non-respondent)."""

    IGNORE = "ignore"  # average the ratings that exist
    IMPUTE = "impute"  # fill in impute_self / impute_others for them (Cornell: 0 / 25)
    PENALTY = "penalty"  # average what exists, then take `penalty` off their grade


def _check(ok: bool, message: str) -> None:
    if not ok:
        raise GradingError(message, code="bad-option")


def _finite(value: object) -> bool:
    if value is None:
        return True
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


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
            _check(
                isinstance(value, int | float) and math.isfinite(value) and value >= 0,
                f"Flag rule {f.name!r} must be a number of 0 or more, not {value!r}.",
            )
        _check(
            self.low_performer < self.high_performer,
            "The low-performer threshold must be below the high-performer threshold.",
        )

    @classmethod
    def for_scale_step(cls, step: float) -> FlagRules:
        """Default rules for a scale whose levels are ``step`` apart: manipulator gap of one
        level, confidence and clique gaps of two, conflict range of three."""
        _check(math.isfinite(step) and step > 0, "The scale step must be a number above 0.")
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
            "not-rated": "received no rating: grade not adjusted",
            "zero-team-average": "team average is 0 or missing: grades not adjusted",
            "small-team": f"{self.small_team} or fewer members submitted ratings",
        }


@dataclass(frozen=True)
class AdjustOptions:
    """All settings of one milestone's adjustment. Defaults: the autorating method, self
    included, factor capped at 1.05, grade capped at the milestone maximum."""

    method: Method = Method.AUTORATING
    self_mode: SelfMode = SelfMode.INCLUDE
    cap: float | None = 1.05
    floor: float | None = None
    snap: float | None = None  # factors above this become 1.0 (CATME: 0.95)
    round_factor: int | None = None  # decimals (CMU: 2)
    round_grade: int | None = None  # decimals
    cap_at_max: bool = True  # adjusted grade never above the milestone maximum
    missing: MissingPolicy = MissingPolicy.IGNORE
    impute_self: float = 0.0  # Cornell: a non-voter's own rating
    impute_others: float = 25.0  # Cornell: the non-voter's rating of each teammate
    weighting: float = 1.0  # WebPA PA weighting w in [0, 1]; 1 = the whole grade is adjusted
    penalty: float = 0.0  # non-respondent penalty (only with missing = penalty)
    penalty_percent: bool = True  # penalty in % of the grade, else in points
    flag_rules: FlagRules = field(default_factory=FlagRules)

    def __post_init__(self) -> None:
        # Accept the plain strings a settings file or the CLI gives.
        object.__setattr__(self, "method", _enum(Method, self.method, "method"))
        object.__setattr__(self, "self_mode", _enum(SelfMode, self.self_mode, "self_mode"))
        object.__setattr__(self, "missing", _enum(MissingPolicy, self.missing, "missing"))
        for name in (
            "cap",
            "floor",
            "snap",
            "impute_self",
            "impute_others",
            "weighting",
            "penalty",
        ):
            _check(_finite(getattr(self, name)), f"The {name} setting must be a finite number.")
        _check(self.cap is None or self.cap > 0, "The factor cap must be above 0.")
        _check(self.floor is None or self.floor >= 0, "The factor floor must be 0 or more.")
        _check(
            self.cap is None or self.floor is None or self.floor <= self.cap,
            f"The factor floor ({self.floor}) is above the cap ({self.cap}).",
        )
        _check(self.snap is None or self.snap > 0, "The snap threshold must be above 0.")
        for name in ("round_factor", "round_grade"):
            digits = getattr(self, name)
            _check(
                digits is None or (isinstance(digits, int) and 0 <= digits <= 10),
                f"The {name} setting must be a number of decimals from 0 to 10.",
            )
        _check(0.0 <= self.weighting <= 1.0, "The weighting must be between 0 and 1 (0-100 %).")
        _check(self.penalty >= 0, "The non-respondent penalty must be 0 or more.")
        _check(
            not self.penalty_percent or self.penalty <= 100,
            "A penalty in percent of the grade must be at most 100.",
        )
        _check(
            self.impute_self >= 0 and self.impute_others >= 0,
            "Imputed ratings must be 0 or more.",
        )
        _check(isinstance(self.flag_rules, FlagRules), "flag_rules must be a FlagRules.")

    def to_json(self) -> dict[str, Any]:
        """A plain dict (str, float, int, bool, None, nested dict) for the course file."""
        out = asdict(self)
        for name in ("method", "self_mode", "missing"):
            out[name] = str(out[name])
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AdjustOptions:
        """Rebuild options from ``to_json`` output; unknown keys are refused, not dropped."""
        _check(isinstance(data, dict), "Adjustment settings must be a mapping of names.")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        _check(not unknown, f"Unknown adjustment setting(s): {', '.join(unknown)}.")
        values = dict(data)
        rules = values.pop("flag_rules", None)
        if rules is not None:
            _check(isinstance(rules, dict), "flag_rules must be a mapping of rule names.")
            rule_names = {f.name for f in fields(FlagRules)}
            bad = sorted(set(rules) - rule_names)
            _check(not bad, f"Unknown flag rule(s): {', '.join(bad)}.")
            values["flag_rules"] = FlagRules(**rules)
        try:
            return cls(**values)
        except TypeError as exc:  # a value of the wrong type reached a comparison
            raise GradingError(f"Invalid adjustment settings: {exc}", code="bad-option") from exc


def _enum(kind: type[Any], value: object, name: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(str(m) for m in kind)
        raise GradingError(
            f"Unknown {name} {value!r}; use one of: {allowed}.", code="bad-option"
        ) from None


#: Published variants. Each entry names its source; see reference/peer-adjustment.md.
PRESETS: dict[str, AdjustOptions] = {
    # Oakley, Felder, Brent & Elhajj 2004 / Kaufman, Felder & Fuller 2000 as used on the Cornell
    # CS 3110 / CS 2112 / CS 5740 pages: self included, factor capped at 1.05, no floor.
    "oakley": AdjustOptions(method=Method.AUTORATING, cap=1.05),
    # Cornell pages: as "oakley", and a non-voter's column is filled with 0 (self) and 25 (others).
    "cornell": AdjustOptions(
        method=Method.AUTORATING,
        cap=1.05,
        missing=MissingPolicy.IMPUTE,
        impute_self=0.0,
        impute_others=25.0,
    ),
    # CMU 17-445 MLiP peergrading.html: min(1.05, ind/team).toFixed(2).
    "cmu": AdjustOptions(method=Method.AUTORATING, cap=1.05, round_factor=2),
    # CATME instructor help (instructor14.html): with self, max 1.05, values > 0.95 shown as 1.0.
    "catme": AdjustOptions(method=Method.CATME, self_mode=SelfMode.INCLUDE, snap=0.95, cap=1.05),
    # WebPA (Loughborough) scoring algorithm, FAQ advice to start at 50 % PA weighting; grades
    # clamped to [0, max]; no cap on the score.
    "webpa": AdjustOptions(method=Method.WEBPA, cap=None, weighting=0.5),
    # SPARKPLUS SPA as documented by APEG: grade = group mark x SPA, no cap.
    "spark": AdjustOptions(method=Method.SPARK, cap=None),
}
