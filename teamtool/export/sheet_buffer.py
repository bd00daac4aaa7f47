"""Cells of one worksheet, collected by position and written in row order (XlsxWriter)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from teamtool.export.safe import safe_xlsx_text
from teamtool.export.workbook_styles import Styler

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.worksheet import Worksheet


class _Text(str):
    """Text that is always stored as text (never a formula, whatever it starts with)."""

    __slots__ = ()


class SheetBuffer:
    """Collect cells anywhere below the rows already written; :meth:`flush` writes them.

    Rows and columns are 1-based, as a spreadsheet numbers them. A value put with :meth:`put`
    is a number, a formula of ours (``=...``, written with an empty cached value so that no
    stale number is shown before the spreadsheet computes it) or None; text goes through
    :meth:`text`, which makes it formula-safe and stores it as text.
    """

    def __init__(self, ws: Worksheet, style: Styler) -> None:
        self.ws = ws
        self.style = style
        self.written = 0  # rows already written
        self._rows: dict[int, dict[int, tuple[Any, Format | None]]] = {}

    @property
    def title(self) -> str:
        return str(self.ws.name)

    def widths(self, widths: Mapping[int, float]) -> None:
        """Column widths in characters, by 1-based column."""
        for col, width in widths.items():
            self.ws.set_column(col - 1, col - 1, width)

    def freeze(self, row: int, col: int) -> None:
        """Keep the rows above ``row`` and the columns left of ``col`` (1-based) in view."""
        self.ws.freeze_panes(row - 1, col - 1)

    def put(self, row: int, col: int, value: Any, look: str | None = None) -> None:
        """A number, a formula of ours (``=...``) or None, with an optional named look."""
        if row <= self.written:
            msg = f"row {row} of sheet {self.title} was already written"
            raise ValueError(msg)
        cell = (value, self.style.format(look))
        cells = self._rows.get(row)
        if cells is None:
            self._rows[row] = {col: cell}
        else:
            cells[col] = cell

    def text(self, row: int, col: int, value: str, look: str | None = None) -> None:
        """Text, always stored as text (never a formula, whatever it starts with)."""
        self.put(row, col, _Text(safe_xlsx_text(value)), look)

    def flush(self, through: int | None = None) -> None:
        """Write every row up to ``through`` (default: all collected rows)."""
        last = through if through is not None else max(self._rows, default=self.written)
        ws, pop = self.ws, self._rows.pop
        for row in range(self.written + 1, last + 1):
            cells = pop(row, None)
            if not cells:
                continue
            r = row - 1
            for col, (value, fmt) in cells.items():
                c = col - 1
                if isinstance(value, _Text):
                    ws.write_string(r, c, value, fmt)
                elif isinstance(value, str) and value.startswith("="):
                    ws.write_formula(r, c, value, fmt, "")
                elif isinstance(value, str):
                    ws.write_string(r, c, safe_xlsx_text(value), fmt)
                elif isinstance(value, bool):
                    ws.write_boolean(r, c, value, fmt)
                elif value is None:
                    if fmt is not None:
                        ws.write_blank(r, c, None, fmt)
                else:
                    ws.write_number(r, c, value, fmt)
        self.written = max(self.written, last)
