"""Adjustment settings: method, self-rating, limits, rounding, non-respondents; the presets.

Every number that changes a grade is an :class:`AdjustOptions` field (the flag thresholds are
its :class:`~teamtool.grading.flag_rules.FlagRules`), is JSON-able (``to_json``/``from_json``)
and is checked when the options are built: a bad value raises
:class:`~teamtool.errors.GradingError` with a sentence the instructor can act on. ``PRESETS``
holds the published variants, each with its source. The choices (``Method``, ``SelfMode``,
``MissingPolicy``) live in :mod:`teamtool.grading.adjust_choices`; all are re-exported here.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from teamtool.errors import GradingError
from teamtool.grading.adjust_choices import Method, MissingPolicy, SelfMode, check_option
from teamtool.grading.flag_rules import FlagRules

__all__ = [
    "METHOD_PRESETS",
    "PRESETS",
    "AdjustOptions",
    "FlagRules",
    "Method",
    "MissingPolicy",
    "SelfMode",
    "method_defaults",
    "with_method",
]


def _finite(value: object) -> bool:
    if value is None:
        return True
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


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
            check_option(
                _finite(getattr(self, name)), f"The {name} setting must be a finite number."
            )
        check_option(self.cap is None or self.cap > 0, "The factor cap must be above 0.")
        check_option(self.floor is None or self.floor >= 0, "The factor floor must be 0 or more.")
        check_option(
            self.cap is None or self.floor is None or self.floor <= self.cap,
            f"The factor floor ({self.floor}) is above the cap ({self.cap}).",
        )
        check_option(self.snap is None or self.snap > 0, "The snap threshold must be above 0.")
        for name in ("round_factor", "round_grade"):
            digits = getattr(self, name)
            check_option(
                digits is None or (isinstance(digits, int) and 0 <= digits <= 10),
                f"The {name} setting must be a number of decimals from 0 to 10.",
            )
        check_option(
            0.0 <= self.weighting <= 1.0, "The weighting must be between 0 and 1 (0-100 %)."
        )
        check_option(self.penalty >= 0, "The non-respondent penalty must be 0 or more.")
        check_option(
            not self.penalty_percent or self.penalty <= 100,
            "A penalty in percent of the grade must be at most 100.",
        )
        check_option(
            self.impute_self >= 0 and self.impute_others >= 0,
            "Imputed ratings must be 0 or more.",
        )
        check_option(isinstance(self.flag_rules, FlagRules), "flag_rules must be a FlagRules.")

    def to_json(self) -> dict[str, Any]:
        """A plain dict (str, float, int, bool, None, nested dict) for the course file."""
        out = asdict(self)
        for name in ("method", "self_mode", "missing"):
            out[name] = str(out[name])
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AdjustOptions:
        """Rebuild options from ``to_json`` output; unknown keys are refused, not dropped."""
        check_option(isinstance(data, dict), "Adjustment settings must be a mapping of names.")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        check_option(not unknown, f"Unknown adjustment setting(s): {', '.join(unknown)}.")
        values = dict(data)
        rules = values.pop("flag_rules", None)
        if rules is not None:
            check_option(isinstance(rules, dict), "flag_rules must be a mapping of rule names.")
            rule_names = {f.name for f in fields(FlagRules)}
            bad = sorted(set(rules) - rule_names)
            check_option(not bad, f"Unknown flag rule(s): {', '.join(bad)}.")
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

#: The preset that holds each method's own conventional settings: choosing a method starts from
#: it, so WebPA never inherits autorating's 1.05 cap (a WebPA score of 1.48 is not cut to 1.05).
METHOD_PRESETS: dict[Method, str] = {
    Method.AUTORATING: "oakley",
    Method.CATME: "catme",
    Method.WEBPA: "webpa",
    Method.SPARK: "spark",
}


def method_defaults(method: Method | str) -> AdjustOptions:
    """The conventional settings of ``method`` (its preset in :data:`METHOD_PRESETS`)."""
    return PRESETS[METHOD_PRESETS[_enum(Method, method, "method")]]


def with_method(options: AdjustOptions, method: Method | str) -> AdjustOptions:
    """``options`` switched to ``method``: the method's own settings (self-rating, cap, floor,
    snap, rounding, maximum, weighting), keeping the course's non-respondent policy and flag
    rules, which do not belong to a method."""
    own = method_defaults(method)
    return replace(
        own,
        missing=options.missing,
        impute_self=options.impute_self,
        impute_others=options.impute_others,
        penalty=options.penalty,
        penalty_percent=options.penalty_percent,
        flag_rules=options.flag_rules,
    )
