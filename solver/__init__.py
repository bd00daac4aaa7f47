"""Team formation with OR-Tools CP-SAT: plain data in, teams out (never imports teamtool).

The data and result types load at once; the solver itself (and OR-Tools) only when first
used, so a process that only climbs (``companion.py``) starts quickly."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from solver.data import Config, Criterion, Instance, PairRule, Person, Progress, Rule
from solver.solution import (
    Broken,
    InfeasibleError,
    LevelResult,
    NoSolutionError,
    Solution,
    SolverError,
    Status,
    Summary,
    TeamMetrics,
    Violation,
)

if TYPE_CHECKING:
    from solver.api import evaluate, solve
    from solver.evaluation.validate import violations
    from solver.former import TeamFormer

_LAZY = {
    "evaluate": "solver.api",
    "solve": "solver.api",
    "TeamFormer": "solver.former",
    "violations": "solver.evaluation.validate",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'solver' has no attribute {name!r}")


__all__ = [
    "Broken",
    "Config",
    "Criterion",
    "InfeasibleError",
    "Instance",
    "LevelResult",
    "NoSolutionError",
    "PairRule",
    "Person",
    "Progress",
    "Rule",
    "Solution",
    "SolverError",
    "Status",
    "Summary",
    "TeamFormer",
    "TeamMetrics",
    "Violation",
    "evaluate",
    "solve",
    "violations",
]
