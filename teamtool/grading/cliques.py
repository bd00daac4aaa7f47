"""Pattern searches behind the clique and manipulator flags (plain loops, teams of 3-12).

* Clique: every split of the team into two groups of at least two members is tried; for each,
  the mean of the peer ratings given inside a group is compared with the mean of the peer
  ratings given across groups. The split with the largest gap is returned. Self-ratings are
  left out. Teams above 12 members are not searched (4,095 splits at most).
* Manipulator: a member whose self-rating is at least ``gap`` above the mean they gave their
  teammates, and who rated every teammate below the mean that teammate received from the rest
  of the team (self-ratings left out). A teammate nobody else rated makes the test impossible.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from teamtool.grading.steps import fmt

Cell = tuple[str, str]
MAX_CLIQUE_TEAM = 12


@dataclass(frozen=True)
class Split:
    """Two groups of a team and the mean peer rating inside and across them."""

    left: tuple[str, ...]
    right: tuple[str, ...]
    within: float
    between: float

    @property
    def gap(self) -> float:
        return self.within - self.between


def _split_means(left: set[str], given: Mapping[Cell, float]) -> tuple[float, float] | None:
    inside: list[float] = []
    across: list[float] = []
    for (rater, ratee), value in given.items():
        if rater == ratee:
            continue
        (inside if (rater in left) == (ratee in left) else across).append(value)
    if not inside or not across:
        return None
    return sum(inside) / len(inside), sum(across) / len(across)


def best_split(members: Sequence[str], given: Mapping[Cell, float]) -> Split | None:
    """The two-group split with the largest inside-minus-across gap, or None."""
    n = len(members)
    if n < 4 or n > MAX_CLIQUE_TEAM:
        return None
    first, rest = members[0], list(members[1:])
    best: Split | None = None
    for size in range(1, n - 2):  # the first member's group has size + 1 members, >= 2
        for chosen in combinations(rest, size):
            left = {first, *chosen}
            means = _split_means(left, given)
            if means is None:
                continue
            split = Split(
                tuple(m for m in members if m in left),
                tuple(m for m in members if m not in left),
                *means,
            )
            if best is None or split.gap > best.gap:
                best = split
    return best


def manipulation(
    student: str, members: Sequence[str], given: Mapping[Cell, float], gap: float
) -> str | None:
    """The detail text when ``student`` fits the manipulator pattern, else None."""
    own = given.get((student, student))
    others = {t: given[(student, t)] for t in members if t != student and (student, t) in given}
    if own is None or not others:
        return None
    mean_given = sum(others.values()) / len(others)
    if own < mean_given + gap:
        return None
    parts = []
    for ratee, value in others.items():
        rest = [
            given[(r, ratee)] for r in members if r not in (student, ratee) and (r, ratee) in given
        ]
        if not rest:
            return None
        rest_mean = sum(rest) / len(rest)
        if value >= rest_mean:
            return None
        parts.append(f"{ratee} {fmt(value)} (others {fmt(rest_mean)})")
    return f"self {fmt(own)}, mean given {fmt(mean_given)}; rated " + ", ".join(parts)
