"""Render ui/resources/teamtool.svg to the PNG the Linux bundle and the window use.

    .venv/bin/python packaging/render_icon.py

Run it again after changing the SVG; both files are committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

RESOURCES = Path(__file__).resolve().parents[1] / "ui" / "resources"


def render(size: int = 256) -> Path:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(RESOURCES / "teamtool.svg")).render(painter)
    painter.end()
    target = RESOURCES / "teamtool.png"
    if not image.save(str(target)):
        raise SystemExit(f"cannot write {target}")
    return target


if __name__ == "__main__":
    app = QGuiApplication(sys.argv[:1])
    print(render())
