"""Write CSV files that open cleanly in Excel and are safe against formula injection."""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

from teamtool.export.atomic import atomic_target
from teamtool.export.safe import Identifier, safe_csv_identifier, safe_csv_text

Cell = str | int | float | None


def format_cell(value: Cell) -> str:
    """Numbers as plain text (no exponent, no trailing ``.0``), text made formula-safe;
    an :class:`~teamtool.export.safe.Identifier` keeps its exact text unless it could run."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        text = f"{value:.10f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    if isinstance(value, Identifier):
        return safe_csv_identifier(value)
    return safe_csv_text(value)


def write_csv(
    path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Cell]], *, bom: bool = True
) -> Path:
    """Write atomically (temporary file, then rename), UTF-8 with a BOM so Excel reads accents."""
    target = Path(path)
    with (
        atomic_target(target) as tmp,
        tmp.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh,
    ):
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow([format_cell(h) for h in header])
        for row in rows:
            writer.writerow([format_cell(v) for v in row])
    return target
