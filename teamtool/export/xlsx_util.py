"""Small openpyxl helpers shared by every workbook teamtool writes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from teamtool.export.atomic import atomic_target
from teamtool.export.safe import safe_xlsx_text

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

#: Characters Excel forbids in sheet names.
_BAD_SHEET_CHARS = set("\\/?*:[]")


def set_text(cell: Cell, value: str) -> None:
    """Write ``value`` as a text cell, never as a formula, whatever it starts with."""
    cell.value = safe_xlsx_text(value)
    cell.data_type = "s"


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique (case-insensitively) sheet name of at most 31 characters."""
    cleaned = "".join("_" if ch in _BAD_SHEET_CHARS else ch for ch in name).strip("'").strip()
    cleaned = cleaned or "Sheet"
    if cleaned.lower() == "history":
        cleaned = "History_"
    base = cleaned[:31]
    title, n = base, 2
    while title.lower() in {t.lower() for t in taken}:
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(title)
    return title


def autosize(ws: Worksheet, minimum: int = 6, maximum: int = 60) -> None:
    """Set column widths from the longest text in each column."""
    widths: dict[str, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            text = str(cell.value)
            if text.startswith("="):
                length = 10
            else:
                length = max(len(line) for line in text.splitlines()) if text else 0
            letter = cell.column_letter
            widths[letter] = max(widths.get(letter, 0), length)
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = max(minimum, min(maximum, width + 2))


def save_workbook(book: Workbook, path: str | Path) -> Path:
    """Save atomically: write a temporary file beside the target, then rename it over."""
    target = Path(path)
    with atomic_target(target) as tmp:
        book.save(tmp)
    return target


def write_table(
    ws: Worksheet,
    header: Sequence[str],
    rows: Iterable[Sequence[str | float | int | None]],
) -> None:
    """Write a bold header and rows (text cells formula-safe), freeze the header, size columns."""
    from openpyxl.styles import Font

    bold = Font(bold=True)
    for col, text in enumerate(header, start=1):
        set_text(ws.cell(1, col), text)
        ws.cell(1, col).font = bold
    for r, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            if isinstance(value, str):
                set_text(ws.cell(r, col), value)
            else:
                ws.cell(r, col).value = value
    ws.freeze_panes = "A2"
    autosize(ws)
