"""Small read-only tables and titled boxes of the Ratings page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teamtool.model import Rating
from teamtool.names import natural_key
from ui.widgets.tables import read_only_table

#: Report headings by problem code, so the user sees duplicates, non-respondents, etc. at a glance.
KINDS = {
    "duplicate-submission": "Duplicate submission",
    "duplicate-rating": "Duplicate rating",
    "non-respondent": "Non-respondent",
    "wrong-teams": "Other teams?",
    "out-of-team": "Rating outside the team",
    "rater-not-in-team": "Rater in no team",
    "unknown-label": "Unknown label",
    "unknown-person": "Unknown person",
    "uncertain-match": "To confirm",
    "ambiguous-scale": "Scale",
}
COLOURS = {"error": QColor("#fde2e1"), "warning": QColor("#fff4cc"), "info": QColor("#ffffff")}


#: The "About" of a rater's general comment about the whole team (as in the workbook).
ABOUT_TEAM = "(whole team)"


def table(name: str, headers: list[str]) -> QTableWidget:
    """A read-only table of the page: columns the user may widen, the last one stretched."""
    table = read_only_table(name, headers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    for c in range(table.columnCount() - 1):
        table.setColumnWidth(c, min(table.columnWidth(c), 260))
    table.resizeRowsToContents()


def labelled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(QLabel(f"<b>{title}</b>"))
    layout.addWidget(widget, 1)
    return box


def comment_rows(ratings: Iterable[Rating], names: Mapping[str, str]) -> list[list[str]]:
    """From, About, Rating, Comment: a rater's general comment about the team first (about
    "(whole team)", no rating), then their comments about teammates (about themself: "(self)")."""
    rows = []
    for r in ratings:
        who = names.get(r.rater, r.rater)
        if r.general_comment.strip():
            rows.append([who, ABOUT_TEAM, "", r.general_comment])
        if r.comment.strip():
            about = names.get(r.ratee, r.ratee) + (" (self)" if r.rater == r.ratee else "")
            rows.append([who, about, r.label or f"{r.value:g}", r.comment])
    return rows


def natural_order(names: Iterable[str]) -> list[str]:
    """Team names as a person counts them: Team 2 before Team 10 (the core's natural key)."""
    return sorted(names, key=natural_key)
