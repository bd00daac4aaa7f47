"""The Grades step: method and options, the adjusted grades, overrides, what-if, chart, export."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from teamtool.course.adjust_export import results_of_file
from teamtool.grading import AdjustOptions, MilestoneResult
from ui.commands import execute
from ui.commands.milestones import SetAdjustSettingsCommand
from ui.context import AppContext
from ui.errors import show_error
from ui.grades.chart import FactorChart
from ui.grades.compare_panel import ComparePanel
from ui.grades.export_dialog import ExportDialog
from ui.grades.method_texts import method_line
from ui.grades.options_panel import OptionsPanel
from ui.grades.preview_export import TOOLTIP as PREVIEW_TOOLTIP
from ui.grades.preview_export import save_preview_page
from ui.grades.results_panel import ResultsPanel
from ui.milestones.compute import Recomputer
from ui.milestones.data import (
    team_set_for,
)
from ui.milestones.grades_panel import TeamGradesPanel
from ui.milestones.page_base import MilestonePage
from ui.workers import LatestRequest


class GradesPage(MilestonePage):
    """Reloads from the course after every change while visible; when hidden, on the next show.

    ``chart_ready`` fires once the factor chart shows the latest results (computed in a worker).
    """

    chart_ready = Signal()
    results_ready = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._storing_own_settings = False
        self._requested = AdjustOptions()
        self.chart_results = LatestRequest(self)  # every milestone adjusted, for the chart
        self.chart_results.returned.connect(self._chart_done)
        self.chart_results.errored.connect(lambda exc: show_error(self, exc))
        self.export_dialog: ExportDialog | None = None
        self.export_button = QPushButton("Export…")
        self.export_button.setToolTip("Workbook, Canvas import CSV and feedback mail-merge CSV")
        self.export_button.clicked.connect(self.open_export)
        self.preview_button = QPushButton("Preview page…")
        self.preview_button.setToolTip(PREVIEW_TOOLTIP)
        self.preview_button.clicked.connect(self.save_preview_page)
        self.summary = QLabel()
        self.summary.setObjectName("gradesSummary")
        self.summary.setWordWrap(True)
        self.options = OptionsPanel()
        scroll = QScrollArea()
        scroll.setWidget(self.options)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(self.options.sizeHint().width() + 24)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results = ResultsPanel(ctx, self.options)
        self.model, self.view = self.results.model, self.results.view
        self.select_student = self.results.select_student
        self.open_override = self.results.open_override
        self.open_whatif = self.results.open_whatif
        self.recomputer = Recomputer(self)
        self.recomputer.ready.connect(self._show_result)
        self.recomputer.failed.connect(self._failed)
        self.team_grades = TeamGradesPanel(ctx)
        self.chart = FactorChart()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.results, "Adjusted grades")
        self.tabs.addTab(self.team_grades, "Team grades")
        self.tabs.addTab(self.chart, "Factor chart")
        self.compare = ComparePanel()
        self.tabs.addTab(self.compare, "Compare methods")
        self.tabs.currentChanged.connect(lambda _i: self._update_chart())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([scroll.minimumWidth(), 900])  # the options as narrow as they go
        top = QHBoxLayout()
        top.addWidget(self.bar, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        summary_row = QHBoxLayout()  # the summary wraps, so the button never squeezes the bar
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(summary_row)
        layout.addWidget(splitter, 1)
        self.options.options_changed.connect(self.options_changed)
        self.follow_changes()

    # -- loading and recomputing ------------------------------------------------------------
    def reload(self) -> None:
        """Read the milestone from the course and show it (after any change, undo or redo)."""
        if self._storing_own_settings:  # the page shows them already: nothing to read
            return
        before = self.inputs
        if not self.read_inputs():
            return
        course = self.ctx.course
        unchanged = self.inputs is not None and self.inputs == before and self.result is not None
        self.team_grades.set_inputs(self.inputs)
        self.results.inputs = self.inputs
        enabled = self.inputs is not None and self.inputs.team_set is not None
        self.options.setEnabled(enabled)
        self.results.set_enabled(enabled)
        self.export_button.setEnabled(course is not None)
        self.preview_button.setEnabled(self.inputs is not None)
        if self.inputs is not None:
            self.options.set_options(self.inputs.options)
        if unchanged:  # e.g. the settings this page has just stored and shown
            if not self.recomputer.pending:
                self.results_ready.emit()
        else:
            self.recompute()
        self._update_chart()

    def recompute(self, options: AdjustOptions | None = None) -> None:
        """Adjust the current milestone (with ``options`` if given); the table follows at once
        for a small class, or when the worker is done for a large one (``results_ready``)."""
        inputs = self.inputs
        if inputs is None or inputs.team_set is None:
            self.result = None
            self.model.set_rows([], {})
            self.summary.setText(
                "Add a milestone, with teams, to adjust its grades."
                if inputs is None
                else "This milestone grades no team set (it was added to an older course file "
                "before there were teams): form or import teams, then choose them with "
                "Use other teams…"
            )
            return
        self._requested = options or inputs.options  # what the next result is computed with
        self.recomputer.request(inputs, options)

    def _failed(self, exc: object) -> None:
        self.result = None
        self.model.set_rows([], {})
        assert isinstance(exc, BaseException)
        show_error(self, exc)  # e.g. an override above a newly lowered maximum

    def _show_result(self, result: MilestoneResult) -> None:
        inputs = self.inputs
        if inputs is None:
            return
        self.result = r = result
        options = self._requested
        self.model.set_method(options.method)
        self.model.set_rows(r.students, inputs.names)
        graded = sum(1 for s in r.students if s.team_grade is not None)
        flagged = sum(1 for s in r.students if s.flags)
        overridden = sum(1 for s in r.students if s.override is not None)
        self.summary.setText(
            f"{len(r.students)} students, {graded} with a team grade, {len(inputs.ratings)} "
            f"ratings; {flagged} flagged, {overridden} overridden. "
            + method_line(r, options, inputs.names)
        )
        self.results_ready.emit()

    def options_changed(self, options: AdjustOptions, what: str) -> None:
        """Show the new grades at once, then store the settings (one undoable step)."""
        inputs = self.inputs
        if inputs is None or inputs.milestone.id is None:
            return
        self.recompute(options)
        inputs.options = options  # what is shown now; the reload after the store is a no-op
        command = SetAdjustSettingsCommand(
            self.ctx, inputs.milestone.id, options.to_json(), f"{what} of {inputs.milestone.name}"
        )
        self._storing_own_settings = True
        try:
            stored = execute(self.ctx, command, self)
        finally:
            self._storing_own_settings = False
        if not stored:
            self.reload()  # back to what is stored
        self._update_chart()

    def _update_chart(self) -> None:
        """Adjust every milestone in a worker and draw; a newer request wins over an older.
        The methods are compared instead when their tab is the one shown."""
        if self.tabs.currentWidget() is self.compare:
            self._update_comparison()
            return
        course = self.ctx.course
        if self.tabs.currentWidget() is not self.chart or course is None:
            return
        self.chart_results.request(results_of_file, course.path)

    def _update_comparison(self) -> None:
        inputs = self.inputs
        if inputs is None or inputs.team_set is None:
            self.compare.clear("Add a milestone, with teams, to compare the methods.")
            return
        self.compare.request(inputs.adjust, self._requested, inputs.names)

    def _chart_done(self, results: list[MilestoneResult]) -> None:
        self.chart.show_results(results, self.inputs.names if self.inputs else None)
        self.chart_ready.emit()

    # -- export ------------------------------------------------------------------------------
    def open_export(self) -> ExportDialog | None:
        course = self.ctx.course
        if course is None:
            return None
        milestones = sum(1 for m in course.milestones() if team_set_for(course, m) is not None)
        self.export_dialog = ExportDialog(
            course.path, milestones, len(course.roster()), course.path.parent / "exports", self
        )
        self.export_dialog.open()
        return self.export_dialog

    def save_preview_page(self) -> object:
        """Save the students' preview page of the milestone shown (asks for the file)."""
        course, inputs = self.ctx.course, self.inputs
        if course is None or inputs is None or inputs.milestone.id is None:
            return None
        return save_preview_page(self, course, inputs.milestone.id)
