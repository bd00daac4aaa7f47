"""Fixtures for the window tests: harmless settings, a main window, the sample course."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from teamtool.roster import import_roster
from teamtool.store import Course
from ui.main_window import MainWindow

SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def settings_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A settings folder of this test run's own: Qt's test location (~/.qttest) is shared by
    every test run on the machine, and parallel runs would read each other's recent files."""
    return tmp_path_factory.mktemp("qsettings")


@pytest.fixture(autouse=True)
def test_settings(qapp: QApplication, settings_folder: Path) -> Iterator[None]:
    """QSettings of a test application in this run's own folder, empty at the start of each
    test."""
    QStandardPaths.setTestModeEnabled(True)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(settings_folder))
    qapp.setOrganizationName("teamtool-tests")
    # One settings file per test process: two test runs at once must not clear each other's.
    qapp.setApplicationName(f"teamtool-ui-tests-{os.getpid()}")
    QSettings().clear()
    yield
    QSettings().clear()


def make_sample_course(path: Path) -> Path:
    """A course file holding the 48 students of samples/roster.csv."""
    imported = import_roster(SAMPLES / "roster.csv")
    with Course.create(path, "Sample course") as course:
        course.replace_roster(imported.roster, source="roster.csv")
    return path


@pytest.fixture
def course_path(tmp_path: Path) -> Path:
    return make_sample_course(tmp_path / "sample.teamtool")


@pytest.fixture
def window(qtbot: QtBot, course_path: Path) -> Iterator[MainWindow]:
    """The main window with the sample course open."""
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_course(course_path)
    yield w
    w.teams_page.stop_solving()
    if w.teams_page.worker is not None:
        with qtbot.waitSignal(w.teams_page.solve_finished, timeout=20000):
            pass
