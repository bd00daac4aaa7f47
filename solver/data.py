"""The solver's input: people with attributes, the formation rules and the run settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Person:
    """One student: numeric, categorical and availability attributes (None = unknown)."""

    id: str
    numeric: Mapping[str, float | None] = field(default_factory=dict)
    categorical: Mapping[str, str | None] = field(default_factory=dict)
    slots: Mapping[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Instance:
    """The people to place in teams, in a fixed order (the order breaks ties and symmetry)."""

    people: tuple[Person, ...]


class Rule(StrEnum):
    """What a criterion asks of an attribute."""

    BALANCE = "balance"  # numeric: every team mean close to the class mean
    SPREAD = "spread"  # numeric: heterogeneous teams (team means and spreads like the class)
    MIX = "mix"  # categorical: values spread across teams in class proportions
    SIMILAR = "similar"  # categorical: few distinct values per team
    SAME = "same"  # categorical, always hard: every team within one value (e.g. section)
    NO_ISOLATION = "no-isolation"  # categorical: never exactly one member with `value`
    SCHEDULE = "schedule"  # availability: at least `min_common` slots common to all members


@dataclass(frozen=True)
class Criterion:
    """A rule on one attribute, at a priority level (1 is optimised first) with a weight."""

    attribute: str
    rule: Rule
    priority: int = 1
    weight: int = 1
    value: str | None = None
    min_common: int = 1
    hard: bool = False


@dataclass(frozen=True)
class PairRule:
    """Keep two people together or apart, as a hard rule or as a wish."""

    a: str
    b: str
    together: bool
    hard: bool = True
    source: str = "instructor"  # or "request": a student's own teammate request


@dataclass(frozen=True)
class Config:
    """Team sizes, criteria, pair rules, fixed parts and the run settings."""

    min_size: int = 3
    max_size: int = 5
    target_size: int | None = None
    num_teams: int | None = None
    criteria: tuple[Criterion, ...] = ()
    pairs: tuple[PairRule, ...] = ()
    pins: Mapping[str, int] = field(default_factory=dict)
    locked: tuple[tuple[str, ...], ...] = ()
    previous: tuple[tuple[tuple[str, ...], ...], ...] = ()
    previous_hard: bool = False
    time_limit: float = 5.0
    seed: int = 0
    workers: int = 2
    deterministic: bool = True
    #: A deterministic run stops past ``time_limit`` x this whatever its counts say (a safety
    #: net for an overloaded machine, where the counted work may take several times its time);
    #: tests of "same seed, same teams" raise it so that a busy machine cannot cut the run.
    wall_safety: float = 3.0
    #: Priority level and weight of soft pair rules and of "do not meet again" (previous teams).
    pair_priority: int = 1
    pair_weight: int = 1


@dataclass(frozen=True)
class Progress:
    """A snapshot of the search: best score, proven bound, relative gap, seconds, solutions."""

    objective: float
    bound: float
    gap: float
    elapsed: float
    solutions: int
    level: int = 1
