"""What the window's flat tables share: fixed column headings, a list of rows, which columns the
user may edit. A subclass says what each cell of a row shows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


class HeadedTableModel(QAbstractTableModel, Generic[R]):
    """A table of ``rows`` (one ``R`` a row) whose columns are ``headers``; cells of
    ``editable_columns`` can be edited. Subclasses implement ``cell``."""

    headers: tuple[str, ...] = ()
    editable_columns: frozenset[int] = frozenset()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[R] = []

    def replace_rows(self, rows: Sequence[R]) -> None:
        """Show ``rows`` instead (a model reset)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_total(self) -> int:
        """How many rows the table shows."""
        return len(self._rows)

    def row_at(self, index: Index) -> R:
        return self._rows[index.row()]

    def cell(self, row: R, column: int, role: int) -> Any:
        """What ``row`` shows in ``column`` for ``role`` (None: nothing)."""
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.holds(index):
            return None
        return self.cell(self.row_at(index), index.column(), role)

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
