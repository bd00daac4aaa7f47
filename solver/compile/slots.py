"""Team slots: each team's group (section) and size, pinned teams first given their group."""

from __future__ import annotations

from typing import TYPE_CHECKING

from solver.compile.sizes import team_sizes
from solver.data import Config, Criterion, Rule
from solver.solution import InfeasibleError, SolverError

if TYPE_CHECKING:
    from solver.compile.prepare import Prepared


def same_criteria(config: Config) -> list[Criterion]:
    return [c for c in config.criteria if c.rule == Rule.SAME]


def group_label(config: Config, key: tuple[str | None, ...]) -> str:
    parts = [f"{c.attribute} '{v}'" for c, v in zip(same_criteria(config), key, strict=True)]
    return ", ".join(parts)


def make_teams(
    prep: Prepared, config: Config, in_locked: dict[str, int], index: dict[str, int]
) -> None:
    """Size multisets per group, then team slots so that pinned teams get the right group."""
    n_locked = len(prep.locked)
    slots: dict[tuple[str | None, ...], list[int]] = {}
    groups = prep.group_members()
    for key, members in groups.items():
        where = f"{group_label(config, key)} has {len(members)} students" if key else ""
        forced = config.num_teams - n_locked if config.num_teams and len(groups) == 1 else None
        slots[key] = team_sizes(len(members), config, where, forced)
    total = sum(len(s) for s in slots.values())
    pinned_teams: dict[int, list[int]] = {}
    for pid, team in config.pins.items():
        if pid in in_locked:
            if in_locked[pid] != team:
                raise InfeasibleError(
                    [
                        f"{pid} is pinned to team {team + 1} but is in locked team {in_locked[pid] + 1}"
                    ]
                )
            continue
        if pid not in index:
            raise SolverError(f"a pin names an unknown person '{pid}'")
        if team < n_locked:
            raise InfeasibleError(
                [f"{pid} is pinned to team {team + 1}, which is locked without them"]
            )
        if team >= n_locked + total:
            raise InfeasibleError(
                [f"{pid} is pinned to team {team + 1} but there are {n_locked + total} teams"]
            )
        pinned_teams.setdefault(team - n_locked, []).append(index[pid])
    team_group: list[tuple[str | None, ...] | None] = [None] * total
    team_size = [0] * total
    for t, members in sorted(pinned_teams.items(), key=lambda kv: -len(kv[1])):
        keys = {prep.group_of[p] for p in members}
        if len(keys) > 1:
            names = " and ".join(prep.ids[p] for p in members)
            raise InfeasibleError(
                [
                    (
                        f"{names} are pinned to team {t + n_locked + 1} but the rule "
                        f"'same {same_criteria(config)[0].attribute}' keeps them apart"
                    )
                ]
            )
        key = keys.pop()
        if not slots[key]:
            raise InfeasibleError(
                [
                    (
                        f"pins ask for more teams within {group_label(config, key)} "
                        "than its students can fill"
                    )
                ]
            )
        team_group[t], team_size[t] = key, slots[key].pop(0)
        for p in members:
            prep.pin_of[p] = t
    rest = [(key, size) for key, sizes in slots.items() for size in sizes]
    free = iter(rest)
    for t in range(total):
        if team_group[t] is None:
            team_group[t], team_size[t] = next(free)
    prep.team_group = [g for g in team_group if g is not None]
    prep.team_size = team_size
