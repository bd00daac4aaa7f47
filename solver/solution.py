"""The solver's output (teams, per-team metrics, class summary: numbers and enums, no
sentences) and its errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from solver.data import PairRule


@dataclass
class TeamMetrics:
    """What an instructor wants to see about one team."""

    index: int
    members: list[str]
    size: int
    numeric_means: dict[str, float]
    category_counts: dict[str, dict[str, int]]
    isolated: list[tuple[str, str, str]]  # (attribute, value, person id)
    common_slots: dict[str, list[str]]  # schedule attribute -> slots common to all members
    broken_pairs: list[PairRule]
    repeat_pairs: list[tuple[str, str]]
    reference_means: dict[str, float]  # the means the team is balanced against


@dataclass
class Summary:
    """The class-level quality summary."""

    class_means: dict[str, float]
    worst_deviation: dict[str, float]
    isolated_students: int
    teams_under_schedule_min: int
    broken_requests: int
    repeat_pairs: int
    worst_team: dict[str, int]  # numeric attribute -> index of the team farthest from its mean


class Status(StrEnum):
    """How a run ended (or EVALUATED: hand-made teams); a level is OPTIMAL or FEASIBLE."""

    OPTIMAL = "OPTIMAL"
    FEASIBLE = "FEASIBLE"
    CANCELLED = "CANCELLED"
    EVALUATED = "EVALUATED"


class Broken(StrEnum):
    """Which hard rule a ``Violation`` breaks."""

    TWICE = "twice"  # a person in ``count`` teams
    STRANGER = "stranger"  # a person who is not in the instance
    UNPLACED = "unplaced"  # a person in no team
    SIZE = "size"  # a team of ``count`` members, sizes ``low``-``high``
    LOCK_CHANGED = "lock-changed"  # a locked team (``people``) changed
    TEAM_COUNT = "team-count"  # ``count`` teams formed, ``high`` asked for
    PIN = "pin"  # a person not in the team they are pinned to
    MIXED = "mixed"  # a team with several ``values`` of a same or similar rule's attribute
    ISOLATED = "isolated"  # a single student of ``value`` in a team
    SHORT_SLOTS = "short-slots"  # ``count`` common slots, fewer than ``low``
    MIX_SHARE = "mix-share"  # ``count`` of ``value``, outside ``low``-``high``
    TOGETHER = "together"  # two people who must be together are apart
    APART = "apart"  # two people who must be apart are together
    REPEAT = "repeat"  # former teammates together again


@dataclass(frozen=True)
class Violation:
    """One broken hard rule: which rule, the team (numbered from 1) and people concerned, and
    the numbers that tell it (see ``Broken`` for which fields each kind uses)."""

    rule: Broken
    team: int | None = None
    people: tuple[str, ...] = ()
    attribute: str = ""
    value: str | None = None
    values: tuple[str, ...] = ()
    count: int = 0
    low: int = 0
    high: int = 0


@dataclass
class LevelResult:
    """Score and proven bound of one priority level."""

    priority: int
    objective: float
    bound: float
    status: Status


@dataclass
class Solution:
    """Teams (lists of person ids) with their quality.

    ``objective``, ``bound`` and ``gap`` are those of the priority level with the largest gap
    (every level is listed in ``levels``); ``status`` is OPTIMAL, FEASIBLE, CANCELLED or EVALUATED.
    """

    teams: list[list[str]]
    status: Status
    objective: float
    bound: float
    gap: float
    wall_time: float
    metrics: list[TeamMetrics]
    summary: Summary
    levels: list[LevelResult] = field(default_factory=list)


class SolverError(Exception):
    """Base of the solver's own errors; the message is plain words."""


class InfeasibleError(SolverError):
    """The hard rules contradict each other; ``conflicts`` names the rules in conflict."""

    def __init__(self, conflicts: list[str]) -> None:
        self.conflicts = list(conflicts)
        text = "; ".join(self.conflicts) if self.conflicts else "the rules contradict each other"
        super().__init__(f"no teams satisfy every hard rule: {text}")


class NoSolutionError(SolverError):
    """The time limit was reached (or the run cancelled) before any valid teams were found."""


def gap_of(objective: float, bound: float) -> float:
    """Relative gap as CP-SAT computes it: |obj - bound| / max(1, |obj|)."""
    return abs(objective - bound) / max(1.0, abs(objective))
