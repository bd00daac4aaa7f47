"""The token columns of a team grades file: ``days_late``, ``resubmissions``, ``original_grade``.

Every bad cell is reported where it is (file, row, column) and the row is left out, as the
grades reader does for its own columns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from teamtool.number_text import read_number

#: add(code, message, column index, severity) as :func:`teamtool.files.gradesfile._adder` makes it.
Add = Callable[..., None]


@dataclass(frozen=True)
class TokenColumns:
    """Where the token columns are (None: not in the file)."""

    days_late: int | None = None
    resubmissions: int | None = None
    original_grade: int | None = None

    @property
    def present(self) -> bool:
        return self.days_late is not None or self.resubmissions is not None


@dataclass(frozen=True)
class TokenCells:
    days_late: int = 0
    resubmissions: int = 0
    original_grade: float | None = None


def _count(text: str, what: str, col: int | None, add: Add) -> int | None:
    """A whole number of 0 or more (empty: 0); None after reporting a bad cell."""
    if not text:
        return 0
    value = read_number(text).value
    if value is None or value < 0 or value != int(value):
        add(
            f"bad-{what.replace(' ', '-')}",
            f'{what} "{text}" is not a whole number of 0 or more',
            col,
        )
        return None
    return int(value)


def read_token_cells(
    cells: Sequence[str], cols: TokenColumns, team: str, top: float, add: Add
) -> TokenCells | None:
    """The token cells of one row; None when one is bad (reported through ``add``)."""

    def cell(i: int | None) -> str:
        return cells[i].strip() if i is not None and i < len(cells) else ""

    days = _count(cell(cols.days_late), "days late", cols.days_late, add)
    resubs = _count(cell(cols.resubmissions), "resubmissions", cols.resubmissions, add)
    if days is None or resubs is None:
        return None
    text = cell(cols.original_grade)
    original = None
    if text:
        original = read_number(text).value
        if original is None or not 0 <= original <= top:
            add(
                "bad-original-grade",
                f'the original grade "{text}" is not a number between 0 and {top:g}',
                cols.original_grade,
            )
            return None
    if resubs and original is None:
        add(
            "no-original-grade",
            f"{team} resubmitted this milestone: give the grade before the resubmission in an "
            "original_grade column (it stands if the team cannot pay for the resubmission)",
            cols.original_grade if cols.original_grade is not None else cols.resubmissions,
        )
        return None
    if original is not None and not resubs:
        add(
            "original-grade-unused",
            f"{team} has an original grade but no resubmission: the original grade is not used",
            cols.original_grade,
            "warning",
        )
    return TokenCells(days, resubs, original)
