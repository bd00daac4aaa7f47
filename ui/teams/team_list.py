"""The compact list of a team set: each team and its members, one line each."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from teamtool.roster.summary import cell_text
from ui.teams.evaluation import TeamView
from ui.teams.team_menu import emit_key_command
from ui.widgets.icons import lock_icon

STUDENT_ROLE = Qt.ItemDataRole.UserRole


class TeamList(QTreeWidget):
    """Teams as top-level lines ("Team 1 · 4 · locked"), members beneath; menus as on the board."""

    menu_requested = Signal(str, QPoint)  # student id, global position
    key_command = Signal(str, str)  # "move", "swap" or "menu"; the selected student

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamList")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu_at)

    def set_teams(self, teams: list[TeamView], key_attributes: list[str]) -> None:
        self.clear()
        for team in teams:
            problems = f" · ⚠ {len(team.problems)}" if team.problems else ""
            top = QTreeWidgetItem([f"{team.name} · {len(team.members)}{problems}"])
            top.setToolTip(0, "\n".join(team.problems) or team.explanation)
            if team.locked:
                top.setIcon(0, lock_icon(True))
            for s in team.members:
                keys = " · ".join(t for a in key_attributes if (t := cell_text(s.get(a))))
                line = QTreeWidgetItem([f"{s.name or s.id}" + (f"  —  {keys}" if keys else "")])
                line.setData(0, STUDENT_ROLE, s.id)
                line.setToolTip(0, s.label + (f"\n{keys}" if keys else ""))
                top.addChild(line)
            self.addTopLevelItem(top)
        self.expandAll()

    def current_student(self) -> str:
        item = self.currentItem()
        return str(item.data(0, STUDENT_ROLE) or "") if item is not None else ""

    def select_student(self, student_id: str) -> bool:
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            lines = [top.child(j) for j in range(top.childCount())] if top is not None else []
            for line in lines:
                if line is not None and line.data(0, STUDENT_ROLE) == student_id:
                    self.setCurrentItem(line)
                    self.scrollToItem(line)
                    return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not emit_key_command(event, self.current_student(), self.key_command):
            super().keyPressEvent(event)

    def _menu_at(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        student = str(item.data(0, STUDENT_ROLE) or "") if item is not None else ""
        if student and item is not None:
            self.setCurrentItem(item)
            self.menu_requested.emit(student, self.viewport().mapToGlobal(pos))
