"""Importing a survey over a milestone that has ratings asks first (saying what is replaced),
and undo brings back the previous ratings and survey records exactly, in the course file."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from teamtool.model import Milestone
from ui.commands import execute
from ui.commands.milestones import AddMilestoneCommand
from ui.context import AppContext
from ui.ratings.page import RatingsPage
from ui.ratings.replace_question import ReplaceRatingsQuestion

SURVEYS = Path(__file__).resolve().parents[3] / "samples" / "surveys"


def ratings_page(qtbot: QtBot, ctx: AppContext) -> tuple[int, RatingsPage]:
    command = AddMilestoneCommand(ctx, Milestone("M1 Proposal", 100))
    execute(ctx, command)
    assert command.milestone.id is not None
    page = RatingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return command.milestone.id, page


def accept_import(page: RatingsPage, file: str) -> None:
    """Open the import dialog on ``file`` of samples/surveys, confirm Chris Lee if asked, Import."""
    dialog = page.open_import()
    assert dialog is not None
    dialog.set_file(SURVEYS / file)
    if dialog.matches.rowCount():  # the Google Forms export's "Chris Lee": Christopher Lee
        combo = dialog.match_combo(0)
        combo.setCurrentIndex(combo.findData("s1023"))
    assert dialog.import_button.isEnabled()
    dialog.accept()


def test_the_first_import_stores_at_once(qtbot: QtBot, ctx: AppContext) -> None:
    milestone_id, page = ratings_page(qtbot, ctx)
    accept_import(page, "m1_long.csv")
    assert page.question is None
    assert len(ctx.require_course().ratings(milestone_id)) == 188


def test_reimport_asks_what_is_replaced_and_cancel_goes_back(qtbot: QtBot, ctx: AppContext) -> None:
    course = ctx.require_course()
    milestone_id, page = ratings_page(qtbot, ctx)
    accept_import(page, "m1_long.csv")
    before, surveys = course.ratings(milestone_id), course.surveys(milestone_id)
    imported = surveys[0].imported[:16].replace("T", " ")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", imported)
    steps = ctx.undo_stack.count()

    accept_import(page, "m1_google_forms.csv")
    question = page.question
    assert isinstance(question, ReplaceRatingsQuestion)
    assert question.isVisible()
    assert question.text() == (
        f"This milestone already has 188 ratings from m1_long.csv imported {imported}."
    )
    assert "replaces them with its 188 ratings" in question.informativeText()
    assert question.defaultButton() is question.cancel_button
    question.cancel_button.click()
    assert course.ratings(milestone_id) == before
    assert course.surveys(milestone_id) == surveys
    assert ctx.undo_stack.count() == steps
    dialog = page.dialog  # back to the import, with the file and the confirmation kept
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.path.text() == str(SURVEYS / "m1_google_forms.csv")
    assert dialog.confirmed == {"Chris Lee": "s1023"}
    assert dialog.import_button.isEnabled()
    dialog.accept()  # asked again; this time Replace
    assert page.question is not question
    assert page.question is not None
    page.question.replace_button.click()
    assert [s.file for s in course.surveys(milestone_id)] == ["m1_long.csv", "m1_google_forms.csv"]


def test_replace_then_undo_restores_ratings_and_surveys_exactly(
    qtbot: QtBot, ctx: AppContext
) -> None:
    course = ctx.require_course()
    milestone_id, page = ratings_page(qtbot, ctx)
    accept_import(page, "m1_long.csv")
    before, surveys = course.ratings(milestone_id), course.surveys(milestone_id)
    first_survey = surveys[0].id
    assert course.ratings_survey(milestone_id) == first_survey

    accept_import(page, "m1_google_forms.csv")
    assert page.question is not None
    page.question.replace_button.click()
    after = course.ratings(milestone_id)
    assert after != before
    assert any(r.rater == "s1023" for r in after)  # Chris Lee, confirmed as Christopher Lee
    assert [s.file for s in course.surveys(milestone_id)] == ["m1_long.csv", "m1_google_forms.csv"]
    assert ctx.undo_stack.undoText() == "Import ratings from m1_google_forms.csv"

    ctx.undo_stack.undo()
    assert course.ratings(milestone_id) == before  # values, labels, comments, in stored order
    assert course.surveys(milestone_id) == surveys  # the same record: id, time, rows, report
    assert course.ratings_survey(milestone_id) == first_survey  # still linked to its survey
    assert page.summary.text().startswith("188 ratings; latest import m1_long.csv")

    ctx.undo_stack.redo()
    assert course.ratings(milestone_id) == after
    assert course.surveys(milestone_id)[-1].file == "m1_google_forms.csv"


def test_replace_question_answers_escape_with_cancel(qtbot: QtBot, ctx: AppContext) -> None:
    course = ctx.require_course()
    milestone_id, page = ratings_page(qtbot, ctx)
    accept_import(page, "m1_long.csv")
    accept_import(page, "m2_long.csv")
    assert page.question is not None
    assert page.question.escapeButton() is page.question.cancel_button
    page.question.reject()
    assert page.question.clickedButton() is not page.question.replace_button
    assert [s.file for s in course.surveys(milestone_id)] == ["m1_long.csv"]
    assert isinstance(page.question, QMessageBox)
