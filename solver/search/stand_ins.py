"""Teams to re-solve with the team farthest from a balance target: those of classmates who
could stand in for one of its members; with a split group of requested teammates: those of
classmates who could complete its team."""

from __future__ import annotations

from solver.compile.features import Feature
from solver.compile.prepare import Prepared
from solver.data import Rule
from solver.evaluation.rules import common_slots


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


def joiners(
    prep: Prepared, teams: list[list[int]], group: set[int], others: list[int]
) -> list[int]:
    """``others`` reordered: first the teams with the most people who could join ``group`` (a
    split group of requested teammates) in a team, keeping every schedule rule's common slots;
    a random partner team rarely holds one when the group's own common slots are few."""
    rules = [
        (prep.slots[ci], prep.config.criteria[ci].min_common)
        for ci in prep.slots
        if prep.config.criteria[ci].rule == Rule.SCHEDULE
    ]
    shared = [common_slots(sets[p] for p in group) for sets, _ in rules]

    def fits(q: int) -> bool:
        for common, (sets, least) in zip(shared, rules, strict=True):
            mine = sets[q]
            if common is not None and mine is not None and len(common & mine) < least:
                return False
        return True

    count = {t: sum(fits(q) and q not in prep.pin_of for q in teams[t]) for t in others}
    return sorted(others, key=lambda t: -count[t])
