"""The "Adjusted grades" tab: the per-student table, overrides with a reason, the what-if."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from teamtool.grading import StudentResult
from ui.commands import execute
from ui.commands.milestones import SetOverrideCommand
from ui.context import AppContext
from ui.grades.options_panel import OptionsPanel
from ui.grades.override_dialog import OverrideDialog
from ui.grades.results_model import COL_STUDENT, STUDENT_ROLE, ResultsModel
from ui.grades.whatif_dialog import WhatIfDialog
from ui.milestones.data import MilestoneInputs, scale_for
from ui.widgets.headers import fit_columns, label_width

#: Columns fit their label and contents in the user's font, these at most so many characters
#: wide (the cell's tooltip has the rest), so that Student to Flags fit a 1024-pixel window;
#: Flags fits its widest cell (one flag and "+N"), never "low-performe…".
WIDEST_CHARS = {COL_STUDENT: 27}


class ResultsPanel(QWidget):
    """The page sets ``inputs`` on every reload; ``options`` gives the settings shown now."""

    def __init__(
        self, ctx: AppContext, options: OptionsPanel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.options = ctx, options
        self.inputs: MilestoneInputs | None = None
        self.override_dialog: OverrideDialog | None = None
        self.whatif: WhatIfDialog | None = None
        self.model = ResultsModel()  # sorts itself: no proxy re-reading 1,000 rows per change
        self.view = QTableView()
        self.view.setObjectName("resultsView")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(200)  # fitting looks at 200 rows, not all 1,000
        self._fitted = False
        self.model.modelReset.connect(self._fit_columns_once)
        self.model.headerDataChanged.connect(self._fit_labels)
        self.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.view.doubleClicked.connect(lambda _i: self.open_override())
        self.override_button = QPushButton("Override…")
        self.override_button.setToolTip("Set this student's grade by hand, with a reason")
        self.clear_button = QPushButton("Clear override")
        self.clear_button.setToolTip("Give this student back the grade the method computes")
        self.whatif_button = QPushButton("What-if preview…")
        self.whatif_button.setToolTip("Pick ratings for a team and see what students would get")
        self.override_button.clicked.connect(self.open_override)
        self.clear_button.clicked.connect(self.clear_override)
        self.whatif_button.clicked.connect(self.open_whatif)
        buttons = QHBoxLayout()
        for b in (self.override_button, self.clear_button, self.whatif_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)  # inside a tab: its frame is margin enough
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        fit_columns(self.view)  # the labels, until the first rows arrive

    def _fit_columns_once(self) -> None:
        """Fit the columns to the first rows shown; after that they keep the user's widths."""
        if self._fitted or self.model.rowCount() == 0:
            return
        self._fitted = True
        char = self.view.fontMetrics().averageCharWidth()
        fit_columns(self.view, {col: n * char for col, n in WIDEST_CHARS.items()})

    def _fit_labels(self) -> None:
        """Another method's headings ("Submitters ÷ members"): widen a column to its label."""
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            need = label_width(header, column)
            if header.sectionSize(column) < need:
                header.resizeSection(column, need)

    def set_enabled(self, enabled: bool) -> None:
        for w in (self.override_button, self.clear_button, self.whatif_button):
            w.setEnabled(enabled)

    def selected(self) -> StudentResult | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        value = self.model.data(rows[0], STUDENT_ROLE)
        return value if isinstance(value, StudentResult) else None

    def select_student(self, student_id: str) -> None:
        for row in range(self.model.rowCount()):
            r = self.model.data(self.model.index(row, 0), STUDENT_ROLE)
            if isinstance(r, StudentResult) and r.student_id == student_id:
                self.view.selectRow(row)
                return

    # -- overrides --------------------------------------------------------------------------
    def open_override(self) -> OverrideDialog | None:
        r, inputs = self.selected(), self.inputs
        if r is None or inputs is None:
            return None
        self.override_dialog = OverrideDialog(r, inputs, self)
        self.override_dialog.accepted.connect(self._override_accepted)
        self.override_dialog.open()
        return self.override_dialog

    def _override_accepted(self) -> None:
        d, r = self.override_dialog, self.selected()
        if d is None or r is None:
            return
        self._set_override(r, float(d.grade.value()), d.reason.text())

    def clear_override(self) -> None:
        r = self.selected()
        if r is not None and r.override is not None:
            self._set_override(r, None, "")

    def _set_override(self, r: StudentResult, grade: float | None, reason: str) -> None:
        inputs = self.inputs
        if inputs is None or inputs.milestone.id is None:
            return
        name = inputs.names.get(r.student_id, r.student_id)
        command = SetOverrideCommand(
            self.ctx, inputs.milestone.id, r.student_id, grade, reason, name
        )
        execute(self.ctx, command, self)
        self.select_student(r.student_id)

    # -- what-if ----------------------------------------------------------------------------
    def open_whatif(self) -> WhatIfDialog | None:
        """The selected student's team (else the first), with the options shown now."""
        inputs, course = self.inputs, self.ctx.course
        if inputs is None or course is None or not inputs.teams:
            return None
        selected = self.selected()
        self.whatif = WhatIfDialog(
            inputs,
            scale_for(course, inputs.milestone.id or 0),
            self.options.options() if self.options.isEnabled() else inputs.options,
            self,
        )
        if selected is not None:
            self.whatif.team.setCurrentText(selected.team)
        self.whatif.open()
        return self.whatif
