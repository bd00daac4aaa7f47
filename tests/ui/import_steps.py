"""Steps the window tests take through the import dialogs, as a user takes them."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from ui.context import AppContext
from ui.milestones.grades_panel import TeamGradesPanel
from ui.ratings.import_dialog import SurveyImportDialog
from ui.ratings.page import RatingsPage

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def import_sample_grades(panel: TeamGradesPanel, milestone: str) -> None:
    """Import the column ``milestone`` of samples/grades.csv through the panel's dialog."""
    importer = panel.open_import()
    assert importer is not None
    importer.set_file(SAMPLES / "grades.csv")
    importer.source.setCurrentText(milestone)
    assert importer.import_button.isEnabled()
    importer.accept()


def open_survey_import(
    qtbot: QtBot, ctx: AppContext, survey: Path | None = None
) -> tuple[RatingsPage, SurveyImportDialog]:
    """A shown Ratings page and its import dialog, holding ``survey`` if given (not imported
    yet)."""
    page = RatingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    dialog = page.open_import()
    assert dialog is not None
    if survey is not None:
        dialog.set_file(survey)
    return page, dialog
