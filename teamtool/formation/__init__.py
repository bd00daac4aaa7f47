"""Team formation for a course: criteria, roster -> solver instance, solution -> team set
(bridge.py), hand-made teams evaluated (evaluation.py), and the sentences about a run
(report.py).

Nothing here loads OR-Tools: the solver's search loads when ``make_former`` makes a
``TeamFormer`` (teamtool.course.team_forming runs a whole formation), so the Teams page can
use the criteria types freely."""

from __future__ import annotations

from typing import TYPE_CHECKING

from solver import (
    Config,
    Instance,
    LevelResult,
    NoSolutionError,
    Progress,
    Solution,
    SolverError,
    Status,
    TeamMetrics,
)
from teamtool.formation.bridge import (
    build_instance,
    make_former,
    team_set_from,
    translate,
)
from teamtool.formation.criteria import AttributeRule, FormationCriteria
from teamtool.formation.evaluation import Evaluation, evaluate_teams

if TYPE_CHECKING:
    from solver import TeamFormer as TeamFormer  # a type only: making one loads OR-Tools


def preload() -> None:
    """Load the solver's search and OR-Tools now (the window calls this in a background thread
    once it shows, so that the first Form teams does not load them while the user waits)."""
    from importlib import import_module

    import_module("solver.former")


__all__ = [
    "AttributeRule",
    "Config",
    "Evaluation",
    "FormationCriteria",
    "Instance",
    "LevelResult",
    "NoSolutionError",
    "Progress",
    "Solution",
    "SolverError",
    "Status",
    "TeamMetrics",
    "build_instance",
    "evaluate_teams",
    "make_former",
    "preload",
    "team_set_from",
    "translate",
]
