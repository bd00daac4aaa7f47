"""The survey import dialog: file, layout, scale, people to confirm, the report, then Import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teamtool.errors import TeamtoolError
from teamtool.files.tables import Grid, read_grid
from teamtool.model import Roster, TeamSet
from teamtool.ratings import PRESETS, SurveyImport, UncertainMatch, detect_layout, import_grid
from teamtool.ratings.layouts import LAYOUT_NAMES, LAYOUTS
from ui.ratings.path_edit import PathEdit, person_combo
from ui.ratings.problem_kinds import fill_report
from ui.ratings.tables import labelled
from ui.ratings.wrong_teams import WrongTeamsBanner, WrongTeamsQuestion, ask_first
from ui.widgets.dialog_buttons import cancel_and_action, cancel_button
from ui.widgets.file_row import browse_row, pick_file
from ui.widgets.forms import form_layout

FILTER = "Survey exports (*.csv *.tsv *.txt *.xlsx);;All files (*)"


class SurveyImportDialog(QDialog):
    """Re-reads the survey whenever a choice changes; ``survey`` is the import to store."""

    def __init__(self, roster: Roster, teams: TeamSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surveyImportDialog")
        self.setWindowTitle("Import peer ratings")
        available = self.screen().availableGeometry()  # a 1024×600 laptop screen too
        self.resize(min(900, available.width() - 40), min(620, available.height() - 40))
        self.roster, self.teams = roster, teams
        self.grid: Grid | None = None
        self.survey: SurveyImport | None = None
        self.confirmed: dict[str, str] = {}
        self._uncertain: list[UncertainMatch] = []
        self.path = PathEdit()
        self.path.setObjectName("surveyPath")
        self.path.setPlaceholderText(
            "Path of a Google Forms, Microsoft Forms, Qualtrics or long CSV/XLSX"
        )
        self.path.setToolTip("Type or paste the export's path, then press Enter; or Browse…")
        self.path.path_entered.connect(lambda text: self.set_file(Path(text).expanduser()))
        file_row, browse = browse_row(
            self.path, lambda: pick_file(self, "Survey export", FILTER, self.set_file)
        )
        browse.setObjectName("browseButton")
        browse.setToolTip("Choose the survey export (CSV, TSV, TXT or XLSX)")
        self.layout_combo = QComboBox()
        self.layout_combo.setObjectName("layoutCombo")
        self.layout_combo.setToolTip("How the export is laid out; detected when the file is read")
        for key in LAYOUTS:
            self.layout_combo.addItem(LAYOUT_NAMES[key], key)
        self.scale_combo = QComboBox()
        self.scale_combo.setObjectName("scaleCombo")
        self.scale_combo.setToolTip("The labels of the answers and their values (0–100)")
        self.scale_combo.addItem("Detect from the answers", None)
        for name, scale in PRESETS.items():
            self.scale_combo.addItem(scale.describe(), name)
        self.layout_combo.currentIndexChanged.connect(lambda _i: self.reread())
        self.scale_combo.currentIndexChanged.connect(lambda _i: self.reread())
        self.drop_partial = QCheckBox("Leave out unfinished responses (Qualtrics “Finished” false)")
        self.drop_partial.setToolTip("Unticked, the ratings an unfinished response holds are kept")
        self.drop_partial.toggled.connect(lambda _on: self.reread())
        self.team_warning = WrongTeamsBanner()
        self.question: WrongTeamsQuestion | None = None
        self.summary = QLabel("Choose the survey export.")
        self.summary.setObjectName("surveySummary")
        self.summary.setWordWrap(True)
        self.matches = QTableWidget(0, 3)
        self.matches.setObjectName("matchesTable")
        self.matches.setHorizontalHeaderLabels(["As written", "Where", "Student"])
        self.matches.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.matches.verticalHeader().hide()
        self.report = QTableWidget(0, 3)
        self.report.setObjectName("reportTable")
        self.report.setHorizontalHeaderLabels(["Kind", "Where", "What"])
        self.report.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.report.setWordWrap(True)
        self.report.verticalHeader().hide()
        self.buttons, self.import_button = cancel_and_action(self, "Import ratings")
        self.import_button.setEnabled(False)
        self.import_button.setToolTip("Choose the survey export first")
        cancel_button(self.buttons).setToolTip("Close without importing anything")
        form = form_layout(
            [
                ("File", file_row),
                ("Layout", self.layout_combo),
                ("Scale", self.scale_combo),
                ("", self.drop_partial),
            ]
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(labelled("People to confirm", self.matches))
        splitter.addWidget(labelled("Report", self.report))
        splitter.setSizes([180, 320])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.team_warning)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

    def set_file(self, path: str | Path) -> None:
        """Read the file and select its detected layout (the user may change it)."""
        self.path.show_path(str(path))
        self.confirmed = {}
        self._uncertain = []
        self.matches.setRowCount(0)
        try:
            self.grid = read_grid(path)
            detected = detect_layout(self.grid)
        except TeamtoolError as exc:
            self._failed(str(exc))
            return
        self.layout_combo.blockSignals(True)
        for i, key in enumerate(LAYOUTS):
            self.layout_combo.setItemText(i, LAYOUT_NAMES[key])
        self.layout_combo.setCurrentIndex(self.layout_combo.findData(detected))
        self.layout_combo.setItemText(
            self.layout_combo.currentIndex(), f"{LAYOUT_NAMES[detected]} (detected)"
        )
        self.layout_combo.blockSignals(False)
        self.reread()

    def _failed(self, message: str) -> None:
        self.survey = None
        self.team_warning.show_for(None)
        self.summary.setText(f"⚠ {message}")
        self.summary.setStyleSheet("color: #a00;")
        self._uncertain = []
        self.matches.setRowCount(0)
        self.report.setRowCount(0)
        self.import_button.setEnabled(False)
        self.import_button.setToolTip("The file could not be read: see the message above")

    def reread(self) -> None:
        """Import again with the chosen layout, scale and confirmations."""
        if self.grid is None:
            return
        try:
            self.survey = import_grid(
                self.grid,
                self.roster,
                self.teams,
                scale=self.scale_combo.currentData(),
                layout=self.layout_combo.currentData(),
                confirmed=self.confirmed,
                drop_partial=self.drop_partial.isChecked(),
            )
        except TeamtoolError as exc:
            self._failed(str(exc))
            return
        self._show(self.survey)

    def accept(self) -> None:
        """Store the import; when most ratings are between different teams, ask first."""
        if self.survey is not None:
            self.question = ask_first(self.survey, self, super().accept)
        if self.question is None:
            super().accept()

    def _show(self, survey: SurveyImport) -> None:
        self.team_warning.show_for(survey)
        raters = len({r.rater for r in survey.ratings})
        self.summary.setStyleSheet("")
        self.summary.setText(
            f"{len(survey.ratings)} ratings from {raters} students, scale "
            f"{survey.scale.describe()}; {len(survey.non_respondents)} non-respondent(s)."
        )
        pending = [u for u in survey.uncertain if u.text not in self.confirmed]
        confirmed = [u for u in self._uncertain if u.text in self.confirmed]
        texts = [u.text for u in self._uncertain]
        self._uncertain = confirmed + pending
        if [u.text for u in self._uncertain] != texts:  # never rebuild a combo from its own signal
            self._fill_matches()
        fill_report(self.report, [p for p in survey.problems if p.code != "uncertain-match"])
        # An error (an unknown label, an unknown rater) would silently change the numbers.
        blocking = [p for p in survey.problems.errors if p.code != "uncertain-match"]
        self.import_button.setEnabled(not pending and not blocking and bool(survey.ratings))
        if pending:
            tip = "Confirm every person above first"
        elif blocking:
            tip = "Fix the errors in the report (red) in the survey file first"
        else:
            tip = "Store these ratings (undoable)"
        self.import_button.setToolTip(tip)

    def _fill_matches(self) -> None:
        students = sorted(self.roster.active(), key=lambda s: s.name.casefold())
        self.matches.setRowCount(len(self._uncertain))
        for row, u in enumerate(self._uncertain):
            self.matches.setItem(row, 0, QTableWidgetItem(f"{u.text} ({u.role})"))
            self.matches.setItem(row, 1, QTableWidgetItem(u.where))
            combo = person_combo(u, self.roster, students)
            if u.text in self.confirmed:
                combo.setCurrentIndex(combo.findData(self.confirmed[u.text]))
            combo.currentIndexChanged.connect(
                lambda _i, text=u.text, box=combo: self.confirm(text, box.currentData())
            )
            self.matches.setCellWidget(row, 2, combo)
        for col in (0, 1):
            self.matches.resizeColumnToContents(col)

    def confirm(self, text: str, student_id: str | None) -> None:
        """The user's answer for an uncertain person: a student id, "" to leave out, None."""
        if student_id is None:
            self.confirmed.pop(text, None)
        else:
            self.confirmed[text] = student_id
        self.reread()

    def match_combo(self, row: int) -> QComboBox:
        widget = self.matches.cellWidget(row, 2)
        assert isinstance(widget, QComboBox)
        return widget
