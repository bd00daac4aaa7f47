"""One formation run, done in a worker thread: the course's team-set forming
(teamtool.course.team_forming) with the window's criteria, its progress sent at most every
100 ms; cancellable."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from teamtool.course.team_forming import TeamSetForming
from teamtool.errors import FormationError
from teamtool.formation.criteria import FormationCriteria
from teamtool.model import Roster, TeamSet
from ui.teams.criteria import to_formation

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
        #: criteria the window cannot run with are the run's error, reported as any other
        self._error: FormationError | None = None
        try:
            checked = to_formation(self.criteria)
        except FormationError as exc:
            self._error, checked = exc, FormationCriteria()
        self.forming = TeamSetForming(roster, checked, previous, base, name)
        #: when the run must end (time.monotonic()): the time limit from the click that
        #: started it (SolveRunner.start), else from the start of the run
        self.deadline: float | None = None

    @property
    def time_limit(self) -> float:
        return float(self.criteria.get("time_limit", 5.0))

    def cancel(self) -> None:
        """Stop the search; the run then returns the best teams found so far (thread-safe)."""
        self.forming.cancel()

    @property
    def cancelled(self) -> bool:
        return self.forming.cancelled

    def run(self, progress: Callable[[object], None]) -> FormationResult:
        if self._error is not None:
            raise self._error
        last = 0.0

        def report(p: formation.Progress) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last >= PROGRESS_INTERVAL:
                last = now
                progress(p)

        # building the model can take a second on a large class: it happens here, off the GUI
        formed = self.forming.run(report, self.deadline)
        return FormationResult(formed.team_set, formed.solution, formed.level_lines())
