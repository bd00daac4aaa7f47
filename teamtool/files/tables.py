"""Read CSV and XLSX files into a grid of text cells, tolerant of encodings and separators.

Every importer reads its file here, so the guards hold for all of them: only a regular file is
opened (a named pipe or a device is refused at once, never waited on), at most ``MAX_BYTES``
are read whatever the file claims to hold, and a cell that cannot be read faithfully (a formula
with no value, a missing closing quote, a NUL) is an error at its row and column.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from teamtool.errors import InputError
from teamtool.files.csv_grid import decode_text, parse_csv_bytes, sniff_delimiter
from teamtool.files.grid import Grid
from teamtool.files.xlsx_grid import read_xlsx

__all__ = ["Grid", "decode_text", "parse_csv_bytes", "read_grid", "sniff_delimiter"]

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
MAX_BYTES = 200 * 1024 * 1024


def read_grid(path: str | Path, *, sheet: str | None = None, raise_errors: bool = True) -> Grid:
    """Read a CSV/TSV or XLSX file. The file is only read, never written.

    What reading meets is in ``grid.problems``. With ``raise_errors`` (the default) an error
    among them is raised at once as an :class:`InputError`, so no caller can take a formula
    for a blank; an importer that reports problems itself passes False and adds them to its own.
    """
    p = Path(path)
    data = _read_bytes(p)
    name = p.name
    if not data.strip():
        raise InputError("the file is empty", file=name, code="empty-file")
    suffix = p.suffix.lower()
    if suffix in XLSX_SUFFIXES or data[:4] == b"PK\x03\x04":
        grid = read_xlsx(data, name, sheet, MAX_BYTES)
    elif suffix == ".xls" and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(
            "old .xls workbooks cannot be read: open it in Excel and save it as .xlsx or .csv",
            file=name,
            code="unsupported-format",
        )
    else:
        grid = parse_csv_bytes(data, name)
    if raise_errors:
        raise_grid_errors(grid)
    return grid


def raise_grid_errors(grid: Grid) -> None:
    """Raise the grid's errors: one error as itself, several together."""
    errors = grid.problems.errors
    if len(errors) == 1:
        [e] = errors
        raise InputError(e.message, file=e.file, row=e.row, column=e.column, code=e.code)
    grid.problems.raise_if_errors(InputError)


def _read_bytes(p: Path) -> bytes:
    """At most ``MAX_BYTES`` of a regular file; anything else is refused before it is read."""
    try:
        mode = p.stat().st_mode
    except FileNotFoundError:
        raise InputError("the file does not exist", file=str(p), code="no-file") from None
    except OSError as exc:
        raise InputError(f"the file cannot be read ({exc.strerror})", file=str(p)) from exc
    _check_regular(mode, p)
    try:  # non-blocking: a file swapped for a pipe after stat() is refused, not waited on
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise InputError(f"the file cannot be read ({exc.strerror})", file=str(p)) from exc
    with os.fdopen(fd, "rb") as fh:
        _check_regular(os.fstat(fh.fileno()).st_mode, p)
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(
            f"the file is larger than {MAX_BYTES // 2**20} MB, too large to be a roster or survey",
            file=p.name,
            code="too-large",
        )
    return data


def _check_regular(mode: int, p: Path) -> None:
    if stat.S_ISDIR(mode):
        raise InputError("this is a folder, not a file", file=str(p), code="no-file")
    if not stat.S_ISREG(mode):
        raise InputError(
            "this is not a regular file (a pipe, device or socket); save the data to a file",
            file=str(p),
            code="not-a-file",
        )
