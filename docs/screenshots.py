"""Render every page of the window from the sample course into docs/img/*.png (1280×800, 1024×640).

Run: ``.venv/bin/python docs/screenshots.py`` (no screen needed: Qt's offscreen platform).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ui.main_window import MainWindow

OUT = ROOT / "docs" / "img"
SIZES = ((1280, 800), (1024, 640))


def settle(app: QApplication, ms: int = 50) -> None:
    """Let layouts and deferred deletions run."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def save(app: QApplication, widget: QWidget, name: str, size: tuple[int, int]) -> Path:
    widget.resize(*size)
    settle(app)
    path = OUT / f"{name}-{size[0]}x{size[1]}.png"
    widget.grab().save(str(path))
    return path


def form_teams(app: QApplication, window: MainWindow) -> None:
    page = window.teams_page
    rows = page.criteria_panel.rules.rows
    rows["Gender"].rule.setCurrentIndex(rows["Gender"].rule.findData("no-isolation"))
    rows["Gender"].value.setCurrentText("F")
    rows["Availability"].rule.setCurrentIndex(rows["Availability"].rule.findData("schedule"))
    page.criteria_panel.time_limit.setValue(2.0)
    loop = QEventLoop()
    page.solve_finished.connect(lambda _o: loop.quit())
    page.start_solve()
    loop.exec()


def show_teams_tab(window: MainWindow, tab: int) -> None:
    window.show_step(1)
    window.teams_page.tabs.setCurrentIndex(tab)


def main() -> int:
    QStandardPaths.setTestModeEnabled(True)  # leave the user's recent files alone
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName("teamtool-screenshots")
    QCoreApplication.setApplicationName("teamtool-screenshots")
    OUT.mkdir(parents=True, exist_ok=True)
    window = MainWindow()
    window.show()
    written: list[Path] = []
    for size in SIZES:
        written.append(save(app, window, "start", size))
    with tempfile.TemporaryDirectory() as tmp:
        window.create_sample_course(Path(tmp) / "sample.teamtool")
        form_teams(app, window)
        steps: list[tuple[str, Callable[[], None]]] = [
            ("students", lambda: window.show_step(0)),
            ("teams", lambda: show_teams_tab(window, 0)),
            ("teams-chart", lambda: show_teams_tab(window, 1)),
            ("teams-summary", lambda: show_teams_tab(window, 2)),
            ("ratings", lambda: window.show_step(2)),
            ("grades", lambda: window.show_step(3)),
        ]
        for name, show in steps:
            show()
            for size in SIZES:
                written.append(save(app, window, name, size))
        window.show_step(0)
        dialog = window.students_page.open_import_dialog()
        dialog.load(ROOT / "samples" / "roster.csv")
        for size in ((980, 620), (900, 560)):
            written.append(save(app, dialog, "import-dialog", size))
        dialog.close()
        window.close()
    for path in written:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
