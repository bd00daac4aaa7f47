"""Placing a top-level window within a screen's available geometry (no part off the screen).

Worked example: on a 1024 × 640 screen whose available area is (0, 0, 1024, 640), the first
window asks for 1280 × 800 and gets the whole area, (0, 0, 1024, 640); on a 1920 × 1080 screen it
gets 1280 × 800 centred, at ((1920 - 1280) / 2, (1080 - 800) / 2) = (320, 140). A window restored
at (900, 500, 1200, 700) on the small screen becomes (0, 0, 1024, 640). Once shown, a window
manager's frame (title bar) is known and the window is moved or shrunk so that it fits too.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1280, 800)
#: Room kept around a new window for a frame; none: ``keep_frame_on_screen`` fits the real one.
FRAME_ROOM = QMargins(0, 0, 0, 0)


def fitted(rect: QRect, available: QRect, minimum: QSize = QSize(0, 0)) -> QRect:  # noqa: B008
    """``rect`` moved, and shrunk only as far as needed, to lie within ``available``."""
    width = min(max(rect.width(), minimum.width()), available.width())
    height = min(max(rect.height(), minimum.height()), available.height())
    x = min(max(rect.x(), available.left()), available.left() + available.width() - width)
    y = min(max(rect.y(), available.top()), available.top() + available.height() - height)
    return QRect(x, y, width, height)


def first_geometry(available: QRect, preferred: QSize = PREFERRED) -> QRect:
    """Where a window opens the first time: ``preferred`` size at most, centred, frame room kept."""
    room = available.marginsRemoved(FRAME_ROOM)
    width, height = min(preferred.width(), room.width()), min(preferred.height(), room.height())
    x = room.left() + (room.width() - width) // 2
    y = room.top() + (room.height() - height) // 2
    return QRect(x, y, width, height)


def available_geometry(window: QWidget) -> QRect:
    """The available geometry of the screen showing ``window`` (else the primary screen)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def screen_at(rect: QRect) -> QRect | None:
    """The available geometry of the screen holding the centre of ``rect``, if any."""
    screen = QGuiApplication.screenAt(rect.center())
    return screen.availableGeometry() if screen is not None else None


def place_window(window: QWidget, restored: bool, available: QRect | None = None) -> None:
    """Give ``window`` its opening geometry within ``available`` (the screen's by default):
    the restored geometry clamped to the screen, else ``first_geometry``."""
    if restored:
        area = available or screen_at(window.geometry()) or available_geometry(window)
        window.setGeometry(fitted(window.geometry(), area, window.minimumSize()))
    else:
        area = available or available_geometry(window)
        window.setGeometry(first_geometry(area))


def keep_frame_on_screen(window: QWidget, available: QRect | None = None) -> None:
    """Once shown: move (or shrink) ``window`` so that its frame, title bar included, lies within
    ``available``. Without a window manager the frame is the window itself."""
    area = available or available_geometry(window)
    frame, inner = window.frameGeometry(), window.geometry()
    margins = QMargins(
        inner.left() - frame.left(),
        inner.top() - frame.top(),
        frame.right() - inner.right(),
        frame.bottom() - inner.bottom(),
    )
    target = fitted(inner, area.marginsRemoved(margins), window.minimumSize())
    if target != inner:
        window.setGeometry(target)
