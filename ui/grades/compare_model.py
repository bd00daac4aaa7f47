"""The methods side by side: one row per student, one column per preset, moves highlighted."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from teamtool.grading.compare import NOTABLE_POINTS, ComparedStudent, MethodComparison, Outcome
from ui.milestones.data import PRESET_NAMES

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole
FIXED = ("Student", "Team", "Team\ngrade", "Current\nsettings")
COL_CURRENT = len(FIXED) - 1
HIGHER = QColor("#d7ecd9")  # the preset gives more than the current settings
LOWER = QColor("#f7d9d4")  # the preset gives less
#: Column headings, short enough for a small screen (the tooltips give the presets' full names).
SHORT_NAMES = {"oakley": "Oakley", "cmu": "CMU", "catme": "CATME", "webpa": "WebPA",
               "spark": "SPARKPLUS"}  # fmt: skip


def outcome_text(outcome: Outcome) -> str:
    """``1.05 → 84`` (factor, then grade); ``—`` where there is no grade to adjust."""
    if outcome.grade is None:
        return "—"
    grade = f"{outcome.grade:.2f}".rstrip("0").rstrip(".")
    return grade if outcome.factor is None else f"{outcome.factor:.3g} → {grade}"


class CompareModel(QAbstractTableModel):
    """Thin adapter over a :class:`MethodComparison`; the last column is each row's spread."""

    def __init__(self) -> None:
        super().__init__()
        self._table = MethodComparison((), ())
        self._names: dict[str, str] = {}

    def set_comparison(self, table: MethodComparison, names: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._table, self._names = table, dict(names)
        self.endResetModel()

    def headers(self) -> list[str]:
        presets = [SHORT_NAMES.get(p, p) for p in self._table.presets]
        return [*FIXED, *presets, "Spread\n(points)"]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table.students)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(section)
        return None

    def _header_tip(self, section: int) -> str:
        if section == COL_CURRENT:
            return "Factor → grade with this milestone's own settings (the ones exported)"
        if section == len(self.headers()) - 1:
            return "Highest minus lowest grade over every column: how much the method matters"
        if section > COL_CURRENT:
            name = PRESET_NAMES.get(self._table.presets[section - COL_CURRENT - 1], "")
            return f"Factor → grade under the {name} preset as published (no override)"
        return self.headers()[section].replace("\n", " ")

    def _outcome(self, row: ComparedStudent, column: int) -> Outcome | None:
        if column == COL_CURRENT:
            return row.current
        if COL_CURRENT < column < COL_CURRENT + 1 + len(row.by_preset):
            return row.by_preset[column - COL_CURRENT - 1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._table.students[index.row()], index.column()
        outcome = self._outcome(row, column)
        last = column == len(self.headers()) - 1
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            sort = role == SORT_ROLE
            if column == 0:
                return self._names.get(row.student_id, row.student_id)
            if column == 1:
                return row.team
            if column == 2:
                return row.team_grade if sort else _points(row.team_grade)
            if last:
                return row.spread if sort else _points(row.spread)
            assert outcome is not None
            return outcome.grade if sort else outcome_text(outcome)
        if role == Qt.ItemDataRole.BackgroundRole and column > COL_CURRENT and not last:
            moved = row.moves(column - COL_CURRENT - 1)
            if moved is not None and abs(moved) >= NOTABLE_POINTS:
                return HIGHER if moved > 0 else LOWER
        if role == Qt.ItemDataRole.ToolTipRole and column > COL_CURRENT and not last:
            moved = row.moves(column - COL_CURRENT - 1)
            if moved is not None:
                return f"{moved:+.2f} points against the current settings"
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


def _points(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")
