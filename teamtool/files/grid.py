"""A sheet of text cells as read from a file, with the problems met while reading it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from teamtool.number_text import Mark, column_mark
from teamtool.problems import Problems, Severity

#: Excel's limit; a longer cell comes from a missing quote or a damaged file, not a person.
MAX_CELL_CHARS = 32_767


@dataclass
class Grid:
    """The cells of one sheet as text, exactly as the user would see them.

    ``rows[i]`` is spreadsheet row ``i + 1`` (so the header is row 1). Cells are stripped of
    nothing: importers decide what whitespace means. ``problems`` holds what reading met: cells
    that could not be read faithfully (errors) and rows read with a guess (warnings).
    """

    file: str  # the name shown in messages
    rows: list[list[str]]
    encoding: str = ""
    delimiter: str = ""
    problems: Problems = field(default_factory=Problems)
    number_columns: set[int] = field(default_factory=set)  # workbook columns holding numbers

    def column_mark(self, col_index: int) -> Mark | None:
        """The decimal mark the cells below the header show (:func:`column_mark`); a workbook
        number stored as a number counts as showing a point."""
        texts = [self.cell(i, col_index) for i in range(1, len(self.rows))]
        return column_mark([*texts, "0.5"] if col_index in self.number_columns else texts)

    def __len__(self) -> int:
        return len(self.rows)

    def cell(self, row_index: int, col_index: int) -> str:
        row = self.rows[row_index]
        return row[col_index] if col_index < len(row) else ""

    def iter_rows(self, start: int = 0) -> Iterator[tuple[int, list[str]]]:
        """Yield (spreadsheet row number, cells) from ``start`` (0-based index) on."""
        for i in range(start, len(self.rows)):
            yield i + 1, self.rows[i]

    def column_name(self, col_index: int, row: int) -> str:
        """The header text of a column (its letter for the header row or a blank header)."""
        header = self.rows[0] if self.rows and row != 1 else []
        title = " ".join(header[col_index].split()) if col_index < len(header) else ""
        return title or column_letter(col_index)

    def add(
        self, code: str, message: str, row: int, col: int | None, severity: Severity = "error"
    ) -> None:
        """Add a problem at ``row`` (spreadsheet row) and the column of index ``col``."""
        column = None if col is None else self.column_name(col, row)
        self.problems.add(code, message, file=self.file, row=row, column=column, severity=severity)

    def check_cells(self) -> None:
        """Report cells no spreadsheet could hold: NUL characters, text over Excel's limit."""
        for row, cells in self.iter_rows():
            for col, text in enumerate(cells):
                if len(text) > MAX_CELL_CHARS:
                    self.add(
                        "cell-too-long",
                        f"the cell holds {len(text):,} characters, more than a spreadsheet cell "
                        f"can ({MAX_CELL_CHARS:,}); is a closing quote missing?",
                        row,
                        col,
                    )
                if "\x00" in text:
                    self.add(
                        "nul-character",
                        "the cell holds NUL characters: the file is damaged or is not text",
                        row,
                        col,
                    )


def column_letter(col_index: int) -> str:
    """``0`` -> ``A``, ``26`` -> ``AA``: how a spreadsheet names a column."""
    letters = ""
    n = col_index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
