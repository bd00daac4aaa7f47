"""The plain data of a mentor assignment: mentors, teams, the request, the answer, the reason."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

#: Why a mentor cannot take a team: a member is on the mentor's avoid list, the mentor is of
#: another section (with ``same_section``), or the mentor's capacity is 0.
Rule = Literal["avoid", "section", "capacity"]

#: The levels, in priority order; a level without data (no slots, no previous) is skipped.
LOAD_RANGE = "load-range"  # minimise the most loaded mentor's teams minus the least loaded's
LOAD_SPREAD = "load-spread"  # then minimise the sum of squared loads (ties of the range)
SHARED_SLOT = "shared-slot"  # maximise the teams whose mentor shares one of their common slots
PREVIOUS = "previous"  # maximise the students who keep their previous mentor


@dataclass(frozen=True)
class MentorData:
    """A mentor. ``capacity`` None: no limit; ``sections`` empty: any section."""

    name: str
    capacity: int | None = None
    sections: frozenset[str] = frozenset()
    slots: frozenset[str] = frozenset()
    avoid: frozenset[str] = frozenset()  # student ids


@dataclass(frozen=True)
class TeamData:
    """A team: its members' ids, their sections and the free slots they all share."""

    name: str
    members: tuple[str, ...] = ()
    sections: frozenset[str] = frozenset()
    common_slots: frozenset[str] = frozenset()


@dataclass(frozen=True)
class MentorProblem:
    """What to solve. ``previous`` maps a student id to the name of their previous mentor;
    ``time_limit`` is deterministic seconds per level (one worker, fixed seed)."""

    mentors: tuple[MentorData, ...]
    teams: tuple[TeamData, ...]
    same_section: bool = False
    previous: Mapping[str, str] = field(default_factory=dict)
    seed: int = 0
    time_limit: float = 10.0


@dataclass(frozen=True)
class LevelOutcome:
    """One priority level: its name, the value reached and whether it is proven best."""

    name: str
    value: int
    optimal: bool


@dataclass(frozen=True)
class MentorSolution:
    """Team name -> mentor name, each mentor's load, and every level's outcome."""

    mentor_of: dict[str, str]
    loads: dict[str, int]
    levels: tuple[LevelOutcome, ...]


@dataclass(frozen=True)
class Exclusion:
    """``mentor`` cannot take ``team`` by ``rule``; ``students`` are the avoided members."""

    team: str
    mentor: str
    rule: Rule
    students: tuple[str, ...] = ()


@dataclass(frozen=True)
class Infeasibility:
    """``teams`` need one mentor each, but the only mentors any of them may have are
    ``mentors``, who can take ``capacity`` teams together (fewer than the teams); every other
    mentor is excluded from these teams for the reasons in ``exclusions``."""

    teams: tuple[str, ...]
    mentors: tuple[str, ...]
    capacity: int
    exclusions: tuple[Exclusion, ...]


class MentorInfeasible(Exception):
    """No assignment satisfies the hard rules; ``reason`` says which teams and mentors."""

    def __init__(self, reason: Infeasibility) -> None:
        super().__init__(
            f"{len(reason.teams)} team(s) but {reason.capacity} place(s) with their mentors"
        )
        self.reason = reason
