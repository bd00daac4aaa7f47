"""The Scale type (labels with values, how an answer is read on it) and the preset scales."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from teamtool.names import fold
from teamtool.number_text import parse_number

#: "Label: description", "Label - description", "Label (description)" -> "Label".
_HEAD = re.compile(r"\s*(?::|\s[-–—]\s|\()")


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
