"""The start page: New course, Open, Open recent, Open the sample course."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import settings


class StartPage(QWidget):
    """Asks what to open; the main window does the opening."""

    new_requested = Signal()
    open_requested = Signal()
    sample_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("<h1>teamtool</h1>")
        intro = QLabel(
            "Form balanced student teams, import the teammates' peer ratings after each "
            "milestone, and adjust the milestone grades. A course lives in one file; every change "
            "is saved at once."
        )
        intro.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout()
        for key, text, tip, signal in (
            ("new", "New course…", "Create an empty course file", self.new_requested),
            ("open", "Open course…", "Open a course file (*.teamtool)", self.open_requested),
            (
                "sample",
                "Open the sample course…",
                "A new course file with the bundled 48-student sample roster, to try teamtool",
                self.sample_requested,
            ),
        ):
            button = QPushButton(text)
            button.setObjectName(f"start:{key}")
            button.setToolTip(tip)
            button.setMinimumHeight(36)
            button.clicked.connect(signal.emit)
            self.buttons[key] = button
            column.addWidget(button)
        column.addStretch(1)

        self.recent = QListWidget()
        self.recent.setObjectName("recentFiles")
        self.recent.itemActivated.connect(
            lambda item: self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        recent_box = QVBoxLayout()
        recent_box.addWidget(QLabel("<b>Recent courses</b> (double-click to open)"))
        recent_box.addWidget(self.recent, 1)

        row = QHBoxLayout()
        row.addLayout(column, 1)
        row.addSpacing(24)
        row.addLayout(recent_box, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(16)
        layout.addLayout(row, 1)
        self.refresh()

    def refresh(self) -> None:
        self.recent.clear()
        files = settings.recent_files()
        for path in files:
            item = QListWidgetItem(f"{Path(path).stem}  —  {path}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent.addItem(item)
        if not files:
            item = QListWidgetItem("No recent courses yet.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)
