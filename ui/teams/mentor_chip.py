"""A team card's mentor: a chip showing the mentor's name (email in the tooltip), dragged onto
another card to swap the two teams' mentors."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from teamtool.model import MentorRef

CHIP_WIDTH = 200  # a long name is elided; the tooltip holds it whole
MENTOR_MIME = "application/x-teamtool-mentor"  # the team whose mentor is dragged
STYLE = (  # part of the board's one style sheet (a sheet per chip would slow the cards down)
    "QLabel#mentorChip { border: 1px solid palette(mid); border-radius: 8px; padding: 1px 6px;"
    " background: #e8f0fb }"
    ' QLabel#mentorChip[empty="true"] { color: palette(dark); background: transparent;'
    " border-style: dashed }"
)


def mentor_label(mentor: MentorRef) -> str:
    """ "Name <email>" (or whichever of the two the mentor has)."""
    if mentor.name and mentor.email and mentor.email != mentor.name:
        return f"{mentor.name} <{mentor.email}>"
    return mentor.name or mentor.email


class MentorChip(QLabel):
    """The mentor of ``team``; drag it onto another card to swap mentors."""

    def __init__(self, team: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mentorChip")
        self.team = team
        self.mentor: MentorRef | None = None
        self._press: QPoint | None = None
        self.setMaximumWidth(CHIP_WIDTH)
        self.set_mentor(None)

    def set_mentor(self, mentor: MentorRef | None) -> None:
        self.mentor = mentor
        self.setProperty("empty", mentor is None)
        if mentor is None:
            self.setText("No mentor")
            self.setToolTip("Right-click the card to choose a mentor, or drop a mentor here")
        else:
            text = f"Mentor: {mentor.name or mentor.email}"
            room = CHIP_WIDTH - 16  # the padding and the border
            self.setText(self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room))
            self.setToolTip(
                f"{mentor_label(mentor)}\nDrag onto another team to swap the two mentors;"
                " right-click to change"
            )
        self.setCursor(
            Qt.CursorShape.OpenHandCursor if mentor is not None else Qt.CursorShape.ArrowCursor
        )
        self.style().unpolish(self)
        self.style().polish(self)

    def mime(self) -> QMimeData:
        data = QMimeData()
        data.setData(MENTOR_MIME, QByteArray(self.team.encode("utf-8")))
        return data

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.mentor is not None:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        start = self._press
        moved = start is not None and (
            (event.position().toPoint() - start).manhattanLength()
            >= QApplication.startDragDistance()
        )
        if moved:
            self._press = None
            drag = QDrag(self)
            drag.setMimeData(self.mime())
            drag.setPixmap(self.grab())
            drag.exec(Qt.DropAction.MoveAction)
            return
        super().mouseMoveEvent(event)


def dragged_mentor_team(data: QMimeData) -> str:
    """The team whose mentor chip is dragged ("" when the drag holds no mentor)."""
    return (
        bytes(data.data(MENTOR_MIME).data()).decode("utf-8") if data.hasFormat(MENTOR_MIME) else ""
    )
