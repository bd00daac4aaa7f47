"""The entry point of the window: ``teamtool gui [COURSE]`` and the ``teamtool-gui`` program."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtWidgets import QApplication

from ui import settings
from ui.main_window import MainWindow


def application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication (created once), named so that QSettings finds its file."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0], *(argv or [])])
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("teamtool")
    return app


def start(argv: list[str]) -> MainWindow:
    """Show the main window, with the course named in ``argv`` (if any) open."""
    parser = argparse.ArgumentParser(prog="teamtool-gui", description="Open the teamtool window.")
    parser.add_argument("course", nargs="?", help="a course file (*.teamtool) to open")
    args = parser.parse_args(argv)
    application()
    window = MainWindow()
    window.show()
    if args.course:
        window.open_course(args.course)
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
