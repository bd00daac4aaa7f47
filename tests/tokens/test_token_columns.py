"""Token columns in a team grades file: read per team and milestone, bad cells located."""

from __future__ import annotations

from pathlib import Path

import pytest

from teamtool.errors import GradesError
from teamtool.files.gradesfile import load_team_grades
from teamtool.tokens import TokenUse

TEAMS = ["Team 1", "Team 2", "Team 3"]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "grades.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_token_columns_are_read_per_milestone_and_team(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "team,grade,milestone,days_late,resubmissions,original_grade\n"
        "Team 1,84,M1,2,,\n"
        "Team 2,90,M1,,1,72\n"
        "Team 1,88,M2,0,0,\n",
    )
    grades = load_team_grades(path, TEAMS)
    assert grades.has_token_columns
    assert grades.token_uses == {
        "M1": {"Team 1": TokenUse("M1", 2, 0), "Team 2": TokenUse("M1", 0, 1)},
        "M2": {"Team 1": TokenUse("M2", 0, 0)},
    }
    assert grades.original_grades == {"M1": {"Team 2": 72.0}}
    assert grades["M1"] == {"Team 1": 84.0, "Team 2": 90.0}  # the file's grades, untouched


def test_a_file_without_token_columns_has_no_token_uses(tmp_path: Path) -> None:
    grades = load_team_grades(write(tmp_path, "team,grade,original_grade\nTeam 1,84,\n"), TEAMS)
    assert not grades.has_token_columns
    assert grades.token_uses == {}
    assert grades["grades"] == {"Team 1": 84.0}


@pytest.mark.parametrize(
    ("row", "code", "column"),
    [
        ("Team 1,84,M1,-1,,", "bad-days-late", "days_late"),
        ("Team 1,84,M1,1.5,,", "bad-days-late", "days_late"),
        ("Team 1,84,M1,two,,", "bad-days-late", "days_late"),
        ("Team 1,84,M1,,x,", "bad-resubmissions", "resubmissions"),
        ("Team 1,84,M1,,1,", "no-original-grade", "original_grade"),
        ("Team 1,84,M1,,1,120", "bad-original-grade", "original_grade"),
    ],
)
def test_bad_token_cells_are_located(tmp_path: Path, row: str, code: str, column: str) -> None:
    path = write(
        tmp_path,
        "team,grade,milestone,days_late,resubmissions,original_grade\nTeam 2,80,M1,,,\n" + row,
    )
    problems = load_team_grades(path, TEAMS, raise_on_error=False).problems.errors
    assert [(p.code, p.row, p.column) for p in problems] == [(code, 3, column)]
    with pytest.raises(GradesError, match=f'grades.csv: row 3, column "{column}": ') as raised:
        load_team_grades(path, TEAMS)
    assert raised.value.code == code


def test_resubmission_without_an_original_grade_column_points_at_resubmissions(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "team,grade,resubmissions\nTeam 1,84,1\n")
    loaded = load_team_grades(path, TEAMS, raise_on_error=False)
    problem = loaded.problems.items[0]
    assert (problem.code, problem.row, problem.column) == ("no-original-grade", 2, "resubmissions")


def test_an_unused_original_grade_is_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "team,grade,original_grade,days_late\nTeam 1,84,70,1\n")
    grades = load_team_grades(path, TEAMS)
    assert [p.code for p in grades.problems] == ["original-grade-unused"]
    assert grades.token_uses["grades"]["Team 1"] == TokenUse("grades", 1, 0)
