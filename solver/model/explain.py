"""Explain infeasibility: the hard rules in conflict, found as an infeasible core by CP-SAT."""

from __future__ import annotations

import logging

from ortools.sat.python import cp_model

from solver.compile.prepare import Prepared
from solver.model.build import build_model
from solver.model.cpsat import cp_solver
from solver.search.plan import EXPLAIN_SECONDS_MAX, EXPLAIN_STEP_MIN, EXPLAIN_STEPS

log = logging.getLogger(__name__)


def _solve(
    model: cp_model.CpModel, seconds: float, seed: int
) -> tuple[cp_model.CpSolverStatus, cp_model.CpSolver]:
    solver = cp_solver(seconds=seconds, seed=seed)  # cores from assumptions need one worker
    return solver.solve(model), solver


def conflicting_rules(prep: Prepared, seconds: float = EXPLAIN_SECONDS_MAX) -> list[str] | None:
    """Names of hard rules that cannot hold together, or None when no conflict was proven.

    Every hard rule is enforced by its own literal; CP-SAT returns a set of those literals that
    is already infeasible, which is then shrunk by dropping rules one at a time.
    """
    built = build_model(prep, explain=True)
    model, lits = built.model, built.guards.literals
    model.clear_objective()
    names = {lit.index: label for label, lit in lits.items()}
    model.add_assumptions(list(lits.values()))
    status, solver = _solve(model, seconds, prep.config.seed)
    if status != cp_model.INFEASIBLE:
        return None
    core = [names[i] for i in solver.sufficient_assumptions_for_infeasibility()]
    if not core:
        return ["team sizes, sections and locked teams leave no possible assignment"]
    for label in list(core):
        if len(core) == 1:
            break
        trial = [x for x in core if x != label]
        model.clear_assumptions()
        model.add_assumptions([lits[x] for x in trial])
        status, _ = _solve(model, max(EXPLAIN_STEP_MIN, seconds / EXPLAIN_STEPS), prep.config.seed)
        if status == cp_model.INFEASIBLE:
            core = trial
    log.info("infeasible core: %s", core)
    return sorted(core)
