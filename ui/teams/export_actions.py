"""Export a team set (XLSX or CSV team list, Canvas group-set CSV) and the Export menu button."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QToolButton, QWidget

from teamtool.errors import ExportError
from teamtool.model import MentorRef, Roster, TeamSet
from ui import settings

#: (key, menu text, file filter, default suffix)
FORMATS = [
    ("xlsx", "Team list for Excel (.xlsx)…", "Excel workbook (*.xlsx)", ".xlsx"),
    ("csv", "Team list as CSV…", "CSV file (*.csv)", ".csv"),
    ("canvas", "Canvas group-set import (CSV)…", "CSV file (*.csv)", ".csv"),
]


def export(
    kind: str,
    team_set: TeamSet,
    roster: Roster,
    path: str | Path,
    mentors: Mapping[str, MentorRef] | None = None,
) -> Path:
    """Write ``team_set`` as ``kind`` (``xlsx``, ``csv`` or ``canvas``) to ``path``; the team
    lists carry each team's mentor when ``mentors`` has some."""
    try:
        team_lists = importlib.import_module("teamtool.export.team_lists")
    except ImportError as exc:
        raise ExportError("team list export is not available in this version") from exc
    path = Path(path)
    suffix = ".xlsx" if kind == "xlsx" else ".csv"
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    if kind == "canvas":
        team_lists.export_canvas_groups(team_set, roster, path)
    else:
        team_lists.export_team_set(team_set, roster, path, mentors)
    return path


class ExportButton(QToolButton):
    """A menu of the export formats; asks for a file name and emits ``chosen(kind, path)``."""

    chosen = Signal(str, str)

    def __init__(self, default_name: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.default_name = default_name
        self.setText("Export")
        self.setToolTip("Write the shown team set for Excel, as CSV, or for a Canvas group set")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        for kind, text, file_filter, suffix in FORMATS:
            menu.addAction(text).triggered.connect(
                lambda _=False, k=kind, f=file_filter, s=suffix: self._ask(k, f, s)
            )
        self.setMenu(menu)

    def _ask(self, kind: str, file_filter: str, suffix: str) -> None:
        folder = settings.get_str(settings.LAST_DIR) or str(Path.home())
        name = self.default_name().replace(" ", "-").lower() + (
            "-canvas" if kind == "canvas" else ""
        )
        path, _ = QFileDialog.getSaveFileName(
            self, "Export teams", str(Path(folder) / f"{name}{suffix}"), file_filter
        )
        if path:
            self.chosen.emit(kind, path)
