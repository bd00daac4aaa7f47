"""Adjusting a milestone for a page: at once for a small class, in a worker for a large one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from teamtool.grading import AdjustOptions, MilestoneResult
from ui.milestones.data import MilestoneInputs
from ui.workers import LatestRequest

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
        self.latest = LatestRequest(self)
        self.latest.returned.connect(self.ready)
        self.latest.errored.connect(self.failed)

    def request(self, inputs: MilestoneInputs, options: AdjustOptions | None = None) -> None:
        size = sum(len(m) for m in inputs.teams.values())
        self.latest.request(_adjust, inputs, options, here=size <= self.sync_limit)

    @property
    def pending(self) -> bool:
        """A request is still being computed in a worker."""
        return self.latest.pending
