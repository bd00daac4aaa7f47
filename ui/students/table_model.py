"""A thin table model over the course roster (one row per student, one column per field)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from teamtool.model import AttributeKind, Roster, Student
from teamtool.roster.summary import cell_text

COL_ID, COL_NAME, COL_EMAIL, COL_SECTION, COL_STATUS = range(5)
FIXED = ("Student ID", "Name", "Email", "Section", "Status")

SORT_ROLE = Qt.ItemDataRole.UserRole  # a value that sorts naturally (numbers as numbers)
STUDENT_ROLE = Qt.ItemDataRole.UserRole + 1  # the Student itself

Index = QModelIndex | QPersistentModelIndex


class StudentTableModel(QAbstractTableModel):
    """Rows are the roster's students; attribute headers show the attribute's kind."""

    def __init__(self, roster: Roster | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._roster = roster or Roster()

    def set_roster(self, roster: Roster) -> None:
        self.beginResetModel()
        self._roster = roster
        self.endResetModel()

    @property
    def roster(self) -> Roster:
        return self._roster

    def student(self, row: int) -> Student:
        return self._roster.students[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._roster.students)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIXED) + len(self._roster.attributes)

    def attribute_of_column(self, column: int) -> str | None:
        i = column - len(FIXED)
        return self._roster.attributes[i].name if 0 <= i < len(self._roster.attributes) else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < self.columnCount():
            return None
        if section < len(FIXED):
            return FIXED[section] if role == Qt.ItemDataRole.DisplayRole else None
        spec = self._roster.attributes[section - len(FIXED)]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{spec.name}\n({spec.kind.value})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f'"{spec.name}" is read as {spec.kind.value}; '
                "change the kind in the Attributes panel below the table."
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self.rowCount()):
            return None
        s = self._roster.students[index.row()]
        column = index.column()
        if role == STUDENT_ROLE:
            return s
        if role == Qt.ItemDataRole.ForegroundRole and s.dropped:
            return QBrush(QColor("gray"))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
            return self._value(s, column, role)
        if role == Qt.ItemDataRole.TextAlignmentRole and self._is_numeric(column):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _is_numeric(self, column: int) -> bool:
        name = self.attribute_of_column(column)
        spec = self._roster.attribute(name) if name else None
        return spec is not None and spec.kind is AttributeKind.NUMERIC

    def _value(self, s: Student, column: int, role: int) -> Any:
        if column < len(FIXED):
            fixed = (s.id, s.name, s.email, s.section, "dropped" if s.dropped else "active")
            return fixed[column]
        name = self.attribute_of_column(column)
        if name is None:
            return None
        value = s.get(name)
        if role == SORT_ROLE and isinstance(value, float):
            return value
        if role == SORT_ROLE and value is None:
            return ""
        text = cell_text(value)
        if not text and s.raw.get(name, "").strip():
            return f"? {s.raw[name]}" if role != SORT_ROLE else s.raw[name]
        return text
