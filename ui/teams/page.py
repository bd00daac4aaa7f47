"""The Teams step: criteria, Solve in a worker with progress and Cancel, the board, chart, export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QScrollArea, QSplitter, QVBoxLayout, QWidget

from teamtool.model import Roster, TeamSet
from teamtool.store import Course
from ui import settings
from ui.commands import AddTeamSetCommand, execute, move_student, set_locked, swap_students
from ui.context import AppContext
from ui.errors import show_error
from ui.teams.criteria import saved_criteria, starting_criteria
from ui.teams.criteria_panel import CriteriaPanel
from ui.teams.criteria_undo import CriteriaUndo
from ui.teams.evaluation import SetView, evaluate_set
from ui.teams.export_actions import export
from ui.teams.hand_edits import HandEdits
from ui.teams.job import FormationJob, FormationResult
from ui.teams.mentor_actions import MentorActions
from ui.teams.results_view import ResultsView
from ui.teams.set_actions import SetActions
from ui.teams.set_controls import SetControls
from ui.teams.solve_runner import SolveRunner
from ui.widgets.boxes import pane
from ui.widgets.wheel_guard import guard_wheel
from ui.workers import Worker

if TYPE_CHECKING:
    from ui.widgets.chart import BalanceChart

LARGE_CLASS = 150  # students from which a team set is shown a turn after it is chosen or stored


class TeamsPage(QWidget):
    """Reads the course on every change signal; changes go through undo commands."""

    solve_finished = Signal(str)  # "done", "cancelled" or "error", after a run ends

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.roster = Roster()
        self.team_sets: list[TeamSet] = []
        self.current: TeamSet | None = None
        self.view: SetView | None = None
        self._run_course: Course | None = None
        self.show_newest = False

        self.criteria_panel = CriteriaPanel()
        self.criteria_scroll = criteria_scroll = QScrollArea()
        criteria_scroll.setWidgetResizable(True)
        criteria_scroll.setWidget(self.criteria_panel)
        criteria_scroll.setMinimumWidth(290)
        criteria_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.criteria_undo = CriteriaUndo(self.criteria_panel, ctx.undo_stack)
        self.controls = SetControls(lambda: self.current.name if self.current else "teams")
        self.set_combo = self.controls.set_combo
        self.solve_button = self.controls.solve_button
        self.cancel_button = self.controls.cancel_button
        self.export_button = self.controls.export_button
        self.progress = self.controls.progress
        self.status = self.controls.status
        self.set_combo.currentIndexChanged.connect(self._set_chosen)
        self.solve_button.clicked.connect(self.start_solve)
        self.cancel_button.clicked.connect(self.cancel_solve)
        self.export_button.chosen.connect(self.export)
        self.set_actions = SetActions(self)
        self.controls.add_to_top(self.set_actions.button)
        self.runner = SolveRunner(self)
        self.runner.progressed.connect(self.controls.show_progress)
        self.runner.succeeded.connect(self._succeeded)
        self.runner.failed.connect(self._failed)
        self.runner.ended.connect(self._ended)

        self.tabs = ResultsView()
        self.board = self.tabs.board
        self.summary = self.tabs.summary
        self.board.move_requested.connect(self.move_to_team)
        self.board.swap_requested.connect(self.swap_pair)
        self.board.lock_toggled.connect(self.lock_team)
        self.hand = HandEdits(self)
        self.mentors = MentorActions(self)

        right = pane(QVBoxLayout(), self.controls, (self.tabs, 1))
        self.splitter = QSplitter()
        self.splitter.addWidget(criteria_scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 900])
        state = settings.get_bytes(settings.TEAMS_SPLITTER)
        if not state.isEmpty():
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(
            lambda *_: settings.put(settings.TEAMS_SPLITTER, self.splitter.saveState())
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        ctx.course_opened.connect(lambda _c: self.reload(fresh=True))
        ctx.roster_changed.connect(lambda: self.reload(fresh=False))
        ctx.team_sets_changed.connect(lambda: self.reload(fresh=False, sets_only=True))
        self.reload(fresh=True)

    # -- reading the course ------------------------------------------------------------------
    def reload(self, *, fresh: bool, sets_only: bool = False) -> None:
        course = self.ctx.course
        if not sets_only or not self.roster.students:  # team sets leave the roster as it was
            self.roster = course.roster() if course is not None else Roster()
        self.team_sets = course.team_sets() if course is not None else []
        if fresh or not sets_only:
            criteria = (
                starting_criteria(self.roster, self.team_sets)
                if fresh
                else self.criteria_panel.criteria()
            )
            self.criteria_panel.set_context(self.roster, self.team_sets, criteria)
            guard_wheel(self.criteria_scroll, self.criteria_panel)
            self.criteria_undo.track()
            bar = self.criteria_scroll.verticalScrollBar().sizeHint().width()
            width = self.criteria_panel.minimumSizeHint().width() + bar + 4
            self.criteria_scroll.setMinimumWidth(max(290, width))
        keep = self.current.id if self.current is not None and not fresh else None
        if self.show_newest:
            keep = None  # the newest set
        self._set_chosen(self.controls.fill_sets(self.team_sets, keep))
        self._update_buttons()

    def _set_chosen(self, index: int) -> None:
        self.current = ts = self.team_sets[index] if 0 <= index < len(self.team_sets) else None
        if len(self.roster.students) < LARGE_CLASS:
            self.show_set()
        else:  # evaluated and shown on the next turn: storing and showing never stall together
            self.board.expect_cards()
            QTimer.singleShot(0, lambda: self.show_set() if ts is self.current else None)

    def show_set(self) -> None:
        ts = self.current
        self.view = None
        if ts is not None:
            try:
                self.view = evaluate_set(self.roster, ts, self.previous_sets())
            except Exception as exc:  # noqa: BLE001 - every error ends in the one dialog
                show_error(self, exc)
                return
        self.tabs.show_view(ts, self.view)
        self.mentors.refresh()
        self.hand.show_unassigned()
        edited = self.hand.status_text()
        if edited:
            self.status.setText(edited)

    def previous_sets(self) -> list[TeamSet]:
        """The earlier sets whose teammates the shown set's rules keep apart."""
        if self.current is None:
            return []
        chosen = {str(x) for x in saved_criteria(self.current)["previous"]}
        return [s for s in self.team_sets if str(s.id) in chosen or s.name in chosen]

    @property
    def chart(self) -> BalanceChart | None:
        return self.tabs.chart

    def _update_buttons(self) -> None:
        running = self.runner.running
        has_roster = bool(self.roster.active())
        self.controls.set_state(
            running=running, has_roster=has_roster, has_set=self.current is not None
        )
        self.criteria_panel.setEnabled(not running)
        self.set_actions.update()

    # -- solving ---------------------------------------------------------------------------
    @property
    def worker(self) -> Worker | None:
        return self.runner.worker

    def start_solve(self) -> FormationJob | None:
        if self.runner.running or self.ctx.course is None:
            return None
        criteria = self.criteria_panel.criteria()
        chosen = set(criteria["previous"])
        previous = [s for s in self.team_sets if str(s.id) in chosen]
        name = f"Teams {len(self.team_sets) + 1}"
        job = FormationJob(self.roster, criteria, previous, self.current, name)
        self._run_course = self.ctx.course
        self.runner.start(job)
        self._update_buttons()
        return job

    def cancel_solve(self) -> None:
        self.runner.cancel()

    def stop_solving(self) -> None:
        """Cancel a run because the course closes; its result is then dropped."""
        self.runner.cancel()
        self._run_course = None

    def _succeeded(self, result: FormationResult) -> None:
        course = self._run_course
        if course is None or course is not self.ctx.course:
            return  # the course was closed meanwhile
        try:
            self.show_newest = True  # the reload that follows shows the new set
            if not execute(self.ctx, AddTeamSetCommand(self.ctx, result.team_set), self):
                return
        finally:
            self.show_newest = False
        self.controls.show_solved(result.solution, result.levels)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(str(error) if self._run_course is self.ctx.course else "")
        show_error(self, error)

    def _ended(self, outcome: str) -> None:
        self.progress.setValue(1000 if outcome == "done" else 0)
        self._update_buttons()
        self.solve_finished.emit(outcome)

    # -- hand edits (always through an undo command, see HandEdits) --------------------------
    def move_to_team(self, student_id: str, team: str) -> None:
        self.hand.edit(lambda ts: move_student(self.ctx, ts, student_id, team))

    def swap_pair(self, a: str, b: str) -> None:
        self.hand.edit(lambda ts: swap_students(self.ctx, ts, a, b))

    def lock_team(self, team: str, locked: bool) -> None:
        self.hand.edit(lambda ts: set_locked(self.ctx, ts, team, locked))

    # -- export ------------------------------------------------------------------------------
    def export(self, kind: str, path: str | Path) -> Path | None:
        if self.current is None:
            return None
        try:
            written = export(kind, self.current, self.roster, path, self.mentors.mentors())
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return None
        self.status.setText(f"Exported to {written}")
        return written
