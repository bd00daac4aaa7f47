"""The one place where errors reach the user: a dialog with a message they can act on."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from teamtool.errors import Cancelled, TeamtoolError

log = logging.getLogger(__name__)


def error_text(exc: BaseException) -> tuple[str, str]:
    """(title, message) for an exception: a TeamtoolError's own words, else a generic apology."""
    if isinstance(exc, TeamtoolError):
        return "teamtool", str(exc)
    return (
        "Unexpected error",
        (
            "Something went wrong inside teamtool; nothing was lost (every change is saved at "
            f"once).\n\nDetails for a bug report: {type(exc).__name__}: {exc}"
        ),
    )


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show ``exc`` in a dialog. A cancel shows nothing; unknown errors are logged with traceback."""
    if isinstance(exc, Cancelled):
        return
    if not isinstance(exc, TeamtoolError):
        log.error("unexpected error", exc_info=exc)
    title, message = error_text(exc)
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("errorDialog")
    box.setTextInteractionFlags(box.textInteractionFlags())
    box.open()
