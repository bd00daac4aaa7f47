"""Team formation with OR-Tools CP-SAT: plain data in, teams out (never imports teamtool)."""

from solver.api import evaluate, solve
from solver.data import Config, Criterion, Instance, PairRule, Person, Progress, Rule
from solver.former import TeamFormer
from solver.solution import (
    InfeasibleError,
    LevelResult,
    NoSolutionError,
    Solution,
    SolverError,
    Summary,
    TeamMetrics,
)
from solver.validate import violations

__all__ = [
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
    "Summary",
    "TeamFormer",
    "TeamMetrics",
    "evaluate",
    "solve",
    "violations",
]
