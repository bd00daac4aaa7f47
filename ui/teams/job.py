"""One formation run, done in a worker thread: build the model, solve, name the teams; cancellable."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from teamtool.errors import Cancelled
from teamtool.formation.report import level_lines
from teamtool.model import Roster, TeamSet
from ui.teams.criteria import RESULT, to_formation

if TYPE_CHECKING:
    from teamtool import formation

PROGRESS_INTERVAL = 0.1  # seconds between progress reports sent to the window


@dataclass
class FormationResult:
    team_set: TeamSet
    solution: formation.Solution
    levels: list[str]  # one line per priority level: what it holds, score, bound


class FormationJob:
    """Everything a run needs, copied on the GUI thread; ``run`` touches no widget and no file.

    ``base`` is the shown team set: its locked teams are kept as they are.
    """

    def __init__(
        self,
        roster: Roster,
        criteria: dict[str, Any],
        previous: list[TeamSet],
        base: TeamSet | None,
        name: str,
    ) -> None:
        locked = sorted(base.locked & set(base.teams)) if base is not None else []
        self.criteria = {**criteria, "locked_teams": locked}
        self.roster, self.previous, self.base, self.name = roster, previous, base, name
        self._lock = threading.Lock()
        self._former: formation.TeamFormer | None = None
        self._cancelled = False
        #: when the run must end (time.monotonic()): the time limit from the click that
        #: started it (SolveRunner.start), else from the start of ``run``
        self.deadline: float | None = None

    @property
    def time_limit(self) -> float:
        return float(self.criteria.get("time_limit", 5.0))

    def cancel(self) -> None:
        """Stop the search; the run then returns the best teams found so far (thread-safe)."""
        with self._lock:
            self._cancelled = True
            if self._former is not None:
                self._former.cancel()

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def run(self, progress: Callable[[object], None]) -> FormationResult:
        deadline = self.deadline or time.monotonic() + self.time_limit
        from teamtool import formation
        from teamtool.formation import bridge  # OR-Tools loads in make_former, in this thread

        last = 0.0

        def report(p: formation.Progress) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last >= PROGRESS_INTERVAL:
                last = now
                progress(p)

        criteria = to_formation(self.criteria)
        # building the model can take a second on a large class: it happens here, off the GUI
        former = bridge.make_former(self.roster, criteria, self.previous, self.base)
        with self._lock:
            if self._cancelled:
                raise Cancelled("cancelled before the search started")
            self._former = former
        try:
            solution = former.solve(report, deadline)
        except formation.NoSolutionError as exc:
            if self._cancelled:
                raise Cancelled(str(exc)) from exc
            raise bridge.translate(exc) from exc
        except formation.SolverError as exc:
            raise bridge.translate(exc) from exc
        team_set = bridge.team_set_from(solution, criteria, self.base, self.name)
        team_set.criteria[RESULT] = {
            "status": solution.status,
            "objective": solution.objective,
            "bound": solution.bound,
            "gap": solution.gap,
            "seconds": round(solution.wall_time, 2),
        }
        return FormationResult(team_set, solution, level_lines(former.config, solution.levels))
