"""The entry point of the window: ``teamtool gui [COURSE]`` and the ``teamtool-gui`` program."""

from __future__ import annotations

import argparse
import importlib.resources
import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from teamtool.cli.cmd_gui import add_window_arguments
from ui import settings
from ui.main_window import MainWindow

#: The window icon, shipped as package data (ui/resources; packaging/render_icon.py draws the PNG).
ICON_FILES = ("teamtool.svg", "teamtool.png")


def app_icon() -> QIcon:
    """teamtool's icon (SVG where Qt can draw it, the 256-pixel PNG otherwise)."""
    icon = QIcon()
    resources = importlib.resources.files("ui") / "resources"
    for name in ICON_FILES:
        with importlib.resources.as_file(resources / name) as path:
            icon.addFile(str(path))
    return icon


def application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication (created once), named so that QSettings finds its file."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0], *(argv or [])])
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("teamtool")
    app.setDesktopFileName("teamtool")  # packaging/teamtool.desktop: the taskbar finds the icon
    app.setWindowIcon(app_icon())
    return app


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="teamtool-gui", description="Open the teamtool window.")
    add_window_arguments(p)
    return p


def start(argv: list[str]) -> MainWindow:
    """Show the main window, with the course named in ``argv`` (if any) open."""
    args = parser().parse_args(argv)
    application()
    window = MainWindow()
    window.show()
    if args.course:
        window.open_course(args.course)
    if args.quit_after is not None:  # closing the last window ends the event loop
        QTimer.singleShot(round(max(args.quit_after, 0.0) * 1000), window.close)
    return window


def run_event_loop(app: QApplication) -> int:
    return int(app.exec())


def main(argv: list[str] | None = None) -> int:
    """Open the window (and ``COURSE`` when given); returns the exit code when it closes."""
    logging.basicConfig(level=logging.WARNING)
    window = start(sys.argv[1:] if argv is None else argv)
    code = run_event_loop(application())
    window.deleteLater()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
