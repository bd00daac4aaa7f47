"""Fixtures for the milestone pages: a course file holding the sample roster and teams."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

# pytest puts tests/ on sys.path, where tests/ui (no __init__.py) would be imported as a
# namespace package "ui" and hide the real one. Until pyproject sets pythonpath = ["."], put the
# project root first and forget a namespace "ui" imported by mistake.
ROOT = Path(__file__).resolve().parents[3]
if sys.path[0] != str(ROOT):
    sys.path.insert(0, str(ROOT))
if getattr(sys.modules.get("ui"), "__file__", "") is None:
    for _name in [m for m in sys.modules if m == "ui" or m.startswith("ui.")]:
        del sys.modules[_name]

from teamtool.roster import import_roster
from teamtool.store import Course
from teamtool.teamfile import load_team_set
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
