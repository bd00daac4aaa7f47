"""Small helpers for building forms: spin boxes with tooltips, clearing a layout."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QLayout, QSpinBox, QWidget

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
