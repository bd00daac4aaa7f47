"""The survey import dialog asks before storing a survey whose ratings are mostly between
students in different teams (samples/surveys/m1_long.csv against teams where one member of
each team moved: 71 of its 188 ratings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from teamtool.model import Milestone, TeamSet
from tests.sample_teams import second_members_moved
from tests.ui.import_steps import open_survey_import
from ui.commands import execute
from ui.commands.milestones import AddMilestoneCommand
from ui.context import AppContext
from ui.ratings.import_dialog import SurveyImportDialog

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
MESSAGE = (
    "71 of 188 ratings (38 %) are between students in different teams of “Other teams” and are "
    "left out: is this the right team set? The survey may have been made for other teams."
)


def import_against_other_teams(qtbot: QtBot, ctx: AppContext) -> tuple[int, SurveyImportDialog]:
    """A milestone graded against "Other teams" (each team's second member moved on), and the
    import dialog holding the survey of the sample teams."""
    course = ctx.require_course()
    other = second_members_moved(course.team_sets()[0].teams)
    other_id = course.add_team_set(TeamSet("Other teams", other))
    milestone_id, dialog = import_m1_long(qtbot, ctx, other_id)
    assert dialog.team_warning.isVisible()
    assert dialog.team_warning.text().startswith(f"⚠ {MESSAGE} If the survey was made for")
    assert dialog.import_button.isEnabled()
    return milestone_id, dialog


def import_m1_long(
    qtbot: QtBot, ctx: AppContext, team_set_id: int | None
) -> tuple[int, SurveyImportDialog]:
    """Add "M1 Proposal" grading ``team_set_id`` (None: the newest) and open the import dialog
    of the Ratings page on samples/surveys/m1_long.csv."""
    command = AddMilestoneCommand(ctx, Milestone("M1 Proposal", 100, team_set_id))
    execute(ctx, command)
    assert command.milestone.id is not None
    _page, dialog = open_survey_import(qtbot, ctx, SAMPLES / "surveys" / "m1_long.csv")
    return command.milestone.id, dialog


def test_cancel_stores_nothing(qtbot: QtBot, ctx: AppContext) -> None:
    milestone_id, dialog = import_against_other_teams(qtbot, ctx)
    dialog.import_button.click()
    question = dialog.question
    assert question is not None
    assert question.isVisible()
    assert question.text() == MESSAGE
    question.cancel_button.click()
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert ctx.require_course().ratings(milestone_id) == []


def test_import_anyway_stores_the_ratings_of_the_teams(qtbot: QtBot, ctx: AppContext) -> None:
    milestone_id, dialog = import_against_other_teams(qtbot, ctx)
    dialog.import_button.click()
    assert dialog.question is not None
    dialog.question.import_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(ctx.require_course().ratings(milestone_id)) == 188 - 71
    [survey] = ctx.require_course().surveys(milestone_id)
    assert survey.report[0].endswith("[warning: wrong-teams]")


def test_the_right_teams_import_without_a_question(qtbot: QtBot, ctx: AppContext) -> None:
    milestone_id, dialog = import_m1_long(qtbot, ctx, None)
    assert not dialog.team_warning.isVisible()
    dialog.import_button.click()
    assert dialog.question is None
    assert len(ctx.require_course().ratings(milestone_id)) == 188
