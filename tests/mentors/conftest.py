"""The sample course's files for the mentor tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from teamtool.files.teamfile import load_team_set
from teamtool.model import Roster, TeamSet
from teamtool.roster import import_roster

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture
def roster() -> Roster:
    return import_roster(SAMPLES / "roster.csv").roster


@pytest.fixture
def teams(roster: Roster) -> TeamSet:
    return load_team_set(SAMPLES / "teams.csv", roster)
