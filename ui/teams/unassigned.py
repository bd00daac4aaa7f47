"""Students of the roster in no team of the shown set, to drag onto a team or place in one click."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from teamtool.model import Student
from ui.teams.members_model import MIME

STUDENT_ROLE = Qt.ItemDataRole.UserRole


class UnassignedList(QListWidget):
    """Dragging a line carries the student's id, as a drag from a team card does."""

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(MIME, QByteArray(str(items[0].data(STUDENT_ROLE)).encode("utf-8")))
        return data

    def mimeTypes(self) -> list[str]:
        return [MIME]


class UnassignedArea(QGroupBox):
    """Hidden while every student has a team. ``place_requested(student, team)`` on the button;
    ``chosen(student)`` asks the page for the best team, shown with ``show_suggestion``."""

    place_requested = Signal(str, str)
    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Unassigned", parent)
        self.setObjectName("unassignedArea")
        self.setToolTip(
            "Students in no team of this set, such as ones added after forming: drag one onto a "
            "team, or pick one to see where they fit best"
        )
        self.list = UnassignedList()
        self.list.setObjectName("unassignedList")
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)  # one row, scrolled sideways when long
        self.list.setSpacing(2)
        bar = self.list.horizontalScrollBar().sizeHint().height()
        self.list.setFixedHeight(self.fontMetrics().height() + 12 + bar)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list.currentItemChanged.connect(lambda item, _old: self._chosen(item))
        self.suggestion = QLabel()
        self.suggestion.setObjectName("placementSuggestion")
        self.suggestion.setWordWrap(True)
        self.place_button = QPushButton("Place")
        self.place_button.setObjectName("placeButton")
        self.place_button.setEnabled(False)
        self.place_button.clicked.connect(self._place)
        self._target = ""
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addWidget(self.place_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.suggestion)
        self.hide()

    def set_students(self, students: list[Student]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for s in students:
            item = QListWidgetItem(s.label)
            item.setData(STUDENT_ROLE, s.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.setTitle(f"Unassigned ({len(students)}): drag onto a team, or place in one click")
        self.setVisible(bool(students))
        self.show_suggestion("", "", "")
        if students:
            self.list.setCurrentRow(0)

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.chosen.emit(str(item.data(STUDENT_ROLE)))

    def show_suggestion(self, student: str, team: str, text: str) -> None:
        self._target = team
        self.suggestion.setText(text)
        self.place_button.setText(f"Place in {team}" if team else "Place")
        self.place_button.setEnabled(bool(student and team))
        self.place_button.setProperty("student", student)

    def _place(self) -> None:
        student = str(self.place_button.property("student") or "")
        if student and self._target:
            self.place_requested.emit(student, self._target)
