"""Which mentor may take which team, and, when the hard rules leave no assignment, why.

Only capacities and allowed (team, mentor) pairs are hard, so an assignment exists exactly
when a matching of every team to a mentor within capacities exists (Hall's theorem). An
augmenting-path search finds one or, when one team cannot be placed, the set of teams whose
allowed mentors are all full: those teams and mentors are the explanation.
"""

from __future__ import annotations

from solver.mentors.data import Exclusion, Infeasibility, MentorData, MentorProblem, TeamData


def exclusion(problem: MentorProblem, team: TeamData, mentor: MentorData) -> Exclusion | None:
    """Why ``mentor`` may not take ``team`` (the first rule that forbids it), or None."""
    if mentor.capacity is not None and mentor.capacity <= 0:
        return Exclusion(team.name, mentor.name, "capacity")
    avoided = tuple(s for s in team.members if s in mentor.avoid)
    if avoided:
        return Exclusion(team.name, mentor.name, "avoid", avoided)
    if (
        problem.same_section
        and mentor.sections
        and team.sections
        and not mentor.sections & team.sections
    ):
        return Exclusion(team.name, mentor.name, "section")
    return None


def allowed_pairs(problem: MentorProblem) -> list[list[int]]:
    """For each team (by index), the indexes of the mentors who may take it."""
    return [
        [m for m, mentor in enumerate(problem.mentors) if exclusion(problem, team, mentor) is None]
        for team in problem.teams
    ]


def exclusions(problem: MentorProblem, team_indexes: list[int]) -> tuple[Exclusion, ...]:
    """Every (team, mentor) exclusion for the given teams, in team then mentor order."""
    out = []
    for t in team_indexes:
        for mentor in problem.mentors:
            found = exclusion(problem, problem.teams[t], mentor)
            if found is not None:
                out.append(found)
    return tuple(out)


def capacities(problem: MentorProblem) -> list[int]:
    """Each mentor's capacity, no limit being the number of teams."""
    teams = len(problem.teams)
    return [
        teams if m.capacity is None else max(0, min(m.capacity, teams)) for m in problem.mentors
    ]


def find_infeasibility(problem: MentorProblem) -> Infeasibility | None:
    """None when every team can get a mentor; else the teams and mentors that block it."""
    allowed = allowed_pairs(problem)
    caps = capacities(problem)
    teams_of: list[list[int]] = [[] for _ in problem.mentors]
    for t in range(len(problem.teams)):
        visited: set[int] = set()
        if not _place(t, allowed, caps, teams_of, visited):
            blocked = sorted({t} | {u for m in visited for u in teams_of[m]})
            mentors = sorted(visited)
            return Infeasibility(
                teams=tuple(problem.teams[u].name for u in blocked),
                mentors=tuple(problem.mentors[m].name for m in mentors),
                capacity=sum(caps[m] for m in mentors),
                exclusions=exclusions(problem, blocked),
            )
    return None


def _place(
    t: int, allowed: list[list[int]], caps: list[int], teams_of: list[list[int]], visited: set[int]
) -> bool:
    """Give team ``t`` a mentor, moving placed teams along an augmenting path if needed."""
    for m in allowed[t]:
        if m in visited:
            continue
        visited.add(m)
        if len(teams_of[m]) < caps[m]:
            teams_of[m].append(t)
            return True
        for i, other in enumerate(teams_of[m]):
            if _place(other, allowed, caps, teams_of, visited):
                teams_of[m][i] = t
                return True
    return False
