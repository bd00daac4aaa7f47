"""What one team's debrief holds, and the optional course data shown when known."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from teamtool.grading.results import Flag, StudentResult


@dataclass(frozen=True)
class DebriefExtras:
    """Course data the debriefs show when given (each part optional; nothing shown if empty).

    ``mentor_by_team``: team -> mentor name; with mentors the debriefs are written one file
    per mentor. ``tokens_left_by_team``: team -> tokens left; ``tokens_left_by_milestone``
    (milestone -> team -> tokens left after it) wins over it for the milestones it names.
    """

    mentor_by_team: Mapping[str, str] = field(default_factory=dict)
    tokens_left_by_team: Mapping[str, int] = field(default_factory=dict)
    tokens_left_by_milestone: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    def mentor(self, team: str) -> str | None:
        name = self.mentor_by_team.get(team, "").strip()
        return name or None

    def tokens_left(self, milestone: str, team: str) -> int | None:
        by_team = self.tokens_left_by_milestone.get(milestone)
        if by_team is not None and team in by_team:
            return by_team[team]
        return self.tokens_left_by_team.get(team)


@dataclass(frozen=True)
class MemberRow:
    """One member's line: the milestone's result with the name to show."""

    name: str
    result: StudentResult


@dataclass(frozen=True)
class HeatCell:
    """One rating in the heat map: the scale's label and its place on the scale (0 worst,
    1 best)."""

    label: str
    shade: float


@dataclass(frozen=True)
class HeatMap:
    """Who rated whom: row i is what ``names[i]`` gave, column j what ``names[j]`` received."""

    names: list[str]
    cells: list[list[HeatCell | None]]
    legend: list[HeatCell]  # the scale's labels, best first


@dataclass(frozen=True)
class HistoryCell:
    """A member's factor on one milestone so far (None: not adjusted or not in a team)."""

    factor: float | None
    low: bool = False  # flagged low-performer on that milestone
    repeated_low: bool = False  # flagged repeated-low on that milestone


@dataclass(frozen=True)
class TeamDebrief:
    """One team's debrief for one milestone, for its mentor."""

    milestone: str
    max_points: float
    method: str
    team: str
    members: list[MemberRow]
    team_flags: list[Flag]
    heat_map: HeatMap
    comments: dict[str, list[str]]  # member name -> teammates' comments, writers left out
    team_comments: list[str]  # comments about the whole team, writers left out
    history_milestones: list[str]  # the milestones so far, the debriefed one last
    history: dict[str, list[HistoryCell]]  # member name -> one cell per history milestone
    mentor: str | None = None
    tokens_left: int | None = None
