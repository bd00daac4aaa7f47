"""Completions of a group's team from pools of classmates of one type: the best with people
outside every group of requested teammates, and the better one some grouped people would give."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from solver.compile.features import Feature, Group
from solver.compile.prepare import Prepared

BIG = 1 << 40  # the deviation of a completion that would take one person twice


@dataclass(frozen=True)
class Completion:
    """One way to complete a group's team: its rule costs per level, its least deviation per
    balanced feature, the groups one of which it splits (taking some of their members) and the
    group it takes whole."""

    cost: tuple[int, ...]
    devs: tuple[int, ...]
    splits: frozenset[int] = frozenset()
    takes: frozenset[int] = frozenset()


class Pool:
    """The people of one type: their values per feature, and who belongs to a group of
    requested teammates (and which)."""

    def __init__(self, members: list[int], prep: Prepared, owner: dict[int, int]) -> None:
        self.members = members
        self.values = [
            np.array([f.values[p] for p in members], dtype=np.int64) for f in prep.features
        ]
        self.grouped = np.array([p in owner for p in members])
        self.owners = [owner.get(p, -1) for p in members]


def completion_options(
    prep: Prepared, people: list[int], pools: list[Pool], size: int, cost: tuple[int, ...]
) -> list[Completion]:
    """The completions with one member of each pool (the same pool twice: two members): the
    best with people outside every group of requested teammates, and one with the least
    deviations, which splits a group of one of the people who make it better."""
    group = prep.group_of[people[0]]
    plain_mask = _mask([~p.grouped for p in pools], pools)
    plain: list[int] = []
    least: list[int] = []
    helpers: set[int] = set()
    for k, f in enumerate(prep.features):
        devs = _deviations(f, people, [p.values[k] for p in pools], size, group, pools)
        best_plain = int(devs[plain_mask].min()) if plain_mask.any() else BIG
        plain.append(best_plain)
        least.append(int(devs.min()))
        if least[-1] < best_plain:
            helpers |= _involved(devs < best_plain, pools)
    out = []
    if plain_mask.any():
        out.append(Completion(cost, tuple(plain)))
        if helpers:
            out.append(Completion(cost, tuple(least), frozenset(helpers)))
    elif _mask([np.ones(len(p.members), bool) for p in pools], pools).any():
        every = {o for p in pools for o in p.owners if o >= 0}
        out.append(Completion(cost, tuple(least), frozenset(every)))
    return out


def _mask(allowed: list[np.ndarray], pools: list[Pool]) -> np.ndarray:
    """Which completions (one per pool, or a pair from one pool) use only allowed people."""
    if not pools:
        return np.ones(1, bool)
    if len(pools) == 1:
        return allowed[0]
    mask: np.ndarray = np.logical_and.outer(allowed[0], allowed[1])
    if pools[0] is pools[1]:
        np.fill_diagonal(mask, False)
    return mask


def _involved(better: np.ndarray, pools: list[Pool]) -> set[int]:
    """The groups of the grouped people in the completions marked ``better``."""
    out: set[int] = set()
    if len(pools) == 1:
        out |= {pools[0].owners[i] for i in np.flatnonzero(better)}
    elif len(pools) == 2:
        out |= {pools[0].owners[i] for i in np.flatnonzero(better.any(axis=1))}
        out |= {pools[1].owners[j] for j in np.flatnonzero(better.any(axis=0))}
    out.discard(-1)
    return out


def _deviations(
    f: Feature,
    people: list[int],
    values: list[np.ndarray],
    size: int,
    group: Group,
    pools: list[Pool],
) -> np.ndarray:
    """The deviation of every completion (BIG where one person would be taken twice)."""
    own = sum(f.values[p] for p in people)
    if not values:
        sums = np.array([own], dtype=np.int64)
    elif len(values) == 1:
        sums = own + values[0]
    else:
        sums = own + np.add.outer(values[0], values[1])
    total, count = f.targets[group]
    devs = np.abs(count * sums - size * total) // f.unit(size, group)
    if len(pools) == 2 and pools[0] is pools[1]:
        np.fill_diagonal(devs, BIG)
    return devs
