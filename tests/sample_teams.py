"""The sample course's teams for tests: the "Project teams" as formed, and other teams of the
same students (a milestone binds one team set)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from teamtool.files.teamfile import load_team_set
from teamtool.model import TeamSet
from teamtool.roster import import_roster
from teamtool.store import Course

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def add_sample_teams(course: Course) -> TeamSet:
    """Store the 48 sample students and their 12 "Project teams" (samples/teams.csv) in
    ``course``; returns the team set."""
    imported = import_roster(SAMPLES / "roster.csv")
    course.replace_roster(imported.roster, source="roster.csv")
    team_set = load_team_set(SAMPLES / "teams.csv", imported.roster)
    team_set.name = "Project teams"
    course.add_team_set(team_set)
    return team_set


def second_members_moved(teams: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The same teams with each team's second member moved to the next team (the last team's
    to the first): Team 1 (s1005, s1011, …) gives s1011 to Team 2."""
    names = list(teams)
    moved: dict[str, list[str]] = {t: [] for t in names}
    for i, team in enumerate(names):
        for j, sid in enumerate(teams[team]):
            moved[names[(i + 1) % len(names)] if j == 1 else team].append(sid)
    return moved
