"""Read CSV and XLSX files into a grid of text cells, tolerant of encodings and separators."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from teamtool.errors import InputError

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
MAX_BYTES = 200 * 1024 * 1024


@dataclass
class Grid:
    """The cells of one sheet as text, exactly as the user would see them.

    ``rows[i]`` is spreadsheet row ``i + 1`` (so the header is row 1). Cells are stripped of
    nothing: importers decide what whitespace means.
    """

    file: str  # the name shown in messages
    rows: list[list[str]]
    encoding: str = ""
    delimiter: str = ""

    def __len__(self) -> int:
        return len(self.rows)

    def cell(self, row_index: int, col_index: int) -> str:
        row = self.rows[row_index]
        return row[col_index] if col_index < len(row) else ""

    def iter_rows(self, start: int = 0) -> Iterator[tuple[int, list[str]]]:
        """Yield (spreadsheet row number, cells) from ``start`` (0-based index) on."""
        for i in range(start, len(self.rows)):
            yield i + 1, self.rows[i]


def read_grid(path: str | Path, *, sheet: str | None = None) -> Grid:
    """Read a CSV/TSV or XLSX file. The file is only read, never written."""
    p = Path(path)
    name = p.name
    if not p.exists():
        raise InputError("the file does not exist", file=str(p), code="no-file")
    if p.is_dir():
        raise InputError("this is a folder, not a file", file=str(p), code="no-file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise InputError(
            "the file is too large to be a roster or survey", file=name, code="too-large"
        )
    data = p.read_bytes()
    if not data.strip():
        raise InputError("the file is empty", file=name, code="empty-file")
    suffix = p.suffix.lower()
    if suffix in XLSX_SUFFIXES or data[:4] == b"PK\x03\x04":
        return _read_xlsx(data, name, sheet)
    if suffix == ".xls" and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(
            "old .xls workbooks cannot be read: open it in Excel and save it as .xlsx or .csv",
            file=name,
            code="unsupported-format",
        )
    return parse_csv_bytes(data, name)


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-16 (with BOM), UTF-8 (with or without BOM) or cp1252."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(
                "the file is not valid UTF-16 text", file=name, code="bad-encoding"
            ) from exc
    if b"\x00" in data[:4096]:
        raise InputError(
            "this is not a text (CSV) file; save it from your spreadsheet as CSV or XLSX",
            file=name,
            code="not-text",
        )
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """Pick `,`, `;` or tab: the one that splits the first lines most consistently."""
    lines = [ln for ln in text.splitlines()[:20] if ln.strip()][:10]
    best, best_score = ",", -1.0
    for delim in (",", ";", "\t"):
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=delim)]
        except csv.Error:
            continue
        if not counts or max(counts) <= 1:
            continue
        header = counts[0]
        consistent = sum(1 for c in counts if c == header) / len(counts)
        score = consistent * 100 + min(header, 50)
        if score > best_score:
            best, best_score = delim, score
    return best


def parse_csv_bytes(data: bytes, name: str) -> Grid:
    text, encoding = decode_text(data, name)
    delimiter = sniff_delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False))
    except csv.Error as exc:
        raise InputError(
            f"the file is not a readable CSV file ({exc})", file=name, code="bad-csv"
        ) from exc
    rows = _trim(rows)
    if not rows:
        raise InputError("the file has no rows", file=name, code="empty-file")
    return Grid(name, rows, encoding, delimiter)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _read_xlsx(data: bytes, name: str, sheet: str | None) -> Grid:
    from openpyxl import load_workbook  # imported here: openpyxl is slow to import

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError) as exc:
        raise InputError(
            "this is not a readable Excel workbook; save it again as .xlsx or .csv",
            file=name,
            code="bad-xlsx",
        ) from exc
    try:
        if sheet is not None:
            if sheet not in book.sheetnames:
                raise InputError(f'the workbook has no sheet "{sheet}"', file=name, code="no-sheet")
            ws = book[sheet]
        else:
            ws = book.worksheets[0]
        rows = [[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
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
    rows = _trim(rows)
    if not rows:
        raise InputError("the first sheet of the workbook is empty", file=name, code="empty-file")
    return Grid(name, rows, "xlsx", "")


def _trim(rows: list[list[str]]) -> list[list[str]]:
    """Drop trailing empty cells of every row and trailing empty rows."""
    out = []
    for row in rows:
        end = len(row)
        while end and not row[end - 1].strip():
            end -= 1
        out.append(row[:end])
    while out and not out[-1]:
        out.pop()
    return out
