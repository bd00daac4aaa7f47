"""The criteria panel of the Teams page: sizes, rules per attribute, pairs, pins, history, time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from teamtool.model import Roster, TeamSet
from ui.teams.criteria import DEFAULTS
from ui.teams.rule_rows import RuleRows
from ui.widgets.forms import spin_box, with_tip

PAIR_ROLE = Qt.ItemDataRole.UserRole


def _group(title: str, tip: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    box.setToolTip(tip)
    layout = QVBoxLayout(box)
    for w in widgets:
        layout.addWidget(w)
    return box


def _row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    line = QHBoxLayout(holder)
    line.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        line.addWidget(w)
    return holder


class CriteriaPanel(QWidget):
    """``criteria()`` reads the panel; ``set_context`` fills it for a roster and its team sets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_size = spin_box(2, 30, "The smallest team allowed", prefix="from ")
        self.max_size = spin_box(2, 30, "The largest team allowed", prefix="to ")
        sizes = _group(
            "Team size",
            "Teams of 3–5 work well; the number of teams follows from the class size.",
            _row(self.min_size, self.max_size),
        )
        self.rules = RuleRows()
        rules = _group(
            "Rules per attribute",
            "Pick what matters for each attribute; hover a rule for what it does.",
            self.rules,
        )

        self.pair_a, self.pair_b = QComboBox(), QComboBox()
        for combo in (self.pair_a, self.pair_b):
            combo.setMinimumContentsLength(8)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        together = with_tip(QPushButton("Together"), "Put these two students in the same team")
        apart = with_tip(QPushButton("Apart"), "Never put these two students in one team")
        together.clicked.connect(lambda: self._add_pair(True))
        apart.clicked.connect(lambda: self._add_pair(False))
        self.pairs = QListWidget()
        self.pairs.setObjectName("pairList")
        self.pairs.setMaximumHeight(90)
        remove_pair = QPushButton("Remove")
        remove_pair.clicked.connect(lambda: self._remove(self.pairs))
        self.pairs_hard = with_tip(
            QCheckBox("pairs are hard rules"),
            "Hard: the teams must keep them. Soft: kept as far as possible.",
        )
        self.use_requests = with_tip(
            QCheckBox("honour students' requests"),
            "Requested teammates (and 'avoid' columns) in the roster become soft pair rules.",
        )
        pairs = _group(
            "Keep together / apart",
            "Pairs of students the teams must (or should) keep together or apart.",
            _row(self.pair_a, self.pair_b),
            _row(together, apart, remove_pair),
            self.pairs,
            self.pairs_hard,
            self.use_requests,
        )

        self.pin_student = QComboBox()
        self.pin_student.setMinimumContentsLength(8)
        self.pin_student.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.pin_team = spin_box(1, 500, "The team number to put the student in", prefix="team ")
        pin = with_tip(QPushButton("Pin"), "Always put this student in this team")
        pin.clicked.connect(self._add_pin)
        self.pins = QListWidget()
        self.pins.setMaximumHeight(70)
        remove_pin = QPushButton("Remove")
        remove_pin.clicked.connect(lambda: self._remove(self.pins))
        pins = _group(
            "Pinned students",
            "Students who must be in a given team (e.g. a team lead).",
            _row(self.pin_student, self.pin_team, pin),
            _row(self.pins, remove_pin),
        )

        self.previous = QListWidget()
        self.previous.setObjectName("previousSets")
        self.previous.setMaximumHeight(80)
        self.previous_hard = with_tip(
            QCheckBox("hard: never together again"),
            "Hard: no two students of a ticked set meet again. Soft: as few as possible.",
        )
        history = _group(
            "Avoid earlier teammates",
            "Tick earlier team sets whose teammates should not be together again.",
            self.previous,
            self.previous_hard,
        )

        self.time_limit = QDoubleSpinBox()
        self.time_limit.setRange(0.1, 600)
        self.time_limit.setDecimals(1)
        self.time_limit.setSuffix(" s")
        self.time_limit.setToolTip("How long to search; Cancel keeps the best teams found so far.")
        self.seed = spin_box(0, 999999, "The same seed and the same rules give the same teams.")
        run = _group("Search", "", _row(QLabel("time"), self.time_limit, QLabel("seed"), self.seed))

        layout = QVBoxLayout(self)
        for box in (sizes, rules, pairs, pins, history, run):
            layout.addWidget(box)
        layout.addStretch(1)
        self.set_criteria(DEFAULTS)

    # -- filling -----------------------------------------------------------------------------
    def set_context(
        self, roster: Roster, team_sets: list[TeamSet], criteria: dict[str, Any]
    ) -> None:
        self._roster = roster
        for combo in (self.pair_a, self.pair_b, self.pin_student):
            combo.clear()
            for s in roster.active():
                combo.addItem(s.label, s.id)
        self.previous.clear()
        for ts in team_sets:
            item = QListWidgetItem(f"{ts.name} ({ts.created[:10]})")
            item.setData(PAIR_ROLE, ts.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.previous.addItem(item)
        self.rules.set_roster(roster, list(criteria.get("rules", [])))
        self.set_criteria(criteria)

    def set_criteria(self, data: dict[str, Any]) -> None:
        c = {**DEFAULTS, **data}
        self.min_size.setValue(int(c["min_size"]))
        self.max_size.setValue(int(c["max_size"]))
        self.pairs.clear()
        for together, key in ((True, "together"), (False, "apart")):
            for a, b in c[key]:
                self._pair_item(str(a), str(b), together)
        self.pairs_hard.setChecked(bool(c["pairs_hard"]))
        self.use_requests.setChecked(bool(c["use_requests"]))
        self.pins.clear()
        for sid, team in dict(c["pins"]).items():
            self._pin_item(str(sid), int(team))
        previous = {str(x) for x in c["previous"]}
        for i in range(self.previous.count()):
            item = self.previous.item(i)
            checked = str(item.data(PAIR_ROLE)) in previous
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.previous_hard.setChecked(bool(c["previous_hard"]))
        self.time_limit.setValue(float(c["time_limit"]))
        self.seed.setValue(int(c["seed"]))

    def criteria(self) -> dict[str, Any]:
        """The panel as ``FormationCriteria.to_dict`` data (previous sets by id)."""
        pairs = [self.pairs.item(i).data(PAIR_ROLE) for i in range(self.pairs.count())]
        pins = [self.pins.item(i).data(PAIR_ROLE) for i in range(self.pins.count())]
        previous = [
            str(self.previous.item(i).data(PAIR_ROLE))
            for i in range(self.previous.count())
            if self.previous.item(i).checkState() == Qt.CheckState.Checked
        ]
        return {
            **DEFAULTS,
            "min_size": self.min_size.value(),
            "max_size": max(self.min_size.value(), self.max_size.value()),
            "rules": self.rules.rules(),
            "together": [[a, b] for a, b, t in pairs if t],
            "apart": [[a, b] for a, b, t in pairs if not t],
            "pairs_hard": self.pairs_hard.isChecked(),
            "use_requests": self.use_requests.isChecked(),
            "pins": {str(p[0]): int(p[1]) for p in pins},
            "previous": previous,
            "previous_hard": self.previous_hard.isChecked(),
            "time_limit": self.time_limit.value(),
            "seed": self.seed.value(),
        }

    # -- editing the lists -------------------------------------------------------------------
    def _label(self, sid: str) -> str:
        roster = getattr(self, "_roster", None)
        student = roster.get(sid) if roster is not None else None
        return student.label if student is not None else sid

    def _pair_item(self, a: str, b: str, together: bool) -> None:
        word = "together with" if together else "apart from"
        item = QListWidgetItem(f"{self._label(a)} {word} {self._label(b)}")
        item.setData(PAIR_ROLE, (a, b, together))
        self.pairs.addItem(item)

    def _pin_item(self, sid: str, team: int) -> None:
        item = QListWidgetItem(f"{self._label(sid)} in team {team}")
        item.setData(PAIR_ROLE, (sid, team))
        self.pins.addItem(item)

    def _add_pair(self, together: bool) -> None:
        a, b = self.pair_a.currentData(), self.pair_b.currentData()
        if a and b and a != b:
            self._pair_item(a, b, together)

    def _add_pin(self) -> None:
        sid = self.pin_student.currentData()
        if sid:
            self._pin_item(sid, self.pin_team.value())

    @staticmethod
    def _remove(widget: QListWidget) -> None:
        for item in widget.selectedItems():
            widget.takeItem(widget.row(item))
