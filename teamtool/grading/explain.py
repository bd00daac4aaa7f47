"""Plain-language explanation of one student's result, and the CMU percentage display.

The text is built by re-running the steps of ``steps.py`` on the stored numbers, so it always
matches the grade, e.g. ``factor = 95.83 / 87.5 = 1.0952, capped at 1.05; grade = 88 × 1.05
= 92.4``.
"""

from __future__ import annotations

import math

from teamtool.grading.adjust_choices import Method, MissingPolicy, SelfMode
from teamtool.grading.options import AdjustOptions
from teamtool.grading.results import StudentResult
from teamtool.grading.steps import finish_factor, finish_grade, fmt, weighted_grade


def cmu_percent(factor: float) -> str:
    """The CMU MLiP display of a factor: ``round((factor - 1) x 100)`` with a sign, "+2%".

    As in the page's JavaScript, ``Math.round`` rounds halves up (towards +infinity).
    """
    percent = math.floor((factor - 1) * 100 + 0.5)
    return f"{'+' if factor >= 1 else ''}{percent}%"


def _factor_text(result: StudentResult, options: AdjustOptions) -> str:
    ra, ta, raw = result.received_avg, result.team_avg, result.raw_factor
    if raw is None or ra is None or ta is None:
        if result.peer_avg is None and result.self_rating is not None:
            reason = "no teammate rated this student; a self-rating alone is no basis"
        elif ra is None or result.peer_avg is None:
            reason = "nobody rated this student"
        else:
            reason = "the team average is 0"
        return f"factor not computed ({reason}), so the grade is not adjusted"
    if options.method is Method.SPARK:
        text = f"SPA = √({fmt(ra, 2)} / {fmt(ta, 2)}) = {fmt(raw, 4)}"
    elif options.method is Method.WEBPA:
        text = f"WebPA score = shares received {fmt(ra)} / {fmt(ta)} = {fmt(raw, 4)}"
    else:
        text = f"factor = {fmt(ra, 2)} / {fmt(ta, 2)} = {fmt(raw, 4)}"
    _, notes = finish_factor(raw, options)
    return ", ".join([text, *notes])


def _imputed_text(result: StudentResult, options: AdjustOptions) -> list[str]:
    if result.responded or options.missing is not MissingPolicy.IMPUTE:
        return []
    own = ""
    if options.self_mode is SelfMode.INCLUDE:
        own = f"{fmt(options.impute_self)} for themself and "
    others = f"{fmt(options.impute_others)} for each teammate"
    return [f"no ratings submitted, so this student's form counts as {own}{others}"]


def _grade_text(result: StudentResult, options: AdjustOptions, max_points: float) -> str:
    g, f = result.team_grade, result.factor
    if g is None:
        return "no team grade yet"
    before = weighted_grade(g, f, options.weighting)
    if f is None:
        text = f"grade = team grade {fmt(g, 2)}"
    elif options.weighting == 1.0:
        text = f"grade = {fmt(g, 2)} × {fmt(f, 4)} = {fmt(before, 2)}"
    else:
        w = options.weighting
        text = (
            f"grade = {fmt(g, 2)} × {fmt(1 - w)} + {fmt(g, 2)} × {fmt(w)} × {fmt(f, 4)}"
            f" = {fmt(before, 2)}"
        )
    _, notes = finish_grade(g, f, result.responded, max_points, options)
    return ", ".join([text, *notes])


def explain(result: StudentResult, options: AdjustOptions, max_points: float) -> str:
    """One student's result in words, from the ratings to the final grade."""
    parts = [
        *_imputed_text(result, options),
        _factor_text(result, options),
        _grade_text(result, options, max_points),
    ]
    if result.override is not None:
        parts.append(f"instructor override: {fmt(result.override, 2)} ({result.override_reason})")
    return "; ".join(parts)
