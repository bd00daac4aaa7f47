"""One team's token ledger as a table: milestone, days late, resubmissions, original grade
(editable), then spent, left and what the ledger did (computed)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal

from teamtool.number_text import parse_number
from teamtool.store import TokenEntry
from teamtool.tokens.ledger import LedgerRow
from ui.table_model import HeadedTableModel, Index

HEADERS = ("Milestone", "Days late", "Resubmissions", "Original grade", "Spent", "Left", "Result")
COL_MILESTONE, COL_DAYS, COL_RESUBS, COL_ORIGINAL, COL_SPENT, COL_LEFT, COL_RESULT = range(7)
EDITABLE = frozenset((COL_DAYS, COL_RESUBS, COL_ORIGINAL))
Row = tuple[int, LedgerRow, TokenEntry]


def result_text(row: LedgerRow) -> str:
    parts = []
    if row.late_no_tokens:
        parts.append(
            "late, no tokens: no credit"
            if row.no_credit
            else f"late, {row.days_unpaid} unpaid day(s) deducted"
        )
    if row.resubmission_refused:
        parts.append("resubmission refused: original grade stands")
    if not parts and (row.days_late or row.resubmissions):
        parts.append("paid")
    return "; ".join(parts)


class TokenLedgerModel(HeadedTableModel[Row]):
    """Editing a cell never changes the model: it emits ``entry_edited(milestone id, milestone
    name, entry)``; the page pushes an undo command and reloads."""

    entry_edited = Signal(int, str, object)
    invalid_value = Signal(str)
    headers = HEADERS
    editable_columns = EDITABLE

    def cell(self, ledger_row: Row, col: int, role: int) -> Any:
        _, row, entry = ledger_row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            original = "" if entry.original_grade is None else f"{entry.original_grade:g}"
            values = (
                row.milestone, row.days_late, row.resubmissions, original,
                row.spent, row.left, result_text(row),
            )  # fmt: skip
            return values[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in (COL_MILESTONE, COL_RESULT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_ORIGINAL:
            return "The grade before the resubmission: it stands if the team cannot pay for it"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() not in EDITABLE:
            return False
        if role != Qt.ItemDataRole.EditRole:
            return False
        milestone_id, row, entry = self.row_at(index)
        text = str(value).strip()
        number = parse_number(text) if text else None
        if index.column() == COL_ORIGINAL:
            if text and (number is None or number < 0):
                self.invalid_value.emit(f'"{text}" is not a grade for {row.milestone}.')
                return False
            changed = replace(entry, original_grade=number)
        else:
            count = 0 if not text else number
            if count is None or count < 0 or count != int(count):
                self.invalid_value.emit(f'"{text}" is not a whole number of 0 or more.')
                return False
            name = "days_late" if index.column() == COL_DAYS else "resubmissions"
            changed = replace(entry, **{name: int(count)})
        if changed != entry:
            self.entry_edited.emit(milestone_id, row.milestone, changed)
        return True
