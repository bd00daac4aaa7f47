"""Which preset scales fit a survey's answers, and which would read some answer differently."""

from __future__ import annotations

import math
from collections.abc import Iterable

from teamtool.names import fold
from teamtool.ratings.rating_scale import PRESETS, Scale


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
