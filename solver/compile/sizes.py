"""Team sizes: the number of teams and a feasible size multiset, fixed before the model is built."""

from __future__ import annotations

import math

from solver.data import Config
from solver.solution import InfeasibleError


def size_range(config: Config) -> tuple[int, int]:
    """The allowed sizes: min–max, narrowed to target ± 1 when a target size is given."""
    low, high = config.min_size, config.max_size
    if config.target_size is not None:
        low, high = max(low, config.target_size - 1), min(high, config.target_size + 1)
    if low < 1 or low > high:
        raise InfeasibleError([f"team sizes {describe_sizes(config)} allow no team at all"])
    return low, high


def describe_sizes(config: Config) -> str:
    if config.target_size is not None:
        return f"of about {config.target_size} (sizes {config.min_size}–{config.max_size})"
    return f"{config.min_size}–{config.max_size}"


def team_sizes(n: int, config: Config, where: str = "", num_teams: int | None = None) -> list[int]:
    """Sizes (largest first) of teams holding exactly ``n`` people, as equal as possible.

    ``where`` names the group (e.g. "section 'L02' has"), used in the explanation when no
    number of teams within the size range can hold ``n`` people.
    """
    low, high = size_range(config)
    if n == 0:
        return []
    fewest, most = math.ceil(n / high), n // low
    if fewest > most:
        who = where or f"{n} students"
        raise InfeasibleError(
            [f"{who}: teams of {describe_sizes(config)} cannot hold {n} students"]
            if where
            else [f"sizes {describe_sizes(config)} cannot hold {n} students"]
        )
    if num_teams is not None:
        if not fewest <= num_teams <= most:
            raise InfeasibleError(
                [f"{num_teams} teams of sizes {low}–{high} cannot hold {n} students"]
            )
        count = num_teams
    else:
        target = config.target_size if config.target_size is not None else (low + high) / 2
        # The mean size closest to the target; on a tie the smaller teams.
        count = min(range(fewest, most + 1), key=lambda c: (abs(n / c - target), -c))
    base, extra = divmod(n, count)
    return [base + 1] * extra + [base] * (count - extra)
