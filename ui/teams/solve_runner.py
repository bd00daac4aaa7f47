"""Runs one formation job in a Worker: progress text every 100 ms, cancel, the result or the error.

The bar shows the time spent against the time limit, the run's deadline from the click on
(FormationJob.deadline); it stays short of full until the run has ended, and the text says the
same: the seconds spent of the limit, then that the run is finishing."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from teamtool.formation.report import progress_text
from ui.teams.job import FormationJob, FormationResult
from ui.workers import Worker

if TYPE_CHECKING:
    from teamtool import formation


#: The bar's value while a run is still going: never full before the run has ended.
RUNNING_MAX = 999


def bar_and_text(elapsed: float, limit: float) -> tuple[int, str]:
    """The bar's value (per mille of the time limit) and the words about the time: the seconds
    spent of the limit; past it, that the run is handing in its best teams."""
    permille = min(RUNNING_MAX, int(1000 * elapsed / limit))
    if elapsed < limit:
        return permille, f"Searching… {elapsed:.1f} of {limit:g} s"
    return permille, f"Finishing… {elapsed:.1f} s (limit {limit:g} s): keeping the best teams"


class SolveRunner(QObject):
    """``progressed(text, permille)`` while running; then ``succeeded(FormationResult)`` or
    ``failed(exception)``; always ``ended(outcome)`` last ("done", "cancelled" or "error")."""

    progressed = Signal(str, int)
    succeeded = Signal(object)
    failed = Signal(object)
    ended = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job: FormationJob | None = None
        self.worker: Worker | None = None
        self.last_progress: formation.Progress | None = None
        self._started = 0.0
        self._time_limit = 1.0
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._tick)

    @property
    def running(self) -> bool:
        return self.worker is not None

    def start(self, job: FormationJob) -> None:
        self.job, self.last_progress = job, None
        self.worker = Worker(job.run)
        self.worker.signals.progress.connect(self._progress)
        self.worker.signals.returned.connect(self._returned)
        self.worker.signals.errored.connect(self._errored)
        self._started = time.monotonic()
        self._time_limit = max(0.1, job.time_limit)
        job.deadline = self._started + job.time_limit
        self.progressed.emit("Building the model…", 0)
        self.timer.start()
        self.worker.start()

    def cancel(self) -> None:
        """Stop the search; the best teams found so far come back through ``succeeded``."""
        if self.job is not None:
            self.job.cancel()
            self.progressed.emit("Cancelling: keeping the best teams found so far…", -1)

    def _tick(self) -> None:
        permille, text = bar_and_text(time.monotonic() - self._started, self._time_limit)
        p = self.last_progress
        self.progressed.emit(text if p is None else f"{text} · best {progress_text(p)}", permille)

    def _progress(self, p: object) -> None:
        if hasattr(p, "objective") and hasattr(p, "bound"):  # a formation.Progress
            self.last_progress = p  # type: ignore[assignment]
            self._tick()

    def _end(self, outcome: str) -> None:
        self.timer.stop()
        self.worker, self.job = None, None
        self.ended.emit(outcome)

    def _returned(self, result: object) -> None:
        cancelled = self.job is not None and self.job.cancelled
        if isinstance(result, FormationResult):
            self.succeeded.emit(result)
        self._end("cancelled" if cancelled else "done")

    def _errored(self, exc: object) -> None:
        self.failed.emit(exc if isinstance(exc, BaseException) else RuntimeError(str(exc)))
        self._end("error")
