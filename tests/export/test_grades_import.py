"""Team grades of a milestone from a Canvas gradebook column: a team's common score, never averaged."""

from __future__ import annotations

from pathlib import Path

from teamtool.files.grades_import import from_canvas_column, from_team_file, is_canvas_gradebook


def test_a_team_takes_its_members_common_score(data_dir: Path) -> None:
    path = data_dir / "canvas_gradebook_17.csv"
    assert is_canvas_gradebook(path)
    # SIS ids of Kofi Asante and Mia Van der Berg (both 91.50) and Elsa Åberg (88.00).
    teams = {"Same": ["900123417", "900123672"], "Split": ["900123400", "900123417"]}
    result = from_canvas_column(path, "Project M1 Proposal (221310)", teams)
    assert result.grades == {"Same": 91.5}
    assert result.max_points == 100.0
    (problem,) = [p for p in result.problems if p.code == "members-disagree"]
    assert "Split" in problem.message
    assert "88 (1×)" in problem.message


def test_a_team_grade_file_with_one_milestone(samples_dir: Path) -> None:
    teams = [f"Team {k}" for k in range(1, 13)]
    result = from_team_file(samples_dir / "grades.csv", teams, "M2 Prototype")
    assert len(result.grades) == 12
    assert not is_canvas_gradebook(samples_dir / "grades.csv")
