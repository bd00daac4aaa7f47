"""The sentences the preview page shows about the scale and the adjustment settings."""

from __future__ import annotations

from teamtool.grading import AdjustOptions, Method, MissingPolicy, SelfMode
from teamtool.ratings.rating_scale import Scale, format_number

_METHODS = {
    Method.AUTORATING: (
        "Autorating: a member's factor is the mean rating they received divided by the mean "
        "of all ratings in the team."
    ),
    Method.CATME: (
        "CATME: a member's factor is the mean rating they received divided by the mean of "
        "the members' received means."
    ),
    Method.WEBPA: (
        "WebPA: each rater's ratings are turned into shares of that rater's total; a member's "
        "score is the sum of the shares they received × members ÷ raters."
    ),
    Method.SPARK: (
        "SPARKPLUS: a member's factor is the square root of the mean rating they received "
        "divided by the mean of the members' received means."
    ),
}


def scale_sentence(scale: Scale) -> str:
    levels = ", ".join(f"{label} = {format_number(value)}" for label, value in scale.levels)
    return f"Ratings: {levels}."


def missing_note(options: AdjustOptions) -> str:
    """What happens to a member who gives no ratings (shown beside such a member)."""
    if options.missing is MissingPolicy.IMPUTE:
        return (
            f"gave no ratings: filled in as {format_number(options.impute_self)} for themself "
            f"and {format_number(options.impute_others)} for each teammate"
        )
    if options.missing is MissingPolicy.PENALTY and options.penalty > 0:
        unit = " %" if options.penalty_percent else " points"
        return f"gave no ratings: {format_number(options.penalty)}{unit} off the grade"
    return "gave no ratings"


def settings_sentences(scale: Scale, options: AdjustOptions) -> list[str]:
    """One sentence per setting that changes a number, in the order they are applied."""
    out = [scale_sentence(scale), _METHODS[options.method]]
    if options.self_mode is SelfMode.EXCLUDE:
        out.append("A member's rating of themself is not counted.")
    else:
        out.append("A member's rating of themself counts like the others.")
    out.append("A member no teammate rated keeps the team grade (not adjusted).")
    if options.snap is not None:
        out.append(f"A factor above {format_number(options.snap)} counts as 1.")
    if options.cap is not None:
        out.append(f"The factor is at most {format_number(options.cap)}.")
    if options.floor is not None:
        out.append(f"The factor is at least {format_number(options.floor)}.")
    if options.round_factor is not None:
        out.append(f"The factor is rounded to {options.round_factor} decimals.")
    if options.weighting == 1.0:
        out.append("Grade = team grade × factor.")
    else:
        w = format_number(options.weighting)
        out.append(f"Grade = team grade × (1 − {w}) + team grade × {w} × factor.")
    out.append(_missing_sentence(options))
    if options.cap_at_max:
        out.append("The grade is at least 0 and at most the maximum points.")
    else:
        out.append("The grade is at least 0 and may exceed the maximum points.")
    if options.round_grade is not None:
        out.append(f"The grade is rounded to {options.round_grade} decimals.")
    return out


def _missing_sentence(options: AdjustOptions) -> str:
    if options.missing is MissingPolicy.IGNORE or missing_note(options) == "gave no ratings":
        return "A member who gives no ratings: the grades come from the ratings that were given."
    return f"A member who gives no ratings: {missing_note(options).split(': ', 1)[1]}."
