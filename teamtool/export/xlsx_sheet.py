"""The XlsxWriter worksheet of our workbooks: classic formulas stored as they are, cells written
to the file by a shorter path.

For every formula XlsxWriter searches one large regular expression for dynamic-array functions
(FILTER, UNIQUE, …) and rewrites it with some thirty more to add the ``_xlfn.`` prefix that newer
Excel functions need in the file. Our formulas use only functions that Excel has always had: for
them both steps change nothing, and they were most of the time it takes to write a 1,000-student
workbook. Such a formula is stored as it is (the cell XlsxWriter itself would store); a formula
that names any other function, an array formula, or a sheet in constant-memory mode goes through
XlsxWriter's own path.

When the book is saved, XlsxWriter turns each cell into XML through a general routine (a list of
attributes, each searched for characters to escape). A text, number or formula cell of ours is
written by :meth:`ClassicFormulaSheet._write_cell` straight into the same XML, byte for byte
(``tests/export/test_xlsx_sheet.py`` compares whole workbooks); any other cell goes through
XlsxWriter's routine.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import CellFormulaTuple, CellNumberTuple, CellStringTuple, Worksheet

#: Functions that never take the ``_xlfn.`` prefix (Excel 2007 and older), as our formulas
#: spell them.
CLASSIC = frozenset(
    [
        "AND",
        "AVERAGE",
        "COUNT",
        "COUNTIF",
        "IF",
        "IFERROR",
        "INT",
        "ISBLANK",
        "ISNUMBER",
        "MAX",
        "MIN",
        "N",
        "OR",
        "ROUND",
        "SQRT",
        "SUM",
    ]
)
_FUNCTION = re.compile(r"([A-Za-z_][A-Za-z0-9_.]*)\(")
#: Column letters of the first 256 columns (A to IV): more than our sheets use.
_LETTERS = [xl_col_to_name(col) for col in range(256)]


def classic_body(formula: str) -> str | None:
    """The formula without its ``=`` when it calls classic functions only, else None."""
    body = formula.removeprefix("=")
    if body.startswith("{") or not CLASSIC.issuperset(_FUNCTION.findall(body)):
        return None
    return body


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a workbook is built and saved.

    XlsxWriter keeps every cell as a small tuple until the book is saved; the collector would
    walk those 150,000 tuples of a 1,000-student book over and over (a sixth of the time), and
    none of them is in a reference cycle. It runs again afterwards as it was (if it was on).
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class ClassicFormulaSheet(Worksheet):  # type: ignore[misc]  # XlsxWriter has no types
    """A worksheet whose classic-function formulas skip XlsxWriter's future-function rewrite
    and whose text, number and formula cells go to the file by a shorter path (see the module)."""

    def _write_formula(
        self, row: int, col: int, formula: str, cell_format: Any = None, value: Any = 0
    ) -> int:
        body = classic_body(formula) if formula and not self.constant_memory else None
        if body is None:
            return int(super()._write_formula(row, col, formula, cell_format, value))
        if self._check_dimensions(row, col):
            return -1
        self.table[row][col] = CellFormulaTuple(body, cell_format, value)
        return 0

    def _write_cell(self, row: int, col: int, cell: Any) -> None:
        kind, fmt = type(cell), cell.format
        style = "" if fmt is None else f' s="{fmt._get_xf_index()}"'
        ours = not self.constant_memory and col < len(_LETTERS)
        if fmt is None and (
            row in self.row_info or getattr(self.col_info.get(col), "column_format", None)
        ):
            ours = False  # the cell takes its row's or column's format: XlsxWriter's own path
        if ours and kind is CellStringTuple:
            self.fh.write(f'<c r="{_LETTERS[col]}{row + 1}"{style} t="s"><v>{cell.string}</v></c>')
        elif ours and kind is CellNumberTuple:
            self.fh.write(f'<c r="{_LETTERS[col]}{row + 1}"{style}><v>{cell.number:.16G}</v></c>')
        elif ours and kind is CellFormulaTuple and cell.value == "":
            formula = cell.formula.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            self.fh.write(f'<c r="{_LETTERS[col]}{row + 1}"{style}><f>{formula}</f><v></v></c>')
        else:
            super()._write_cell(row, col, cell)
