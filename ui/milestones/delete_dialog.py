"""The question before a milestone is deleted: what it removes, with Cancel as the default."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from teamtool.store.milestone_snapshot import MilestoneContents


class DeleteMilestoneDialog(QMessageBox):
    """Says what deleting removes; ``confirmed`` is True once Delete was clicked.

    Open it with ``open()`` and follow ``finished``; Enter and Escape both cancel.
    """

    def __init__(self, contents: MilestoneContents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deleteMilestoneDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Delete milestone")
        self.setText(f"Delete the milestone “{contents.name}”?")
        self.setInformativeText(
            f"This removes {contents.name}: {contents.describe()}, and its adjustment "
            "settings.\n\nEdit ▸ Undo brings it back while this course stays open."
        )
        self.delete_button: QPushButton = self.addButton(
            "Delete milestone", QMessageBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setObjectName("deleteMilestoneButton")
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    @property
    def confirmed(self) -> bool:
        return self.clickedButton() is self.delete_button
