"""Spreadsheet safety: text that Excel or LibreOffice would run as a formula is written as text.

Two rules, one per kind of column (see docs/reliability.md, "Identifiers are written as they
are"):

* **Text** (names, comments, labels): a cell beginning with ``= + - @`` TAB, CR or LF gets a
  ``'`` before it (OWASP CSV injection). Students really write ``- did the BOM`` and ``+1``.
* **Identifiers** (student ids, Canvas ids, logins, team and group names): the exact text is
  the point, because Canvas and our own readers match on it. An identifier is written as it is
  unless a spreadsheet could *run* it: it begins with ``=`` (always a formula), TAB, CR or LF,
  or it begins with ``+ - @`` and holds something beyond letters, digits, spaces and
  ``. _ - + @``: a call ``(``, a DDE link ``|``, a sheet or file reference ``! [``, a quote.
  ``-x12``, ``+1``, ``@jo.smith`` and ``-Team 1`` cannot call, link or reference anything
  outside the sheet, so they are written as they are (a spreadsheet may show ``#NAME?`` for
  them; the file itself, which Canvas and teamtool read, holds the exact text).

Either way, text that begins with ``'`` followed by text that would be escaped gets one more
``'``, so that every reader of our files can undo the escaping exactly (``unescape_*``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: Leading characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection).
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: What may follow a leading ``+ - @`` in an identifier written as it is: nothing that calls.
_INERT_IDENTIFIER = re.compile(r"[+\-@][\w .@+\-]*")
EXCEL_CELL_LIMIT = 32767


class Identifier(str):
    """A cell that identifies someone or something (a student id, a login, a team name): written
    by :func:`teamtool.export.csv_util.write_csv` with :func:`safe_csv_identifier`."""

    __slots__ = ()


def text_would_run(value: str) -> bool:
    """True for text a spreadsheet may take as a formula when it opens a CSV."""
    return value.startswith(DANGEROUS_START)


def identifier_would_run(value: str) -> bool:
    """True for an identifier that a spreadsheet could run as a formula (see the module)."""
    if not value.startswith(DANGEROUS_START):
        return False
    return _INERT_IDENTIFIER.fullmatch(value) is None


def _needs_quote(value: str, would_run: Callable[[str], bool]) -> bool:
    stripped = value.lstrip("'")
    return would_run(stripped) if stripped else False


def safe_csv_text(value: str) -> str:
    """Prefix ``'`` to text a spreadsheet would read as a formula when opening a CSV."""
    return "'" + value if _needs_quote(value, text_would_run) else value


def safe_csv_identifier(value: str) -> str:
    """An identifier as it is, unless a spreadsheet could run it; then prefixed with ``'``."""
    return "'" + value if _needs_quote(value, identifier_would_run) else value


def unescape_text(text: str) -> str:
    """Undo :func:`safe_csv_text` (a text cell of one of our files)."""
    if text.startswith("'") and _needs_quote(text[1:], text_would_run):
        return text[1:]
    return text


def unescape_identifier(text: str) -> str:
    """Undo :func:`safe_csv_identifier` (an identifier cell of one of our files)."""
    if text.startswith("'") and _needs_quote(text[1:], identifier_would_run):
        return text[1:]
    return text


def safe_xlsx_text(value: str) -> str:
    """Text for an openpyxl cell: illegal control characters removed, cut to Excel's limit.

    The caller still sets ``cell.data_type = "s"`` (see :func:`teamtool.export.xlsx_util.set_text`)
    so that a leading ``=`` is never stored as a formula.
    """
    cleaned = _ILLEGAL_XLSX.sub("", value)
    return cleaned[:EXCEL_CELL_LIMIT]
