"""Moves of whole requested pairs for the swap search (single swaps never move a pair)."""

from __future__ import annotations

import random

from solver.compile.prepare import Prepared

#: Share of the swap search's tries that move a requested pair as a whole.
PAIR_MOVE_SHARE = 0.15


def pair_swap(
    rng: random.Random,
    prep: Prepared,
    wishes: list[tuple[int, int]],
    teams_in: dict[object, list[int]],
    teams: list[list[int]],
    team_of: dict[int, int],
) -> tuple[int, int, list[int], list[int]] | None:
    """Move a requested pair that is together to another team of its group, in exchange for
    two of that team's people (another such pair when it holds one): single swaps never move
    a pair, since the first half of the move breaks the request. ``wishes`` are the pairs
    within a group, ``teams_in`` the teams of each group.

    (from-team, to-team, people leaving the first, people leaving the second) or None.
    """
    if not wishes or rng.random() >= PAIR_MOVE_SHARE:
        return None
    a, b = rng.choice(wishes)
    t1 = team_of[a]
    if team_of[b] != t1 or a in prep.pin_of or b in prep.pin_of:
        return None
    t2 = rng.choice(teams_in[prep.group_of[a]])
    if t2 == t1:
        return None
    inside = set(teams[t2])
    pairs = [(c, d) for c, d in wishes if c in inside and d in inside]
    if pairs and rng.random() < 0.5:
        out2 = list(rng.choice(pairs))
    else:
        options = [x for x in teams[t2] if x not in prep.pin_of]
        if len(options) < 2:
            return None
        out2 = rng.sample(options, 2)
    if any(x in prep.pin_of for x in out2):
        return None
    return t1, t2, [a, b], out2


def split_wish(
    rng: random.Random, prep: Prepared, wishes: list[tuple[int, int]], team_of: dict[int, int]
) -> tuple[int, int] | None:
    """Three tries in ten: a random together-wish whose people are in different teams, mover
    first (either of the two, at random, unless one is pinned)."""
    if rng.random() >= 0.3:
        return None
    a, b = rng.choice(wishes)
    if team_of[a] == team_of[b]:
        return None
    if a in prep.pin_of or (b not in prep.pin_of and rng.random() < 0.5):
        a, b = b, a
    return None if a in prep.pin_of else (a, b)
