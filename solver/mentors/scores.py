"""The per-pair weights of the maximised levels, shared by the model and any checker."""

from __future__ import annotations

from solver.mentors.data import PREVIOUS, SHARED_SLOT, MentorProblem


def level_terms(problem: MentorProblem, level: str) -> dict[tuple[int, int], int] | None:
    """(team index, mentor index) -> what the pair adds to ``level``; None when the level has
    no data (no team with common slots and mentor with slots; no previous mentors)."""
    if level == SHARED_SLOT:
        if not any(t.common_slots for t in problem.teams) or not any(
            m.slots for m in problem.mentors
        ):
            return None
        return {
            (t, m): 1
            for t, team in enumerate(problem.teams)
            for m, mentor in enumerate(problem.mentors)
            if team.common_slots & mentor.slots
        }
    if level == PREVIOUS:
        if not problem.previous:
            return None
        weights: dict[tuple[int, int], int] = {}
        index = {mentor.name: m for m, mentor in enumerate(problem.mentors)}
        for t, team in enumerate(problem.teams):
            for student in team.members:
                m = index.get(problem.previous.get(student, ""), -1)
                if m >= 0:
                    weights[t, m] = weights.get((t, m), 0) + 1
        return weights
    raise ValueError(f"unknown level {level!r}")
