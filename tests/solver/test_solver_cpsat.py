"""Every CP-SAT solve of team formation is made by ``solver.model.cpsat``: one place sets the
workers, seeds, limits and logging."""

from __future__ import annotations

import math
from pathlib import Path

from solver import Config
from solver.model.cpsat import cp_solver, run_solver
from solver.search.plan import INTERLEAVED_DTIME_PER_SECOND

SOLVER = Path(__file__).resolve().parents[2] / "solver"


def test_only_the_cpsat_module_makes_a_cp_solver() -> None:
    """solver/mentors/ is a separate model (mentor assignment) with its own settings."""
    makers = sorted(
        str(path.relative_to(SOLVER))
        for path in SOLVER.rglob("*.py")
        if "CpSolver()" in path.read_text(encoding="utf-8") and path.parts[-2] != "mentors"
    )
    assert makers == ["model/cpsat.py"]


def test_a_solver_sets_what_it_is_given_and_nothing_else() -> None:
    bound = cp_solver(dtime=0.5)
    assert bound.parameters.num_workers == 1
    assert bound.parameters.max_deterministic_time == 0.5
    assert math.isinf(bound.parameters.max_time_in_seconds)  # CP-SAT's default: no wall limit
    assert not bound.parameters.log_search_progress


def test_a_deterministic_run_counts_work_and_keeps_the_clock_as_a_safety_net() -> None:
    config = Config(time_limit=10.0, seed=4, workers=2, deterministic=True)
    solver = run_solver(config, 2.0)
    params = solver.parameters
    assert (params.num_workers, params.random_seed, params.interleave_search) == (2, 4, True)
    assert params.max_deterministic_time == 2.0 * INTERLEAVED_DTIME_PER_SECOND
    assert params.max_time_in_seconds == Config().wall_safety * 2.0 + 0.5
    timed = run_solver(Config(time_limit=10.0, deterministic=False), 2.0).parameters
    assert timed.max_time_in_seconds == 2.0
    assert timed.max_deterministic_time > 1e9  # CP-SAT's default: unlimited
