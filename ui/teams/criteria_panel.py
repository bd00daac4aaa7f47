"""The criteria panel of the Teams page: sizes, rules per attribute, pairs, pins, history, time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teamtool.model import Roster, TeamSet
from ui.teams.criteria import DEFAULTS
from ui.teams.rule_rows import RuleRows
from ui.teams.student_groups import PAIR_ROLE, PairsGroup, PinsGroup, fill_group, row
from ui.widgets.forms import spin_box, with_tip

__all__ = ["PAIR_ROLE", "CriteriaPanel"]


def _group(title: str, tip: str, *widgets: QWidget) -> QGroupBox:
    return fill_group(QGroupBox(title), tip, *widgets)


class PreviousSetsGroup(QGroupBox):
    """Earlier team sets whose teammates should not meet again, hard or soft."""

    def __init__(self) -> None:
        super().__init__("Avoid earlier teammates")
        self.previous = QListWidget()
        self.previous.setObjectName("previousSets")
        self.previous.setMaximumHeight(80)
        self.previous_hard = with_tip(
            QCheckBox("hard: never together again"),
            "Hard: no two students of a ticked set meet again. Soft: as few as possible.",
        )
        fill_group(
            self,
            "Tick earlier team sets whose teammates should not be together again.",
            self.previous,
            self.previous_hard,
        )

    def set_sets(self, team_sets: list[TeamSet]) -> None:
        self.previous.clear()
        for ts in team_sets:
            item = QListWidgetItem(f"{ts.name} ({ts.created[:10]})")
            item.setData(PAIR_ROLE, ts.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.previous.addItem(item)

    def set_values(self, c: dict[str, Any]) -> None:
        previous = {str(x) for x in c["previous"]}
        for i in range(self.previous.count()):
            item = self.previous.item(i)
            checked = str(item.data(PAIR_ROLE)) in previous
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.previous_hard.setChecked(bool(c["previous_hard"]))

    def values(self) -> dict[str, Any]:
        previous = [
            str(self.previous.item(i).data(PAIR_ROLE))
            for i in range(self.previous.count())
            if self.previous.item(i).checkState() == Qt.CheckState.Checked
        ]
        return {"previous": previous, "previous_hard": self.previous_hard.isChecked()}


class CriteriaPanel(QWidget):
    """``criteria()`` reads the panel; ``set_context`` fills it for a roster and its team sets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_size = spin_box(2, 30, "The smallest team allowed", prefix="from ")
        self.max_size = spin_box(2, 30, "The largest team allowed", prefix="to ")
        sizes = _group(
            "Team size",
            "Teams of 3–5 work well; the number of teams follows from the class size.",
            row(self.min_size, self.max_size),
        )
        self.rules = RuleRows()
        rules = _group(
            "Rules per attribute",
            "Pick what matters for each attribute; hover a rule for what it does.",
            self.rules,
        )
        self.pairs_group = PairsGroup()
        self.pins_group = PinsGroup()
        self.history = PreviousSetsGroup()
        # The groups' widgets, as the panel has always offered them.
        self.pair_a, self.pair_b = self.pairs_group.pair_a, self.pairs_group.pair_b
        self.pairs, self.pairs_hard = self.pairs_group.pairs, self.pairs_group.pairs_hard
        self.use_requests = self.pairs_group.use_requests
        self.pin_student, self.pin_team = self.pins_group.pin_student, self.pins_group.pin_team
        self.pins = self.pins_group.pins
        self.previous, self.previous_hard = self.history.previous, self.history.previous_hard

        self.time_limit = QDoubleSpinBox()
        self.time_limit.setRange(0.1, 600)
        self.time_limit.setDecimals(1)
        self.time_limit.setSuffix(" s")
        self.time_limit.setToolTip("How long to search; Cancel keeps the best teams found so far.")
        self.seed = spin_box(0, 999999, "The same seed and the same rules give the same teams.")
        run = _group("Search", "", row(QLabel("time"), self.time_limit, QLabel("seed"), self.seed))

        layout = QVBoxLayout(self)
        for box in (sizes, rules, self.pairs_group, self.pins_group, self.history, run):
            layout.addWidget(box)
        layout.addStretch(1)
        self.set_criteria(DEFAULTS)

    def set_context(
        self, roster: Roster, team_sets: list[TeamSet], criteria: dict[str, Any]
    ) -> None:
        self.pairs_group.set_students(roster)
        self.pins_group.set_students(roster)
        self.history.set_sets(team_sets)
        self.rules.set_roster(roster, list(criteria.get("rules", [])))
        self.set_criteria(criteria)

    def set_criteria(self, data: dict[str, Any]) -> None:
        c = {**DEFAULTS, **data}
        self.min_size.setValue(int(c["min_size"]))
        self.max_size.setValue(int(c["max_size"]))
        self.pairs_group.set_values(c)
        self.pins_group.set_values(c)
        self.history.set_values(c)
        self.time_limit.setValue(float(c["time_limit"]))
        self.seed.setValue(int(c["seed"]))

    def restore(self, criteria: dict[str, Any]) -> None:
        """Show ``criteria`` (from ``criteria()``) again: the rules and every other setting."""
        self.rules.set_rules(list(criteria.get("rules", [])))
        self.set_criteria(criteria)

    def criteria(self) -> dict[str, Any]:
        """The panel as ``FormationCriteria.to_dict`` data (previous sets by id)."""
        return {
            **DEFAULTS,
            "min_size": self.min_size.value(),
            "max_size": max(self.min_size.value(), self.max_size.value()),
            "rules": self.rules.rules(),
            **self.pairs_group.values(),
            **self.pins_group.values(),
            **self.history.values(),
            "time_limit": self.time_limit.value(),
            "seed": self.seed.value(),
        }
