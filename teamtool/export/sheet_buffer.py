"""Cells of a write-only (streamed) worksheet, collected by position and written in row order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from teamtool.export.safe import safe_xlsx_text
from teamtool.export.workbook_styles import Styler
from teamtool.export.xlsx_util import set_text, stored_as_text

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet


class SheetBuffer:
    """Collect cells anywhere below the rows already written; :meth:`flush` streams them.

    A streamed sheet holds no cell objects, which makes a large workbook about a third faster
    to write; its column widths and frozen panes must be set before the first flush. Only a
    styled value, or text openpyxl would not store as text by itself, becomes a cell object:
    every other value is appended as it is.
    """

    def __init__(self, ws: WriteOnlyWorksheet, style: Styler) -> None:
        self.ws = ws
        self.style = style
        self.written = 0  # rows already streamed
        self._rows: dict[int, dict[int, Any]] = {}

    def put(self, row: int, col: int, value: Any, look: str | None = None) -> None:
        """A number, a formula of ours (``=...``) or None, with an optional named look."""
        if row <= self.written:
            msg = f"row {row} of sheet {self.ws.title} was already written"
            raise ValueError(msg)
        if look is not None:
            value = self.style.cell(self.ws, look, value)
        cells = self._rows.get(row)
        if cells is None:
            self._rows[row] = {col: value}
        else:
            cells[col] = value

    def text(self, row: int, col: int, value: str, look: str | None = None) -> None:
        """Text, always stored as text (never a formula, whatever it starts with)."""
        if look is None:
            text = safe_xlsx_text(value)
            if stored_as_text(text):
                self.put(row, col, text)
                return
        cell = self.style.cell(self.ws, look)
        set_text(cell, value)
        self.put(row, col, cell)

    def flush(self, through: int | None = None) -> None:
        """Stream every row up to ``through`` (default: all collected rows)."""
        last = through if through is not None else max(self._rows, default=self.written)
        append, pop = self.ws.append, self._rows.pop
        for row in range(self.written + 1, last + 1):
            cells = pop(row, None)
            if not cells:
                append([])
                continue
            append([cells.get(c) for c in range(1, max(cells) + 1)])
        self.written = max(self.written, last)
