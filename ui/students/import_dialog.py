"""The roster import dialog: file, preview with the column mapping to change, problems, confirm."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teamtool.errors import RosterError, TeamtoolError
from teamtool.files.tables import Grid, read_grid
from teamtool.roster import RosterImport, roster_from_grid
from ui.errors import show_error
from ui.students.mapping_roles import (
    CHOICE_KEYS,
    CHOICES,
    choices_from_mapping,
    mapping_from_choices,
)
from ui.widgets.dialog_buttons import ok_button, ok_cancel_buttons
from ui.widgets.file_row import browse_row, pick_file

PREVIEW_ROWS = 8


class ImportDialog(QDialog):
    """Pick a roster file, check how its columns are read, see every problem, then import.

    ``result_import`` holds the last reading of the file (None before a file is read).
    """

    file_read = Signal()  # after every (re)reading of the file

    def __init__(self, parent: QWidget | None = None, start_dir: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle("Import a roster")
        self.resize(980, 620)
        self.start_dir = start_dir
        self.grid: Grid | None = None
        self.result_import: RosterImport | None = None
        self.combos: list[QComboBox] = []

        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText("A CSV or XLSX file: the roster, or a Canvas gradebook")
        self.path_edit.returnPressed.connect(lambda: self.load(self.path_edit.text()))
        file_row, _button = browse_row(self.path_edit, self._browse, "Choose file…")
        top = QHBoxLayout()
        top.addWidget(QLabel("File:"))
        top.addWidget(file_row, 1)

        self.preview = QTableWidget()
        self.preview.setObjectName("importPreview")
        self.preview.verticalHeader().setVisible(True)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems = QTableWidget(0, 4)
        self.problems.setObjectName("importProblems")
        self.problems.setHorizontalHeaderLabels(["", "Row", "Column", "Problem"])
        self.problems.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().setVisible(False)
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Vertical)
        preview_box = QWidget()
        pv = QVBoxLayout(preview_box)
        pv.setContentsMargins(0, 0, 0, 0)
        pv.addWidget(QLabel("How each column is read (first row: change it where it is wrong):"))
        pv.addWidget(self.preview)
        problems_box = QWidget()
        pb = QVBoxLayout(problems_box)
        pb.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel("Choose a file to import.")
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        pb.addWidget(self.summary)
        pb.addWidget(self.problems)
        split.addWidget(preview_box)
        split.addWidget(problems_box)

        self.buttons = ok_cancel_buttons(self, "Import")
        self.ok_button = ok_button(self.buttons)
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        rosters = "Rosters (*.csv *.xlsx *.txt *.tsv);;All (*)"
        pick_file(self, "Roster file", rosters, self.load, self.start_dir)

    def load(self, path: str | Path) -> bool:
        """Read ``path`` with the detected mapping; a file that cannot be read shows an error."""
        self.path_edit.setText(str(path))
        try:
            grid = read_grid(path)
            if not grid.rows:
                raise RosterError("the file is empty", file=grid.file, code="empty-file")
            result = roster_from_grid(grid)
        except TeamtoolError as exc:
            self.grid, self.result_import = None, None
            self._show_result()
            show_error(self, exc)
            return False
        self.grid = grid
        self._set_result(result, rebuild=True)
        return True

    def set_choice(self, column: str, choice: str) -> None:
        """Read ``column`` as ``choice`` (a key of ``mapping_roles.CHOICES``), as the user would."""
        assert self.result_import is not None
        combo = self.combos[self.result_import.header.index(column)]
        combo.setCurrentIndex(CHOICE_KEYS.index(choice))

    def _remap(self) -> None:
        if self.grid is None or self.result_import is None:
            return
        choices = [CHOICE_KEYS[c.currentIndex()] for c in self.combos]
        mapping = mapping_from_choices(
            self.result_import.header, choices, self.result_import.mapping
        )
        self._set_result(roster_from_grid(self.grid, mapping), rebuild=False)

    def _set_result(self, result: RosterImport, *, rebuild: bool) -> None:
        self.result_import = result
        if rebuild:
            self._build_preview(result)
        self._show_result()
        self.file_read.emit()

    def _build_preview(self, result: RosterImport) -> None:
        header = result.header
        rows = result.rows[:PREVIEW_ROWS]
        self.preview.clear()
        self.preview.setColumnCount(len(header))
        self.preview.setRowCount(len(rows) + 1)
        self.preview.setHorizontalHeaderLabels(header)
        self.preview.setVerticalHeaderLabels(["read as", *(str(i + 2) for i in range(len(rows)))])
        self.combos = []
        for column, choice in enumerate(choices_from_mapping(header, result.mapping)):
            combo = QComboBox()
            for _, label in CHOICES:
                combo.addItem(label)
            combo.setCurrentIndex(CHOICE_KEYS.index(choice))
            combo.setToolTip(f'How the column "{header[column]}" is read')
            combo.currentIndexChanged.connect(self._remap)
            self.preview.setCellWidget(0, column, combo)
            self.combos.append(combo)
        for r, cells in enumerate(rows, start=1):
            for c, text in enumerate(cells):
                self.preview.setItem(r, c, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()

    def _show_result(self) -> None:
        result = self.result_import
        self.problems.setRowCount(0)
        if result is None:
            self.summary.setText("Choose a file to import.")
            self.ok_button.setEnabled(False)
            return
        items = result.problems.items
        self.problems.setRowCount(len(items))
        for r, p in enumerate(items):
            cells = [p.severity, "" if p.row is None else str(p.row), p.column or "", p.message]
            for c, text in enumerate(cells):
                self.problems.setItem(r, c, QTableWidgetItem(text))
        self.problems.resizeRowsToContents()
        errors, warnings = len(result.problems.errors), len(result.problems.warnings)
        n = len(result.roster)
        attrs = ", ".join(f"{a.name} ({a.kind.value})" for a in result.roster.attributes)
        text = f"{n} students read from {Path(result.file).name}; attributes: {attrs or 'none'}."
        if errors:
            text += f" {errors} error(s) must be fixed (in the file or in the mapping above)."
        if warnings:
            text += f" {warnings} warning(s)."
        self.summary.setText(text)
        self.ok_button.setEnabled(n > 0 and not errors)
