"""Rating scales: a preset or a custom scale file by name, and a scale kept as course-file text.

The Scale type and the presets live in :mod:`teamtool.ratings.rating_scale`, scale detection in
:mod:`teamtool.ratings.scale_detection`; both are re-exported here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from teamtool.errors import InputError
from teamtool.names import fold
from teamtool.number_text import parse_number
from teamtool.problems import Problems
from teamtool.ratings.rating_scale import PRESETS, Scale, format_number
from teamtool.ratings.scale_detection import (
    ambiguous_values,
    best_scale,
    candidate_scales,
    detect_scale,
)

__all__ = [
    "PRESETS",
    "Scale",
    "ambiguous_values",
    "best_scale",
    "candidate_scales",
    "detect_scale",
    "format_number",
    "get_scale",
    "parse_number",
    "read_scale_file",
    "scale_from_text",
    "scale_to_text",
]


def get_scale(name_or_path: str | Path) -> Scale:
    """A preset by name (``oakley9``, ``cmu5`` …) or a custom ``label,value`` CSV/XLSX file."""
    text = str(name_or_path).strip()
    preset = PRESETS.get(re.sub(r"[\s_-]", "", text.casefold()))
    if preset is not None:
        return preset
    path = Path(text)
    if not path.is_file():
        raise InputError(
            f'"{text}" is neither a scale preset ({", ".join(PRESETS)}) nor a scale file '
            "(a CSV or XLSX file with the columns label,value)",
            code="unknown-scale",
        )
    return read_scale_file(path)


def read_scale_file(path: Path) -> Scale:
    """Read a ``label,value`` file (the header row is optional); every problem is reported."""
    from teamtool.files.tables import read_grid

    grid = read_grid(path)
    problems = Problems()
    levels: list[tuple[str, float]] = []
    seen: dict[str, int] = {}
    for row_number, cells in grid.iter_rows():
        label = cells[0].strip() if cells else ""
        raw = cells[1].strip() if len(cells) > 1 else ""
        if row_number == 1 and parse_number(raw) is None and fold(raw) in ("value", "points", ""):
            continue  # the header
        if not label and not raw:
            continue
        value = parse_number(raw)
        if not label:
            problems.add(
                "empty-label", "the label is empty", file=grid.file, row=row_number, column="label"
            )
        elif value is None:
            problems.add(
                "bad-number", f'the value "{raw}" of "{label}" is not a number',
                file=grid.file, row=row_number, column="value",
            )  # fmt: skip
        elif fold(label) in seen:
            problems.add(
                "duplicate-label", f'"{label}" is already on row {seen[fold(label)]}',
                file=grid.file, row=row_number, column="label",
            )  # fmt: skip
        else:
            seen[fold(label)] = row_number
            levels.append((label, value))
    if not levels and not problems.has_errors():
        problems.add("empty-scale", "the file has no label,value rows", file=grid.file)
    problems.raise_if_errors()
    levels.sort(key=lambda lv: -lv[1])
    return Scale(path.stem, tuple(levels))


def scale_to_text(scale: Scale) -> str:
    """How a scale is kept in the course file: a preset's name, or a custom scale as JSON."""
    if PRESETS.get(scale.name) == scale:
        return scale.name
    return json.dumps(
        {
            "name": scale.name,
            "levels": [[label, value] for label, value in scale.levels],
            "numeric": scale.numeric,
            "minimum": scale.minimum,
            "maximum": scale.maximum,
        },
        ensure_ascii=False,
    )


def scale_from_text(text: str) -> Scale:
    """The inverse of :func:`scale_to_text` (older files may name a scale file instead)."""
    if text.lstrip().startswith("{"):
        data = json.loads(text)
        return Scale(
            str(data["name"]),
            tuple((str(label), float(value)) for label, value in data["levels"]),
            bool(data.get("numeric", False)),
            data.get("minimum"),
            data.get("maximum"),
        )
    return get_scale(text)
