"""Shared test fixtures: paths to the sample course and to test data."""

from __future__ import annotations

import os
from pathlib import Path

# GUI tests run without a screen (CI, a terminal over ssh); a real window is not needed to drive
# the widgets. Set before Qt is imported by pytest-qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def data_dir() -> Path:
    return DATA
