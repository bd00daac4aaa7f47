"""The adjustment's choices (method, self-rating, non-respondents) and the check of a setting."""

from __future__ import annotations

from enum import StrEnum

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


def check_option(ok: bool, message: str) -> None:
    """Refuse a bad setting with ``message`` (a :class:`~teamtool.errors.GradingError`)."""
    if not ok:
        raise GradingError(message, code="bad-option")
