"""The team grades of one milestone as an editable table: team, members, grade."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from teamtool.number_text import parse_number

COL_TEAM, COL_MEMBERS, COL_GRADE = range(3)
HEADERS = ("Team", "Members", "Team grade")
Index = QModelIndex | QPersistentModelIndex


class TeamGradesModel(QAbstractTableModel):
    """Rows are the teams of the milestone's team set. Editing a grade never changes the model:
    it emits ``grade_edited(team, grade or None)``; the page pushes an undo command and reloads."""

    grade_edited = Signal(str, object)
    invalid_grade = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._teams: list[tuple[str, int]] = []
        self._grades: dict[str, float] = {}
        self.max_points = 100.0

    def set_rows(
        self, teams: Mapping[str, Sequence[str]], grades: Mapping[str, float], max_points: float
    ) -> None:
        self.beginResetModel()
        self._teams = [(t, len(m)) for t, m in teams.items()]
        self._grades = dict(grades)
        self.max_points = max_points
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._teams)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == COL_GRADE else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._teams):
            return None
        team, members = self._teams[index.row()]
        col = index.column()
        grade = self._grades.get(team)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == COL_TEAM:
                return team
            if col == COL_MEMBERS:
                return members
            if col == COL_GRADE:
                if grade is None:
                    return "" if role == Qt.ItemDataRole.EditRole else "—"
                return f"{grade:g}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col != COL_TEAM:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_GRADE:
            return f"Type the team's grade (0 to {self.max_points:g}); empty clears it"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != COL_GRADE or role != Qt.ItemDataRole.EditRole:
            return False
        team = self._teams[index.row()][0]
        text = str(value).strip()
        if not text:
            self.grade_edited.emit(team, None)
            return True
        grade = parse_number(text)
        if grade is None or not 0 <= grade <= self.max_points:
            self.invalid_grade.emit(
                f'"{text}" is not a grade between 0 and {self.max_points:g} for {team}.'
            )
            return False
        self.grade_edited.emit(team, grade)
        return True

    def team_at(self, row: int) -> str:
        return self._teams[row][0]
