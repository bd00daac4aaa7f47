"""The milestone picker shown on top of the Ratings and Grades pages, with Add and Edit."""

from __future__ import annotations

import weakref
from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget
from shiboken6 import isValid

from ui.context import AppContext
from ui.errors import show_error
from ui.milestone_commands import AddMilestoneCommand, EditMilestoneCommand, execute
from ui.milestones.dialog import MilestoneDialog


class MilestoneBar(QWidget):
    """A combo box of the course's milestones; ``milestone_changed(id or None)`` on a change.

    The selection survives reloads (undo, redo, another page's edit) when the milestone still
    exists; a milestone just added is selected. Every bar of the same context shows the same
    milestone, so the Ratings and Grades steps never disagree about which one is open.
    """

    milestone_changed = Signal(object)
    _bars: ClassVar[weakref.WeakSet[MilestoneBar]] = weakref.WeakSet()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.combo = QComboBox()
        self.combo.setObjectName("milestoneCombo")
        self.combo.setMinimumContentsLength(18)
        self.add_button = QPushButton("Add milestone…")
        self.edit_button = QPushButton("Edit…")
        self.add_button.setToolTip("A graded piece of team work: name, maximum points, teams")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Milestone"))
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.add_button)
        layout.addWidget(self.edit_button)
        self.dialog: MilestoneDialog | None = None
        self._current: int | None = None
        MilestoneBar._bars.add(self)
        self.combo.currentIndexChanged.connect(self._on_index)
        self.add_button.clicked.connect(self.open_add)
        self.edit_button.clicked.connect(self.open_edit)
        ctx.course_opened.connect(lambda _course: self.reload())
        ctx.milestones_changed.connect(self.reload)
        ctx.team_sets_changed.connect(self.reload)
        self.reload()

    def current_id(self) -> int | None:
        return self._current

    def select(self, milestone_id: int | None) -> None:
        index = self.combo.findData(milestone_id) if milestone_id is not None else -1
        if index >= 0:
            self.combo.setCurrentIndex(index)

    def reload(self) -> None:
        course = self.ctx.course
        milestones = course.milestones() if course else []
        self.combo.blockSignals(True)
        self.combo.clear()
        for m in milestones:
            self.combo.addItem(f"{m.name}  (out of {m.max_points:g})", m.id)
        index = self.combo.findData(self._current) if self._current is not None else -1
        if index < 0 and milestones:
            index = 0
        self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)
        self.add_button.setEnabled(course is not None)
        self.edit_button.setEnabled(bool(milestones))
        new = self.combo.currentData() if index >= 0 else None
        if new != self._current:
            self._current = new
            self.milestone_changed.emit(new)

    def _on_index(self, index: int) -> None:
        new = self.combo.itemData(index) if index >= 0 else None
        if new != self._current:
            self._current = new
            self.milestone_changed.emit(new)
            self._share(new)

    def _share(self, milestone_id: int | None) -> None:
        for bar in list(MilestoneBar._bars):
            if not isValid(bar):  # its widget is gone; the Python side is not yet collected
                MilestoneBar._bars.discard(bar)
            elif bar is not self and bar.ctx is self.ctx and bar.current_id() != milestone_id:
                bar.select(milestone_id)

    def _dialog(self, milestone_id: int | None) -> MilestoneDialog | None:
        course = self.ctx.course
        if course is None:
            return None
        milestones = course.milestones()
        current = next((m for m in milestones if m.id == milestone_id), None)
        self.dialog = MilestoneDialog(
            course.team_sets(), {m.name for m in milestones}, current, self
        )
        self.dialog.accepted.connect(self._accepted)
        self.dialog.open()
        return self.dialog

    def open_add(self) -> MilestoneDialog | None:
        return self._dialog(None)

    def open_edit(self) -> MilestoneDialog | None:
        return self._dialog(self._current) if self._current is not None else None

    def _accepted(self) -> None:
        assert self.dialog is not None
        milestone = self.dialog.milestone()
        try:
            if milestone.id is None:
                command = AddMilestoneCommand(self.ctx, milestone)
                execute(self.ctx, command)
                self._current = command.milestone.id
                self.reload()
                self.milestone_changed.emit(self._current)
                self._share(self._current)
            else:
                execute(self.ctx, EditMilestoneCommand(self.ctx, milestone))
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing was changed
            show_error(self, exc)
