""" "Use other teams…": ask which team set a milestone grades, then change it undoably."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.commands import execute
from ui.commands.base import SetValueCommand
from ui.commands.milestones import MilestoneCommand
from ui.context import AppContext
from ui.errors import show_error
from ui.milestones.teams_dialog import UseTeamsDialog


class UseTeamSetCommand(MilestoneCommand, SetValueCommand[int | None]):
    """Bind a milestone to another team set; undo binds it to the one it had."""

    def __init__(
        self, ctx: AppContext, milestone_id: int, team_set_id: int, milestone: str, team_set: str
    ) -> None:
        super().__init__(ctx, f"Use the teams of “{team_set}” for “{milestone}”", team_set_id)
        self.milestone_id = milestone_id

    def store(self, value: int | None) -> int | None:
        return self.course.set_milestone_team_set(self.milestone_id, value)


def ask_use_teams(ctx: AppContext, milestone_id: int, parent: QWidget) -> UseTeamsDialog | None:
    """Open the dialog (window-modal); accepted, the change is made as one undo step."""
    course = ctx.course
    if course is None:
        return None
    try:
        milestone = course.milestone(milestone_id)
        contents = course.milestone_contents(milestone_id)
        team_sets = course.team_sets()
    except Exception as exc:  # noqa: BLE001 - shown to the user, nothing was changed
        show_error(parent, exc)
        return None
    dialog = UseTeamsDialog(team_sets, milestone.team_set_id, contents, parent)
    names = {s.id: s.name for s in team_sets}

    def answered() -> None:
        chosen = dialog.chosen()
        if chosen is None or chosen == milestone.team_set_id:
            return
        command = UseTeamSetCommand(ctx, milestone_id, chosen, milestone.name, names[chosen])
        execute(ctx, command, parent)

    dialog.accepted.connect(answered)
    dialog.open()
    return dialog


#: Pixels of the team set's name on the bar; a longer name is elided, whole in the tooltip.
TEAMS_WIDTH = 100


class MilestoneTeams(QWidget):
    """The team set the bar's milestone grades, by name, and the Use other teams… button;
    ``action`` is the same command for a menu."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.milestone_id: int | None = None
        self.dialog: UseTeamsDialog | None = None
        self.label = QLabel()
        self.label.setObjectName("milestoneTeams")
        self.button = QPushButton("Use other teams…")
        self.button.setObjectName("useOtherTeamsButton")
        self.button.setToolTip("Grade this milestone against another team set (undoable)")
        self.action = QAction("Use other teams…", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.open)
        self.action.triggered.connect(self.open)

    def show_milestone(self, milestone_id: int | None) -> None:
        course = self.ctx.course
        self.milestone_id = milestone_id
        shown = course.milestone(milestone_id) if course and milestone_id is not None else None
        name = course.team_set_name(shown.team_set_id) if course and shown else None
        short = self.label.fontMetrics().elidedText(
            name or "none yet", Qt.TextElideMode.ElideMiddle, TEAMS_WIDTH
        )
        self.label.setText(f"Teams: <b>{escape(short)}</b>" if shown else "")
        self.label.setMinimumWidth(self.label.sizeHint().width() + 8)  # elided already: never cut
        self.label.setToolTip(f"This milestone grades the teams of “{name}”" if name else "")
        has_sets = bool(course and course.team_sets())
        for widget in (self.button, self.action):
            widget.setEnabled(shown is not None and has_sets)

    def open(self) -> UseTeamsDialog | None:
        if self.milestone_id is None:
            return None
        if self.dialog is not None:
            self.dialog.deleteLater()  # answered long ago
        self.dialog = ask_use_teams(self.ctx, self.milestone_id, self)
        return self.dialog
