"""Forming a team set: the one pipeline that ``teamtool form``, the demo and the window's Form
teams all run. The roster and the criteria become the solver's instance (OR-Tools loads then,
in the caller's thread), the search runs until the deadline or a cancel, and the solution
becomes a named team set that records how its run ended. Keeping the set (a file, the course
file, an undoable command) is the caller's part."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from teamtool.course.team_quality import RESULT
from teamtool.errors import Cancelled
from teamtool.formation import Config, NoSolutionError, Progress, Solution, SolverError
from teamtool.formation.criteria import FormationCriteria
from teamtool.formation.report import level_lines, summary_lines
from teamtool.model import Roster, TeamSet

if TYPE_CHECKING:
    from teamtool.formation import TeamFormer


@dataclass(frozen=True)
class FormedTeamSet:
    """A run's teams, the solver's solution and the rules it ran with."""

    team_set: TeamSet
    solution: Solution
    config: Config

    def level_lines(self) -> list[str]:
        """One sentence per priority level: what it holds, its score and bound."""
        return level_lines(self.config, self.solution.levels)

    def summary_lines(self) -> list[str]:
        """Sentences on the whole set: rules kept and broken, balance, sizes."""
        return summary_lines(self.solution, self.config)


class TeamSetForming:
    """One run of forming a team set; ``cancel`` may come from another thread, before or during
    the search (during it, the run returns the best teams found so far).

    ``base`` is the team set on screen: its ``criteria.locked_teams`` stay as they are, with
    their names; ``previous`` are earlier sets whose teammates should not meet again."""

    def __init__(
        self,
        roster: Roster,
        criteria: FormationCriteria,
        previous: Sequence[TeamSet] = (),
        base: TeamSet | None = None,
        name: str = "Teams",
    ) -> None:
        self.roster, self.criteria, self.previous = roster, criteria, previous
        self.base, self.name = base, name
        self._lock = threading.Lock()
        self._former: TeamFormer | None = None
        self._cancelled = False

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._former is not None:
                self._former.cancel()

    def run(
        self,
        on_progress: Callable[[Progress], None] | None = None,
        deadline: float | None = None,
    ) -> FormedTeamSet:
        """Build the model, search until ``deadline`` (a ``time.monotonic()`` time; else the
        criteria's time limit from now: a deterministic run ends sooner when its work is done)
        and name the teams. Errors are teamtool errors; a run cancelled before it found any
        teams raises ``Cancelled``."""
        from teamtool.formation import bridge  # loads OR-Tools

        if deadline is None:
            deadline = time.monotonic() + self.criteria.time_limit
        former = bridge.make_former(self.roster, self.criteria, self.previous, self.base)
        with self._lock:
            if self._cancelled:
                raise Cancelled("cancelled before the search started")
            self._former = former
        try:
            solution = former.solve(on_progress, deadline)
        except NoSolutionError as exc:
            if self._cancelled:
                raise Cancelled(str(exc)) from exc
            raise bridge.translate(exc) from exc
        except SolverError as exc:
            raise bridge.translate(exc) from exc
        team_set = bridge.team_set_from(solution, self.criteria, self.base, self.name)
        team_set.criteria[RESULT] = {
            "status": solution.status,
            "objective": solution.objective,
            "bound": solution.bound,
            "gap": solution.gap,
            "seconds": round(solution.wall_time, 2),
        }
        return FormedTeamSet(team_set, solution, former.config)
