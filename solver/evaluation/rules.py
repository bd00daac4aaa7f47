"""Each rule's test on one team, written once: used by the scorer's checks, the summary's
counts (counts.py), the metrics and the validator, on model indices or on ids alike."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import TypeVar

from solver.compile.units import mix_range

Id = TypeVar("Id", bound=Hashable)


def isolated(values: Sequence[object], value: object) -> bool:
    """No isolation: exactly one member has the protected ``value`` (of the members' values)."""
    return values.count(value) == 1


def common_slots(sets: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    """Schedule: the slots every member with known slots has; None when nobody's are known."""
    known = [s for s in sets if s is not None]
    return frozenset.intersection(*known) if known else None


def pair_broken(team_a: object, team_b: object, together: bool) -> bool:
    """A pair rule is broken when its two people share a team and should not, or the reverse."""
    return (team_a == team_b) != together


def mix_off(count: int, total: int, group: int, size: int) -> int:
    """Mix: how far ``count`` members with a value lie outside a team's fair share of the
    ``total`` with it among the ``group`` placed (floor/ceil share)."""
    low, high = mix_range(total, group, size)
    return max(0, count - high, low - count)


def former_pairs(teams: Iterable[Sequence[Id]]) -> set[tuple[Id, Id]]:
    """Every pair (in sorted order) of people who were teammates in ``teams``."""
    out: set[tuple[Id, Id]] = set()
    for team in teams:
        for i, p in enumerate(team):
            for q in team[i + 1 :]:
                out.add((p, q) if p < q else (q, p))  # type: ignore[operator]
    return out
