"""An XLSX sheet as a grid, read cell by cell: the cells that exist, never the declared size.

A sheet may declare any dimension (``A1:XFD1048576``) or hold one empty formatted cell in its
last corner; openpyxl's row iterator would fill every cell up to there (16 billion). Here the
worksheet's XML is parsed and only cells holding a value are kept. A formula without a computed
value (a workbook written by a script and never opened in Excel) is reported, never read as a
blank.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal
from typing import Any

from teamtool.errors import InputError
from teamtool.files.csv_grid import trim
from teamtool.files.grid import Grid

MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384  # Excel's sheet
NO_VALUE = "formula-without-value"


def read_xlsx(data: bytes, name: str, sheet: str | None, max_unpacked: int) -> Grid:
    from openpyxl import load_workbook  # imported here: openpyxl is slow to import

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError) as exc:
        raise InputError(
            "this is not a readable Excel workbook; save it again as .xlsx or .csv",
            file=name,
            code="bad-xlsx",
        ) from exc
    if unpacked > max_unpacked:
        book.close()
        raise InputError(
            f"the workbook unpacks to {unpacked:,} bytes, too large to be a roster or survey",
            file=name,
            code="too-large",
        )
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise InputError(f'the workbook has no sheet "{sheet}"', file=name, code="no-sheet")
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        grid = _grid(book, ws, name)
    except InputError:
        raise
    except Exception as exc:  # openpyxl raises many types on damaged files
        raise InputError(
            "the workbook is damaged and cannot be read; save it again as .xlsx or .csv",
            file=name,
            code="bad-xlsx",
        ) from exc
    finally:
        book.close()
    if not grid.rows:
        raise InputError("the first sheet of the workbook is empty", file=name, code="empty-file")
    return grid


def _grid(book: Any, ws: Any, name: str) -> Grid:
    from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

    class CellParser(WorkSheetParser):  # type: ignore[misc]  # openpyxl has no types
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            value = element.findtext(VALUE_TAG)  # "" from Excel is an empty text result
            if element.find(FORMULA_TAG) is not None and (
                value is None or (not value and element.get("t") != "str")
            ):
                cell["data_type"] = NO_VALUE
            return cell

    cells: dict[int, dict[int, str]] = {}
    missing: list[tuple[int, int]] = []
    number_columns: set[int] = set()
    with ws._get_source() as source:
        parser = CellParser(
            source,
            ws._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        for _, row in parser.parse():
            for cell in row:
                r, c = cell["row"], cell["column"]
                if not (0 < r <= MAX_ROWS and 0 < c <= MAX_COLUMNS):
                    raise InputError(
                        f"a cell lies outside any spreadsheet (row {r}, column {c})",
                        file=name,
                        code="bad-xlsx",
                    )
                if cell["data_type"] == NO_VALUE:
                    missing.append((r, c))
                text = cell_text(cell["value"])
                if r > 1 and isinstance(cell["value"], int | float) and text:
                    number_columns.add(c - 1)
                if text:
                    cells.setdefault(r, {})[c] = text
    rows: list[list[str]] = [[] for _ in range(max(cells, default=0))]
    for r, by_column in cells.items():
        row = rows[r - 1] = [""] * max(by_column)
        for c, text in by_column.items():
            row[c - 1] = text
    grid = Grid(name, trim(rows), "xlsx", "", number_columns=number_columns)
    for r, c in missing:
        grid.add(
            NO_VALUE,
            "a formula with no computed value; open and save the file in Excel, or type the value",
            r,
            c - 1,
        )
    grid.check_cells()
    return grid


def cell_text(value: object) -> str:
    """A cell's value as the text a spreadsheet shows (numbers without exponents)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return repr(int(value))
        text = repr(value)
        return format(Decimal(text), "f") if "e" in text else text
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)
