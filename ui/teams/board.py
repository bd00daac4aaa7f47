"""The board of team cards: members with key attributes, badges, the explanation, lock; drag and drop."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from teamtool.model import Student
from ui.teams.members_model import TeamMembersModel

CARD_WIDTH = 235
BATCH = 8  # cards built per turn of the event loop, so that 75 cards never freeze the window
STYLE = """
QLabel#badge { color: #b00020; font-weight: bold }
QLabel#badgeOk { color: green }
QLabel#explanation { color: palette(dark); font-size: 11px }
TeamCard[locked="true"] { background: palette(alternate-base) }
"""


class TeamCard(QFrame):
    """One team: header (name, size, badges, lock), the members list, the one-line explanation."""

    lock_toggled = Signal(str, bool)

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
        self.model = model
        title = QLabel(f"<b>{model.team}</b> · {len(model.members)}")
        self.badge = QLabel(f"⚠ {len(problems)}" if problems else "✓")
        self.badge.setObjectName("badge")
        self.badge.setToolTip("\n".join(problems) if problems else "No rule broken")
        self.badge.setStyleSheet(
            "color: #b00020; font-weight: bold" if problems else "color: green"
        )
        self.lock = QToolButton()
        self.lock.setCheckable(True)
        self.lock.setChecked(model.locked)
        self.lock.setText("🔒 locked" if model.locked else "lock")
        self.lock.setToolTip("A locked team is kept as it is when you form teams again")
        self.lock.toggled.connect(lambda on: self.lock_toggled.emit(model.team, on))
        head = QHBoxLayout()
        head.addWidget(title)
        head.addWidget(self.badge)
        head.addStretch(1)
        head.addWidget(self.lock)
        self.view = QListView()
        self.view.setObjectName(f"members:{model.team}")
        self.view.setModel(model)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setUniformItemSizes(True)
        rows = max(len(model.members), 3)
        row_height = self.view.sizeHintForRow(0) if model.members else -1
        row_height = row_height if row_height > 0 else self.fontMetrics().height() + 2
        self.view.setFixedHeight(row_height * rows + 2 * self.view.frameWidth() + 4)
        self.explanation = QLabel(explanation.replace(" · ", "\n"))
        self.explanation.setObjectName("explanation")
        self.explanation.setToolTip(explanation)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(head)
        layout.addWidget(self.view)
        layout.addWidget(self.explanation)
        self.setProperty("locked", model.locked)


class TeamBoard(QScrollArea):
    """Cards in as many columns as fit. Re-emits the cards' requests."""

    move_requested = Signal(str, str)
    swap_requested = Signal(str, str)
    lock_toggled = Signal(str, bool)
    cards_ready = Signal()  # every card of the last ``set_cards`` is built

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamBoard")
        self.setWidgetResizable(True)
        self.cards: list[TeamCard] = []
        self._holder = QWidget()
        self._grid = QGridLayout(self._holder)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._holder.setStyleSheet(STYLE)
        self.setWidget(self._holder)
        self._columns = 0
        self._generation = 0
        self._pending: list[tuple] = []

    def set_cards(
        self,
        teams: list[tuple[str, list[Student], bool]],
        key_attributes: list[str],
        explanations: dict[str, str],
        problems: dict[str, list[str]],
        member_flags: dict[str, str],
    ) -> None:
        """``teams`` holds (name, members, locked) in display order.

        The first cards are built at once, the rest in batches on later turns of the event loop.
        """
        for card in self.cards:
            self._grid.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = []
        self._generation += 1
        self._pending = [
            (name, members, locked, key_attributes, explanations, problems, member_flags)
            for name, members, locked in teams
        ]
        self._columns = 0
        if len(self._pending) <= BATCH:
            self._build_batch(self._generation)
        else:  # a large class: start on the next turn, after whatever triggered this redraw
            generation = self._generation
            QTimer.singleShot(0, lambda: self._build_batch(generation))

    def _build_batch(self, generation: int) -> None:
        if generation != self._generation:
            return  # a newer set_cards replaced these cards
        batch, self._pending = self._pending[:BATCH], self._pending[BATCH:]
        for name, members, locked, keys, explanations, problems, flags in batch:
            model = TeamMembersModel(name, members, keys, flags, locked)
            model.move_requested.connect(self.move_requested, Qt.ConnectionType.QueuedConnection)
            model.swap_requested.connect(self.swap_requested, Qt.ConnectionType.QueuedConnection)
            card = TeamCard(model, explanations.get(name, ""), problems.get(name, []))
            model.setParent(card)
            card.lock_toggled.connect(self.lock_toggled, Qt.ConnectionType.QueuedConnection)
            self.cards.append(card)
        self._place(len(self.cards) - len(batch))
        if self._pending:
            QTimer.singleShot(0, lambda: self._build_batch(generation))
        else:
            self.cards_ready.emit()

    @property
    def complete(self) -> bool:
        return not self._pending

    def card(self, team: str) -> TeamCard:
        return next(c for c in self.cards if c.model.team == team)

    def _columns_fit(self) -> int:
        return max(1, (self.viewport().width() - 10) // CARD_WIDTH)

    def _place(self, start: int) -> None:
        """Put the cards from ``start`` on in the grid (all of them if the width changed)."""
        columns = self._columns_fit()
        if columns != self._columns:
            self._columns, start = columns, 0
        for i in range(start, len(self.cards)):
            self._grid.addWidget(self.cards[i], i // columns, i % columns)
            self.cards[i].show()

    def _layout_cards(self) -> None:
        if self._columns_fit() != self._columns:
            self._place(0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout_cards()
