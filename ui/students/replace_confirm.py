"""Asks before a roster import that would orphan ratings, teams or grade overrides."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from teamtool.store.roster_losses import RosterLosses


def confirm_replace(
    parent: QWidget, losses: RosterLosses, source: str, keep: Callable[[], None]
) -> QMessageBox:
    """Open (window-modal) the question; ``keep`` runs only when the user chooses to import and
    keep the missing students as dropped. Cancel, the default, leaves the roster as it is."""
    n = len(losses.students)
    students = "1 student" if n == 1 else f"{n} students"
    box = QMessageBox(parent)
    box.setObjectName("rosterReplaceConfirm")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Replace the roster?")
    box.setText(
        f"{students} of the course {'is' if n == 1 else 'are'} not in "
        f"{Path(source).name} but still {'has' if n == 1 else 'have'} "
        f"{losses.counts()}:\n{losses.names()}."
    )
    box.setInformativeText(
        "Import and keep them as dropped students? Their ratings, teams and grades stay; they "
        "are left out of new teams.\n\nCancel keeps the course's roster as it is."
    )
    box.setDetailedText("\n".join(f"{s.id}\t{s.name}" for s in losses.students))
    keep_button = box.addButton("Import, keep them as dropped", QMessageBox.ButtonRole.AcceptRole)
    keep_button.setObjectName("keepAsDropped")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.buttonClicked.connect(lambda button: keep() if button is keep_button else None)
    box.open()
    return box
