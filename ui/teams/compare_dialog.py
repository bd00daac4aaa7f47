"""Two team sets' quality summaries side by side, with their scores under the same rules."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QLabel,
    QScrollArea,
    QWidget,
)

from teamtool.model import TeamSet
from ui.widgets.dialog_buttons import close_button

#: (team set) -> (score text, summary lines) of that set
Describe = Callable[[TeamSet], tuple[str, list[str]]]


class CompareDialog(QDialog):
    """Pick two sets; each column shows its score and quality summary."""

    def __init__(
        self, team_sets: Sequence[TeamSet], describe: Describe, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareSetsDialog")
        self.setWindowTitle("Compare team sets")
        self.team_sets, self.describe = list(team_sets), describe
        grid = QGridLayout(self)
        self.pickers: list[QComboBox] = []
        self.columns: list[QLabel] = []
        for side in range(2):
            picker = QComboBox()
            picker.setObjectName(f"compareSet{side}")
            for ts in self.team_sets:
                picker.addItem(f"{ts.name} — {len(ts.teams)} teams", ts.id)
            picker.setCurrentIndex(max(0, len(self.team_sets) - 2 + side))
            column = QLabel()
            column.setObjectName(f"compareSummary{side}")
            column.setWordWrap(True)
            column.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            column.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(column)
            picker.currentIndexChanged.connect(lambda _i, s=side: self.show_side(s))
            grid.addWidget(picker, 0, side)
            grid.addWidget(scroll, 1, side)
            self.pickers.append(picker)
            self.columns.append(column)
        grid.addWidget(close_button(self), 2, 0, 1, 2)
        grid.setRowStretch(1, 1)
        self.resize(760, 460)
        for side in range(2):
            self.show_side(side)

    def show_side(self, side: int) -> None:
        index = self.pickers[side].currentIndex()
        if not 0 <= index < len(self.team_sets):
            return
        score, lines = self.describe(self.team_sets[index])
        text = f"<b>Score {score}</b> (lower is better)<br>" + "<br>".join(lines)
        self.columns[side].setText(text)
