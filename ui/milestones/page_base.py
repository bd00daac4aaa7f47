"""What the Ratings and Grades steps share: the milestone bar and reading a milestone when seen."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from teamtool.course.milestone_inputs import MilestoneInputs, load_inputs, student_names
from teamtool.grading import MilestoneResult
from ui.context import AppContext
from ui.errors import show_error
from ui.milestones.bar import MilestoneBar


class MilestonePage(QWidget):
    """A step about one milestone. A hidden page does not read the course; it catches up when shown.

    Subclasses build their widgets, call :meth:`follow_changes` at the end of ``__init__`` and
    implement :meth:`reload`, which starts with ``if not self.read_inputs(): return``.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._dirty = True
        self._names: dict[str, str] | None = None  # student labels, read again on a roster change
        self.inputs: MilestoneInputs | None = None
        self.result: MilestoneResult | None = None
        self.bar = MilestoneBar(ctx)

    def follow_changes(self) -> None:
        """Reload after any change of the course, including undo and redo."""
        self.bar.milestone_changed.connect(lambda _id: self.reload())
        self.ctx.milestones_changed.connect(self.reload)
        self.ctx.roster_changed.connect(self._roster_changed)
        self.ctx.course_opened.connect(lambda _c: self._roster_changed())
        self.ctx.team_sets_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def _roster_changed(self) -> None:
        self._names = None
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()

    def read_inputs(self) -> bool:
        """Read the current milestone into ``inputs`` (None when there is none or it fails).

        Returns False, marking the page to catch up later, while the page is hidden.
        """
        if not self.isVisible():
            self._dirty = True
            return False
        self._dirty = False
        course, milestone_id = self.ctx.course, self.bar.current_id()
        self.inputs = None
        if course is not None and milestone_id is not None:
            try:
                if self._names is None:
                    self._names = student_names(course)
                self.inputs = load_inputs(course, milestone_id, self._names)
            except Exception as exc:  # noqa: BLE001 - shown once; the page shows nothing
                show_error(self, exc)
        return True
