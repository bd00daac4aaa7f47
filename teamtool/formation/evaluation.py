"""Evaluate a team set made by hand (or edited after forming): the solver's numbers, the hard
rules it breaks, and the sentences about them (report.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import solver
from teamtool.formation.report import explanations, summary_lines, violation_text


@dataclass
class Evaluation:
    solution: solver.Solution  # status EVALUATED: metrics and summary, no bound
    violations: list[str]  # every broken hard rule, in plain words
    explanations: list[str]  # one line per team
    summary_lines: list[str]


def evaluate_teams(
    instance: solver.Instance, config: solver.Config, teams: Sequence[Sequence[str]]
) -> Evaluation:
    """``teams`` (ids of the instance's people) against ``config``'s rules."""
    result = solver.evaluate(instance, config, teams)
    broken = [violation_text(v) for v in solver.violations(instance, config, teams)]
    return Evaluation(result, broken, explanations(result, config), summary_lines(result, config))
