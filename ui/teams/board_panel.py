"""The Teams tab: a search box, the cards or the compact list, the unassigned students."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.teams.board import TeamBoard
from ui.teams.evaluation import SetView, TeamView
from ui.teams.team_list import TeamList
from ui.teams.unassigned import UnassignedArea


class BoardPanel(QWidget):
    """``menu_requested(student, global pos)`` from the cards and the list alike."""

    menu_requested = Signal(str, QPoint)
    key_command = Signal(str, str)  # "move", "swap" or "menu"; the student

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board = TeamBoard()
        self.team_list = TeamList()
        self.unassigned = UnassignedArea()
        self.legend = QLabel()
        self.legend.setObjectName("boardLegend")
        self.legend.setStyleSheet("color: palette(dark)")
        self.legend.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("studentSearch")
        self.search.setPlaceholderText("Find a student…")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("Type part of a name or id; Enter finds the next match")
        self.search.textChanged.connect(lambda _t: self.find_student(next_match=False))
        self.search.returnPressed.connect(lambda: self.find_student(next_match=True))
        self.found = QLabel()
        self.found.setObjectName("searchResult")
        self.list_toggle = QToolButton()
        self.list_toggle.setObjectName("listToggle")
        self.list_toggle.setText("Compact list")
        self.list_toggle.setCheckable(True)
        self.list_toggle.setToolTip("Show the teams as a compact list (team, then one line each)")
        self.list_toggle.toggled.connect(self.show_list)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.board)
        self.stack.addWidget(self.team_list)
        self.board.menu_requested.connect(self.menu_requested)
        self.team_list.menu_requested.connect(self.menu_requested)
        self.board.key_command.connect(self.key_command)
        self.team_list.key_command.connect(self.key_command)
        self._match = 0
        self._list_pending: tuple[list[TeamView], list[str]] | None = None
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.found)
        bar.addWidget(self.list_toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.legend)
        layout.addWidget(self.unassigned)
        layout.addWidget(self.stack, 1)

    def show_list(self, on: bool) -> None:
        self.list_toggle.setChecked(on)
        if on and self._list_pending is not None:  # filled when first seen (a large class)
            self.team_list.set_teams(*self._list_pending)
            self._list_pending = None
        self.stack.setCurrentWidget(self.team_list if on else self.board)

    def show_view(self, view: SetView | None) -> None:
        self._list_pending = (view.teams if view else [], view.key_attributes if view else [])
        if self.stack.currentWidget() is self.team_list:
            self.show_list(True)
        if self.search.text():
            self.find_student(next_match=False)

    def find_student(self, *, next_match: bool) -> str | None:
        """Find the typed student on the cards (highlight, scroll to) and in the list."""
        self._match = self._match + 1 if next_match else 0
        found = self.board.find_student(self.search.text(), self._match)
        if found:
            self.team_list.select_student(found)
        self.found.setText("" if found or not self.search.text() else "not found")
        return found

    def student_pos(self, student: str) -> QPoint:
        """Where a menu for ``student`` opens: under their line in the view shown."""
        tree = self.team_list
        if self.stack.currentWidget() is tree and tree.select_student(student):
            item = tree.currentItem()
            if item is not None:
                return tree.viewport().mapToGlobal(tree.visualItemRect(item).bottomLeft())
        return self.board.student_pos(student)

    def current_student(self) -> str:
        if self.stack.currentWidget() is self.team_list:
            return self.team_list.current_student()
        return self.board.current_student()
