"""CSV/TSV bytes as a grid: encodings (line by line when mixed), separators, located errors."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager

from teamtool.errors import InputError
from teamtool.files.grid import Grid


def decode_text(data: bytes, name: str) -> tuple[str, str, set[int]]:
    """Decode UTF-16 (with BOM), UTF-8 (with or without BOM) or cp1252 text.

    Returns the text, the encoding and the (1-based) lines that were not valid UTF-8 in a file
    that is otherwise UTF-8: those lines alone are read as cp1252, so one row saved by another
    program does not turn every accent of the file into mojibake ("ChloÃ© Lambert").
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16"), "utf-16", set()
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
        return data.decode("utf-8-sig"), "utf-8", set()
    except UnicodeDecodeError:
        pass
    lines = data.splitlines(keepends=True)  # the same breaks as the csv reader's (\n, \r, \r\n)
    texts: list[str] = []
    guessed: set[int] = set()
    utf8_accents = False
    for number, line in enumerate(lines, start=1):
        try:
            text = line.decode("utf-8-sig" if number == 1 else "utf-8")
            utf8_accents = utf8_accents or not line.isascii()
        except UnicodeDecodeError:
            text = _cp1252(line)
            guessed.add(number)
        texts.append(text)
    if utf8_accents:
        return "".join(texts), "utf-8", guessed
    return _cp1252(data), "cp1252", set()


def _cp1252(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # 5 bytes cp1252 leaves undefined
        return data.decode("latin-1")


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


@contextmanager
def _no_field_limit(limit: int) -> Iterator[None]:
    """Let the csv module read long cells: :meth:`Grid.check_cells` reports them with a place."""
    before = csv.field_size_limit()
    csv.field_size_limit(max(before, limit))
    try:
        yield
    finally:
        csv.field_size_limit(before)


def parse_csv_bytes(data: bytes, name: str) -> Grid:
    """The grid of a CSV/TSV file, with every problem met placed at its row and column."""
    text, encoding, guessed = decode_text(data, name)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    rows: list[list[str]] = []
    starts: list[int] = []  # the first line of every row
    with _no_field_limit(len(data) + 1):
        while True:
            starts.append(reader.line_num + 1)
            try:
                rows.append(next(reader))
            except StopIteration:
                starts.pop()
                break
            except csv.Error as exc:
                raise InputError(
                    f"the file is not a readable CSV file ({exc})",
                    file=name,
                    row=len(rows) + 1,
                    code="bad-csv",
                ) from exc
        ends = [*starts[1:], reader.line_num + 1] if starts else []
        spans = list(zip(starts, ends, strict=True))
        grid = Grid(name, rows, encoding, delimiter)
        _check_quotes(grid, text, spans)
    for row, (first, end) in enumerate(spans, start=1):
        if guessed and any(line in guessed for line in range(first, end)):
            grid.add(
                "not-utf8",
                "this row is not valid UTF-8 (the rest of the file is) and was read as "
                "Windows-1252: check its names and accents",
                row,
                None,
                "warning",
            )
    grid.check_cells()
    grid.rows = trim(grid.rows)
    if not grid.rows:
        raise InputError("the file has no rows", file=name, code="empty-file")
    return grid


def _check_quotes(grid: Grid, text: str, spans: list[tuple[int, int]]) -> None:
    """Report rows that swallowed the lines after them through a quote left open.

    A row spanning several lines (a cell with line breaks), or the last row, must be well
    quoted: a quote that opens a cell and is closed only rows later, or never, has turned
    the rows between into the text of one cell.
    """
    try:  # the common case: the whole file is well quoted
        for _ in csv.reader(io.StringIO(text, newline=""), delimiter=grid.delimiter, strict=True):
            pass
        return
    except csv.Error:
        pass
    lines: list[str] = []
    for row, (first, end) in enumerate(spans, start=1):
        if end - first <= 1 and row < len(spans):
            continue
        lines = lines or io.StringIO(text, newline="").readlines()
        chunk = io.StringIO("".join(lines[first - 1 : end - 1]), newline="")
        try:
            list(csv.reader(chunk, delimiter=grid.delimiter, strict=True))
        except csv.Error as exc:
            if end - first <= 1 and "unexpected end of data" not in str(exc):
                continue  # a stray quote inside one line ("Smith" Jr) is read as before
            cells = grid.rows[row - 1]
            col = next((i for i, c in enumerate(cells) if "\n" in c or "\r" in c), len(cells) - 1)
            grid.add(
                "unclosed-quote",
                f'a quote (") in this cell is not closed where the cell ends, so {end - first} '
                "line(s) of the file were read as this one cell; check the quotes in this row",
                row,
                col,
            )


def trim(rows: list[list[str]]) -> list[list[str]]:
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
