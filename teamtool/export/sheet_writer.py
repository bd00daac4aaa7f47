"""The cells of one worksheet written through XlsxWriter: text always as text, our formulas
with an empty cached value, named looks; 1-based rows and columns as a spreadsheet counts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from teamtool.export.safe import safe_xlsx_text
from teamtool.export.workbook_styles import Styler

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet


class SheetWriter:
    """Writes cells of ``ws`` in any order (XlsxWriter keeps the sheet until the book is
    closed). A value put with :meth:`put` is a number, a formula of ours (``=...``, written with
    an empty cached value so that no stale number shows before the spreadsheet computes it) or
    None; text goes through :meth:`text`, which makes it formula-safe and stores it as text.
    """

    def __init__(self, ws: Worksheet, style: Styler) -> None:
        self.ws = ws
        self.style = style

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
        fmt = self.style.format(look)
        if isinstance(value, str):
            if value.startswith("="):
                self.ws.write_formula(row - 1, col - 1, value, fmt, "")
            else:  # not ours to evaluate: text
                self.ws.write_string(row - 1, col - 1, safe_xlsx_text(value), fmt)
        elif isinstance(value, bool):
            self.ws.write_boolean(row - 1, col - 1, value, fmt)
        elif value is None:
            if fmt is not None:
                self.ws.write_blank(row - 1, col - 1, None, fmt)
        else:
            self.ws.write_number(row - 1, col - 1, value, fmt)

    def text(self, row: int, col: int, value: str, look: str | None = None) -> None:
        """Text, always stored as text (never a formula, whatever it starts with)."""
        self.ws.write_string(row - 1, col - 1, safe_xlsx_text(value), self.style.format(look))
