"""The team-set menu of the Teams page: import a set from a file, rename, duplicate, delete,
compare two sets. Every change is an undo command."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QToolButton

from teamtool.course.team_quality import score_text, set_score
from teamtool.errors import TeamtoolError
from teamtool.files.teamfile import load_team_set
from teamtool.model import TeamSet
from teamtool.problems import Problems
from ui import settings
from ui.commands import (
    AddTeamSetCommand,
    CourseCommand,
    DeleteTeamSetCommand,
    EditTeamSetCommand,
    execute,
)
from ui.errors import show_error
from ui.teams.compare_dialog import CompareDialog
from ui.teams.evaluation import evaluate_set

if TYPE_CHECKING:
    from ui.teams.page import TeamsPage

FILTER = "Team lists (*.csv *.xlsx);;All files (*)"


class SetActions(QObject):
    """The "Team sets" menu button; each action also works without its dialog (tests)."""

    def __init__(self, page: TeamsPage) -> None:
        super().__init__(page)
        self.page = page
        self.compare_dialog: CompareDialog | None = None
        self.button = QToolButton()
        self.button.setObjectName("teamSetMenu")
        self.button.setText("Sets")
        self.button.setToolTip(
            "Import a team set from a file; rename, copy, delete or compare sets"
        )
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        self.import_action = menu.addAction("Import a team set…", self.ask_import)
        self.import_action.setToolTip("A CSV/XLSX of student_id,team or a Canvas group-set export")
        self.rename_action = menu.addAction("Rename…", self.ask_rename)
        self.duplicate_action = menu.addAction("Duplicate", self.duplicate)
        self.delete_action = menu.addAction("Delete…", self.ask_delete)
        menu.addSeparator()
        self.compare_action = menu.addAction("Compare two sets…", self.open_compare)
        self.button.setMenu(menu)

    def update(self) -> None:
        has_set, has_course = self.page.current is not None, self.page.ctx.course is not None
        self.import_action.setEnabled(has_course and bool(self.page.roster.students))
        for action in (self.rename_action, self.duplicate_action, self.delete_action):
            action.setEnabled(has_set)
        self.compare_action.setEnabled(len(self.page.team_sets) >= 2)

    def _push(self, command: CourseCommand) -> bool:
        return execute(self.page.ctx, command, self.page)

    def _unique(self, name: str) -> str:
        taken, out, n = {ts.name for ts in self.page.team_sets}, name, 2
        while out in taken:
            out, n = f"{name} ({n})", n + 1
        return out

    # -- import ---------------------------------------------------------------------------------
    def ask_import(self) -> None:
        folder = settings.get_str(settings.LAST_DIR) or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self.page, "Import a team set", folder, FILTER)
        if path:
            self.import_file(path)

    def import_file(self, path: str | Path) -> TeamSet | None:
        """Read ``path`` with the core's reader (names checked against the roster) and add it as
        a new set; a bad file ends in one error dialog naming file, row and column."""
        warnings = Problems()  # a Canvas group-set export's students in no group
        try:
            team_set = load_team_set(path, self.page.roster, warnings)
        except TeamtoolError as exc:
            show_error(self.page, exc)
            return None
        team_set.name = self._unique(team_set.name)
        settings.put(settings.LAST_DIR, str(Path(path).parent))
        self.page.show_newest = True
        try:
            done = self._push(AddTeamSetCommand(self.page.ctx, team_set.ordered()))
        finally:
            self.page.show_newest = False
        if done and len(warnings):
            box = QMessageBox(QMessageBox.Icon.Information, "Team set imported",
                              "\n".join(str(p) for p in warnings), parent=self.page)  # fmt: skip
            box.setObjectName("importWarnings")
            box.open()  # no waiting: the set is imported; the note says who was left out
        return team_set if done else None

    # -- rename, duplicate, delete --------------------------------------------------------------
    def ask_rename(self) -> None:
        ts = self.page.current
        if ts is None:
            return
        name, ok = QInputDialog.getText(self.page, "Rename team set", "New name:", text=ts.name)
        if ok:
            self.rename(name)

    def rename(self, name: str) -> bool:
        ts, name = self.page.current, " ".join(name.split())
        if ts is None or not name or name == ts.name:
            return False
        after = copy.deepcopy(ts)
        after.name = self._unique(name)
        return self._push(EditTeamSetCommand(self.page.ctx, after, f"Rename {ts.name}"))

    def duplicate(self) -> TeamSet | None:
        ts = self.page.current
        if ts is None:
            return None
        twin = copy.deepcopy(ts)
        twin.id, twin.created = None, ""
        twin.name = self._unique(f"{ts.name} (copy)")
        self.page.show_newest = True
        try:
            done = self._push(AddTeamSetCommand(self.page.ctx, twin))
        finally:
            self.page.show_newest = False
        return twin if done else None

    def ask_delete(self) -> None:
        ts = self.page.current
        if ts is None:
            return
        answer = QMessageBox.question(
            self.page, "Delete team set", f'Delete "{ts.name}"? (Edit ▸ Undo brings it back.)'
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete()

    def delete(self) -> bool:
        ts = self.page.current
        if ts is None or ts.id is None:
            return False
        try:
            command = DeleteTeamSetCommand(self.page.ctx, ts.id)
        except TeamtoolError as exc:
            show_error(self.page, exc)
            return False
        return self._push(command)

    # -- compare --------------------------------------------------------------------------------
    def describe(self, team_set: TeamSet) -> tuple[str, list[str]]:
        """(score, summary lines) of ``team_set`` under its own rules; a set without rules (an
        imported one) under the rules on screen, so that both columns measure alike."""
        page, note = self.page, []
        if not team_set.criteria.get("rules"):
            rules = {**page.criteria_panel.criteria(), **team_set.criteria}
            team_set = dataclasses.replace(team_set, criteria=rules)
            note = ["(imported without rules: measured with the rules on screen)"]
        try:
            score = score_text(set_score(page.roster, team_set))
            view = evaluate_set(page.roster, team_set, [])
        except TeamtoolError as exc:
            return "—", [str(exc)]
        return score, [f"{len(team_set.teams)} teams", *note, *view.summary_lines]

    def open_compare(self) -> CompareDialog | None:
        if len(self.page.team_sets) < 2:
            return None
        self.compare_dialog = CompareDialog(self.page.team_sets, self.describe, self.page)
        self.compare_dialog.open()
        return self.compare_dialog
