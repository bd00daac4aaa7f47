"""What a run shares across threads: its cancel flag, its deadline, the CP-SAT solve and the
companion in progress (``RunControl``), and its progress reports (``LevelProgress``)."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from solver.data import Progress
from solver.search.companion import Companion
from solver.solution import gap_of

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

    from solver.bounds.levels import LevelBounds
    from solver.model.cpsat import ProgressFn


class RunControl:
    """``cancel`` (any thread) stops the solve in progress and the companion, and makes every
    later phase of the run return at once; so does reaching the ``deadline`` (a time of
    ``clock``, none by default), whose time ``left`` each phase takes its share of.

    ``clock`` is ``time.monotonic`` but for tests, which give a clock of their own."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._lock = threading.Lock()
        self.cancelled = False
        self._solver: cp_model.CpSolver | None = None
        self.companion: Companion | None = None
        self.clock = clock
        self.deadline: float | None = None

    def left(self) -> float:
        """Seconds until the deadline (none left once it passed; infinite without one)."""
        if self.deadline is None:
            return math.inf
        return max(0.0, self.deadline - self.clock())

    def expired(self) -> bool:
        return self.deadline is not None and self.clock() >= self.deadline

    def wall_deadline(self) -> float:
        """The deadline as ``time.time()`` (infinite without one), for other processes."""
        return time.time() + self.left()

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
            if self._solver is not None:
                self._solver.stop_search()
        self.stop_companion()

    def stopped(self) -> bool:
        """Cancelled, or the deadline reached: every phase then hands back what it has."""
        return self.cancelled or self.expired()

    def attach(self, solver: cp_model.CpSolver | None) -> bool:
        """Make ``solver`` the one a cancel stops (None once it ended); False when already
        cancelled."""
        with self._lock:
            if self.cancelled and solver is not None:
                return False
            self._solver = solver
            return True

    def stop_companion(self) -> None:
        """Stop the companion, if any (any thread; it is dropped once the run ends)."""
        with self._lock:
            companion = self.companion
        if companion is not None:
            companion.stop()


class LevelProgress:
    """Progress of the heuristic and the LNS, told with each better score: the score and bound
    of the first priority level not yet proven optimal (the last level once all are)."""

    def __init__(self, bounds: LevelBounds, start: float, on_progress: ProgressFn) -> None:
        self.bounds, self.start, self.on_progress = bounds, start, on_progress
        self.found = 0

    def __call__(self, score: list[int]) -> None:
        self.found += 1
        if self.on_progress is None or score[0] > 0 or len(score) < 2:
            return
        k, obj, bound = self.bounds.open_level(score)
        elapsed = time.monotonic() - self.start
        level = self.bounds.prep.levels()[k]
        self.on_progress(Progress(obj, bound, gap_of(obj, bound), elapsed, self.found, level))
