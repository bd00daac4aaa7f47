"""Rating scales: label -> value maps, the presets, custom scale files and scale detection."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from teamtool.errors import InputError
from teamtool.names import fold
from teamtool.problems import Problems

#: "Label: description", "Label - description", "Label (description)" -> "Label".
_HEAD = re.compile(r"\s*(?::|\s[-–—]\s|\()")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")


def parse_number(text: str) -> float | None:
    """A plain number (``4``, ``87.5``, ``4,5``); anything else is None."""
    cleaned = text.strip()
    if not _NUMBER.fullmatch(cleaned):
        return None
    value = float(cleaned.replace(",", "."))
    return value if math.isfinite(value) else None


def format_number(value: float) -> str:
    """``100.0`` -> ``100``, ``87.5`` -> ``87.5``."""
    return f"{value:.10f}".rstrip("0").rstrip(".") if not value.is_integer() else str(int(value))


@dataclass(frozen=True)
class Scale:
    """A rating scale: labels with their values, best first, and/or plain numbers in bounds."""

    name: str
    levels: tuple[tuple[str, float], ...]  # label -> value, best first
    numeric: bool = False  # plain numbers accepted (within minimum/maximum)
    minimum: float | None = None
    maximum: float | None = None

    def value_of(self, text: str) -> float | None:
        """The value of an answer, or None when the answer is not on this scale.

        Labels match case-insensitively with stray spaces and accents ignored; a form option
        written as ``Label: description`` (or ``Label - description``) is read as ``Label``.
        A plain number is accepted when it is one of the scale's values or, on a numeric
        scale, lies within the bounds.
        """
        key = fold(text)
        if not key:
            return None
        found = self._label_value(key)
        if found is None:
            head = _HEAD.split(key, maxsplit=1)[0].strip()
            if head and head != key:
                found = self._label_value(head)
                key = head
        if found is not None:
            return found
        number = parse_number(key)
        if number is None:
            return None
        if self.numeric:
            low = -math.inf if self.minimum is None else self.minimum
            high = math.inf if self.maximum is None else self.maximum
            return number if low <= number <= high else None
        if any(math.isclose(number, v) for _, v in self.levels):
            return number
        return None

    def _label_value(self, key: str) -> float | None:
        for label, value in self.levels:
            if fold(label) == key:
                return value
        return None

    def label_of(self, value: float) -> str:
        """The label of a value (the best label when two share it), else the number as text."""
        for label, v in self.levels:
            if math.isclose(v, value):
                return label
        return format_number(value)

    def describe(self) -> str:
        """``oakley9 (Excellent 100, ..., No show 0)`` for reports."""
        if self.levels and not self.numeric:
            inner = ", ".join(f"{label} {format_number(v)}" for label, v in self.levels)
            return f"{self.name} ({inner})"
        low = "" if self.minimum is None else format_number(self.minimum)
        high = "" if self.maximum is None else format_number(self.maximum)
        return f"{self.name} (numbers {low}–{high})" if low or high else f"{self.name} (numbers)"


def _numeric(name: str, low: int, high: int) -> Scale:
    levels = tuple((str(v), float(v)) for v in range(high, low - 1, -1))
    return Scale(name, levels, numeric=True, minimum=float(low), maximum=float(high))


PRESETS: dict[str, Scale] = {
    "oakley9": Scale(
        "oakley9",
        (
            ("Excellent", 100.0),
            ("Very good", 87.5),
            ("Satisfactory", 75.0),
            ("Ordinary", 62.5),
            ("Marginal", 50.0),
            ("Deficient", 37.5),
            ("Unsatisfactory", 25.0),
            ("Superficial", 12.5),
            ("No show", 0.0),
        ),
    ),
    "cmu5": Scale(
        "cmu5",
        (
            ("Good team citizen", 100.0),
            ("Needs improvement", 90.0),
            ("Deficient", 60.0),
            ("Unsatisfactory", 40.0),
            ("No show", 0.0),
        ),
    ),
    "cmu6": Scale(
        "cmu6",
        (
            ("Meets expectations", 100.0),
            ("Marginal", 80.0),
            ("Deficient", 60.0),
            ("Unsatisfactory", 40.0),
            ("Superficial", 20.0),
            ("No show", 0.0),
        ),
    ),
    "numeric5": _numeric("numeric5", 1, 5),
    "numeric7": _numeric("numeric7", 1, 7),
    "numeric": Scale("numeric", (), numeric=True),
}


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
    from teamtool.tables import read_grid

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


def candidate_scales(labels: Iterable[str]) -> list[Scale]:
    """Every preset that accepts all the given (non-blank) answers, most specific first."""
    answers = {a for a in (fold(x) for x in labels) if a}
    if not answers:
        return []
    return [s for s in PRESETS.values() if all(s.value_of(a) is not None for a in answers)]


def detect_scale(labels: Iterable[str]) -> Scale | None:
    """The preset that fits the answers (the first of ``PRESETS`` order when several fit)."""
    found = candidate_scales(labels)
    return found[0] if found else None


def best_scale(labels: Iterable[str]) -> Scale | None:
    """The preset reading every answer, else the one reading the most (None if it reads none)."""
    answers = {a for a in (fold(x) for x in labels) if a}
    fitting = candidate_scales(answers)
    if fitting:
        return fitting[0]
    hits = [
        (sum(s.value_of(a) is not None for a in answers), -i, s)
        for i, s in enumerate(PRESETS.values())
    ]
    count, _, best = max(hits, key=lambda h: (h[0], h[1]))
    return best if count else None


def ambiguous_values(scale: Scale, others: Iterable[Scale], labels: Iterable[str]) -> list[Scale]:
    """The other fitting scales that would give some answer a different value than ``scale``."""
    answers = {a for a in (fold(x) for x in labels) if a}
    out = []
    for other in others:
        if other is scale:
            continue
        if any(not math.isclose(scale.value_of(a) or 0, other.value_of(a) or 0) for a in answers):
            out.append(other)
    return out


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
