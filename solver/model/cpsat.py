"""CP-SAT run settings and budgets (deterministic or wall clock) and the progress callback."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from ortools.sat.python import cp_model

from solver.data import Config, Progress
from solver.solution import gap_of

log = logging.getLogger("solver")
#: Swap evaluations per second for the heuristic in deterministic mode: a count, not a clock,
#: so that the same seed gives the same teams. Measured alone on this machine: 47-53 thousand
#: a second (benchmarks/climb_speed.py); about half, for a busy second core and slower machines.
EVALUATIONS_PER_SECOND = 25000
#: Share of the time limit for the swap heuristic: a start for the exact model on small classes,
#: half the work on large ones, where LNS then re-solves a few teams at a time exactly (LNS
#: mends what swaps cannot, e.g. teams of requested teammates; measured at 10 s: 300 students
#: 3405 -> 3237, 1000 students 29056 -> 21703 against a share of 0.97).
#: ... and never more tries than this (small classes converge long before a generous limit).
EVALUATIONS_CAP_MIN, EVALUATIONS_CAP_PER_STUDENT = 20000, 1000
HEURISTIC_SHARE_EXACT = 0.2
HEURISTIC_SHARE_LNS = 0.5
#: ... but on large classes LNS waits until the first climb has made this many tries per student
#: (it has settled: measured, a climb of 300 students settles after ~90,000), up to this share.
SETTLE_EVALUATIONS_PER_STUDENT = 100
HEURISTIC_SHARE_MAX = 0.9
#: From this many students, a run too short for the first climb to settle is the climb alone
#: (measured at 1 s: LNS after half a climb loses to the climb on 300 and 1,000 students, and
#: wins on 120, whose neighbourhoods cover a large part of the class).
QUICK_MIN_STUDENTS = 200
#: ... where "too short" means fewer than this many tries per student (a climb of 1,000 is still
#: falling steeply at 10 s, 150 tries each: LNS after it lost to the climb on 3 of 3 classes)
QUICK_TRIES_PER_STUDENT = 300
#: ... and a climb with fewer tries per student than this starts from the greedy start (after
#: more, a climb from random starts did as well: greedy_start.py).
GREEDY_TRIES_PER_STUDENT = 30
#: The last pass (polish.py): swaps per student, and at most this share of the time limit;
#: a climb alone (its worst teams are farther off) sets aside this larger share.
POLISH_PER_STUDENT, POLISH_SHARE, POLISH_SHARE_QUICK = 50, 0.05, 0.2
#: Seconds a run waits past its time limit for the companion climb (companion.py) to hand in.
COMPANION_GRACE = 0.25
#: On large classes the heuristic hands over to LNS once this many restarts in a row found
#: nothing better (it has converged; exact re-solves of a few teams then do better).
STALE_RESTARTS = 2
#: Type combinations the completion bound scores per second of the time limit (~20,000 take a
#: second, so the bound costs at most a tenth of the run).
COMBINATIONS_PER_SECOND = 2000
#: Above this many x[p, t] literals the whole-class model gives way to LNS on a few teams
#: (measured on three classes of 30 at 1 s: the whole model beat LNS on two, tied on one).
FULL_MODEL_LITERALS = 300
#: CP-SAT deterministic seconds per wall second on a loaded 2-core machine (measured): one
#: worker (LNS), and two interleaved workers, which overshoot their deterministic limit ~4x.
DTIME_PER_SECOND = 0.7
INTERLEAVED_DTIME_PER_SECOND = 0.25
#: Past time_limit x this, stop whatever the deterministic budget says (an overloaded machine).
WALL_SAFETY = 3.0

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


def configure(solver: cp_model.CpSolver, config: Config, seconds: float) -> None:
    """Workers, seed, a time budget (deterministic when asked), logging into ``logging``."""
    params = solver.parameters
    params.num_workers = config.workers
    params.random_seed = config.seed
    if config.deterministic:
        interleave = config.workers > 1
        rate = INTERLEAVED_DTIME_PER_SECOND if interleave else DTIME_PER_SECOND
        params.max_deterministic_time = seconds * rate
        params.interleave_search = interleave
        params.max_time_in_seconds = WALL_SAFETY * seconds + 0.5  # a safety net only
    else:
        params.max_time_in_seconds = seconds
    params.log_search_progress = log.isEnabledFor(logging.DEBUG)
    params.log_to_stdout = False
    solver.log_callback = log.debug
