"""Assign one mentor to every team of a team set, with each team's reason and a summary."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import solver.mentors as mentor_solver  # OR-Tools loads on the first assignment
from solver.mentors import LevelOutcome, MentorInfeasible, MentorProblem, TeamData
from teamtool.errors import TeamtoolError
from teamtool.mentors.explain import infeasible_message, level_lines
from teamtool.mentors.mentor import Mentor
from teamtool.mentors.slots import slot_text
from teamtool.mentors.teams_data import (
    mentor_data,
    previous_by_name,
    team_data,
    unused_sections,
)
from teamtool.model import MentorRef, Roster, TeamSet


class MentorError(TeamtoolError):
    """Mentors cannot be assigned: the message names the teams, mentors and rules in conflict."""


@dataclass(frozen=True)
class TeamMentor:
    """One team's mentor and why: the slots they share, the members who keep their mentor."""

    team: str
    mentor: Mentor
    common_slots: frozenset[str]
    shared_slots: frozenset[str]
    kept: int  # members whose previous mentor this is
    why: str


@dataclass(frozen=True)
class MentorResult:
    teams: list[TeamMentor]
    loads: dict[str, int]
    levels: tuple[LevelOutcome, ...]
    summary: list[str]
    warnings: list[str] = field(default_factory=list)

    def refs(self) -> dict[str, MentorRef]:
        """Team name -> mentor, as the course file and the team exports keep it."""
        return {t.team: t.mentor.ref for t in self.teams}


def assign_mentors(
    team_set: TeamSet,
    mentors: Sequence[Mentor],
    roster: Roster | None = None,
    *,
    same_section: bool = False,
    previous: Mapping[str, str] | None = None,
    seed: int = 0,
    time_limit: float = 10.0,
) -> MentorResult:
    """One mentor per team (see ``solver.mentors``). ``previous`` maps student ids to their
    previous mentor's name or email. Raises :class:`MentorError` when the rules cannot hold."""
    if not team_set.teams:
        raise MentorError("the team set has no teams", code="no-teams")
    if not mentors:
        raise MentorError("the mentor list holds no mentors", code="no-mentors")
    if same_section and roster is None:
        raise MentorError(
            "same-section mentors need the roster (the students' sections)", code="no-roster"
        )
    teams = team_data(team_set, roster)
    kept_before = previous_by_name(previous or {}, mentors)
    problem = MentorProblem(
        mentor_data(mentors, team_set),
        teams,
        same_section,
        kept_before,
        seed=seed,
        time_limit=time_limit,
    )
    try:
        solution = mentor_solver.assign(problem)
    except MentorInfeasible as exc:
        raise MentorError(
            infeasible_message(exc.reason, roster), code="infeasible-mentors"
        ) from exc
    by_name = {m.name: m for m in mentors}
    uses_slots = any(t.common_slots for t in teams) and any(m.slots for m in mentors)
    rows = [
        _team_mentor(
            team,
            by_name[solution.mentor_of[team.name]],
            solution.loads,
            kept_before,
            uses_slots,
            same_section,
        )
        for team in teams
    ]
    summary = level_lines(solution.levels, len(teams), len(kept_before), solution.loads)
    warnings = unused_sections(mentors, team_set, roster) if roster and same_section else []
    return MentorResult(rows, solution.loads, solution.levels, summary, warnings)


def _team_mentor(
    team: TeamData,
    mentor: Mentor,
    loads: Mapping[str, int],
    previous: Mapping[str, str],
    uses_slots: bool,
    same_section: bool,
) -> TeamMentor:
    load = loads[mentor.name]
    parts = [f"{load} team{'s' if load != 1 else ''}"]
    if mentor.capacity is not None:
        parts[0] += f" of at most {mentor.capacity}"
    shared = team.common_slots & mentor.slots
    if uses_slots:
        if shared:
            parts.append(f"free together: {slot_text(shared, ', ')}")
        elif not team.common_slots:
            parts.append("the team has no common free slot")
        else:
            parts.append("no free slot in common with the team")
    had = [s for s in team.members if s in previous]
    kept = sum(1 for s in had if previous[s] == mentor.name)
    if had:
        parts.append(f"mentored {kept} of {len(team.members)} members before")
    if same_section:
        sections = ", ".join(sorted(mentor.sections))
        parts.append(f"section {sections}" if sections else "mentors any section")
    return TeamMentor(team.name, mentor, team.common_slots, shared, kept, "; ".join(parts))
