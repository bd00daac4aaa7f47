"""The assignment as ``team,mentor,mentor_email,common_slots`` (CSV through teamtool/export)."""

from __future__ import annotations

from pathlib import Path

from teamtool.export.csv_util import Cell, write_csv
from teamtool.export.safe import Identifier
from teamtool.mentors.assign import MentorResult
from teamtool.mentors.slots import slot_text

HEADER = ["team", "mentor", "mentor_email", "common_slots"]


def write_assignment(result: MentorResult, path: str | Path) -> Path:
    """Write one row per team, atomically, every text cell formula-safe."""
    rows: list[list[Cell]] = [
        [Identifier(t.team), t.mentor.name, t.mentor.email, slot_text(t.common_slots)]
        for t in result.teams
    ]
    return write_csv(path, HEADER, rows)
