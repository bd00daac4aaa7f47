"""Undo commands for team sets: add a formed set, and edits (move, swap, lock) of a stored set."""

from __future__ import annotations

from teamtool.errors import FormationError
from teamtool.model import TeamSet
from ui.commands.base import CourseCommand, SetValueCommand
from ui.context import AppContext


class TeamSetCommand(CourseCommand):
    """A change to the course's team sets: the pages showing teams are told."""

    def announce(self) -> None:
        self.ctx.team_sets_changed.emit()


class AddTeamSetCommand(TeamSetCommand):
    """Store a newly formed team set; undo deletes it, redo puts it back with the same id."""

    def __init__(self, ctx: AppContext, team_set: TeamSet) -> None:
        super().__init__(ctx, f"Form {team_set.name}")
        self.team_set = team_set

    def apply(self) -> None:
        if self.team_set.id is None:
            self.course.add_team_set(self.team_set)
        else:
            self.course.restore_team_set(self.team_set)

    def revert(self) -> None:
        assert self.team_set.id is not None
        self.course.delete_team_set(self.team_set.id)


class DeleteTeamSetCommand(TeamSetCommand):
    """Delete a team set (refused while a milestone grades it); undo puts it back."""

    def __init__(self, ctx: AppContext, team_set_id: int) -> None:
        team_set = ctx.require_course().team_set(team_set_id)
        super().__init__(ctx, f"Delete {team_set.name}")
        self.team_set = team_set
        self.mentors = ctx.require_course().team_mentors(team_set_id)  # deleted with the set

    def apply(self) -> None:
        assert self.team_set.id is not None
        self.course.delete_team_set(self.team_set.id)  # refused while a milestone grades it

    def revert(self) -> None:
        self.course.restore_team_set(self.team_set)
        if self.mentors and self.team_set.id is not None:
            self.course.set_team_mentors(self.team_set.id, self.mentors)


class EditTeamSetCommand(TeamSetCommand, SetValueCommand[TeamSet]):
    """Replace a stored team set by an edited copy; undo stores the previous version."""

    def __init__(self, ctx: AppContext, after: TeamSet, text: str) -> None:
        if after.id is None:
            raise FormationError("this team set has not been stored yet", code="unknown-team-set")
        super().__init__(ctx, text, after)

    def store(self, value: TeamSet) -> TeamSet:
        return self.course.save_team_set(value)


def move_student(
    ctx: AppContext, team_set: TeamSet, student_id: str, team: str
) -> EditTeamSetCommand:
    """A command moving ``student_id`` to the end of ``team``; a student in no team of the set
    (an unassigned student) is placed there."""
    if team_set.team_of(student_id) is None:
        if ctx.require_course().roster().get(student_id) is None:
            raise FormationError(
                f'"{student_id}" is not in {team_set.name} nor in the roster', code="unknown-member"
            )
        after = team_set.placed(student_id, team)
        return EditTeamSetCommand(ctx, after, f"Place {student_id} in {team}")
    return EditTeamSetCommand(ctx, team_set.moved(student_id, team), f"Move {student_id} to {team}")


def swap_students(ctx: AppContext, team_set: TeamSet, a: str, b: str) -> EditTeamSetCommand:
    """A command swapping two students of different teams (each takes the other's place)."""
    return EditTeamSetCommand(ctx, team_set.swapped(a, b), f"Swap {a} and {b}")


def set_locked(ctx: AppContext, team_set: TeamSet, team: str, locked: bool) -> EditTeamSetCommand:
    """A command locking ``team`` against re-solving, or unlocking it."""
    text = f"{'Lock' if locked else 'Unlock'} {team}"
    return EditTeamSetCommand(ctx, team_set.with_lock(team, locked), text)
