"""Shared test fixtures: paths to the sample course and to test data."""

from __future__ import annotations

from pathlib import Path

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
