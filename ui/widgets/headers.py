"""Table header sizing: the width a header label needs, and columns fitted to the font."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QHeaderView, QStyle, QTableView


def label_width(header: QHeaderView, section: int) -> int:
    """The width ``section`` needs to show its whole label (every line of it) and a sort arrow."""
    model = header.model()
    if model is None:
        return 0
    text = str(model.headerData(section, header.orientation()) or "")
    metrics = header.fontMetrics()
    widest = max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    return widest + 3 * margin + arrow


def fit_columns(view: QTableView, widest: Mapping[int, int] | None = None) -> None:
    """Size every column to its label and contents in the current font; a column in ``widest``
    is kept to that width at most (its cells elide, their tooltips carry the full text)."""
    header = view.horizontalHeader()
    model = view.model()
    if model is None:
        return
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        need = max(label_width(header, column), view.sizeHintForColumn(column))
        limit = (widest or {}).get(column)
        header.resizeSection(column, need if limit is None else min(need, limit))
