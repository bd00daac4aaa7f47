"""Fixtures of the ratings tests: the small course (11 students, 3 teams) as objects."""

from __future__ import annotations

from pathlib import Path

import pytest
from ratings_helpers import DATA, load_roster, load_teams

from teamtool.model import Roster, TeamSet


@pytest.fixture
def roster() -> Roster:
    return load_roster()


@pytest.fixture
def teams() -> TeamSet:
    return load_teams()


@pytest.fixture
def data() -> Path:
    return DATA
