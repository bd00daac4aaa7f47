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


@pytest.mark.parametrize("screen", SCREENS, ids=lambda r: f"{r.width()}x{r.height()}")
def test_new_window_lies_within_the_screen(qtbot: QtBot, screen: QRect) -> None:
    w = MainWindow()
    qtbot.addWidget(w)
    w.restore_geometry(screen)
    assert screen.contains(w.geometry()), w.geometry()
    assert w.width() >= 760
    assert w.height() >= 520


@pytest.mark.parametrize("screen", SCREENS, ids=lambda r: f"{r.width()}x{r.height()}")
def test_restored_geometry_is_clamped_to_the_current_screen(qtbot: QtBot, screen: QRect) -> None:
    """A window closed at 1400 × 900 on a big monitor opens inside a laptop's screen."""
    big = MainWindow()
    qtbot.addWidget(big)
    big.setGeometry(QRect(300, 200, 1400, 900))
    settings.put(settings.GEOMETRY, big.geometry())
    w = MainWindow()
    qtbot.addWidget(w)
    w.restore_geometry(screen)
    assert screen.contains(w.geometry()), w.geometry()
    assert w.geometry().size() == QSize(min(1400, screen.width()), min(900, screen.height()))


def test_restored_geometry_kept_when_it_fits(qtbot: QtBot) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.setGeometry(QRect(40, 30, 900, 560))
    settings.put(settings.GEOMETRY, first.geometry())
    w = MainWindow()
    qtbot.addWidget(w)
    w.restore_geometry(QRect(0, 0, 1024, 640))
    assert w.geometry() == QRect(40, 30, 900, 560)
