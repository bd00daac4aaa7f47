"""The start page's list of recent courses: each one's name, then its path, newest first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ui import settings


class RecentCourses(QListWidget):
    """``chosen(path)`` when a course is activated (double-click or Enter)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recentFiles")
        self.setAlternatingRowColors(True)
        self.itemActivated.connect(
            lambda item: self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        )

    def refresh(self) -> None:
        """List the recent courses that still exist, newest first: the name, then the path."""
        self.clear()
        files = settings.recent_files()
        for path in files:
            item = QListWidgetItem(f"{Path(path).stem}\n{path}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.addItem(item)
        if not files:
            item = QListWidgetItem(
                "No recent courses yet. The courses you open or create are listed here."
            )
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)
