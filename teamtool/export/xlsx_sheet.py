"""The XlsxWriter worksheet of our workbooks: formulas of classic functions written as they are.

XlsxWriter rewrites every formula with some thirty regular expressions to add the ``_xlfn.``
prefix that newer Excel functions (XLOOKUP, FILTER, …) need in the file. Our formulas use only
functions that Excel has always had; for them the rewrite changes nothing and was two thirds
of the time it takes to write a 1,000-student workbook. A formula that names any other
function still goes through XlsxWriter's rewrite.
"""

from __future__ import annotations

import re

from xlsxwriter.worksheet import Worksheet

#: Functions that never take the ``_xlfn.`` prefix (Excel 2007 and older).
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
        "OR",
        "ROUND",
        "SQRT",
        "SUM",
    ]
)
_FUNCTION = re.compile(r"([A-Za-z_][A-Za-z0-9_.]*)\(")


class ClassicFormulaSheet(Worksheet):  # type: ignore[misc]  # XlsxWriter has no types
    """A worksheet whose classic-function formulas skip XlsxWriter's future-function rewrite."""

    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
        body = formula.removeprefix("=")
        if not body.startswith("{") and all(
            name.upper() in CLASSIC for name in _FUNCTION.findall(body)
        ):
            return body
        return str(super()._prepare_formula(formula, expand_future_functions))
