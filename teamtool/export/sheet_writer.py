"""The cells of one worksheet written through XlsxWriter: text always as text, our formulas
with an empty cached value, named looks; 1-based rows and columns as a spreadsheet counts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from teamtool.export.safe import safe_xlsx_text
from teamtool.export.workbook_styles import Styler

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.worksheet import Worksheet


class SheetWriter:
    """Writes cells of ``ws`` in any order (XlsxWriter keeps the sheet until the book is
    closed). :meth:`text` makes text formula-safe and stores it as text; :meth:`formula` writes
    a formula of ours (``=...``) with an empty cached value, so that no stale number shows
    before the spreadsheet computes it; :meth:`number` a number; :meth:`put` any of these.

    The cells go to XlsxWriter's typed writers without their public wrappers, which first try
    to read the row as an A1 reference (a fifth of the time a 1,000-student book takes to fill).
    """

    def __init__(self, ws: Worksheet, style: Styler) -> None:
        self.ws = ws
        self.style = style
        self._looks: dict[str | None, Format | None] = {None: None}
        self._string = ws._write_string
        self._number = ws._write_number
        self._formula = ws._write_formula

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

    def look(self, name: str | None) -> Format | None:
        """The format of look ``name`` (None: the default look)."""
        try:
            return self._looks[name]
        except KeyError:
            fmt = self._looks[name] = self.style.format(name)
            return fmt

    def text(self, row: int, col: int, value: str, look: str | None = None) -> None:
        """Text, always stored as text (never a formula, whatever it starts with)."""
        self._string(row - 1, col - 1, safe_xlsx_text(value), self.look(look))

    def formula(self, row: int, col: int, formula: str, look: str | None = None) -> None:
        """A formula of ours (``=...``), with an empty cached value."""
        self._formula(row - 1, col - 1, formula, self.look(look), "")

    def number(self, row: int, col: int, value: float, look: str | None = None) -> None:
        """A number (an int or a float)."""
        self._number(row - 1, col - 1, value, self.look(look))

    def put(self, row: int, col: int, value: Any, look: str | None = None) -> None:
        """A number, a formula of ours (``=...``) or None, with an optional named look."""
        if isinstance(value, str):
            if value.startswith("="):
                self.formula(row, col, value, look)
            else:  # not ours to evaluate: text
                self.text(row, col, value, look)
        elif isinstance(value, bool):
            self.ws.write_boolean(row - 1, col - 1, value, self.look(look))
        elif value is None:
            if look is not None:
                self.ws.write_blank(row - 1, col - 1, None, self.look(look))
        else:
            self.number(row, col, value, look)
