"""The board of team cards in as many columns as fit: drag and drop with autoscroll, search."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCursor,
    QDragEnterEvent,
    QDragMoveEvent,
    QGuiApplication,
    QResizeEvent,
)
from PySide6.QtWidgets import QGridLayout, QScrollArea, QWidget

from teamtool.model import MentorRef, Student
from ui.teams.members_model import MIME, TeamMembersModel
from ui.teams.mentor_chip import STYLE as MENTOR_STYLE
from ui.teams.team_card import CARD_WIDTH, TeamCard

BATCH = 8  # up to this many teams are shown at once; more, card by card over several turns
BUDGET = 0.012  # seconds of card building per turn of the event loop (never a frozen window)
EDGE = 40  # pixels from the board's top or bottom edge where a drag scrolls the board
STYLE = """
QLabel#badge { color: #b00020; font-weight: bold }
QLabel#badgeOk { color: green }
QLabel#explanation { color: palette(dark); font-size: 11px }
TeamCard { border: 1px solid palette(mid); border-radius: 4px }
TeamCard[locked="true"] { background: #fbf1d9; border: 2px solid #c08a1e }
TeamCard[found="true"] { border: 2px solid palette(highlight) }
"""


class CardHolder(QWidget):
    """The grid under the cards: a drag over a gap between cards is followed (for autoscroll)
    but nothing can be dropped there."""

    drag_moved = Signal(QPoint)

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME):
            event.accept()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.drag_moved.emit(self.mapToGlobal(event.position().toPoint()))
        event.ignore()


class TeamBoard(QScrollArea):
    """Cards in as many columns as fit. Re-emits the cards' requests."""

    move_requested = Signal(str, str)
    swap_requested = Signal(str, str)
    lock_toggled = Signal(str, bool)
    menu_requested = Signal(str, QPoint)  # student id, global position
    key_command = Signal(str, str)  # "move", "swap" or "menu"; the student
    cards_ready = Signal()  # every card of the last ``set_cards`` is built
    mentor_swap_requested = Signal(str, str)  # from team, to team
    mentor_menu_requested = Signal(str, QPoint)  # team, global position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamBoard")
        self.setWidgetResizable(True)
        self.cards: list[TeamCard] = []
        self._holder = CardHolder()
        self._holder.drag_moved.connect(self.autoscroll_at)
        self._grid = QGridLayout(self._holder)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._holder.setStyleSheet(STYLE + MENTOR_STYLE)
        self.setWidget(self._holder)
        self._columns = 0
        self._generation = 0
        self._pending: list[tuple[Any, ...]] = []  # one card's parts; () while cards are due
        self.mentors: dict[str, MentorRef] = {}
        self._scroll_timer = QTimer(self)  # keeps scrolling while a drag rests near an edge
        self._scroll_timer.setInterval(50)
        self._scroll_timer.timeout.connect(self._keep_scrolling)

    def set_cards(
        self,
        teams: list[tuple[str, list[Student], bool]],
        key_attributes: list[str],
        explanations: dict[str, str],
        problems: dict[str, list[str]],
        member_flags: dict[str, str],
    ) -> None:
        """``teams`` holds (name, members, locked) in display order. The first cards are built
        at once, the rest in batches on later turns of the event loop."""
        for card in self.cards:
            self._grid.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = []
        self.viewport().setUpdatesEnabled(True)
        self._generation += 1
        self._pending = [
            (name, members, locked, key_attributes, explanations, problems, member_flags)
            for name, members, locked in teams
        ]
        self._columns = 0
        if len(self._pending) <= BATCH:
            self._build_batch(self._generation, budget=float("inf"))
        else:  # a large class: start on the next turn, after whatever triggered this redraw
            generation = self._generation
            QTimer.singleShot(0, lambda: self._build_batch(generation))

    def _build_batch(self, generation: int, budget: float = BUDGET) -> None:
        if generation != self._generation:
            return  # a newer set_cards replaced these cards
        # cards below the visible part: no repaint per turn (it cost more than the building)
        last = self.cards[-1].geometry() if self.cards else None
        bottom = self.verticalScrollBar().value() + self.viewport().height()
        self.viewport().setUpdatesEnabled(last is None or last.top() <= bottom)
        queued, start, built = Qt.ConnectionType.QueuedConnection, time.perf_counter(), 0
        while self._pending and (built < 1 or time.perf_counter() - start < budget):
            name, members, locked, keys, explanations, problems, flags = self._pending.pop(0)
            built += 1
            model = TeamMembersModel(name, members, keys, flags, locked)
            model.move_requested.connect(self.move_requested, queued)
            model.swap_requested.connect(self.swap_requested, queued)
            card = TeamCard(model, explanations.get(name, ""), problems.get(name, []))
            model.setParent(card)
            card.lock_toggled.connect(self.lock_toggled, queued)
            card.move_requested.connect(self.move_requested, queued)
            card.drag_moved.connect(self.autoscroll_at)
            card.set_mentor(self.mentors.get(name))
            card.mentor_swap_requested.connect(self.mentor_swap_requested, queued)
            card.mentor_menu_requested.connect(self.mentor_menu_requested)
            card.view.menu_requested.connect(self.menu_requested)
            card.view.key_command.connect(self.key_command)
            self.cards.append(card)
            self._place(len(self.cards) - 1)  # shown now, so that its cost counts in the turn
        if self._pending:
            QTimer.singleShot(0, lambda: self._build_batch(generation))
        else:
            self.viewport().setUpdatesEnabled(True)
            self.cards_ready.emit()

    def set_mentors(self, mentors: dict[str, MentorRef]) -> None:
        """Show each team's mentor (cards built later take theirs from ``mentors`` too)."""
        self.mentors = dict(mentors)
        for card in self.cards:
            card.set_mentor(self.mentors.get(card.model.team))

    def expect_cards(self) -> None:
        """New cards are on their way (a large class is shown a turn later): not complete until
        the ``set_cards`` that follows has built them."""
        self._generation += 1
        self._pending = [()]

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
        top = Qt.AlignmentFlag.AlignTop
        for i in range(start, len(self.cards)):
            self._grid.addWidget(self.cards[i], i // columns, i % columns, top)
            self.cards[i].show()
            QTimer.singleShot(0, self.cards[i].view.fit_height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._columns_fit() != self._columns:
            self._place(0)

    # -- while dragging --------------------------------------------------------------------
    def autoscroll_at(self, global_pos: QPoint) -> int:
        """Scroll when a drag is within ``EDGE`` pixels of the top or bottom of the board (or
        past it); returns the pixels scrolled. Keeps scrolling while the drag rests there."""
        y = self.viewport().mapFromGlobal(global_pos).y()
        height = self.viewport().height()
        step = 0
        if y < EDGE:
            step = -max(4, (EDGE - y) // 2)
        elif y > height - EDGE:
            step = max(4, (y - height + EDGE) // 2)
        bar = self.verticalScrollBar()
        before = bar.value()
        bar.setValue(before + step)
        moved = bar.value() - before
        if moved and not self._scroll_timer.isActive():
            self._scroll_timer.start()
        elif not moved:
            self._scroll_timer.stop()
        return moved

    def _keep_scrolling(self) -> None:
        """While the drag lasts (a mouse button held), go on scrolling near an edge."""
        if QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton:
            self._scroll_timer.stop()
        else:
            self.autoscroll_at(QCursor.pos())

    # -- finding a student -------------------------------------------------------------------
    def find_student(self, text: str, start: int = 0) -> str | None:
        """Highlight the ``start``-th student whose name or id holds ``text`` (any case),
        select them and scroll their card into view; returns their id (None: no match)."""
        needle = text.strip().casefold()
        matches = [
            (card, s.id)
            for card in self.cards
            for s in card.model.members
            if needle and (needle in s.name.casefold() or needle in s.id.casefold())
        ]
        for card in self.cards:
            card.set_found(False)
            card.view.clearSelection()
        if not matches:
            return None
        card, student = matches[start % len(matches)]
        card.set_found(True)
        card.view.select_student(student)
        card.view.setFocus()
        self.ensureWidgetVisible(card, 10, 10)
        return student

    def current_student(self) -> str:
        """The student selected on the board (the last card to have focus first)."""
        focused = [c for c in self.cards if c.view.hasFocus()]
        for card in focused + self.cards:
            if card.view.selectionModel() and card.view.selectionModel().hasSelection():
                return card.view.current_student()
        return ""

    def student_pos(self, student_id: str) -> QPoint:
        """The global position of ``student_id``'s line (where a menu for them opens)."""
        for card in self.cards:
            if card.view.select_student(student_id):
                rect = card.view.visualRect(card.view.currentIndex())
                return card.view.viewport().mapToGlobal(rect.bottomLeft())
        return self.mapToGlobal(QPoint(0, 0))
