"""The columns of a mentor list: which header means what, found by folded header text."""

from __future__ import annotations

from dataclasses import dataclass

from teamtool.files.grid import Grid, column_letter
from teamtool.files.headers import MENTOR_LIST
from teamtool.names import fold
from teamtool.problems import Problems

REQUIRED = ("name", "email")


@dataclass(frozen=True)
class MentorColumns:
    """Column index of each field (None: the list has no such column) and the header texts."""

    index: dict[str, int | None]
    header: list[str]

    def title(self, field: str) -> str:
        i = self.index[field]
        return (self.header[i] if i is not None else "") or column_letter(i or 0)


def find_columns(grid: Grid, problems: Problems) -> MentorColumns | None:
    """The columns of the list, or None (with the problems added) when a required one is
    missing or a field has two columns; a column of no known field is a warning."""
    header = [" ".join(h.split()) for h in grid.rows[0]]
    index: dict[str, int | None] = dict.fromkeys(MENTOR_LIST)
    ok = True
    for col, text in enumerate(header):
        field = next((f for f, names in MENTOR_LIST.items() if fold(text) in names), None)
        title = text or column_letter(col)
        if field is None:
            if text:
                problems.add(
                    "unknown-column",
                    f'column "{title}" is not a mentor field ({", ".join(MENTOR_LIST)}); it is '
                    "left out",
                    file=grid.file,
                    row=1,
                    column=title,
                    severity="warning",
                )
            continue
        if index[field] is not None:
            problems.add(
                "duplicate-column",
                f"two columns hold the mentors' {field}; keep one",
                file=grid.file,
                row=1,
                column=title,
            )
            ok = False
            continue
        index[field] = col
    for field in REQUIRED:
        if index[field] is None:
            problems.add(
                "missing-column",
                f'a mentor list needs a "{field}" column; found: {", ".join(header)}',
                file=grid.file,
                row=1,
            )
            ok = False
    return MentorColumns(index, header) if ok else None
