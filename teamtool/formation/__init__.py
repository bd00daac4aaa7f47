"""Team formation for a course: criteria, roster -> solver instance, solution -> team set, and
the sentences about a run (report.py).

The criteria and the solver's plain data and result types load at once; the use cases, which
need OR-Tools, only when first used, so the Teams page can use the criteria types freely."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

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
from teamtool.formation.criteria import AttributeRule, FormationCriteria

if TYPE_CHECKING:
    from solver import TeamFormer
    from teamtool.formation.bridge import (
        build_instance,
        form_teams,
        make_former,
        team_set_from,
        translate,
    )
    from teamtool.formation.evaluation import Evaluation, evaluate_teams

_LAZY = {
    "TeamFormer": "solver",
    "build_instance": "teamtool.formation.bridge",
    "form_teams": "teamtool.formation.bridge",
    "make_former": "teamtool.formation.bridge",
    "team_set_from": "teamtool.formation.bridge",
    "translate": "teamtool.formation.bridge",
    "Evaluation": "teamtool.formation.evaluation",
    "evaluate_teams": "teamtool.formation.evaluation",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'teamtool.formation' has no attribute {name!r}")


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
    "TeamFormer",
    "TeamMetrics",
    "build_instance",
    "evaluate_teams",
    "form_teams",
    "make_former",
    "team_set_from",
    "translate",
]
