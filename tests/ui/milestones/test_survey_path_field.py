"""The survey dialog's File field is editable: a typed or pasted path loads on Enter or when the
field is left; a missing file is a clear message; Enter never imports the file read before."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from teamtool.model import Milestone
from tests.ui.import_steps import open_survey_import
from ui.commands import execute
from ui.commands.milestones import AddMilestoneCommand
from ui.context import AppContext
from ui.ratings.import_dialog import SurveyImportDialog

SURVEYS = Path(__file__).resolve().parents[3] / "samples" / "surveys"


def open_dialog(qtbot: QtBot, ctx: AppContext) -> SurveyImportDialog:
    execute(ctx, AddMilestoneCommand(ctx, Milestone("M1", 100)))
    _page, dialog = open_survey_import(qtbot, ctx)
    qtbot.waitExposed(dialog)
    return dialog


def type_path(qtbot: QtBot, dialog: SurveyImportDialog, text: str) -> None:
    dialog.path.setFocus()
    dialog.path.selectAll()
    qtbot.keyClicks(dialog.path, text)


def test_typing_a_path_and_enter_reads_it(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, ctx)
    assert not dialog.path.isReadOnly()
    type_path(qtbot, dialog, str(SURVEYS / "m1_long.csv"))
    assert dialog.grid is None  # nothing is read while typing
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    assert dialog.layout_combo.currentText().endswith("(detected)")
    assert dialog.survey is not None
    assert len(dialog.survey.ratings) == 188
    assert dialog.summary.text().startswith("188 ratings from 47 students")
    assert dialog.isVisible()  # Enter read the file; it did not press Import as well
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_enter_on_a_new_path_does_not_import_the_old_file(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, ctx)
    dialog.set_file(SURVEYS / "m1_long.csv")
    assert dialog.import_button.isEnabled()
    type_path(qtbot, dialog, str(SURVEYS / "m1_google_forms.csv"))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert ctx.require_course().surveys(ctx.require_course().milestones()[0].id or 0) == []
    assert dialog.matches.rowCount() == 1  # the Google Forms export's "Chris Lee" to confirm
    assert not dialog.import_button.isEnabled()


def test_leaving_the_field_reads_a_pasted_quoted_path(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, ctx)
    type_path(qtbot, dialog, f"  '{SURVEYS / 'm2_long.csv'}' ")
    assert dialog.survey is None
    # Focus leaves the field (Tab, a click elsewhere): sent directly, as offscreen windows
    # are never active.
    QApplication.sendEvent(
        dialog.path, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason)
    )
    assert dialog.survey is not None
    assert dialog.path.text() == str(SURVEYS / "m2_long.csv")


def test_a_missing_file_says_so_and_blocks_import(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, ctx)
    dialog.set_file(SURVEYS / "m1_long.csv")
    missing = tmp_path / "no such survey.csv"
    type_path(qtbot, dialog, str(missing))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Enter)
    assert dialog.summary.text() == f"⚠ {missing}: the file does not exist"
    assert dialog.survey is None
    assert not dialog.import_button.isEnabled()
    assert dialog.report.rowCount() == 0
    assert "could not be read" in dialog.import_button.toolTip()
    type_path(qtbot, dialog, str(SURVEYS / "m1_long.csv"))  # fixed: the message goes
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    assert dialog.summary.text().startswith("188 ratings")
    assert dialog.import_button.isEnabled()
