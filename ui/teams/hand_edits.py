"""Editing teams by hand on the Teams page: the student menus (mouse and keyboard), placing an
unassigned student where the rules suffer least, and the live "edited" status with the score."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QMenu

from teamtool.course.team_quality import RESULT, placements, score_text, set_score
from teamtool.errors import TeamtoolError
from teamtool.model import TeamSet
from ui.commands import CourseCommand, EditTeamSetCommand, execute
from ui.errors import show_error
from ui.teams.team_menu import fill_move_menu, fill_swap_menu, student_menu

if TYPE_CHECKING:
    from ui.teams.evaluation import TeamView
    from ui.teams.page import TeamsPage

FORMED_SCORE = "score_before_edits"  # in a set's run result: its score before the first edit


class HandEdits(QObject):
    """Owns the menus and the edit status of ``page``; the edits themselves are undo commands."""

    def __init__(self, page: TeamsPage) -> None:
        super().__init__(page)
        self.page = page
        self.menu: QMenu | None = None  # the last menu opened (tests trigger its items)
        self.broken: list[str] = []  # what the last edit broke
        panel = page.tabs.board_panel
        self.panel = panel
        panel.menu_requested.connect(self.open_menu)
        panel.unassigned.place_requested.connect(page.move_to_team)
        panel.unassigned.chosen.connect(self.suggest)
        panel.key_command.connect(self.key_command)

    # -- menus -----------------------------------------------------------------------------
    def _teams(self) -> list[TeamView]:
        return self.page.view.teams if self.page.view is not None else []

    def open_menu(self, student: str, pos: QPoint) -> QMenu:
        """The context menu of ``student``: Move to team ▸, Swap with ▸."""
        p = self.page
        self.menu = student_menu(p, self._teams(), student, p.move_to_team, p.swap_pair)
        self.menu.popup(pos)
        return self.menu

    def key_command(self, command: str, student: str) -> QMenu | None:
        """Ctrl+M: the Move to team menu of the selected student; Ctrl+Shift+M: Swap with;
        the Menu key: the whole context menu. Each opens under the student's line."""
        p, pos = self.page, self.panel.student_pos(student)
        if command == "menu":
            return self.open_menu(student, pos)
        menu = QMenu("Swap with" if command == "swap" else "Move to team", p)
        menu.setObjectName(f"{command}Menu")
        if command == "swap":
            fill_swap_menu(menu, self._teams(), student, p.swap_pair)
        else:
            fill_move_menu(menu, self._teams(), student, p.move_to_team)
        self.menu = menu
        menu.popup(pos)
        return menu

    # -- unassigned students -------------------------------------------------------------------
    def show_unassigned(self) -> None:
        ts, roster = self.page.current, self.page.roster
        ids = ts.unassigned(s.id for s in roster.active()) if ts is not None else []
        by_id = roster.by_id()
        self.panel.unassigned.set_students([by_id[i] for i in ids])

    def suggest(self, student: str) -> None:
        """Show the team where ``student`` hurts the set's rules least, placed with one click."""
        ts = self.page.current
        if ts is None:
            return
        try:
            found = placements(self.page.roster, ts, student, *self._scoring())
            now = set_score(self.page.roster, ts, *self._scoring())
        except TeamtoolError as exc:
            self.panel.unassigned.show_suggestion("", "", str(exc))
            return
        if not found:
            self.panel.unassigned.show_suggestion("", "", "Every team is locked.")
            return
        best = found[0]
        text = (
            f"Best place: {best.team}, score {score_text(best.score)} (now {score_text(now)}, "
            f"worst {found[-1].team}: {score_text(found[-1].score)})."
        )
        self.panel.unassigned.show_suggestion(student, best.team, text)

    def _scoring(self) -> tuple[list[TeamSet], dict[str, object]]:
        return self.page.previous_sets(), self.page.criteria_panel.criteria()

    # -- edits -------------------------------------------------------------------------------
    def edit(self, make: Callable[[TeamSet], CourseCommand]) -> None:
        """Push the command ``make`` builds for the shown set; then say what the edit broke."""
        page, ts = self.page, self.page.current
        if ts is None:
            return
        before = self.problems()
        try:
            command = make(ts)
            if isinstance(command, EditTeamSetCommand) and command.after.hand_edits > ts.hand_edits:
                self.before_edit(command.after)
            self.broken = []
            execute(page.ctx, command)
        except Exception as exc:  # noqa: BLE001 - every error ends in the one dialog
            show_error(page, exc)
            page.show_set()
            return
        self.broken = sorted(self.problems() - before)
        edited = self.status_text()
        if edited:
            page.status.setText(edited)

    # -- the edited status ---------------------------------------------------------------------
    def problems(self) -> set[str]:
        view = self.page.view
        if view is None:
            return set()
        return {f"{t.name}: {p}" for t in view.teams for p in t.problems} | set(
            view.hard_violations
        )

    def before_edit(self, after: TeamSet) -> None:
        """Keep the score of the set as formed in ``after`` (on its first hand edit)."""
        ts = self.page.current
        if ts is None:
            return
        stored = ts.criteria.get(RESULT)
        result = dict(stored) if isinstance(stored, dict) else {}
        if FORMED_SCORE not in result:
            try:
                result[FORMED_SCORE] = list(set_score(self.page.roster, ts, *self._scoring()))
            except TeamtoolError:
                return
            after.criteria[RESULT] = result

    def status_text(self) -> str:
        """ "Edited: 2 moves since forming; score 96, was 91." and what the last move broke."""
        ts = self.page.current
        if ts is None or not ts.hand_edits:
            return ""
        n = ts.hand_edits
        text = f"Edited: {n} move{'s' if n != 1 else ''} since forming"
        with contextlib.suppress(TeamtoolError):
            text += f"; score {score_text(set_score(self.page.roster, ts, *self._scoring()))}"
        result = ts.criteria.get(RESULT)
        formed = result.get(FORMED_SCORE) if isinstance(result, dict) else None
        if isinstance(formed, list):
            text += f", was {score_text(formed)}"
        text += " (lower is better)."
        if self.broken:
            text += " That move broke: " + "; ".join(self.broken) + "."
        return text
