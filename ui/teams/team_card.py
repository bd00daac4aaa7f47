"""One team card: header (name, size, badge, lock), its members, the explanation.

The whole card is a drop target (a student dropped anywhere on it, header included, moves to
the team; dropped onto a member, swaps). Member lines wrap, so nothing is cut off.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from teamtool.model import MentorRef
from ui.teams.members_model import MIME, STUDENT_ID_ROLE, TeamMembersModel
from ui.teams.mentor_chip import MentorChip, dragged_mentor_team
from ui.teams.team_menu import key_command
from ui.widgets.icons import lock_icon

CARD_WIDTH = 235
LOCK_TIP = "A locked team is kept as it is when you form teams again, and its members stay put"


class MembersView(QListView):
    """A team's members, one wrapped line or more each; as tall as its rows, never scrolled."""

    drag_moved = Signal(QPoint)  # global position of a drag over the list
    menu_requested = Signal(str, QPoint)  # student id, global position
    key_command = Signal(str, str)  # "move", "swap" or "menu"; the selected student

    def __init__(self, model: TeamMembersModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"members:{model.team}")
        self.setModel(model)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu_at)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.fit_height()

    def student_at(self, index: QModelIndex) -> str:
        return str(index.data(STUDENT_ID_ROLE) or "") if index.isValid() else ""

    def current_student(self) -> str:
        return self.student_at(self.currentIndex())

    def select_student(self, student_id: str) -> bool:
        model = self.model()
        for row in range(model.rowCount()):
            if model.index(row, 0).data(STUDENT_ID_ROLE) == student_id:
                self.setCurrentIndex(model.index(row, 0))
                return True
        return False

    def _menu_at(self, pos: QPoint) -> None:
        student = self.student_at(self.indexAt(pos))
        if student:
            self.setCurrentIndex(self.indexAt(pos))
            self.menu_requested.emit(student, self.viewport().mapToGlobal(pos))

    def fit_height(self) -> None:
        """As tall as its (wrapped) rows, with room for at least two lines to drop onto."""
        line = self.fontMetrics().height() + 2
        rows = self.model().rowCount()
        content = line * max(rows, 2)  # an estimate until the rows are laid out
        if rows and self.isVisible():
            self.doItemsLayout()
            laid_out = (self.visualRect(self.model().index(r, 0)).height() for r in range(rows))
            content = max(sum(laid_out), line * 2)
        self.setFixedHeight(content + 2 * self.frameWidth() + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            QTimer.singleShot(0, self.fit_height)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        command, student = key_command(event), self.current_student()
        if command and student:
            self.key_command.emit(command, student)
            return
        super().keyPressEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)
        self.drag_moved.emit(self.viewport().mapToGlobal(event.position().toPoint()))


class TeamCard(QFrame):
    """One team. ``move_requested`` when a student is dropped on the card outside the list;
    ``mentor_swap_requested`` when another card's mentor chip is dropped on it."""

    lock_toggled = Signal(str, bool)
    move_requested = Signal(str, str)  # student id, this team
    drag_moved = Signal(QPoint)
    mentor_swap_requested = Signal(str, str)  # the team the mentor comes from, this team
    mentor_menu_requested = Signal(str, QPoint)  # this team, global position

    def __init__(
        self,
        model: TeamMembersModel,
        explanation: str,
        problems: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"card:{model.team}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(CARD_WIDTH - 20)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setAcceptDrops(True)  # students only when unlocked; mentors always
        self.model = model
        self.title = QLabel(f"<b>{model.team}</b> · {len(model.members)}")
        self.badge = QLabel(f"⚠ {len(problems)}" if problems else "✓")
        self.badge.setObjectName("badge" if problems else "badgeOk")
        self.badge.setToolTip("\n".join(problems) if problems else "No rule broken")
        self.lock = QToolButton()
        self.lock.setObjectName("lockButton")
        self.lock.setCheckable(True)
        self.lock.setChecked(model.locked)
        self.lock.setIcon(lock_icon(model.locked))
        self.lock.setText("Locked" if model.locked else "Lock")
        self.lock.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.lock.setToolTip(LOCK_TIP)
        self.lock.toggled.connect(lambda on: self.lock_toggled.emit(model.team, on))
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.badge)
        head.addStretch(1)
        head.addWidget(self.lock)
        self.view = MembersView(model)
        self.view.drag_moved.connect(self.drag_moved)
        self.mentor_chip = MentorChip(model.team)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(
            lambda pos: self.mentor_menu_requested.emit(model.team, self.mapToGlobal(pos))
        )
        self.explanation = QLabel(explanation.replace(" · ", "\n"))
        self.explanation.setObjectName("explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setToolTip(explanation)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(head)
        layout.addWidget(self.mentor_chip, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.view)
        layout.addWidget(self.explanation)
        self.setProperty("locked", model.locked)
        self.setProperty("found", False)
        if model.locked:
            self.setToolTip(f"{model.team} is locked: unlock it to move its members")

    def set_found(self, found: bool) -> None:
        """Mark the card holding a searched student (a highlighted border)."""
        if self.property("found") != found:
            self.setProperty("found", found)
            self.style().unpolish(self)
            self.style().polish(self)

    def set_mentor(self, mentor: MentorRef | None) -> None:
        self.mentor_chip.set_mentor(mentor)

    def _student(self, event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> str:
        data = event.mimeData()
        return bytes(data.data(MIME).data()).decode("utf-8") if data.hasFormat(MIME) else ""

    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent) -> bool:
        mentor_from = dragged_mentor_team(event.mimeData())
        if mentor_from:
            return mentor_from != self.model.team
        return bool(self._student(event)) and not self.model.locked

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.drag_moved.emit(self.mapToGlobal(event.position().toPoint()))
        if self._accepts(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mentor_from = dragged_mentor_team(event.mimeData())
        if mentor_from and mentor_from != self.model.team:
            event.acceptProposedAction()
            self.mentor_swap_requested.emit(mentor_from, self.model.team)
            return
        student = self._student(event)
        if not student or self.model.locked:
            return
        event.acceptProposedAction()
        if all(s.id != student for s in self.model.members):
            self.move_requested.emit(student, self.model.team)
