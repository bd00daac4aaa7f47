"""Wheel events over a form's combo boxes and spin boxes scroll the form, not the value, unless
the control has the keyboard focus (clicked or tabbed into)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)


class WheelGuard(QObject):
    """Install with ``guard(area, widget)``: unfocused controls inside pass the wheel to ``area``."""

    def __init__(self, area: QAbstractScrollArea) -> None:
        super().__init__(area)
        self.area = area

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        if watched.hasFocus():
            return False  # the control is being worked with: the wheel changes its value
        QApplication.sendEvent(self.area.verticalScrollBar(), event)
        return True


def guard_wheel(area: QAbstractScrollArea, root: QWidget) -> int:
    """Guard every combo box and spin box under ``root`` (again after controls are rebuilt);
    each takes the focus only when clicked or tabbed into. Returns how many are guarded."""
    guard = area.findChild(WheelGuard) or WheelGuard(area)
    controls = [*root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox)]
    for control in controls:
        control.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        control.removeEventFilter(guard)
        control.installEventFilter(guard)
    return len(controls)
