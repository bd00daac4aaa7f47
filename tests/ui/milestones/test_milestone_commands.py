"""Undo commands of the milestone steps: each change undone and redone in the course file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from teamtool.errors import CourseFileError, GradingError
from teamtool.grading import AdjustOptions
from teamtool.model import Milestone
from teamtool.ratings import import_survey
from ui.commands import execute
from ui.commands.milestones import (
    AddMilestoneCommand,
    EditMilestoneCommand,
    ImportSurveyCommand,
    SetAdjustSettingsCommand,
    SetOverrideCommand,
    SetTeamGradesCommand,
)
from ui.context import AppContext

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


def add(ctx: AppContext, grades: dict[str, float] | None = None) -> int:
    command = AddMilestoneCommand(ctx, Milestone("M1", 100, grades=dict(grades or {})))
    execute(ctx, command)
    assert command.milestone.id is not None
    return command.milestone.id


def test_add_milestone_undo_redo_keeps_its_id(qtbot: QtBot, ctx: AppContext) -> None:
    """Undo removes the milestone; redo brings it back under the same id."""
    course = ctx.require_course()
    with qtbot.waitSignal(ctx.milestones_changed):
        milestone_id = add(ctx)
    ctx.undo_stack.undo()
    assert course.milestones() == []
    ctx.undo_stack.redo()
    assert [m.id for m in course.milestones()] == [milestone_id]
    assert ctx.undo_stack.undoText() == 'Add milestone "M1"'


def test_a_failing_command_is_not_pushed(qtbot: QtBot, ctx: AppContext) -> None:
    """A duplicate name raises the store's error and leaves the undo stack as it was."""
    add(ctx)
    with pytest.raises(CourseFileError, match="exists already"):
        execute(ctx, AddMilestoneCommand(ctx, Milestone("M1", 100)))
    assert ctx.undo_stack.count() == 1


def test_edit_milestone_undo(qtbot: QtBot, ctx: AppContext) -> None:
    course = ctx.require_course()
    milestone_id = add(ctx, {"Team 1": 80.0})
    edited = Milestone("M1 Report", 50, grades={"Team 1": 40.0}, id=milestone_id)
    execute(ctx, EditMilestoneCommand(ctx, edited))
    assert course.milestone(milestone_id).max_points == 50
    ctx.undo_stack.undo()
    back = course.milestone(milestone_id)
    assert (back.name, back.max_points, back.grades) == ("M1", 100, {"Team 1": 80.0})


def test_team_grades_undo_restores_set_and_unset(qtbot: QtBot, ctx: AppContext) -> None:
    course = ctx.require_course()
    milestone_id = add(ctx, {"Team 1": 80.0})
    execute(ctx, SetTeamGradesCommand(ctx, milestone_id, {"Team 1": None, "Team 2": 91.5}))
    assert course.milestone(milestone_id).grades == {"Team 2": 91.5}
    ctx.undo_stack.undo()
    assert course.milestone(milestone_id).grades == {"Team 1": 80.0}


def test_import_survey_undo_restores_the_previous_ratings(qtbot: QtBot, ctx: AppContext) -> None:
    course = ctx.require_course()
    milestone_id = add(ctx)
    survey = import_survey(
        SAMPLES / "surveys" / "m1_long.csv", course.roster(), course.team_sets()[0]
    )
    execute(ctx, ImportSurveyCommand(ctx, milestone_id, survey))
    assert len(course.ratings(milestone_id)) == len(survey.ratings) > 100
    stored = course.surveys(milestone_id)[-1]
    assert stored.file == "m1_long.csv"
    assert len(stored.rows) == len(survey.raw_rows)
    ctx.undo_stack.undo()
    assert course.ratings(milestone_id) == []


def test_settings_changes_of_one_kind_merge_into_one_undo_step(
    qtbot: QtBot, ctx: AppContext
) -> None:
    """Stepping the cap 1.05 -> 1.10 -> 1.15 is one undo step back to the defaults."""
    course = ctx.require_course()
    milestone_id = add(ctx)
    for cap in (1.10, 1.15):
        settings = AdjustOptions(cap=cap).to_json()
        execute(ctx, SetAdjustSettingsCommand(ctx, milestone_id, settings, "Cap of M1"))
    execute(ctx, SetAdjustSettingsCommand(ctx, milestone_id, {"floor": 0.5}, "Floor of M1"))
    assert ctx.undo_stack.count() == 3  # add, cap (merged), floor
    ctx.undo_stack.undo()
    assert course.milestone_settings(milestone_id)["cap"] == 1.15
    ctx.undo_stack.undo()
    assert course.milestone_settings(milestone_id) == {}


def test_override_needs_a_reason_and_undo_clears_it(qtbot: QtBot, ctx: AppContext) -> None:
    course = ctx.require_course()
    milestone_id = add(ctx)
    with pytest.raises(GradingError, match="reason"):
        execute(ctx, SetOverrideCommand(ctx, milestone_id, "s1005", 90, "  "))
    execute(ctx, SetOverrideCommand(ctx, milestone_id, "s1005", 90, "medical leave"))
    execute(ctx, SetOverrideCommand(ctx, milestone_id, "s1005", 85, "second look"))
    ctx.undo_stack.undo()
    assert course.overrides(milestone_id)["s1005"].grade == 90
    assert course.overrides(milestone_id)["s1005"].reason == "medical leave"
    ctx.undo_stack.undo()
    assert course.overrides(milestone_id) == {}
    actions = [e.action for e in course.audit_log()]
    assert "override-grade" in actions
    assert "clear-override" in actions
