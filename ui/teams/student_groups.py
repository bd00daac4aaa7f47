"""The criteria panel's student groups (pairs together or apart, pinned students), box helpers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from teamtool.model import Roster
from ui.widgets.forms import spin_box, with_tip

PAIR_ROLE = Qt.ItemDataRole.UserRole


def fill_group(box: QGroupBox, tip: str, *widgets: QWidget) -> QGroupBox:
    """Give ``box`` its tooltip and stack ``widgets`` in it."""
    box.setToolTip(tip)
    layout = QVBoxLayout(box)
    for w in widgets:
        layout.addWidget(w)
    return box


def row(*widgets: QWidget) -> QWidget:
    """``widgets`` side by side, with no margin of their own."""
    holder = QWidget()
    line = QHBoxLayout(holder)
    line.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        line.addWidget(w)
    return holder


def _student_combo(combo: QComboBox) -> QComboBox:
    """A narrow student picker; its tooltip names the chosen student whole, if the box elides."""
    combo.setMinimumContentsLength(8)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.currentTextChanged.connect(combo.setToolTip)
    return combo


def _remove_selected(widget: QListWidget) -> None:
    for item in widget.selectedItems():
        widget.takeItem(widget.row(item))


class _StudentGroup(QGroupBox):
    """A group whose list names students by their label in the roster of ``set_students``."""

    def __init__(self, title: str) -> None:
        super().__init__(title)
        self._roster: Roster | None = None
        self.combos: tuple[QComboBox, ...] = ()

    def set_students(self, roster: Roster) -> None:
        self._roster = roster
        for combo in self.combos:
            combo.clear()
            for s in roster.active():
                combo.addItem(s.label, s.id)

    def _label(self, sid: str) -> str:
        student = self._roster.get(sid) if self._roster is not None else None
        return student.label if student is not None else sid


class PairsGroup(_StudentGroup):
    """Pairs of students kept together or apart, hard or soft, and the students' requests."""

    def __init__(self) -> None:
        super().__init__("Keep together / apart")
        self.pair_a, self.pair_b = _student_combo(QComboBox()), _student_combo(QComboBox())
        self.combos = (self.pair_a, self.pair_b)
        together = with_tip(QPushButton("Together"), "Put these two students in the same team")
        apart = with_tip(QPushButton("Apart"), "Never put these two students in one team")
        together.clicked.connect(lambda: self._add_pair(True))
        apart.clicked.connect(lambda: self._add_pair(False))
        self.pairs = QListWidget()
        self.pairs.setObjectName("pairList")
        self.pairs.setMaximumHeight(90)
        remove_pair = with_tip(QPushButton("Remove"), "Forget the selected together/apart rule")
        remove_pair.clicked.connect(lambda: _remove_selected(self.pairs))
        self.pairs_hard = with_tip(
            QCheckBox("pairs are hard rules"),
            "Hard: the teams must keep them. Soft: kept as far as possible.",
        )
        self.use_requests = with_tip(
            QCheckBox("honour students' requests"),
            "Requested teammates (and 'avoid' columns) in the roster become soft pair rules.",
        )
        fill_group(
            self,
            "Pairs of students the teams must (or should) keep together or apart.",
            self.pair_a,  # one a line: the names and ids show whole in a narrow panel
            self.pair_b,
            row(together, apart, remove_pair),
            self.pairs,
            self.pairs_hard,
            self.use_requests,
        )

    def set_values(self, c: dict[str, Any]) -> None:
        self.pairs.clear()
        for together, key in ((True, "together"), (False, "apart")):
            for a, b in c[key]:
                self._pair_item(str(a), str(b), together)
        self.pairs_hard.setChecked(bool(c["pairs_hard"]))
        self.use_requests.setChecked(bool(c["use_requests"]))

    def values(self) -> dict[str, Any]:
        pairs = [self.pairs.item(i).data(PAIR_ROLE) for i in range(self.pairs.count())]
        return {
            "together": [[a, b] for a, b, t in pairs if t],
            "apart": [[a, b] for a, b, t in pairs if not t],
            "pairs_hard": self.pairs_hard.isChecked(),
            "use_requests": self.use_requests.isChecked(),
        }

    def _pair_item(self, a: str, b: str, together: bool) -> None:
        word = "together with" if together else "apart from"
        item = QListWidgetItem(f"{self._label(a)} {word} {self._label(b)}")
        item.setData(PAIR_ROLE, (a, b, together))
        self.pairs.addItem(item)

    def _add_pair(self, together: bool) -> None:
        a, b = self.pair_a.currentData(), self.pair_b.currentData()
        if a and b and a != b:
            self._pair_item(a, b, together)


class PinsGroup(_StudentGroup):
    """Students who must be in a given team."""

    def __init__(self) -> None:
        super().__init__("Pinned students")
        self.pin_student = _student_combo(QComboBox())
        self.combos = (self.pin_student,)
        self.pin_team = spin_box(1, 500, "The team number to put the student in", prefix="team ")
        pin = with_tip(QPushButton("Pin"), "Always put this student in this team")
        pin.clicked.connect(self._add_pin)
        self.pins = QListWidget()
        self.pins.setMaximumHeight(70)
        remove_pin = with_tip(QPushButton("Remove"), "Unpin the selected student")
        remove_pin.clicked.connect(lambda: _remove_selected(self.pins))
        fill_group(
            self,
            "Students who must be in a given team (e.g. a team lead).",
            self.pin_student,  # a line of its own: the name and id show whole
            row(self.pin_team, pin),
            row(self.pins, remove_pin),
        )

    def set_values(self, c: dict[str, Any]) -> None:
        self.pins.clear()
        for sid, team in dict(c["pins"]).items():
            self._pin_item(str(sid), int(team))

    def values(self) -> dict[str, Any]:
        pins = [self.pins.item(i).data(PAIR_ROLE) for i in range(self.pins.count())]
        return {"pins": {str(p[0]): int(p[1]) for p in pins}}

    def _pin_item(self, sid: str, team: int) -> None:
        item = QListWidgetItem(f"{self._label(sid)} in team {team}")
        item.setData(PAIR_ROLE, (sid, team))
        self.pins.addItem(item)

    def _add_pin(self) -> None:
        sid = self.pin_student.currentData()
        if sid:
            self._pin_item(sid, self.pin_team.value())
