"""Other teams of the same students, for tests of a milestone bound to one team set."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def second_members_moved(teams: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The same teams with each team's second member moved to the next team (the last team's
    to the first): Team 1 (s1005, s1011, …) gives s1011 to Team 2."""
    names = list(teams)
    moved: dict[str, list[str]] = {t: [] for t in names}
    for i, team in enumerate(names):
        for j, sid in enumerate(teams[team]):
            moved[names[(i + 1) % len(names)] if j == 1 else team].append(sid)
    return moved
