"""Shared test fixtures: paths to the sample course and to test data."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable
from pathlib import Path

# GUI tests run without a screen (CI, a terminal over ssh); a real window is not needed to drive
# the widgets. Set before Qt is imported by pytest-qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import settings

from teamtool.course.adjust_export import ExportBundle, gather
from teamtool.demo.sample_course import create_sample_course
from teamtool.store import Course

# Property tests (tests/fuzz/, the survey and roster fuzzers) run the same examples on every run
# ("ci": derandomized, quick); HYPOTHESIS_PROFILE=explore searches new ones, e.g. before a release:
#   HYPOTHESIS_PROFILE=explore python -m pytest tests/fuzz
settings.register_profile("ci", derandomize=True, deadline=None, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def sample_with_m1_override(tmp_path: Path) -> Callable[[str, float, str], ExportBundle]:
    """The sample course with one M1 override set as the window sets it, gathered for export
    as the window gathers it: ``make(student_id, grade, reason)``."""

    def make(student_id: str, grade: float, reason: str) -> ExportBundle:
        path = create_sample_course(tmp_path / "sample.teamtool")
        with Course.open(path) as course:
            m1 = course.milestones()[0].id
            assert m1 is not None
            course.set_override(m1, student_id, grade, reason)
            return gather(course)

    return make


@pytest.fixture
def roster_without(tmp_path: Path) -> Callable[..., Path]:
    """``make(*ids, name="smaller.csv")``: the sample roster less the students ``ids``."""

    def make(*ids: str, name: str = "smaller.csv") -> Path:
        with (SAMPLES / "roster.csv").open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        out = tmp_path / name
        with out.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows([rows[0], *(r for r in rows[1:] if r[0] not in ids)])
        return out

    return make
