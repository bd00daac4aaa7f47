"""The milestone picker shown on top of the Ratings and Grades pages: Add, Edit, Delete, and the
team set the milestone grades, with "Use other teams…"."""

from __future__ import annotations

import weakref
from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget
from shiboken6 import isValid

from teamtool.errors import CourseFileError
from ui.commands import execute
from ui.commands.milestones import AddMilestoneCommand, EditMilestoneCommand
from ui.context import AppContext
from ui.errors import show_error
from ui.milestones.delete_command import DeleteMilestoneCommand
from ui.milestones.delete_dialog import DeleteMilestoneDialog
from ui.milestones.dialog import MilestoneDialog
from ui.milestones.teams_dialog import UseTeamsDialog
from ui.milestones.use_teams import MilestoneTeams

NO_TEAMS = "Form or import teams first: a milestone grades one team set"


class MilestoneBar(QWidget):
    """A combo box of the course's milestones; ``milestone_changed(id or None)`` on a change.

    The selection survives reloads (undo, redo, another page's edit) when the milestone still
    exists; when it is gone (deleted) its neighbour is selected; a milestone just added or
    restored is selected. Every bar of the same context shows the same milestone, so the
    Ratings and Grades steps never disagree about which one is open.
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
        self.delete_button = QPushButton("Delete…")
        self.add_button.setToolTip("A graded piece of team work: name, maximum points, teams")
        self.combo.setToolTip("The milestone shown; right-click to edit, re-team or delete it")
        self.edit_button.setToolTip("Change the milestone's name or maximum points (undoable)")
        self.delete_button.setToolTip(
            "Delete this milestone with its team grades, ratings and overrides (undoable)"
        )
        self.teams = MilestoneTeams(ctx, self)
        self.edit_action = QAction("Edit milestone…", self)
        self.delete_action = QAction("Delete milestone…", self)
        self.combo.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.combo.addActions([self.edit_action, self.teams.action, self.delete_action])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Milestone"))
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.teams)
        layout.addWidget(self.add_button)
        layout.addWidget(self.edit_button)
        layout.addWidget(self.delete_button)
        self.dialog: MilestoneDialog | None = None
        self.delete_dialog: DeleteMilestoneDialog | None = None
        self._current: int | None = None
        MilestoneBar._bars.add(self)
        self.combo.currentIndexChanged.connect(self._on_index)
        self.add_button.clicked.connect(self.open_add)
        self.edit_button.clicked.connect(self.open_edit)
        self.delete_button.clicked.connect(self.open_delete)
        self.edit_action.triggered.connect(self.open_edit)
        self.delete_action.triggered.connect(self.open_delete)
        ctx.course_opened.connect(lambda _course: self._course_opened())
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
        before = self.combo.currentIndex()
        self.combo.blockSignals(True)
        self.combo.clear()
        for m in milestones:
            self.combo.addItem(f"{m.name}  (out of {m.max_points:g})", m.id)
        index = self.combo.findData(self._current) if self._current is not None else -1
        if index < 0 and milestones:  # gone: the one that took its place, or the one before
            index = min(max(before, 0), len(milestones) - 1)
        self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)
        has_sets = bool(course and course.team_sets())
        self.add_button.setEnabled(has_sets)
        self.add_button.setToolTip(
            "A graded piece of team work: name, maximum points; it grades the newest teams"
            if has_sets
            else NO_TEAMS
        )
        for widget in (self.edit_button, self.delete_button, self.edit_action, self.delete_action):
            widget.setEnabled(bool(milestones))
        new = self.combo.currentData() if index >= 0 else None
        self.teams.show_milestone(new)
        if new != self._current:
            self._current = new
            self.milestone_changed.emit(new)

    def _course_opened(self) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()  # another course: no neighbour to keep, the first milestone opens
        self.combo.blockSignals(False)
        self.reload()

    def _on_index(self, index: int) -> None:
        new = self.combo.itemData(index) if index >= 0 else None
        self.teams.show_milestone(new)
        if new != self._current:
            self._current = new
            self.milestone_changed.emit(new)
            self._share(new)

    @staticmethod
    def show_everywhere(ctx: AppContext, milestone_id: int) -> None:
        """Select ``milestone_id`` in every bar of ``ctx`` (a milestone restored by undo)."""
        for bar in list(MilestoneBar._bars):
            if isValid(bar) and bar.ctx is ctx:
                bar.select(milestone_id)

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
        course = self.ctx.course
        if course is not None and not course.team_sets():
            show_error(self, CourseFileError(NO_TEAMS, code="no-teams"))
            return None
        return self._dialog(None)

    def open_teams(self) -> UseTeamsDialog | None:
        """Ask which team set the current milestone grades (undoable)."""
        return self.teams.open()

    def open_edit(self) -> MilestoneDialog | None:
        return self._dialog(self._current) if self._current is not None else None

    def open_delete(self) -> DeleteMilestoneDialog | None:
        """Ask (Cancel is the default) before deleting the current milestone."""
        course, milestone_id = self.ctx.course, self._current
        if course is None or milestone_id is None:
            return None
        try:
            contents = course.milestone_contents(milestone_id)
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing was changed
            show_error(self, exc)
            return None
        if self.delete_dialog is not None:
            self.delete_dialog.deleteLater()  # answered long ago
        dialog = self.delete_dialog = DeleteMilestoneDialog(contents, self)
        dialog.finished.connect(
            lambda _result, m=milestone_id, n=contents.name: self._delete_answered(dialog, m, n)
        )
        dialog.open()
        return dialog

    def _delete_answered(self, dialog: DeleteMilestoneDialog, milestone_id: int, name: str) -> None:
        if not dialog.confirmed:
            return
        ctx = self.ctx
        command = DeleteMilestoneCommand(
            ctx, milestone_id, name, lambda m: MilestoneBar.show_everywhere(ctx, m)
        )
        execute(ctx, command, self)

    def _accepted(self) -> None:
        assert self.dialog is not None
        milestone = self.dialog.milestone()
        if milestone.id is not None:
            execute(self.ctx, EditMilestoneCommand(self.ctx, milestone), self)
            return
        command = AddMilestoneCommand(self.ctx, milestone)
        if execute(self.ctx, command, self):
            self._current = command.milestone.id
            self.reload()
            self.milestone_changed.emit(self._current)
            self._share(self._current)
