"""The button rows of the window's dialogs, wired to the dialog's ``accept`` and ``reject``."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def ok_cancel_buttons(dialog: QDialog, ok_text: str = "") -> QDialogButtonBox:
    """OK accepts ``dialog``, Cancel (and Escape) rejects it; ``ok_text`` names OK otherwise."""
    buttons = QDialogButtonBox(OK | CANCEL)
    if ok_text:
        ok_button(buttons).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def cancel_and_action(dialog: QDialog, action_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """Cancel (and Escape) rejects ``dialog``; the action button named ``action_text`` accepts
    it. Returns the row and the action button."""
    buttons = QDialogButtonBox(CANCEL)
    action = buttons.addButton(action_text, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, action


def close_button(dialog: QDialog) -> QDialogButtonBox:
    """Close only: it rejects ``dialog`` (a dialog that stores nothing)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    return buttons


def ok_button(buttons: QDialogButtonBox) -> QPushButton:
    return buttons.button(OK)


def cancel_button(buttons: QDialogButtonBox) -> QPushButton:
    return buttons.button(CANCEL)
