"""The Help page: a contents list beside the text of the chosen section."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.help.sections import TITLES, section_html
from ui.widgets.boxes import fill


class HelpPage(QWidget):
    """``show_topic(key)`` opens a section; ``back`` asks to return to the page that was open."""

    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpPage")
        self.contents = QListWidget()
        self.contents.setObjectName("helpContents")
        self.contents.addItems(list(TITLES.values()))
        self.contents.setMaximumWidth(260)
        self.text = QTextBrowser()
        self.text.setObjectName("helpText")
        self.text.setOpenExternalLinks(False)
        self.back_button = QPushButton("Back")
        self.back_button.setToolTip("Return to the page you were on (Esc)")
        self.back_button.clicked.connect(self.back)
        self.contents.currentRowChanged.connect(self._row_changed)
        side = fill(QVBoxLayout(), (self.contents, 1), self.back_button)
        fill(QHBoxLayout(self), side, (self.text, 1))
        self.show_topic("start")

    @property
    def topic(self) -> str:
        return list(TITLES)[max(self.contents.currentRow(), 0)]

    def show_topic(self, key: str) -> None:
        """Show section ``key`` (an unknown key opens the first section)."""
        keys = list(TITLES)
        self.contents.setCurrentRow(keys.index(key) if key in keys else 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc anywhere on the page goes back."""
        if event.key() == Qt.Key.Key_Escape:
            self.back.emit()
            return
        super().keyPressEvent(event)

    def _row_changed(self, row: int) -> None:
        if row >= 0:
            self.text.setHtml(section_html(list(TITLES)[row]))
