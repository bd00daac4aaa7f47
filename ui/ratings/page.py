"""The Ratings step: import a milestone's survey, see each team's ratings, flags and comments."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from teamtool.grading import Flag, MilestoneResult
from teamtool.model import ratings_by_pair
from ui.commands import execute
from ui.commands.milestones import ImportSurveyCommand
from ui.context import AppContext
from ui.errors import show_error
from ui.milestones.compute import Recomputer
from ui.milestones.data import scale_for
from ui.milestones.page_base import MilestonePage
from ui.ratings.heat_map import HeatMap
from ui.ratings.import_dialog import SurveyImportDialog
from ui.ratings.matrix_model import TeamRatings
from ui.ratings.problem_kinds import report_item
from ui.ratings.replace_question import ReplaceRatingsQuestion, ask_before_replacing
from ui.ratings.tables import comment_rows, fill_table, labelled, natural_order, table


class RatingsPage(MilestonePage):
    """Reloads from the course after every change while visible; when hidden, on the next show.

    ``ready`` fires once the teams and flags of the milestone are shown (a worker computes the
    flags of a large class).
    """

    ready = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.recomputer = Recomputer(self)
        self.recomputer.ready.connect(self._adjusted)
        self.recomputer.failed.connect(self._failed)
        self.dialog: SurveyImportDialog | None = None
        self.question: ReplaceRatingsQuestion | None = None
        self.import_button = QPushButton("Import survey…")
        self.import_button.setObjectName("importSurveyButton")
        self.import_button.setToolTip("Read a peer-rating survey export into this milestone")
        self.import_button.clicked.connect(self.open_import)
        self.summary = QLabel()
        self.summary.setObjectName("ratingsSummary")
        self.summary.setWordWrap(True)
        self.team_list = QListWidget()
        self.team_list.setObjectName("teamList")
        self.team_list.setToolTip("The teams of this milestone; ⚑ counts a team's flags")
        self.team_list.currentRowChanged.connect(lambda _r: self._show_team())
        self.heat_map = HeatMap()
        self.matrix, self.legend = self.heat_map.model, self.heat_map.legend
        self.flags = table("flagsTable", ["Student", "Flag", "Rule", "The numbers"])
        self.comments = table("commentsTable", ["From", "About", "Rating", "Comment"])
        self.report = QListWidget()
        self.report.setObjectName("surveyReport")
        self.report.setWordWrap(True)
        self.report.setToolTip("What the latest import of this milestone's survey reported")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.flags, "Flags")
        self.tabs.addTab(self.comments, "Comments (instructor only)")
        self.tabs.addTab(self.report, "Import report")
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(
            labelled("Ratings (rows rate columns; self-ratings in italics)", self.heat_map)
        )
        right.addWidget(self.tabs)
        right.setSizes([260, 340])
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(labelled("Teams", self.team_list))
        main.addWidget(right)
        main.setStretchFactor(1, 1)
        main.setSizes([150, 850])
        top = QHBoxLayout()
        top.addWidget(self.bar, 1)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(main, 1)
        self.follow_changes()

    def reload(self) -> None:
        if not self.read_inputs():
            return
        self.result = None
        if self.inputs is not None and self.inputs.team_set is not None:
            self.recomputer.request(self.inputs)  # the flags; _adjusted fills the page
        else:
            self._fill()

    def _adjusted(self, result: MilestoneResult) -> None:
        self.result = result
        self._fill()
        self.ready.emit()

    def _failed(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        self.inputs = self.result = None
        self._fill()
        show_error(self, exc)

    def _fill(self) -> None:
        inputs, result = self.inputs, self.result
        row = max(0, self.team_list.currentRow())
        self.team_list.blockSignals(True)
        self.team_list.clear()
        self.report.clear()
        ok = inputs is not None and inputs.team_set is not None
        self.import_button.setEnabled(ok)
        if inputs is None or result is None or self.ctx.course is None:
            self.summary.setText("Add a milestone to import its peer ratings.")
        elif inputs.team_set is None:
            self.summary.setText(
                "This milestone has no teams: form or import teams, then Use other teams…"
            )
        else:
            flags_by_team: dict[str, int] = {}
            for f in result.all_flags():
                flags_by_team[f.team] = flags_by_team.get(f.team, 0) + 1
            for team in natural_order(inputs.teams):
                members, n = inputs.teams[team], flags_by_team.get(team, 0)
                item = QListWidgetItem(f"{team}  ({len(members)})" + (f"  ⚑ {n}" if n else ""))
                item.setData(Qt.ItemDataRole.UserRole, team)
                item.setToolTip(f"{n} flag(s) to look at" if n else "no flags")
                self.team_list.addItem(item)
            surveys = self.ctx.course.surveys(inputs.milestone.id or 0)
            if surveys and inputs.ratings:  # (an undone import leaves no ratings behind)
                s = surveys[-1]
                self.summary.setText(
                    f"{len(inputs.ratings)} ratings; latest import {s.file} "
                    f"({s.imported[:16].replace('T', ' ')}), scale {s.scale}; "
                    f"{len(result.all_flags())} flag(s)."
                )
                for line in s.report or ["The import reported nothing."]:
                    self.report.addItem(report_item(line))
            else:
                self.summary.setText(
                    f"{len(inputs.ratings)} ratings. Import the survey export of this milestone."
                )
        self.team_list.setCurrentRow(min(row, self.team_list.count() - 1))
        self.team_list.blockSignals(False)
        self._show_team()

    def current_team(self) -> str | None:
        item = self.team_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select_team(self, team: str) -> None:
        for i in range(self.team_list.count()):
            if self.team_list.item(i).data(Qt.ItemDataRole.UserRole) == team:
                self.team_list.setCurrentRow(i)

    def _show_team(self) -> None:
        team, inputs, result = self.current_team(), self.inputs, self.result
        course = self.ctx.course
        if team is None or inputs is None or result is None or course is None:
            self.heat_map.clear()
            self.flags.setRowCount(0)
            self.comments.setRowCount(0)
            return
        members = inputs.teams[team]
        ratings = {
            k: r
            for k, r in ratings_by_pair(inputs.ratings).items()
            if k[0] in members and k[1] in members
        }
        scale = scale_for(course, inputs.milestone.id or 0)
        values = [r.value for r in inputs.ratings]
        self.heat_map.show_team(TeamRatings(members, ratings, inputs.names, scale), values)
        flags: list[Flag] = [f for f in result.all_flags() if f.team == team]
        fill_table(
            self.flags,
            [[inputs.names.get(f.student_id, "whole team"), f.code, f.rule, f.detail]
             for f in flags],
        )  # fmt: skip
        fill_table(self.comments, comment_rows(ratings.values(), inputs.names))

    def open_import(self) -> SurveyImportDialog | None:
        course, inputs = self.ctx.course, self.inputs
        if course is None or inputs is None or inputs.team_set is None:
            return None
        self.dialog = SurveyImportDialog(course.roster(), inputs.team_set, self)
        self.dialog.accepted.connect(self._import_accepted)
        self.dialog.open()
        return self.dialog

    def _import_accepted(self) -> None:
        """Store the import; when the milestone has ratings already, ask first."""
        assert self.dialog is not None
        survey, inputs, course = self.dialog.survey, self.inputs, self.ctx.course
        if survey is None or inputs is None or inputs.milestone.id is None or course is None:
            return
        milestone_id = inputs.milestone.id

        def store() -> None:
            execute(self.ctx, ImportSurveyCommand(self.ctx, milestone_id, survey), self)

        back = self.dialog.open  # Cancel: back to the import, its choices kept
        self.question = ask_before_replacing(course, milestone_id, survey, self, store, back)
        if self.question is None:
            store()
