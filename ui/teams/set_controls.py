"""The bar above the teams: the team-set picker, Form teams, Cancel, Export, progress and status."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from teamtool.formation import Solution
from teamtool.model import TeamSet
from ui.teams.export_actions import ExportButton

SET_TIP = "Every set of teams formed in this course; pick one to see it"


class SetControls(QWidget):
    """The widgets only; the Teams page connects them and decides what they do."""

    def __init__(self, export_name: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_combo = QComboBox()
        self.set_combo.setObjectName("teamSetCombo")
        self.set_combo.setToolTip(SET_TIP)
        self.set_combo.setMinimumContentsLength(16)
        self.solve_button = QPushButton("Form teams")
        self.solve_button.setObjectName("solveButton")
        self.solve_button.setToolTip(
            "Form a new set of teams with these rules (locked teams of the shown set are kept); "
            "earlier sets stay in the list"
        )
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop searching and keep the best teams found so far")
        self.cancel_button.setEnabled(False)
        self.export_button = ExportButton(export_name)
        self.set_combo.currentIndexChanged.connect(lambda _i: self._show_full_name())
        self.top = top = QHBoxLayout()  # the set, its menu, export; the run below (1024 px)
        top.addWidget(QLabel("Team set:"))
        top.addWidget(self.set_combo, 1)
        top.addWidget(self.export_button)

        self.progress = QProgressBar()
        self.progress.setObjectName("solveProgress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        run = QHBoxLayout()
        run.addWidget(self.solve_button)
        run.addWidget(self.cancel_button)
        run.addWidget(self.progress, 1)
        self.status = QLabel("Set the rules on the left, then click Form teams.")
        self.status.setObjectName("solveStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(run)
        layout.addWidget(self.status)

    def add_to_top(self, widget: QWidget) -> None:
        """Put ``widget`` (the team-set menu) between the set picker and Export."""
        self.top.insertWidget(self.top.count() - 1, widget)

    def fill_sets(self, team_sets: Sequence[TeamSet], keep_id: int | None) -> int:
        """List the team sets without signalling; select ``keep_id`` (else the newest)."""
        self.set_combo.blockSignals(True)
        self.set_combo.clear()
        for ts in team_sets:
            when = ts.created[:16].replace("T", " ")
            text = f"{ts.name} — {when} — {len(ts.teams)} teams"
            self.set_combo.addItem(text, ts.id)
            self.set_combo.setItemData(
                self.set_combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole
            )
        ids = [ts.id for ts in team_sets]
        index = ids.index(keep_id) if keep_id in ids else len(ids) - 1
        self.set_combo.setCurrentIndex(index)
        self.set_combo.blockSignals(False)
        self._show_full_name()
        return index

    def _show_full_name(self) -> None:
        """The tooltip starts with the whole name of the shown set, in case the box elides it."""
        text = self.set_combo.currentText()
        self.set_combo.setToolTip((f"{text}\n\n" if text else "") + SET_TIP)

    def set_state(self, *, running: bool, has_roster: bool, has_set: bool) -> None:
        self.solve_button.setEnabled(has_roster and not running)
        self.cancel_button.setEnabled(running)
        self.export_button.setEnabled(has_set)

    def show_progress(self, text: str, permille: int) -> None:
        self.status.setText(text)
        if permille >= 0:
            self.progress.setValue(permille)

    def show_solved(self, s: Solution, levels: list[str]) -> None:
        """The outcome of a run that formed teams (cancelled runs keep the best found), with
        each priority level's score and proven bound."""
        cancelled = s.status == "CANCELLED"
        self.status.setText(
            f"{'Cancelled; kept the best teams found' if cancelled else 'Done'}: "
            f"{len(s.teams)} teams in {s.wall_time:.1f} s ({s.status.lower()}).\n"
            + "\n".join(level[0].upper() + level[1:] + "." for level in levels)
        )
