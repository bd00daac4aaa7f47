"""Icons drawn with QPainter, so that they show on any desktop (an emoji may be a missing glyph)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

LOCKED_COLOUR = QColor("#8a5a00")
OPEN_COLOUR = QColor("#6b6b6b")


def _padlock(size: int, locked: bool, colour: QColor) -> QPixmap:
    """A padlock ``size`` pixels square: the shackle closed, or swung open to the right."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 16.0
    pen = QPen(colour, 1.8 * s)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    shackle = QPainterPath()
    left = 4.5 * s if locked else 8.5 * s
    shackle.moveTo(left, 8 * s)
    shackle.lineTo(left, 5.5 * s)
    shackle.arcTo(QRectF(left, 1.5 * s, 7 * s, 8 * s), 180, -180)
    shackle.lineTo(left + 7 * s, 8 * s if locked else 5.5 * s)
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    body = (
        QRectF(2.5 * s, 7.5 * s, 11 * s, 7.5 * s)
        if locked
        else QRectF(1 * s, 7.5 * s, 10 * s, 7.5 * s)
    )
    painter.drawRoundedRect(body, 1.5 * s, 1.5 * s)
    painter.setBrush(QColor("white"))
    hole = body.center()
    painter.drawEllipse(hole, 1.2 * s, 1.2 * s)
    painter.end()
    return pixmap


@cache
def lock_icon(locked: bool) -> QIcon:
    """A closed padlock (locked team) or an open one (unlocked), at 16, 24 and 32 pixels."""
    icon = QIcon()
    for size in (16, 24, 32):
        icon.addPixmap(_padlock(size, locked, LOCKED_COLOUR if locked else OPEN_COLOUR))
    return icon
