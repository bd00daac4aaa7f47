"""Team names that a spreadsheet could run are escaped in our files and read back as typed."""

from __future__ import annotations

from pathlib import Path

from teamtool.export.csv_util import write_csv
from teamtool.export.safe import Identifier
from teamtool.files.gradesfile import load_team_grades


def test_a_team_named_like_a_formula_comes_back_from_a_grades_file(tmp_path: Path) -> None:
    """``=Team 1`` is written as ``'=Team 1`` (it would run); the grades reader undoes it."""
    path = tmp_path / "grades.csv"
    rows = [[Identifier("=Team 1"), 80, "M1"], [Identifier("-Team 2"), 70, "M1"]]
    write_csv(path, ["team", "grade", "milestone"], rows)
    text = path.read_text(encoding="utf-8")
    assert "'=Team 1" in text
    assert "\n-Team 2," in text.replace("\r\n", "\n")  # inert: written as it is
    grades = load_team_grades(path)
    assert grades["M1"] == {"=Team 1": 80.0, "-Team 2": 70.0}
