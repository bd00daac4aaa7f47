"""What the window's flat tables share: fixed column headings, a row count and which columns
the user may edit. A subclass says how many rows it has and what each cell shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class HeadedTableModel(QAbstractTableModel):
    """A table whose columns are ``headers``; cells of ``editable_columns`` can be edited."""

    headers: tuple[str, ...] = ()
    editable_columns: frozenset[int] = frozenset()

    def row_total(self) -> int:
        """How many rows the table shows."""
        raise NotImplementedError

    def holds(self, index: Index) -> bool:
        """Whether ``index`` is a cell of one of the table's rows."""
        return index.isValid() and 0 <= index.row() < self.row_total()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return (
            base | Qt.ItemFlag.ItemIsEditable if index.column() in self.editable_columns else base
        )
