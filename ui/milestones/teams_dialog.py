"""The dialog behind "Use other teams…": the team sets to grade a milestone against, and a
warning saying what the milestone holds already."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teamtool.model import TeamSet
from teamtool.store.milestone_snapshot import MilestoneContents
from ui.widgets.dialog_buttons import cancel_and_action, cancel_button


def describe_set(team_set: TeamSet) -> str:
    """``Project teams (12 teams, 48 students)``."""
    return f"{team_set.name} ({len(team_set.teams)} teams, {len(team_set.students())} students)"


class UseTeamsDialog(QDialog):
    """Lists the course's team sets, newest first; ``chosen()`` is the set picked.

    When the milestone has grades, ratings or overrides, it says how many and what changing
    the teams does to them, and Cancel is the default button.
    """

    def __init__(
        self,
        team_sets: list[TeamSet],
        current: int | None,
        contents: MilestoneContents,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("useTeamsDialog")
        self.setWindowTitle("Use other teams")
        self._current = current
        now = next((s for s in team_sets if s.id == current), None)
        intro = QLabel(
            f"“{contents.name}” grades the teams of “{now.name}”. Grade it against:"
            if now
            else f"“{contents.name}” has no teams yet. Grade it against:"
        )
        intro.setWordWrap(True)
        self.sets = QListWidget()
        self.sets.setObjectName("teamSetList")
        for team_set in reversed(team_sets):
            mark = "  — in use" if team_set.id == current else ""
            item = QListWidgetItem(f"{describe_set(team_set)}{mark}")
            item.setData(Qt.ItemDataRole.UserRole, team_set.id)
            self.sets.addItem(item)
            if team_set.id == current:
                self.sets.setCurrentItem(item)
        self.warning = QLabel(self._warning(contents))
        self.warning.setObjectName("useTeamsWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a00;")
        self.warning.setVisible(bool(self.warning.text()))
        self.buttons, self.use_button = cancel_and_action(self, "Use these teams")
        self.use_button.setObjectName("useTeamsButton")
        if self.warning.text():  # Enter does not change a graded milestone's teams
            self.use_button.setAutoDefault(False)
            cancel_button(self.buttons).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.sets, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.sets.currentItemChanged.connect(lambda *_: self._update())
        self._update()

    @staticmethod
    def _warning(contents: MilestoneContents) -> str:
        if not (contents.team_grades or contents.ratings or contents.overrides):
            return ""
        return (
            f"“{contents.name}” already has {contents.describe()}. With other teams its "
            "adjusted grades are computed again: team grades go by team name, and ratings "
            "between students who are no longer teammates are not used. "
            "Edit ▸ Undo goes back to the teams it has now."
        )

    def chosen(self) -> int | None:
        item = self.sets.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def select(self, team_set_id: int) -> None:
        for row in range(self.sets.count()):
            if self.sets.item(row).data(Qt.ItemDataRole.UserRole) == team_set_id:
                self.sets.setCurrentRow(row)

    def _update(self) -> None:
        chosen = self.chosen()
        self.use_button.setEnabled(chosen is not None and chosen != self._current)
