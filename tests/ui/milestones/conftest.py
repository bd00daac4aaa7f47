"""Fixtures for the milestone pages: a course file holding the sample roster and teams."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from teamtool.store import Course
from tests.sample_teams import add_sample_teams
from ui.context import AppContext


def make_course(path: Path) -> Path:
    """A course file with the 48 sample students and their 12 teams (no milestone yet)."""
    with Course.create(path, "Sample course") as course:
        add_sample_teams(course)
    return path


@pytest.fixture
def course_path(tmp_path: Path) -> Path:
    """Here the course also holds the 12 "Project teams": the ``ctx`` below and the window
    (tests/ui/conftest.py) open it."""
    return make_course(tmp_path / "course.teamtool")


@pytest.fixture
def ctx(qtbot: object, course_path: Path) -> Iterator[AppContext]:
    context = AppContext()
    context.open(course_path)
    yield context
    QThreadPool.globalInstance().waitForDone(10000)  # no worker outlives the test's widgets
    context.close()
