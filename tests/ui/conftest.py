"""Fixtures for the window tests: harmless settings, a main window, the sample course."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from teamtool.demo.sample_course import create_sample_course
from teamtool.roster import import_roster
from teamtool.store import Course
from tests.ui.windows import TEAMS
from ui.main_window import MainWindow
from ui.teams.page import TeamsPage

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


@pytest.fixture(scope="module")
def sample_course_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole sample course (teams, milestones, ratings), built once per test module."""
    return create_sample_course(tmp_path_factory.mktemp("sample") / "sample.teamtool")


@pytest.fixture
def teams_page(qtbot: QtBot, sample_course_file: Path, tmp_path: Path) -> Iterator[TeamsPage]:
    """The Teams step on a copy of the sample course, its board complete."""
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_course(shutil.copy(sample_course_file, tmp_path / "course.teamtool"))
    w.show_step(TEAMS)
    qtbot.waitUntil(lambda: w.teams_page.board.complete)
    yield w.teams_page
    w.teams_page.stop_solving()
