"""Tables of text the user reads but does not edit: headings, no row numbers."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QTableWidget


def read_only_table(name: str, headers: Sequence[str]) -> QTableWidget:
    """An empty table named ``name`` (for tests and style sheets) with ``headers`` as columns."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table
