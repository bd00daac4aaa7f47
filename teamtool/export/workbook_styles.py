"""The grade workbook's cell styles, applied fast: each style is built once, then shared."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.styles.cell_style import StyleArray
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FACTOR_FORMAT = "0.000"
GRADE_FORMAT = "0.0"
AVERAGE_FORMAT = "0.00"
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
IMPUTED = Font(italic=True, color="7F7F7F")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
FLAG_FILL = PatternFill("solid", fgColor="FCE4D6")
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Look:
    """One combination of font, fill, alignment and number format."""

    font: Font | None = None
    fill: PatternFill | None = None
    alignment: Alignment | None = None
    number_format: str | None = None


LOOKS = {
    "title": Look(font=TITLE),
    "label": Look(font=BOLD),
    "header": Look(font=BOLD, fill=HEADER_FILL, alignment=WRAP),
    "imputed": Look(font=IMPUTED),
    "wrap": Look(alignment=WRAP),
    "factor": Look(number_format=FACTOR_FORMAT),
    "average": Look(number_format=AVERAGE_FORMAT),
    "grade": Look(number_format=GRADE_FORMAT),
    "final": Look(font=BOLD, number_format=GRADE_FORMAT),
    "factor flagged": Look(fill=FLAG_FILL, number_format=FACTOR_FORMAT),
    "grade flagged": Look(fill=FLAG_FILL, number_format=GRADE_FORMAT),
    "final flagged": Look(font=BOLD, fill=FLAG_FILL, number_format=GRADE_FORMAT),
    "flagged": Look(fill=FLAG_FILL),
}


class Styler:
    """Makes cells of one workbook in the named looks of :data:`LOOKS`.

    Setting a cell's font, fill or number format makes openpyxl hash and register the style
    each time; a look is therefore set once, on the first cell that uses it, and its finished
    style array is shared by every later cell of that look. Sharing is safe because a streamed
    cell is written as soon as its row is appended and is never restyled.
    """

    def __init__(self) -> None:
        self._done: dict[str, StyleArray] = {}

    def cell(self, ws: WriteOnlyWorksheet, name: str | None, value: Any = None) -> Cell:
        """A new cell of ``ws`` holding ``value`` (typed by openpyxl) in the look ``name``."""
        cell = WriteOnlyCell(ws, value)
        if name is None:
            return cell
        done = self._done.get(name)
        if done is not None:
            cell._style = done
            return cell
        look = LOOKS[name]
        if look.font is not None:
            cell.font = look.font
        if look.fill is not None:
            cell.fill = look.fill
        if look.alignment is not None:
            cell.alignment = look.alignment
        if look.number_format is not None:
            cell.number_format = look.number_format
        self._done[name] = cell._style
        return cell
