"""Words that follow the adjustment method: column headings and the Grades page's status line."""

from __future__ import annotations

from collections.abc import Mapping

from teamtool.grading import AdjustOptions, Method, MilestoneResult, SelfMode, StudentResult
from teamtool.grading.steps import fmt

#: The method's multiplier under its own name ("—" in the table when there is none).
FACTOR_HEADING = {
    Method.AUTORATING: "Factor",
    Method.CATME: "Adjustment\nfactor",
    Method.WEBPA: "WebPA\nscore",
    Method.SPARK: "SPA",
}
FACTOR_TIP = {
    Method.AUTORATING: "the autorating multiplier, mean received ÷ team mean, after its limits",
    Method.CATME: "CATME's multiplier, mean received ÷ mean of the members' means, after its "
    "limits",
    Method.WEBPA: "the sum of each rater's normalised marks × members ÷ submitters, after its "
    "limits",
    Method.SPARK: "SPARKPLUS self and peer assessment factor, √(received ÷ team mean), after its "
    "limits",
}
RECEIVED_HEADING = {Method.WEBPA: "Shares\nreceived"}
RECEIVED_TIP = {Method.WEBPA: "the sum of the normalised marks (mark ÷ rater's total) received"}
TEAM_HEADING = {Method.WEBPA: "Submitters\n÷ members", Method.CATME: "Mean of\nmeans"}
TEAM_HEADING[Method.SPARK] = TEAM_HEADING[Method.CATME]
TEAM_TIP = {
    Method.WEBPA: "the members who submitted marks ÷ the team's members",
    Method.CATME: "the mean of the members' received means, what the method divides by",
}
TEAM_TIP[Method.SPARK] = TEAM_TIP[Method.CATME]
METHOD_NAME = {
    Method.AUTORATING: "Autorating",
    Method.CATME: "CATME adjustment factor",
    Method.WEBPA: "WebPA score",
    Method.SPARK: "SPARKPLUS SPA",
}


def key_setting(options: AdjustOptions) -> str:
    """The setting that shapes the method's grades most, e.g. ``PA weighting 50 %``."""
    parts: list[str] = []
    if options.method is Method.WEBPA or options.weighting != 1.0:
        parts.append(f"PA weighting {fmt(options.weighting * 100, 1)} %")
    if options.method is not Method.WEBPA or options.cap is not None:
        parts.append(f"factor cap {fmt(options.cap)}" if options.cap is not None else "no cap")
    if options.snap is not None:
        parts.append(f"above {fmt(options.snap)} counts as 1")
    if options.self_mode is SelfMode.EXCLUDE:
        parts.append("self-ratings left out")
    return ", ".join(parts)


def _largest_change(students: list[StudentResult]) -> StudentResult | None:
    changed = [s for s in students if s.team_grade is not None and s.grade is not None]
    if not changed:
        return None
    return max(changed, key=lambda s: abs((s.grade or 0) - (s.team_grade or 0)))


def method_line(result: MilestoneResult, options: AdjustOptions, names: Mapping[str, str]) -> str:
    """``Method: WebPA score, PA weighting 50 %: 84 → 68.81 for Ryan O'Connor (s1011), the
    largest change.``"""
    line = f"Method: {METHOD_NAME[options.method]}, {key_setting(options)}"
    example = _largest_change(result.students)
    if example is None or example.grade == example.team_grade:
        return line + "."
    before, after = fmt(example.team_grade or 0, 2), fmt(example.grade or 0, 2)
    name = names.get(example.student_id, example.student_id)
    return f"{line}: {before} → {after} for {name}, the largest change."
