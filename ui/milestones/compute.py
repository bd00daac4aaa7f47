"""Adjusting a milestone for a page: at once for a small class, in a worker for a large one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from teamtool.grading import AdjustOptions, MilestoneResult
from ui.milestones.data import MilestoneInputs
from ui.workers import Worker

#: Up to this many students the adjustment takes well under 50 ms and runs on the GUI thread.
SYNC_LIMIT = 300


def _adjust(
    inputs: MilestoneInputs, options: AdjustOptions | None, progress: Any = None
) -> MilestoneResult:
    return inputs.adjust(options)


class Recomputer(QObject):
    """``ready(result)`` with the newest request's result, ``failed(exc)`` on an error; an
    older request finishing late is dropped."""

    ready = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sync_limit = SYNC_LIMIT
        self.generation = 0
        self._delivered = 0
        # Workers stay referenced until a later request: a worker whose ``finished`` has arrived
        # may still be returning from ``run`` on its thread, and must not be deleted under it.
        self._workers: list[tuple[Worker, list[bool]]] = []

    def request(self, inputs: MilestoneInputs, options: AdjustOptions | None = None) -> None:
        self.generation += 1
        generation = self.generation
        size = sum(len(m) for m in inputs.teams.values())
        if size <= self.sync_limit:
            self._delivered = generation
            try:
                result = inputs.adjust(options)
            except Exception as exc:  # noqa: BLE001 - reported through the failed signal
                self.failed.emit(exc)
                return
            self.ready.emit(result)
            return
        self._workers = [(w, done) for w, done in self._workers if not done]
        worker, done = Worker(_adjust, inputs, options), list[bool]()
        worker.signals.returned.connect(lambda r: self._done(generation, r, None))
        worker.signals.errored.connect(lambda e: self._done(generation, None, e))
        worker.signals.finished.connect(lambda: done.append(True))
        self._workers.append((worker, done))
        worker.start()

    @property
    def pending(self) -> bool:
        """A request is still being computed in a worker."""
        return self._delivered != self.generation

    def _done(self, generation: int, result: Any, exc: Any) -> None:
        if generation != self.generation:
            return
        self._delivered = generation
        if exc is not None:
            self.failed.emit(exc)
        else:
            self.ready.emit(result)
