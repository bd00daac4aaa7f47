""" "Use other teams…": ask which team set a milestone grades, then change it undoably."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.errors import show_error
from ui.milestone_commands import MilestoneCommand, execute
from ui.milestones.teams_dialog import UseTeamsDialog


class UseTeamSetCommand(MilestoneCommand):
    """Bind a milestone to another team set; undo binds it to the one it had."""

    def __init__(
        self, ctx: AppContext, milestone_id: int, team_set_id: int, milestone: str, team_set: str
    ) -> None:
        super().__init__(ctx, f"Use the teams of “{team_set}” for “{milestone}”")
        self.milestone_id, self.team_set_id = milestone_id, team_set_id
        self.before: int | None = None

    def apply(self) -> None:
        self.before = self.course.set_milestone_team_set(self.milestone_id, self.team_set_id)

    def revert(self) -> None:
        self.course.set_milestone_team_set(self.milestone_id, self.before)


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
        try:
            execute(ctx, command)
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing was changed
            show_error(parent, exc)

    dialog.accepted.connect(answered)
    dialog.open()
    return dialog
