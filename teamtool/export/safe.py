"""Spreadsheet safety: text that Excel or LibreOffice would run as a formula is written as text."""

from __future__ import annotations

import re

#: Leading characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection).
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
EXCEL_CELL_LIMIT = 32767


def safe_csv_text(value: str) -> str:
    """Prefix ``'`` to text a spreadsheet would read as a formula when opening a CSV."""
    if value.startswith(DANGEROUS_START):
        return "'" + value
    return value


def safe_xlsx_text(value: str) -> str:
    """Text for an openpyxl cell: illegal control characters removed, cut to Excel's limit.

    The caller still sets ``cell.data_type = "s"`` (see :func:`teamtool.export.xlsx_util.set_text`)
    so that a leading ``=`` is never stored as a formula.
    """
    cleaned = _ILLEGAL_XLSX.sub("", value)
    return cleaned[:EXCEL_CELL_LIMIT]
