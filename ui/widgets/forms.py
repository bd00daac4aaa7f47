"""Small helpers for building forms: spin boxes with tooltips, forms from their rows, clearing
a layout."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from PySide6.QtWidgets import QFormLayout, QLayout, QSpinBox, QWidget

W = TypeVar("W", bound=QWidget)


def with_tip(widget: W, tip: str) -> W:
    widget.setToolTip(tip)
    return widget


def spin_box(low: int, high: int, tip: str, *, prefix: str = "", suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setPrefix(prefix)
    box.setSuffix(suffix)
    box.setToolTip(tip)
    return box


def clear_layout(layout: QLayout) -> None:
    """Remove every item of ``layout``; its widgets are deleted later."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


#: A row of a form: (label, field), or one widget spanning both columns.
FormRow = tuple[str | QWidget, QWidget | QLayout] | QWidget


def form_layout(rows: Iterable[FormRow], parent: QWidget | None = None) -> QFormLayout:
    """A form laid out on ``parent`` (when given) with ``rows`` in order."""
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    add_rows(form, rows)
    return form


def add_rows(form: QFormLayout, rows: Iterable[FormRow]) -> None:
    for row in rows:
        if isinstance(row, tuple):
            label, field = row
            form.addRow(label, field)
        else:
            form.addRow(row)
