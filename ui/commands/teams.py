"""Undo commands for team sets: add a formed set, and edits (move, swap, lock) of a stored set."""

from __future__ import annotations

import copy

from PySide6.QtGui import QUndoCommand

from teamtool.errors import FormationError
from teamtool.model import TeamSet
from ui.context import AppContext


class AddTeamSetCommand(QUndoCommand):
    """Store a newly formed team set; undo deletes it, redo puts it back with the same id."""

    def __init__(self, ctx: AppContext, team_set: TeamSet) -> None:
        super().__init__(f"Form {team_set.name}")
        self.ctx, self.course = ctx, ctx.require_course()
        self.team_set = team_set

    def redo(self) -> None:
        if self.team_set.id is None:
            self.course.add_team_set(self.team_set)
        else:
            self.course.restore_team_set(self.team_set)
        self.ctx.team_sets_changed.emit()

    def undo(self) -> None:
        assert self.team_set.id is not None
        self.course.delete_team_set(self.team_set.id)
        self.ctx.team_sets_changed.emit()


class EditTeamSetCommand(QUndoCommand):
    """Replace a stored team set by an edited copy; undo stores the previous version."""

    def __init__(self, ctx: AppContext, after: TeamSet, text: str) -> None:
        super().__init__(text)
        self.ctx, self.course = ctx, ctx.require_course()
        if after.id is None:
            raise FormationError("this team set has not been stored yet", code="unknown-team-set")
        self.after = after
        self.before = self.course.team_set(after.id)

    def redo(self) -> None:
        self.course.save_team_set(self.after)
        self.ctx.team_sets_changed.emit()

    def undo(self) -> None:
        self.course.save_team_set(self.before)
        self.ctx.team_sets_changed.emit()


def _copy(team_set: TeamSet) -> TeamSet:
    return copy.deepcopy(team_set)


def _check_unlocked(team_set: TeamSet, *teams: str) -> None:
    locked = [t for t in teams if t in team_set.locked]
    if locked:
        raise FormationError(
            f"{', '.join(locked)} is locked; unlock it first to change its members",
            code="team-locked",
        )


def move_student(
    ctx: AppContext, team_set: TeamSet, student_id: str, team: str
) -> EditTeamSetCommand:
    """A command moving ``student_id`` into ``team`` (at the end of its member list)."""
    source = team_set.team_of(student_id)
    if source is None or team not in team_set.teams:
        raise FormationError(
            f'"{student_id}" or "{team}" is not in {team_set.name}', code="unknown-member"
        )
    _check_unlocked(team_set, source, team)
    after = _copy(team_set)
    after.teams[source].remove(student_id)
    after.teams[team].append(student_id)
    return EditTeamSetCommand(ctx, after, f"Move {student_id} to {team}")


def swap_students(ctx: AppContext, team_set: TeamSet, a: str, b: str) -> EditTeamSetCommand:
    """A command swapping two students of different teams (each takes the other's place)."""
    team_a, team_b = team_set.team_of(a), team_set.team_of(b)
    if team_a is None or team_b is None:
        raise FormationError(f'"{a}" or "{b}" is not in {team_set.name}', code="unknown-member")
    _check_unlocked(team_set, team_a, team_b)
    after = _copy(team_set)
    ia, ib = after.teams[team_a].index(a), after.teams[team_b].index(b)
    after.teams[team_a][ia], after.teams[team_b][ib] = b, a
    return EditTeamSetCommand(ctx, after, f"Swap {a} and {b}")


def set_locked(ctx: AppContext, team_set: TeamSet, team: str, locked: bool) -> EditTeamSetCommand:
    """A command locking ``team`` against re-solving, or unlocking it."""
    after = _copy(team_set)
    if locked:
        after.locked.add(team)
    else:
        after.locked.discard(team)
    return EditTeamSetCommand(ctx, after, f"{'Lock' if locked else 'Unlock'} {team}")
