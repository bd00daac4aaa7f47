"""Undo commands for the mentors of a team set: set one team's mentor, swap two, assign all."""

from __future__ import annotations

from collections.abc import Mapping

from teamtool.errors import CourseFileError
from teamtool.model import MentorRef
from ui.commands.base import SetValueCommand
from ui.commands.teams import TeamSetCommand
from ui.context import AppContext


class SetMentorsCommand(TeamSetCommand, SetValueCommand[Mapping[str, MentorRef]]):
    """Replace a team set's mentors (team -> mentor); undo puts the previous ones back."""

    def __init__(
        self, ctx: AppContext, team_set_id: int, after: Mapping[str, MentorRef], text: str
    ) -> None:
        super().__init__(ctx, text, dict(after))
        self.team_set_id = team_set_id

    def store(self, value: Mapping[str, MentorRef]) -> Mapping[str, MentorRef]:
        return self.course.set_team_mentors(self.team_set_id, value)


def set_mentor(
    ctx: AppContext, team_set_id: int, team: str, mentor: MentorRef | None
) -> SetMentorsCommand:
    """A command giving ``team`` the mentor ``mentor`` (None: no mentor)."""
    mentors = ctx.require_course().team_mentors(team_set_id)
    mentors.pop(team, None)
    if mentor is not None:
        mentors[team] = mentor
    text = f"Mentor of {team}: {mentor.name}" if mentor else f"No mentor for {team}"
    return SetMentorsCommand(ctx, team_set_id, mentors, text)


def swap_mentors(ctx: AppContext, team_set_id: int, a: str, b: str) -> SetMentorsCommand:
    """A command swapping the mentors of teams ``a`` and ``b`` (a team without one gives its
    mentor to the other, which then has none)."""
    mentors = ctx.require_course().team_mentors(team_set_id)
    if a == b or (a not in mentors and b not in mentors):
        raise CourseFileError(f"no mentor to swap between {a} and {b}", code="no-mentor-to-swap")
    first, second = mentors.pop(a, None), mentors.pop(b, None)
    if second is not None:
        mentors[a] = second
    if first is not None:
        mentors[b] = first
    return SetMentorsCommand(ctx, team_set_id, mentors, f"Swap the mentors of {a} and {b}")
