"""The entry point: ``main([COURSE])`` shows the window with the course open, returns 0 on quit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import ui.app
from teamtool.cli import main as cli_main
from ui.main_window import MainWindow


def shown_titles() -> list[str]:
    return [
        w.windowTitle()
        for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow) and w.isVisible()
    ]


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Titles of the windows shown when the event loop would start (it is not run in tests)."""
    titles: list[str] = []

    def fake_loop(app: QApplication) -> int:
        titles.extend(shown_titles())
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow):
                w.close()
        return 0

    monkeypatch.setattr(ui.app, "run_event_loop", fake_loop)
    return titles


def test_main_opens_the_course_and_returns_zero(seen: list[str], course_path: Path) -> None:
    assert ui.app.main([str(course_path)]) == 0
    assert any(str(course_path) in title for title in seen)


def test_main_without_course_shows_the_start_page(seen: list[str]) -> None:
    window = ui.app.start([])
    assert window.central.currentWidget() is window.start
    window.close()


def test_teamtool_gui_command_starts_the_same_window(seen: list[str], course_path: Path) -> None:
    """``teamtool gui COURSE`` goes through the CLI to ui.app.main."""
    assert cli_main(["gui", str(course_path)]) == 0
    assert any("Sample course" in title for title in seen)


def test_the_window_icon_is_the_shipped_icon() -> None:
    """ui/resources/teamtool.svg/.png (package data) is the application's icon: the blue tile
    with the light table in the middle."""
    image = ui.app.application().windowIcon().pixmap(64, 64).toImage()
    assert image.width() == 64
    assert image.pixelColor(12, 12).name() == "#1f5f8b"  # the tile, near its corner
    assert image.pixelColor(26, 28).name() == "#f4f1e8"  # the table


def test_quit_after_closes_the_window(qtbot: QtBot) -> None:
    """``teamtool gui --quit-after S`` (used by the install smoke scripts, which check that the
    program then ends with 0) closes its window by itself after S seconds."""
    window = ui.app.start(["--quit-after", "0.3"])
    qtbot.addWidget(window)
    assert window.isVisible()  # shown: its timer fires only once the event loop runs
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)


def test_opening_the_window_loads_no_solver_workbook_writer_or_pandas() -> None:
    """The window's modules load without OR-Tools (the team and mentor solvers load when first
    used), XlsxWriter, openpyxl or pandas: the first window appears sooner (#18)."""
    import subprocess
    import sys

    heavy = ("ortools", "xlsxwriter", "openpyxl", "pandas")
    probe = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen';"
        "import ui.main_window;"
        f"print([m for m in {heavy!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_what_lives_as_long_as_the_window_is_out_of_the_collectors_sight() -> None:
    """After the solver's preload the modules, widgets and OR-Tools are frozen (gc.freeze), so a
    full collection does not walk them while the window shows a large team set."""
    import gc

    from ui.main_window import preload_solver

    gc.unfreeze()
    try:
        preload_solver().join(timeout=60)
        import solver.former

        watched = {id(o) for o in gc.get_objects()}
        assert id(solver.former.TeamFormer) not in watched
        assert id(MainWindow) not in watched
    finally:
        gc.unfreeze()
    assert id(MainWindow) in {id(o) for o in gc.get_objects()}
