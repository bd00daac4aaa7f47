"""The question before a milestone is deleted: what it removes, with Cancel as the default."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from teamtool.store.milestone_snapshot import MilestoneContents
from ui.widgets.question import CancelFirstQuestion


class DeleteMilestoneDialog(CancelFirstQuestion):
    """Says what deleting removes; ``confirmed`` is True once Delete was clicked.

    Open it with ``open()`` and follow ``finished``; Enter and Escape both cancel.
    """

    def __init__(self, contents: MilestoneContents, parent: QWidget | None = None) -> None:
        super().__init__("deleteMilestoneDialog", QMessageBox.Icon.Warning, parent)
        self.setWindowTitle("Delete milestone")
        self.setText(f"Delete the milestone “{contents.name}”?")
        self.setInformativeText(
            f"This removes {contents.name}: {contents.describe()}, and its adjustment "
            "settings.\n\nEdit ▸ Undo brings it back while this course stays open."
        )
        self.delete_button = self.add_action(
            "Delete milestone", QMessageBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setObjectName("deleteMilestoneButton")
