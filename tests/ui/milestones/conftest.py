"""Fixtures for the milestone pages: a course file holding the sample roster and teams."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

ROOT = Path(__file__).resolve().parents[3]

from teamtool.files.teamfile import load_team_set
from teamtool.roster import import_roster
from teamtool.store import Course
from ui.context import AppContext

SAMPLES = ROOT / "samples"


def make_course(path: Path) -> Path:
    """A course file with the 48 sample students and their 12 teams (no milestone yet)."""
    imported = import_roster(SAMPLES / "roster.csv")
    with Course.create(path, "Sample course") as course:
        course.replace_roster(imported.roster, source="roster.csv")
        team_set = load_team_set(SAMPLES / "teams.csv", imported.roster)
        team_set.name = "Project teams"
        course.add_team_set(team_set)
    return path


@pytest.fixture
def course_file(tmp_path: Path) -> Path:
    return make_course(tmp_path / "course.teamtool")


@pytest.fixture
def ctx(qtbot: object, course_file: Path) -> Iterator[AppContext]:
    context = AppContext()
    context.open(course_file)
    yield context
    QThreadPool.globalInstance().waitForDone(10000)  # no worker outlives the test's widgets
    context.close()
