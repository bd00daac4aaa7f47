"""Where an honest balance chart starts its y-axis: zero, or the bottom of a rating scale."""

from __future__ import annotations

from collections.abc import Iterable

RATING_TOP = 10  # whole numbers from 1 up to this are read as a rating scale (1–5, 1–7, 1–10)


def scale_floor(values: Iterable[float]) -> float:
    """The bottom of the attribute's scale, from the students' values: a rating scale of whole
    numbers starting at 1 (a 1–5 skill) starts at 1; a measure that can be negative starts at
    its lowest value; anything else (a GPA, hours, a percentage) starts at zero.

    >>> scale_floor([1, 3, 5, 2]), scale_floor([2.7, 3.4, 3.9]), scale_floor([-2.0, 1.5])
    (1.0, 0.0, -2.0)
    """
    numbers = [float(v) for v in values]
    if not numbers:
        return 0.0
    low, high = min(numbers), max(numbers)
    if low < 0:
        return low
    whole = all(n.is_integer() for n in numbers)
    return 1.0 if whole and low >= 1 and high <= RATING_TOP else 0.0
