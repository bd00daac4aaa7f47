"""Box layouts filled in one call: widgets and layouts in order, each with its stretch."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QBoxLayout, QLayout, QWidget

#: A widget or a layout, alone (stretch 0) or as (it, stretch).
BoxItem = QWidget | QLayout | tuple[QWidget | QLayout, int]
Box = TypeVar("Box", bound=QBoxLayout)


def fill(layout: Box, *items: BoxItem) -> Box:
    """Add ``items`` to ``layout`` in order; returns ``layout``."""
    for item in items:
        part, stretch = item if isinstance(item, tuple) else (item, 0)
        if isinstance(part, QLayout):
            layout.addLayout(part, stretch)
        else:
            layout.addWidget(part, stretch)
    return layout


def pane(layout: QBoxLayout, *items: BoxItem) -> QWidget:
    """A widget holding ``items`` in ``layout`` without margins: a page of a stack, a side of
    a splitter."""
    widget = QWidget()
    widget.setLayout(layout)
    layout.setContentsMargins(0, 0, 0, 0)
    fill(layout, *items)
    return widget
