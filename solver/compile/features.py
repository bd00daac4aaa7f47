"""Numeric attributes as exact integers on their own grid (GPA in hundredths, skills in units)."""

from __future__ import annotations

from dataclasses import dataclass

BALANCE_STEP = 0.05  # a team mean within 1/20 of a standard deviation counts as on target
#: Steps of deviation a team may have before it adds to the sum term of the balance cost (the
#: worst team's deviation always counts): teams within 0.1 SD of their target cost nothing more,
#: so the later levels (mixing) can trade among them; see ``excess``.
BALANCE_TOLERANCE = 1


def excess(deviation: int) -> int:
    """A team's share of the balance cost's sum term: its deviation beyond the tolerance (a
    team 0.17 SD off is 3 steps off, of which 2 count; one 0.07 SD off, 1 step, adds nothing)."""
    return max(0, deviation - BALANCE_TOLERANCE)


Group = tuple[str | None, ...]


@dataclass
class Feature:
    """A numeric attribute whose team means should equal the mean of the team's group.

    The group is the class, or the team's section when a "same" rule splits the class (a team
    of a weaker section cannot reach the class mean, but can reach its section's mean).
    ``values`` are the attribute on its integer grid (value x 10**decimals), so team sums are
    exact. ``deviation`` measures |team mean - target| in whole steps of BALANCE_STEP class
    SDs (rounded down); ``floor`` is the least deviation any team of that size can have,
    because a team sum is an integer (a mean of 3.19 cannot be met by four skills of 1-5).
    """

    criterion: int
    label: str
    values: list[int]  # per model person
    targets: dict[Group, tuple[int, int]]  # group -> (sum, count) over everyone in it
    sd: float  # class standard deviation in grid units
    eps_floor: int = 0  # when solving part of the class: the worst deviation of the other teams

    def unit(self, size: int, group: Group) -> int:
        return max(1, round(BALANCE_STEP * self.sd * size * self.targets[group][1]))

    def gap(self, team_sum: int, size: int, group: Group) -> int:
        """count * size * (team mean - target mean), an exact integer."""
        total, count = self.targets[group]
        return count * team_sum - size * total

    def deviation(self, team_sum: int, size: int, group: Group) -> int:
        return abs(self.gap(team_sum, size, group)) // self.unit(size, group)

    def floor(self, size: int, group: Group) -> int:
        total, count = self.targets[group]
        rest = (-size * total) % count
        return min(rest, count - rest) // self.unit(size, group)

    def top(self, size: int, group: Group) -> int:
        """A deviation no team can exceed."""
        total, count = self.targets[group]
        spread = max(abs(v) for v in self.values) if self.values else 0
        return (count * size * spread + size * abs(total)) // self.unit(size, group) + 1


def grid_decimals(values: list[float]) -> int:
    """Fewest decimals (at most 3) that write every value exactly."""
    for d in range(4):
        if all(abs(v * 10**d - round(v * 10**d)) < 1e-6 for v in values):
            return d
    return 3


def make_feature(
    criterion: int, label: str, raw: list[float | None], keep: list[bool], groups: list[Group]
) -> Feature:
    """The feature for the whole class ``raw``; ``keep`` marks the people the model places and
    ``groups`` gives everyone's group. Unknown values count as the class mean."""
    known = [v for v in raw if v is not None]
    d = grid_decimals(known)
    mean = sum(known) / len(known)
    grid = [round((mean if v is None else v) * 10**d) for v in raw]
    sd = (sum((v * 10**d - mean * 10**d) ** 2 for v in known) / len(known)) ** 0.5 or 1.0
    values = [g for g, k in zip(grid, keep, strict=True) if k]
    targets: dict[Group, tuple[int, int]] = {}
    for g, key in zip(grid, groups, strict=True):
        total, count = targets.get(key, (0, 0))
        targets[key] = (total + g, count + 1)
    return Feature(criterion, label, values, targets, sd)


def spread_bands(values: list[float | None], bands: int) -> list[str | None]:
    """Quantile band of each value ("band 1 of 3" = lowest third); teams then mix the bands."""
    ranked = sorted((v, i) for i, v in enumerate(values) if v is not None)
    out: list[str | None] = [None] * len(values)
    for rank, (_, i) in enumerate(ranked):
        out[i] = f"band {rank * bands // len(ranked) + 1} of {bands}"
    return out
