"""The undo command that deletes a milestone and, undone, restores it whole under its own id."""

from __future__ import annotations

from collections.abc import Callable

from teamtool.store.milestone_snapshot import MilestoneSnapshot
from ui.commands.milestones import MilestoneCommand
from ui.context import AppContext


class DeleteMilestoneCommand(MilestoneCommand):
    """Delete a milestone with its grades, surveys, ratings, overrides and settings.

    Undo puts back what the store returned, in one transaction; ``on_restored(id)`` is called
    after an undo (and after every page has reloaded) to show the milestone again.
    """

    def __init__(
        self,
        ctx: AppContext,
        milestone_id: int,
        name: str,
        on_restored: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(ctx, f'Delete milestone "{name}"')
        self.milestone_id = milestone_id
        self.on_restored = on_restored
        self.snapshot: MilestoneSnapshot | None = None

    def apply(self) -> None:
        self.snapshot = self.course.delete_milestone(self.milestone_id)

    def revert(self) -> None:
        assert self.snapshot is not None
        self.course.restore_milestone(self.snapshot)

    def undo(self) -> None:
        super().undo()
        if self.on_restored is not None:
            self.on_restored(self.milestone_id)
