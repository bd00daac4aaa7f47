"""Undo commands for team sets: add, move, swap, lock — each redo/undo round-trips the course file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from teamtool.errors import FormationError
from teamtool.model import TeamSet
from ui.commands import AddTeamSetCommand, execute, move_student, set_locked, swap_students
from ui.context import AppContext


@pytest.fixture
def ctx(qtbot: QtBot, course_path: Path) -> Iterator[AppContext]:
    context = AppContext()
    context.open(course_path)
    yield context
    context.close()


def stored(ctx: AppContext) -> TeamSet:
    return ctx.require_course().team_sets()[-1]


def add_set(ctx: AppContext) -> TeamSet:
    team_set = TeamSet(
        "Teams 1",
        {"Team 1": ["s1001", "s1002", "s1003"], "Team 2": ["s1004", "s1005", "s1006"]},
    )
    execute(ctx, AddTeamSetCommand(ctx, team_set))
    return stored(ctx)


def test_add_team_set_undo_deletes_redo_restores_same_id(ctx: AppContext, qtbot: QtBot) -> None:
    with qtbot.waitSignal(ctx.team_sets_changed):
        first = add_set(ctx)
    ctx.undo_stack.undo()
    assert ctx.require_course().team_sets() == []
    ctx.undo_stack.redo()
    again = stored(ctx)
    assert again.id == first.id
    assert again.teams == first.teams


def test_move_then_undo(ctx: AppContext) -> None:
    ts = add_set(ctx)
    execute(ctx, move_student(ctx, ts, "s1001", "Team 2"))
    assert stored(ctx).teams == {
        "Team 1": ["s1002", "s1003"],
        "Team 2": ["s1004", "s1005", "s1006", "s1001"],
    }
    assert ctx.undo_stack.undoText() == "Move s1001 to Team 2"
    ctx.undo_stack.undo()
    assert stored(ctx).teams == ts.teams


def test_swap_keeps_places_and_undoes(ctx: AppContext) -> None:
    ts = add_set(ctx)
    execute(ctx, swap_students(ctx, ts, "s1002", "s1006"))
    assert stored(ctx).teams == {
        "Team 1": ["s1001", "s1006", "s1003"],
        "Team 2": ["s1004", "s1005", "s1002"],
    }
    ctx.undo_stack.undo()
    assert stored(ctx).teams == ts.teams


def test_locked_team_refuses_moves_and_lock_is_undoable(ctx: AppContext) -> None:
    ts = add_set(ctx)
    execute(ctx, set_locked(ctx, ts, "Team 1", True))
    locked = stored(ctx)
    assert locked.locked == {"Team 1"}
    with pytest.raises(FormationError, match="Team 1 is locked"):
        move_student(ctx, locked, "s1004", "Team 1")
    with pytest.raises(FormationError, match="locked"):
        swap_students(ctx, locked, "s1001", "s1004")
    ctx.undo_stack.undo()
    assert stored(ctx).locked == set()


def test_unknown_student_is_a_formation_error(ctx: AppContext) -> None:
    ts = add_set(ctx)
    with pytest.raises(FormationError, match="not in Teams 1"):
        move_student(ctx, ts, "nobody", "Team 2")
