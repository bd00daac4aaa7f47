"""The module-level entry points: solve, evaluate (hand-made teams)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from solver.data import Config, Instance
from solver.evaluation.metrics import describe
from solver.former import TeamFormer
from solver.model.cpsat import ProgressFn
from solver.solution import Solution, Status


def solve(instance: Instance, config: Config, on_progress: ProgressFn = None) -> Solution:
    """Form teams (see TeamFormer)."""
    return TeamFormer(instance, config).solve(on_progress)


def evaluate(instance: Instance, config: Config, teams: Sequence[Sequence[str]]) -> Solution:
    """Metrics and summary of given (e.g. hand-edited) teams; no solving, status EVALUATED."""
    metrics, summary = describe(instance, config, teams)
    nan = math.nan
    return Solution(
        [list(t) for t in teams], Status.EVALUATED, nan, nan, nan, 0.0, metrics, summary
    )
