"""The Attributes panel: every roster attribute with its kind (changeable) and a summary."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from teamtool.model import AttributeKind, Roster
from teamtool.roster.summary import attribute_summary
from ui.widgets.forms import clear_layout

KIND_HELP = {
    AttributeKind.NUMERIC: "a number (GPA, a skill 1–5, years); can be balanced or spread",
    AttributeKind.CATEGORICAL: "one value from a few (gender, major, time zone); can be mixed",
    AttributeKind.AVAILABILITY: 'free weekly slots such as "Mon AM; Wed PM"; for schedules',
    AttributeKind.PREFERENCE: "names or ids of requested (or avoided) teammates",
    AttributeKind.TEXT: "kept and shown, never used to form teams",
}


class AttributesPanel(QWidget):
    """Emits ``kind_changed(attribute, kind)`` when the user picks another kind."""

    kind_changed = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combos: dict[str, QComboBox] = {}
        self._grid = QGridLayout()
        self._grid.setColumnStretch(2, 1)
        outer = QVBoxLayout(self)
        title = QLabel("<b>Attributes</b> — how each column is read")
        outer.addWidget(title)
        outer.addLayout(self._grid)
        outer.addStretch(1)

    def set_roster(self, roster: Roster) -> None:
        clear_layout(self._grid)
        self.combos = {}
        if not roster.attributes:
            text = (
                "No attributes: import a roster first."
                if not roster.students
                else "This roster has names and IDs only (a Canvas gradebook, say): teams can be "
                "formed by size and section. To balance GPA or skills or to mix majors, import "
                "a roster that has those columns (a spreadsheet or a survey export)."
            )
            empty = QLabel(text)
            empty.setWordWrap(True)
            self._grid.addWidget(empty, 0, 0, 1, 3)
            return
        for row, (name, kind, filled, summary) in enumerate(attribute_summary(roster)):
            combo = QComboBox()
            combo.setObjectName(f"kind:{name}")
            for k in AttributeKind:
                combo.addItem(k.value, k)
                combo.setItemData(combo.count() - 1, KIND_HELP[k], 3)  # 3 = ToolTipRole
            combo.setCurrentIndex(list(AttributeKind).index(AttributeKind(kind)))
            combo.setToolTip(KIND_HELP[AttributeKind(kind)])
            combo.currentIndexChanged.connect(
                lambda i, n=name: self.kind_changed.emit(n, list(AttributeKind)[i])
            )
            self.combos[name] = combo
            label = QLabel(name)
            detail = QLabel(f"{filled} filled · {summary}")
            detail.setWordWrap(True)
            detail.setStyleSheet("color: palette(dark)")
            self._grid.addWidget(label, row, 0)
            self._grid.addWidget(combo, row, 1)
            self._grid.addWidget(detail, row, 2)
