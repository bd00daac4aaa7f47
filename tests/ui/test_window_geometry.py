"""The main window opens within the screen's available geometry and restores a clamped geometry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from pytestqt.qtbot import QtBot

from ui import settings
from ui.main_window import MainWindow
from ui.widgets.screen_fit import first_geometry, fitted

SCREENS = [QRect(0, 0, 1024, 640), QRect(0, 0, 1280, 800), QRect(0, 0, 1024, 600)]


def test_first_geometry_worked_example() -> None:
    """1280 × 800 asked: the whole of a 1024 × 640 screen; centred on a 1920 × 1080 one."""
    assert first_geometry(QRect(0, 0, 1024, 640)) == QRect(0, 0, 1024, 640)
    assert first_geometry(QRect(0, 0, 1920, 1080)) == QRect(320, 140, 1280, 800)
    assert first_geometry(QRect(0, 24, 1280, 776)) == QRect(0, 24, 1280, 776)  # a top panel


def test_fitted_moves_then_shrinks() -> None:
    screen = QRect(0, 0, 1024, 640)
    assert fitted(QRect(900, 500, 1200, 700), screen) == QRect(0, 0, 1024, 640)
    assert fitted(QRect(900, 500, 400, 300), screen) == QRect(624, 340, 400, 300)
    assert fitted(QRect(-50, -20, 400, 300), screen) == QRect(0, 0, 400, 300)
    # a second screen to the right: the window stays on it
    assert fitted(QRect(2000, 10, 800, 600), QRect(1280, 0, 1024, 768)) == QRect(1504, 10, 800, 600)
    assert fitted(QRect(10, 10, 100, 100), screen, QSize(760, 520)).size() == QSize(760, 520)


def closed_at(qtbot: QtBot, geometry: QRect) -> None:
    """A window closed at ``geometry``: the settings keep where it was."""
    closed = MainWindow()
    qtbot.addWidget(closed)
    closed.setGeometry(geometry)
    settings.put(settings.GEOMETRY, closed.geometry())


def opened_on(qtbot: QtBot, screen: QRect) -> MainWindow:
    """A new window, placed as it is when it opens on ``screen``."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.restore_geometry(screen)
    return window


@pytest.mark.parametrize("screen", SCREENS, ids=lambda r: f"{r.width()}x{r.height()}")
def test_new_window_lies_within_the_screen(qtbot: QtBot, screen: QRect) -> None:
    w = opened_on(qtbot, screen)
    assert screen.contains(w.geometry()), w.geometry()
    assert w.width() >= 760
    assert w.height() >= 520


@pytest.mark.parametrize("screen", SCREENS, ids=lambda r: f"{r.width()}x{r.height()}")
def test_restored_geometry_is_clamped_to_the_current_screen(qtbot: QtBot, screen: QRect) -> None:
    """A window closed at 1400 × 900 on a big monitor opens inside a laptop's screen."""
    closed_at(qtbot, QRect(300, 200, 1400, 900))
    w = opened_on(qtbot, screen)
    assert screen.contains(w.geometry()), w.geometry()
    assert w.geometry().size() == QSize(min(1400, screen.width()), min(900, screen.height()))


def test_restored_geometry_kept_when_it_fits(qtbot: QtBot) -> None:
    closed_at(qtbot, QRect(40, 30, 900, 560))
    w = opened_on(qtbot, QRect(0, 0, 1024, 640))
    assert w.geometry() == QRect(40, 30, 900, 560)
