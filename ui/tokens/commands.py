"""Undo commands of the token ledger: one team's entry on one milestone, the course setting.

Milestone commands (:mod:`ui.commands.milestones`), run with :func:`ui.commands.execute`:
``milestones_changed`` tells every page (the grades of a milestone depend on the ledger).
"""

from __future__ import annotations

from collections.abc import Mapping

from teamtool.store import TokenEntry
from teamtool.tokens import TokenSettings
from ui.commands import execute
from ui.commands.base import SetValueCommand
from ui.commands.milestones import MilestoneCommand
from ui.context import AppContext


class SetTokenEntryCommand(MilestoneCommand, SetValueCommand[TokenEntry]):
    """Late days, resubmissions and original grade of one team on one milestone."""

    def __init__(
        self, ctx: AppContext, milestone_id: int, milestone: str, team: str, entry: TokenEntry
    ) -> None:
        super().__init__(ctx, f"Tokens of {team} for {milestone}", entry)
        self.milestone_id, self.team = milestone_id, team

    def store(self, value: TokenEntry) -> TokenEntry:
        return self.course.set_token_entry(self.milestone_id, self.team, value)


class SetTokenSettingsCommand(MilestoneCommand, SetValueCommand[TokenSettings]):
    """The course's token setting: tokens per team, costs, late policy."""

    def __init__(self, ctx: AppContext, settings: TokenSettings) -> None:
        super().__init__(ctx, "Token setting", settings)

    def store(self, value: TokenSettings) -> TokenSettings:
        return self.course.set_token_settings(value)


def import_token_entries(
    ctx: AppContext, milestone_id: int, milestone: str, entries: Mapping[str, TokenEntry]
) -> int:
    """Store a grades file's token columns for one milestone, one undoable command per team
    whose entry changes (the grades import wraps them with its grades in one undo step)."""
    stored = ctx.require_course().token_entries().get(milestone_id, {})
    changed = 0
    for team, entry in entries.items():
        if stored.get(team, TokenEntry()) != entry:
            execute(ctx, SetTokenEntryCommand(ctx, milestone_id, milestone, team, entry))
            changed += 1
    return changed
