"""The one place a ``CpSolver`` is made (``cp_solver``), the settings of a run's own solves
(``run_solver``: deterministic or wall clock) and the progress callback."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from ortools.sat.python import cp_model

from solver.data import Config, Progress
from solver.search.plan import DTIME_PER_SECOND, INTERLEAVED_DTIME_PER_SECOND
from solver.solution import gap_of

log = logging.getLogger("solver")
ProgressFn = Callable[[Progress], None] | None


class ProgressCallback(cp_model.CpSolverSolutionCallback):
    def __init__(self, report: ProgressFn, start: float, level: int) -> None:
        super().__init__()
        self.report, self.start, self.level, self.count = report, start, level, 0

    def on_solution_callback(self) -> None:
        self.count += 1
        if self.report is not None:
            obj, bound = self.objective_value, self.best_objective_bound
            elapsed = time.monotonic() - self.start
            self.report(Progress(obj, bound, gap_of(obj, bound), elapsed, self.count, self.level))


def cp_solver(
    *,
    workers: int = 1,
    seed: int | None = None,
    seconds: float | None = None,
    dtime: float | None = None,
    interleave: bool | None = None,
    linearization: int | None = None,
) -> cp_model.CpSolver:
    """A CP-SAT solver with ``workers`` workers, logging its search into ``logging`` when that
    logs DEBUG (a log callback otherwise can hang a solve in a worker thread of the window);
    each other setting is set only when given (CP-SAT's default otherwise): the random seed, a
    wall clock limit, a deterministic time limit, interleaved search, the linearization level."""
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.num_workers = workers
    if seed is not None:
        params.random_seed = seed
    if seconds is not None:
        params.max_time_in_seconds = seconds
    if dtime is not None:
        params.max_deterministic_time = dtime
    if interleave is not None:
        params.interleave_search = interleave
    if linearization is not None:
        params.linearization_level = linearization
    if log.isEnabledFor(logging.DEBUG):
        params.log_search_progress = True
        params.log_to_stdout = False
        solver.log_callback = log.debug
    return solver


def run_solver(config: Config, seconds: float) -> cp_model.CpSolver:
    """The solver of a run's whole-class model: the run's workers and seed, and a time budget
    (deterministic when asked; the wall clock is then a safety net only)."""
    if not config.deterministic:
        return cp_solver(workers=config.workers, seed=config.seed, seconds=seconds)
    interleave = config.workers > 1
    rate = INTERLEAVED_DTIME_PER_SECOND if interleave else DTIME_PER_SECOND
    return cp_solver(
        workers=config.workers,
        seed=config.seed,
        seconds=config.wall_safety * seconds + 0.5,
        dtime=seconds * rate,
        interleave=interleave,
    )
