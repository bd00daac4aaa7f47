"""A thin list model over one team's members, with drag and drop that asks for a move or a swap."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from teamtool.model import Student
from teamtool.roster.summary import cell_text

MIME = "application/x-teamtool-student"
STUDENT_ID_ROLE = Qt.ItemDataRole.UserRole

Index = QModelIndex | QPersistentModelIndex


class TeamMembersModel(QAbstractListModel):
    """The members of ``team``. Drops never edit the rows: they emit what the user asked for.

    ``move_requested(student_id, team)`` when a student is dropped between rows or on the empty
    part of the list; ``swap_requested(dragged_id, target_id)`` when dropped onto a member.
    """

    move_requested = Signal(str, str)
    swap_requested = Signal(str, str)

    def __init__(
        self,
        team: str,
        members: Sequence[Student],
        key_attributes: Sequence[str] = (),
        flags: dict[str, str] | None = None,
        locked: bool = False,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.team = team
        self.members = list(members)
        self.key_attributes = list(key_attributes)
        self.flags_by_id = flags or {}
        self.locked = locked
        self._texts = [self._text(s) for s in self.members]  # a wrapped list asks for them often

    def _text(self, s: Student) -> str:
        keys = [cell_text(s.get(a)) for a in self.key_attributes]
        detail = " · ".join(k for k in keys if k)
        flag = "⚠ " if self.flags_by_id.get(s.id) else ""
        return f"{flag}{s.name or s.id}" + (f"  —  {detail}" if detail else "")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.members)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.members):
            return None
        s = self.members[index.row()]
        flag = self.flags_by_id.get(s.id, "")
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [s.label, *(f"{a}: {cell_text(s.get(a))}" for a in self.key_attributes)]
            return "\n".join(lines + ([flag] if flag else []))
        if role == Qt.ItemDataRole.ForegroundRole and flag:
            return QBrush(QColor("#b00020"))
        if role == STUDENT_ID_ROLE:
            return s.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.locked:
            return base if index.isValid() else Qt.ItemFlag.NoItemFlags
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = [i.row() for i in indexes if i.isValid()]
        if rows:
            data.setData(MIME, QByteArray(self.members[rows[0]].id.encode("utf-8")))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return not self.locked and data.hasFormat(MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        student_id = bytes(data.data(MIME).data()).decode("utf-8")
        if parent.isValid() and 0 <= parent.row() < len(self.members):
            target = self.members[parent.row()].id
            if target != student_id:
                self.swap_requested.emit(student_id, target)
            return False  # the rows change only when the command is done
        if all(s.id != student_id for s in self.members):
            self.move_requested.emit(student_id, self.team)
        return False
