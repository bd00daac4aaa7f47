"""What the debriefs and the export dialogs share: files written into a folder by a worker."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QWidget

from ui.errors import show_error
from ui.widgets.dialog_buttons import close_button
from ui.widgets.file_row import browse_row, pick_folder
from ui.workers import Worker


class FolderWriterDialog(QDialog):
    """A folder field (``folder``), a status line, the list of what was written (``results``)
    and a Close box with one action button (``run_button``). ``write_in_worker`` runs the
    writer with the button off; then the lines are listed and the folder opened unless
    ``open_folder`` is False (tests), or the error is shown."""

    def __init__(
        self, folder: Path, folder_title: str, run_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.open_folder = True
        self.worker: Worker | None = None
        self.folder = QLineEdit(str(folder))
        self.folder_row, _button = browse_row(
            self.folder, lambda: pick_folder(self, folder_title, self.folder)
        )
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.results = QListWidget()
        self.buttons = close_button(self)
        self.run_button = self.buttons.addButton(run_text, QDialogButtonBox.ButtonRole.ActionRole)
        self.run_button.clicked.connect(self.start)

    def start(self) -> Worker:
        raise NotImplementedError

    def write_in_worker(
        self, busy: str, failure: str, write: Callable[..., Any], *args: Any
    ) -> Worker:
        """Run ``write(*args)`` in a worker (the dialog stays responsive); ``busy`` meanwhile,
        ``failure`` if it raises."""
        self.run_button.setEnabled(False)
        self.status.setText(busy)
        self.worker = Worker(write, *args)
        self.worker.signals.returned.connect(self._returned)
        self.worker.signals.errored.connect(lambda exc: self._failed(failure, exc))
        self.worker.start()
        return self.worker

    def outcome(self, returned: Any) -> tuple[Sequence[Path], Sequence[str]]:
        """The files written and the warnings, from what the writer returned."""
        raise NotImplementedError

    def announce(self, returned: Any) -> None:
        """Tell the rest of the window (a subclass emits its signal)."""
        raise NotImplementedError

    def _returned(self, returned: Any) -> None:
        self.run_button.setEnabled(True)
        files, warnings = self.outcome(returned)
        self.results.clear()
        self.results.addItems([f"wrote {p}" for p in files])
        self.results.addItems([f"warning: {w}" for w in warnings])
        self.status.setText(f"{len(files)} file(s) written to {self.folder.text()}.")
        self.announce(returned)
        if self.open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))

    def _failed(self, failure: str, exc: Any) -> None:
        self.run_button.setEnabled(True)
        self.status.setText(failure)
        show_error(self, exc)
