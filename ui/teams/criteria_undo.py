"""Every change of the Teams page's rules (sizes, a rule, its priority, weight, hard, value,
search settings) is a command on the course's undo stack; a run of changes to one control (a
spin box stepped five times) is one command."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QSpinBox,
    QWidget,
)

from ui.teams.criteria_panel import CriteriaPanel

MERGE_ID = 4711  # QUndoCommand.id() shared by rule changes, merged per control


class RuleChangeCommand(QUndoCommand):
    """The panel's criteria from ``before`` to ``after``; redo and undo set the panel."""

    def __init__(
        self,
        tracker: CriteriaUndo,
        before: dict[str, Any],
        after: dict[str, Any],
        control: QObject,
    ) -> None:
        super().__init__(f"Change {describe(control)}")
        self.tracker, self.before, self.after = tracker, before, after
        self.control = control

    def redo(self) -> None:
        self.tracker.apply(self.after)

    def undo(self) -> None:
        self.tracker.apply(self.before)

    def id(self) -> int:
        return MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, RuleChangeCommand) or other.control is not self.control:
            return False
        self.after = other.after
        return True


class CriteriaUndo(QObject):
    """Watches the controls of ``panel``; call ``track`` after the panel is (re)filled."""

    def __init__(self, panel: CriteriaPanel, stack: QUndoStack) -> None:
        super().__init__(panel)
        self.panel, self.stack = panel, stack
        self.last: dict[str, Any] = panel.criteria()
        self._applying = False
        #: The commands pushed, kept alive here: the stack holds the C++ side only, and a
        #: command's Python attributes (before, after) must outlive this call.
        self._commands: list[RuleChangeCommand] = []

    def track(self) -> None:
        """Take the panel as it is now as the state before the next change; watch its controls."""
        self.last = self.panel.criteria()
        for control in self.panel.findChildren(QAbstractSpinBox) + self.panel.findChildren(
            QComboBox
        ):
            if control.property("undoTracked"):
                continue
            control.setProperty("undoTracked", True)
            if isinstance(control, QComboBox):
                control.currentIndexChanged.connect(lambda _i, c=control: self.changed(c))
            elif isinstance(control, QSpinBox | QDoubleSpinBox):
                control.valueChanged.connect(lambda _v, c=control: self.changed(c))
        for box in self.panel.findChildren(QCheckBox):
            if not box.property("undoTracked"):
                box.setProperty("undoTracked", True)
                box.toggled.connect(lambda _on, c=box: self.changed(c))

    def changed(self, control: QObject) -> None:
        if self._applying:
            return
        after = self.panel.criteria()
        if after != self.last:
            before, self.last = self.last, after
            command = RuleChangeCommand(self, before, after, control)
            self._commands = [c for c in self._commands if not _deleted(c)] + [command]
            self.stack.push(command)

    def apply(self, criteria: dict[str, Any]) -> None:
        if criteria == self.panel.criteria():
            self.last = criteria
            return
        self._applying = True
        try:
            self.panel.restore(criteria)
        finally:
            self._applying = False
        self.last = self.panel.criteria()


def _deleted(command: QUndoCommand) -> bool:
    return not shiboken6.isValid(command)


def describe(control: QObject) -> str:
    """What a control sets, for the undo text: "the rule of GPA", "the weight of GPA"."""
    kind, _, attribute = control.objectName().partition(":")
    if attribute:
        return f"the {kind.replace('_', ' ')} of {attribute}"
    if isinstance(control, QCheckBox):
        text = control.text()
    else:
        text = control.toolTip().split("\n")[0] if isinstance(control, QWidget) else ""
    return f'"{text}"' if text else "a team setting"
