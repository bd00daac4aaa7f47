"""The XlsxWriter worksheet of our workbooks: formulas of classic functions stored as they are.

For every formula XlsxWriter searches one large regular expression for dynamic-array functions
(FILTER, UNIQUE, …) and rewrites it with some thirty more to add the ``_xlfn.`` prefix that newer
Excel functions need in the file. Our formulas use only functions that Excel has always had: for
them both steps change nothing, and they were most of the time it takes to write a 1,000-student
workbook. Such a formula is stored as it is (the cell XlsxWriter itself would store); a formula
that names any other function, an array formula, or a sheet in constant-memory mode goes through
XlsxWriter's own path.
"""

from __future__ import annotations

import re
from typing import Any

from xlsxwriter.worksheet import CellFormulaTuple, Worksheet

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


def classic_body(formula: str) -> str | None:
    """The formula without its ``=`` when it calls classic functions only, else None."""
    body = formula.removeprefix("=")
    if body.startswith("{") or not CLASSIC.issuperset(_FUNCTION.findall(body)):
        return None
    return body


class ClassicFormulaSheet(Worksheet):  # type: ignore[misc]  # XlsxWriter has no types
    """A worksheet whose classic-function formulas skip XlsxWriter's future-function rewrite."""

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
