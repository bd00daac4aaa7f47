"""A question with one action and Cancel as the default (also for Enter and Escape)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


class CancelFirstQuestion(QMessageBox):
    """Open it with ``open()`` and follow ``finished``; ``confirmed`` is True once the action
    button (from ``add_action``) was clicked. Enter and Escape both cancel."""

    def __init__(self, name: str, icon: QMessageBox.Icon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setIcon(icon)
        self._action: QPushButton | None = None
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    def add_action(self, text: str, role: QMessageBox.ButtonRole) -> QPushButton:
        """The one button that confirms (placed by its ``role``); Cancel stays the default."""
        self._action = self.addButton(text, role)
        return self._action

    @property
    def confirmed(self) -> bool:
        return self._action is not None and self.clickedButton() is self._action
