"""A file or folder field with its Browse… button, as the import and export dialogs show it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget


def browse_row(
    field: QWidget, pick: Callable[[], object], text: str = "Browse…"
) -> tuple[QWidget, QPushButton]:
    """``field`` stretched, with a ``text`` button at its right that calls ``pick``; the row
    (no margins of its own, to sit in a form) and the button."""
    row = QWidget()
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    button = QPushButton(text)
    button.clicked.connect(pick)
    line.addWidget(field, 1)
    line.addWidget(button)
    return row, button


def pick_file(
    parent: QWidget, title: str, file_filter: str, use: Callable[[str], object], folder: str = ""
) -> str:
    """Ask for a file to open (starting in ``folder``) and give its path to ``use``; the path,
    "" when the user cancels."""
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, file_filter)
    if path:
        use(path)
    return path


def pick_folder(parent: QWidget, title: str, field: QLineEdit) -> None:
    """Ask for a folder, starting at the one ``field`` holds, and put the chosen one in it."""
    folder = QFileDialog.getExistingDirectory(parent, title, field.text())
    if folder:
        field.setText(folder)
