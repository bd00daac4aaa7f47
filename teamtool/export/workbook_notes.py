"""The grade workbook's Settings/Notes sheet (method and formulas in words) and Comments sheet."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from teamtool.export import workbook_formulas as fx
from teamtool.export.sheet_writer import SheetWriter
from teamtool.export.workbook_styles import Styler
from teamtool.grading.results import MilestoneResult
from teamtool.model import Rating

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

_METHOD_WORDS = {
    "autorating": (
        "Autorating (Kaufman, Felder & Fuller 2000; Oakley et al. 2004): raw factor = average of "
        "the ratings the student received \u00f7 average of all ratings in the team."
    ),
    "catme": (
        "CATME adjustment factor: raw factor = average of the ratings the student received \u00f7 "
        "the team mean of the members' averages received."
    ),
    "webpa": (
        "WebPA: each mark is divided by the total its rater gave; score = sum of the normalised "
        "marks received \u00d7 members \u00f7 raters who submitted; grade = G\u00b7(1\u2212w) + "
        "G\u00b7w\u00b7score."
    ),
    "spark": (
        "SPARKPLUS SPA: raw factor = \u221a(total of the ratings received \u00f7 the team's mean "
        "total received)."
    ),
}


def describe(opts: fx.FormulaOptions) -> list[tuple[str, str]]:
    """The options and the order of operations, one (setting, value in words) pair a line."""
    lines = [("Method", _METHOD_WORDS.get(opts.method, opts.method))]
    lines.append(("Self-ratings", "excluded" if opts.exclude_self else "included"))
    lines.append(
        (
            "No factor",
            (
                "a team average of 0, or no rating from a teammate (a self-rating alone is no "
                "basis): the grade is the team grade"
            ),
        )
    )
    lines.append(("Snap", f"factors above {fx.num(opts.snap)} become 1" if opts.snap else "off"))
    lines.append(("Cap", f"factor at most {fx.num(opts.cap)}" if opts.cap is not None else "none"))
    floor = f"factor at least {fx.num(opts.floor)}" if opts.floor is not None else "none"
    lines.append(("Floor", floor))
    rf = opts.round_factor
    lines.append(("Factor rounding", f"{rf} decimals" if rf is not None else "none"))
    weighted = opts.weighting != 1.0
    if opts.method == "webpa" or weighted:
        lines.append(("PA weighting w", fx.num(opts.weighting)))
    missing = {
        "ignore": "averages use the ratings that exist",
        "impute": (
            f"a non-respondent's own rating counts as {fx.num(opts.impute_self)} and each "
            f"teammate rating as {fx.num(opts.impute_others)} (grey italic cells)"
        ),
        "penalty": (
            f"non-respondents lose {fx.num(opts.penalty)}"
            + ("% of the grade" if opts.penalty_percent else " points")
        ),
    }
    lines.append(("Non-respondents", missing.get(opts.missing, opts.missing)))
    lines.append(
        ("Grade cap", "never above the maximum points" if opts.cap_at_max else "may exceed the max")
    )
    rg = opts.round_grade
    lines.append(("Grade rounding", f"{rg} decimals" if rg is not None else "none"))
    grade = "G\u00b7(1\u2212w) + G\u00b7w\u00b7factor" if weighted else "team grade \u00d7 factor"
    order = (
        "averages \u2192 raw factor \u2192 snap \u2192 cap \u2192 floor \u2192 round factor "
        f"\u2192 grade = {grade} \u2192 non-respondent penalty \u2192 clamp to [0, max] "
        "\u2192 round grade; an override replaces the grade."
    )
    lines.append(("Order", order))
    return lines


def write_notes_sheet(
    ws: Worksheet,
    results: Sequence[MilestoneResult],
    options: Mapping[str, Any],
    ratings: Mapping[str, Sequence[Rating]],
    style: Styler,
) -> None:
    """Per milestone: its settings in words; then the rating labels and their values."""
    buf = SheetWriter(ws, style)
    buf.widths({1: 28, 2: 100})
    buf.text(1, 1, "How the grades were adjusted", "title")
    row = 3
    for result in results:
        opts = fx.FormulaOptions.from_options(options.get(result.milestone))
        buf.text(row, 1, f"{result.milestone} (max {fx.num(result.max_points)} points)", "label")
        row += 1
        for setting, words in describe(opts):
            buf.text(row, 1, setting)
            buf.text(row, 2, words, "wrap")
            row += 1
        row += 1
    labels: dict[str, float] = {}
    for milestone_ratings in ratings.values():
        for r in milestone_ratings:
            if r.label:
                labels.setdefault(r.label, r.value)
    if labels:
        buf.text(row, 1, "Rating label", "label")
        buf.text(row, 2, "Value", "label")
        for label, value in sorted(labels.items(), key=lambda kv: -kv[1]):
            row += 1
            buf.text(row, 1, label)
            buf.put(row, 2, float(value))


#: What the Comments sheet's "About" column says for a general comment about the whole team.
ABOUT_TEAM = "(whole team)"


def write_comments_sheet(
    ws: Worksheet,
    results: Sequence[MilestoneResult],
    ratings: Mapping[str, Sequence[Rating]],
    names: Mapping[str, str],
    style: Styler,
) -> None:
    """Every written comment with who wrote it about whom (for the instructor only).

    A rater's general comment (``Rating.general_comment``) is a row of its own, about
    "(whole team)" and with no rating, before the comments they wrote about teammates.
    """
    buf = SheetWriter(ws, style)
    buf.freeze(2, 1)
    buf.widths(dict(enumerate((16, 12, 28, 28, 14, 80), start=1)))
    for c, text in enumerate(("Milestone", "Team", "From", "About", "Rating", "Comment"), start=1):
        buf.text(1, c, text, "header")
    row = 1
    for result in results:
        team_of = {r.student_id: r.team for r in result.students}
        for rating in ratings.get(result.milestone, ()):
            if rating.general_comment.strip() and rating.rater in team_of:
                row += 1
                buf.text(row, 1, result.milestone)
                buf.text(row, 2, team_of[rating.rater])
                buf.text(row, 3, names.get(rating.rater, rating.rater))
                buf.text(row, 4, ABOUT_TEAM)
                buf.text(row, 6, rating.general_comment, "wrap")
            if not rating.comment.strip() or rating.ratee not in team_of:
                continue
            row += 1
            buf.text(row, 1, result.milestone)
            buf.text(row, 2, team_of[rating.ratee])
            buf.text(row, 3, names.get(rating.rater, rating.rater))
            buf.text(row, 4, names.get(rating.ratee, rating.ratee))
            if rating.label:
                buf.text(row, 5, rating.label)
            else:
                buf.put(row, 5, float(rating.value))
            buf.text(row, 6, rating.comment, "wrap")
