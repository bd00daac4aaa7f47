"""Before a survey import replaces a milestone's ratings: say what will be replaced, and ask."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from teamtool.ratings import SurveyImport
from teamtool.store import Course
from ui.widgets.question import CancelFirstQuestion


def replaced_ratings(course: Course, milestone_id: int) -> str | None:
    """``188 ratings from m1_long.csv imported 2026-12-07 12:40``, or None when the milestone
    holds no ratings (nothing to replace)."""
    count = len(course.ratings(milestone_id))
    if count == 0:
        return None
    ratings = f"{count} rating{'s' if count != 1 else ''}"
    surveys = course.surveys(milestone_id)
    if not surveys:
        return f"{ratings} (not from an imported survey)"
    latest = surveys[-1]
    return f"{ratings} from {latest.file} imported {latest.imported[:16].replace('T', ' ')}"


class ReplaceRatingsQuestion(CancelFirstQuestion):
    """Replace (undoable), or Cancel: the default, also for Enter and Escape."""

    def __init__(self, replaced: str, survey: SurveyImport, parent: QWidget | None = None) -> None:
        super().__init__("replaceRatingsQuestion", QMessageBox.Icon.Question, parent)
        self.setWindowTitle("Replace the ratings?")
        self.setText(f"This milestone already has {replaced}.")
        self.setInformativeText(
            f"Importing {survey.file} replaces them with its {len(survey.ratings)} ratings. "
            "Edit\u00a0▸\u00a0Undo brings the previous ratings back."
        )
        self.replace_button = self.add_action("Replace ratings", QMessageBox.ButtonRole.AcceptRole)
        self.replace_button.setToolTip(f"Replace the {replaced} (undoable)")
        self.cancel_button.setToolTip("Back to the import: the milestone keeps its ratings")


def ask_before_replacing(
    course: Course,
    milestone_id: int,
    survey: SurveyImport,
    parent: QWidget,
    store: Callable[[], None],
    back: Callable[[], None],
) -> ReplaceRatingsQuestion | None:
    """When the milestone holds ratings, open the question (``store`` runs on Replace, ``back``
    on Cancel) and return it; else None, and the caller stores at once."""
    replaced = replaced_ratings(course, milestone_id)
    if replaced is None:
        return None
    question = ReplaceRatingsQuestion(replaced, survey, parent)
    question.finished.connect(lambda _result: store() if question.confirmed else back())
    question.open()
    return question
