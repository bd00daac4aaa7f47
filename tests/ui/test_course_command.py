"""The one undo-command convention: ``CourseCommand`` run with ``execute`` (execute-first)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from teamtool.demo.sample_course import create_sample_course
from teamtool.errors import CourseFileError
from teamtool.model import MentorRef, TeamSet
from ui.commands import (
    AddTeamSetCommand,
    CourseCommand,
    DeleteTeamSetCommand,
    SetDroppedCommand,
    execute,
)
from ui.context import AppContext


@pytest.fixture
def ctx(qtbot: QtBot, tmp_path: Path) -> Iterator[AppContext]:
    """The sample course: 48 students, "Project teams" graded by M1 and M2."""
    context = AppContext()
    context.open(create_sample_course(tmp_path / "sample.teamtool"))
    yield context
    context.close()


class CountingDrop(CourseCommand):
    """Drops one student, counting every apply, revert and announce."""

    def __init__(self, ctx: AppContext, student_id: str) -> None:
        super().__init__(ctx, f"Drop {student_id}")
        self.student_id = student_id
        self.calls: list[str] = []

    def apply(self) -> None:
        self.calls.append("apply")
        self.course.set_dropped(self.student_id, True)

    def revert(self) -> None:
        self.calls.append("revert")
        self.course.set_dropped(self.student_id, False)

    def announce(self) -> None:
        self.calls.append("announce")
        self.ctx.roster_changed.emit()


def dropped(ctx: AppContext) -> set[str]:
    return {s.id for s in ctx.require_course().roster().students if s.dropped}


def test_execute_applies_once_then_undo_reverts_and_redo_applies_again(
    qtbot: QtBot, ctx: AppContext
) -> None:
    command = CountingDrop(ctx, "s1001")
    with qtbot.waitSignal(ctx.roster_changed):
        assert execute(ctx, command) is True
    assert command.calls == ["apply", "announce"]  # the push's first redo does not apply again
    assert dropped(ctx) == {"s1001"}
    assert (ctx.undo_stack.count(), ctx.undo_stack.undoText()) == (1, "Drop s1001")
    ctx.undo_stack.undo()
    assert dropped(ctx) == set()
    ctx.undo_stack.redo()
    assert dropped(ctx) == {"s1001"}
    assert command.calls == ["apply", "announce", "revert", "announce", "apply", "announce"]


def test_a_real_command_round_trips_the_course_file(ctx: AppContext) -> None:
    student = ctx.require_course().student("s1002")
    execute(ctx, SetDroppedCommand(ctx, student, True))
    ctx.undo_stack.undo()
    assert dropped(ctx) == set()
    ctx.undo_stack.redo()
    assert dropped(ctx) == {"s1002"}


def test_a_failing_apply_raises_and_leaves_nothing_on_the_stack(ctx: AppContext) -> None:
    execute(ctx, CountingDrop(ctx, "s1001"))
    project_teams = ctx.require_course().team_sets()[0]
    assert project_teams.id is not None
    with pytest.raises(CourseFileError, match='milestone "M1 Proposal", "M2 Prototype" grades'):
        execute(ctx, DeleteTeamSetCommand(ctx, project_teams.id))
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "Drop s1001"
    assert [ts.name for ts in ctx.require_course().team_sets()] == ["Project teams"]


def test_with_a_parent_the_error_is_shown_and_false_returned(qtbot: QtBot, ctx: AppContext) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    project_teams = ctx.require_course().team_sets()[0]
    assert project_teams.id is not None
    assert execute(ctx, DeleteTeamSetCommand(ctx, project_teams.id), parent) is False
    assert ctx.undo_stack.count() == 0
    box = parent.findChild(QMessageBox, "errorDialog")
    assert box is not None
    assert 'team set "Project teams" cannot be deleted' in box.text()


def test_undoing_a_team_set_delete_brings_its_mentors_back(ctx: AppContext) -> None:
    """A set's mentors are deleted with it (ON DELETE CASCADE); undo restores both."""
    course = ctx.require_course()
    teams = dict(course.team_sets()[0].teams)
    execute(ctx, AddTeamSetCommand(ctx, TeamSet("Spare teams", teams)))
    spare = course.team_sets()[-1]
    assert spare.id is not None
    mentors = {"Team 1": MentorRef("Dana Whitfield", "dana.whitfield@example.edu")}
    course.set_team_mentors(spare.id, mentors)
    execute(ctx, DeleteTeamSetCommand(ctx, spare.id))
    assert spare.id not in [t.id for t in course.team_sets()]
    ctx.undo_stack.undo()
    assert course.team_mentors(spare.id) == mentors
    ctx.undo_stack.redo()
    ctx.undo_stack.undo()
    assert course.team_mentors(spare.id) == mentors
