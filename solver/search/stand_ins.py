"""Teams to re-solve with the team farthest from a balance target: those of classmates who
could stand in for one of its members."""

from __future__ import annotations

from solver.compile.features import Feature
from solver.compile.prepare import Prepared


def stand_ins(
    prep: Prepared, teams: list[list[int]], anchor: int, f: Feature, gap: float, same: list[int]
) -> list[int]:
    """``same`` reordered: first the teams of the people who, swapped for an anchor member
    with the same values for every categorical rule, would move the anchor's mean the most
    nearly onto its target (a swap the rules alone cannot tell from doing nothing)."""
    _, count = f.targets[prep.team_group[anchor]]
    need = -gap * len(teams[anchor]) / count  # the change of the anchor's sum that is due
    kind = {p: tuple(v[p] for v in prep.cats.values()) for t in same for p in teams[t]}
    fits: list[tuple[float, int]] = []
    for m in teams[anchor]:
        mine = tuple(v[m] for v in prep.cats.values())
        for t in same:
            for q in teams[t]:
                if kind[q] == mine and q not in prep.pin_of:
                    fits.append((abs(f.values[q] - f.values[m] - need), t))
    order = list(dict.fromkeys(t for _, t in sorted(fits)))
    return order + [t for t in same if t not in order]
