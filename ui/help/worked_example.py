"""A small worked example for the Help page, computed by the grading code itself.

The numbers shown to the user are never typed by hand: they come from ``adjust_team`` on the
same four ratings the text shows, so the Help page cannot disagree with the grades.
"""

from __future__ import annotations

from html import escape

from teamtool.grading import PRESETS, adjust_team
from ui.milestones.data import PRESET_NAMES

MEMBERS = ("Ana", "Ben", "Cy", "Dee")
#: Rater -> the ratings they gave (Ana, Ben, Cy, Dee), on the 0–100 autorating scale.
GIVEN: dict[str, tuple[float, ...]] = {
    "Ana": (87.5, 87.5, 75, 87.5),
    "Ben": (87.5, 87.5, 62.5, 87.5),
    "Cy": (100, 87.5, 87.5, 87.5),
    "Dee": (87.5, 100, 50, 87.5),
}
TEAM_GRADE = 80.0
SHOWN = ("oakley", "cmu", "catme", "webpa", "spark")


def _num(value: float | None, decimals: int = 3) -> str:
    return "—" if value is None else f"{value:.{decimals}f}".rstrip("0").rstrip(".")


def ratings_table() -> str:
    """The ratings as an HTML table: each row is what one member gave."""
    head = "".join(f"<th>{escape(m)}</th>" for m in MEMBERS)
    rows = "".join(
        f"<tr><th>{escape(rater)} gave</th>"
        + "".join(f"<td align='right'>{_num(v)}</td>" for v in GIVEN[rater])
        + "</tr>"
        for rater in MEMBERS
    )
    return f"<table border='1' cellpadding='3'><tr><th></th>{head}</tr>{rows}</table>"


def methods_table() -> str:
    """Each member's factor → grade under each preset, for a team grade of 80 out of 100."""
    ratings = {
        (rater, ratee): value
        for rater in MEMBERS
        for ratee, value in zip(MEMBERS, GIVEN[rater], strict=True)
    }
    head = "".join(f"<th>{escape(m)}</th>" for m in MEMBERS)
    rows = []
    for key in SHOWN:
        results = adjust_team("T", MEMBERS, ratings, TEAM_GRADE, 100, PRESETS[key])
        cells = "".join(
            f"<td align='right'>{_num(r.factor)} → {_num(r.grade, 2)}</td>" for r in results
        )
        rows.append(f"<tr><th align='left'>{escape(PRESET_NAMES[key])}</th>{cells}</tr>")
    return (
        "<table border='1' cellpadding='3'><tr><th>Method (factor → grade)</th>"
        f"{head}</tr>{''.join(rows)}</table>"
    )
