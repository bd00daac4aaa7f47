"""One mentor per team with OR-Tools CP-SAT: plain data in, an assignment or a reason out.

Hard rules: a mentor's capacity (most teams), the students a mentor must not mentor, and
with ``same_section`` a mentor of the team's section. Then, level by level (each optimum
fixed before the next): loads as even as the capacities allow, a mentor who shares a free
slot with the team, and the previous mentor kept for as many students as possible.
Never imports teamtool. OR-Tools loads when ``assign`` is first used, not on import (the
window imports this package when it opens).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from solver.mentors.data import (
    Exclusion,
    Infeasibility,
    LevelOutcome,
    MentorData,
    MentorInfeasible,
    MentorProblem,
    MentorSolution,
    TeamData,
)
from solver.mentors.feasibility import allowed_pairs, exclusions, find_infeasibility

if TYPE_CHECKING:
    from solver.mentors.model import assign


def __getattr__(name: str) -> Any:
    if name == "assign":
        return import_module("solver.mentors.model").assign
    raise AttributeError(f"module 'solver.mentors' has no attribute {name!r}")


__all__ = [
    "Exclusion",
    "Infeasibility",
    "LevelOutcome",
    "MentorData",
    "MentorInfeasible",
    "MentorProblem",
    "MentorSolution",
    "TeamData",
    "allowed_pairs",
    "assign",
    "exclusions",
    "find_infeasibility",
]
