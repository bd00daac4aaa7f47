"""Interchangeable teams, and teams relabelled to obey the model's symmetry breaking (no
OR-Tools here: the companion climb's process imports this)."""

from __future__ import annotations

from solver.compile.prepare import Prepared


def symmetry_classes(prep: Prepared) -> list[tuple[list[int], list[int]]]:
    """Interchangeable teams (same group and size, no pins) with the people who may fill them.

    Teams of a class can be relabelled by their smallest member, so the i-th of those people
    never needs a team ranked above i within the class.
    """
    pinned = set(prep.pin_of.values())
    classes: dict[tuple[object, int], list[int]] = {}
    for t, (g, size) in enumerate(zip(prep.team_group, prep.team_size, strict=True)):
        if t not in pinned:
            classes.setdefault((g, size), []).append(t)
    out = []
    for (key, _), teams in classes.items():
        people = [p for p, pg in enumerate(prep.group_of) if pg == key and p not in prep.pin_of]
        if len(teams) > 1:
            out.append((teams, people))
    return out


def canonical(prep: Prepared, teams: list[list[int]]) -> list[list[int]]:
    """Relabel interchangeable teams by smallest member so the teams obey symmetry breaking."""
    out = [sorted(m) for m in teams]
    for cls, people in symmetry_classes(prep):
        order = {p: i for i, p in enumerate(people)}
        ranked = sorted((out[t] for t in cls), key=lambda m: min(order[p] for p in m))
        for t, members in zip(cls, ranked, strict=True):
            out[t] = members
    return out
