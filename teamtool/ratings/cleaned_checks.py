"""Checks of the cleaned ratings file that no survey import needs: values and repeated ratings.

A cleaned ratings file holds one rating per rater and ratee (per milestone, when the file has a
``milestone`` column). The adjustment keeps one value per pair, so a pair given twice must not be
resolved by the order of the rows:

* the same pair with another rating, or the same rating with another comment, is an error that
  names both rows (``conflicting-duplicate``): only the instructor knows which row is right;
* the same pair with the same rating and comments is kept once, with a warning that names both
  rows (``duplicate-rating``), e.g. a file pasted twice into itself.

A rating is a finite number of 0 or more (``negative-rating``); on a chosen scale the scale's
own check applies (``unknown-label``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from teamtool.files.tables import Grid
from teamtool.model import Rating
from teamtool.number_text import parse_number
from teamtool.problems import Problems
from teamtool.ratings.layouts import key, long_columns
from teamtool.ratings.rating_scale import format_number


@dataclass(frozen=True)
class ReadRating:
    """A rating read from the file, with where it came from."""

    row: int
    rating: Rating
    milestone: str = ""


def milestone_column(header: Sequence[str]) -> int | None:
    """The index of the file's ``milestone`` column, if it has one."""
    return next((i for i, cell in enumerate(header) if key(cell) == "milestone"), None)


def rating_columns(header: Sequence[str]) -> tuple[str, str]:
    """The names of the rating and comment columns, where a repeated pair's problem is shown."""
    roles = long_columns(list(header))
    comment = header[roles["comment"]] if "comment" in roles else "comment"
    return header[roles["rating"]], comment


def cell_of(grid: Grid, row: int, column: int | None) -> str:
    """The stripped text of spreadsheet ``row`` in ``column`` ("" without the column)."""
    return "" if column is None else grid.cell(row - 1, column).strip()


def not_a_number(text: str) -> bool:
    """A rating cell that holds text other than a plain number (a label, or junk)."""
    return bool(text.strip()) and parse_number(text) is None


def check_value(
    value: float, text: str, problems: Problems, file: str, row: int, column: str
) -> bool:
    """Whether ``value`` may be a rating; a problem at the cell if not."""
    if value >= 0:
        return True
    problems.add(
        "negative-rating",
        f"the rating {text} is below 0; ratings are 0 or more",
        file=file, row=row, column=column,
    )  # fmt: skip
    return False


def without_duplicates(
    read: Sequence[ReadRating],
    problems: Problems,
    file: str,
    columns: tuple[str, str],
) -> list[Rating]:
    """The ratings, each (milestone, rater, ratee) once; repeated pairs as problems.

    ``columns`` are the names of the rating and comment columns, for the problems' location.
    """
    rating_column, comment_column = columns
    first: dict[tuple[str, str, str], ReadRating] = {}
    kept: list[Rating] = []
    for item in read:
        r = item.rating
        pair = (item.milestone, r.rater, r.ratee)
        earlier = first.get(pair)
        if earlier is None:
            first[pair] = item
            kept.append(r)
            continue
        e = earlier.rating
        who = f"{r.rater} rated {r.ratee} twice"
        if item.milestone:
            who += f' in milestone "{item.milestone}"'
        rows = f"rows {earlier.row} and {item.row}"
        if e.value != r.value:
            message = (
                f"{who}, {format_number(r.value)} here and {format_number(e.value)} in row "
                f"{earlier.row}; keep one of {rows}"
            )
            problems.add("conflicting-duplicate", message, file=file, row=item.row,
                         column=rating_column)  # fmt: skip
        elif (e.comment, e.general_comment) != (r.comment, r.general_comment):
            message = f"{who}, with different comments; keep one of {rows}"
            problems.add("conflicting-duplicate", message, file=file, row=item.row,
                         column=comment_column)  # fmt: skip
        else:
            message = (
                f"{who} with the same rating, {format_number(r.value)}, in {rows}; "
                f"row {item.row} is left out"
            )
            problems.add("duplicate-rating", message, file=file, row=item.row,
                         column=rating_column, severity="warning")  # fmt: skip
    return kept
