"""The survey import's warning when most ratings are between students of different teams: a
banner on top of the dialog, and a question before the ratings are stored."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from teamtool.ratings import SurveyImport
from teamtool.ratings.team_check import wrong_teams
from ui.widgets.question import CancelFirstQuestion

#: What to do about it, in the banner and the question.
ADVICE = (
    "If the survey was made for other teams, cancel and give the milestone those teams with "
    "Use other teams… on the milestone bar, then import again."
)


class WrongTeamsBanner(QLabel):
    """Red, on top of the import dialog; hidden while the import has no ``wrong-teams``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wrongTeamsWarning")
        self.setWordWrap(True)
        self.setStyleSheet("color: #a00; font-weight: bold;")
        self.hide()

    def show_for(self, survey: SurveyImport | None) -> None:
        warning = wrong_teams(survey) if survey is not None else None
        self.setText(f"⚠ {warning.message} {ADVICE}" if warning else "")
        self.setVisible(warning is not None)


class WrongTeamsQuestion(CancelFirstQuestion):
    """Import anyway, or Cancel (the default, also for Enter and Escape)."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__("wrongTeamsQuestion", QMessageBox.Icon.Warning, parent)
        self.setWindowTitle("Import peer ratings")
        self.setText(message)
        self.setInformativeText(ADVICE)
        self.import_button = self.add_action("Import anyway", QMessageBox.ButtonRole.AcceptRole)
        self.import_button.setToolTip("Store the ratings as they are (undoable)")
        self.cancel_button.setToolTip("Back to the import: nothing is stored")


def ask_first(
    survey: SurveyImport, parent: QWidget, store: Callable[[], None]
) -> WrongTeamsQuestion | None:
    """When ``survey`` has a ``wrong-teams`` warning, open the question (``store`` runs on
    Import anyway) and return it; else None, and the caller stores at once."""
    warning = wrong_teams(survey)
    if warning is None:
        return None
    question = WrongTeamsQuestion(warning.message, parent)
    question.finished.connect(lambda _result: store() if question.confirmed else None)
    question.open()
    return question
