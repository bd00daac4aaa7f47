"""Reading team grades files and Canvas gradebook columns, every bad cell reported with its place."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from teamtool.canvas.grade_column import canvas_assignment_columns, load_canvas_column
from teamtool.errors import GradesError
from teamtool.files.gradesfile import load_team_grades
from teamtool.number_text import parse_number


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_sample_grades_file(samples_dir: Path) -> None:
    grades = load_team_grades(samples_dir / "grades.csv")
    assert set(grades) == {"M1 Proposal", "M2 Prototype"}
    assert grades["M1 Proposal"]["Team 2"] == 90.5
    assert len(grades["M2 Prototype"]) == 12
    assert grades.max_points == {"M1 Proposal": 100, "M2 Prototype": 100}


def test_numbers_with_decimal_comma_and_spaces() -> None:
    assert parse_number(" 8,5 ") == 8.5
    assert parse_number("90.") == 90
    assert parse_number("1e3") is None
    assert parse_number("A-") is None


def test_file_without_milestone_column_uses_the_given_name(tmp_path: Path) -> None:
    path = write(tmp_path / "m3.csv", "Team;Score;Out of\nTeam 1;17,5;20\nteam 2;20;20\n")
    grades = load_team_grades(path, ["Team 1", "Team 2"], milestone="M3 Demo")
    assert grades == {"M3 Demo": {"Team 1": 17.5, "Team 2": 20}}  # team names as in the team set
    assert grades.max_points == {"M3 Demo": 20}
    assert load_team_grades(path).keys() == {"m3"}


def test_every_bad_cell_is_reported_with_row_and_column(tmp_path: Path) -> None:
    path = write(
        tmp_path / "grades.csv",
        "team,grade,max,milestone\n"
        "Team 1,84,100,M1\n"
        "Team 2,eighty,100,M1\n"
        "Team 3,104,100,M1\n"
        "team 1,80,100,M1\n"
        "Team 9,70,100,M1\n"
        ",70,100,M1\n"
        "Team 4,,100,M1\n"
        "Team 4,12,20,M1\n",
    )
    grades = load_team_grades(path, ["Team 1", "Team 2", "Team 3", "Team 4"], raise_on_error=False)
    found = [(p.code, p.row, p.column) for p in grades.problems]
    assert found == [
        ("bad-number", 3, "grade"),
        ("grade-out-of-range", 4, "grade"),
        ("duplicate-team", 5, "team"),
        ("unknown-team", 6, "team"),
        ("empty-team", 7, "team"),
        ("no-grade", 8, "grade"),
        ("inconsistent-max", 9, "max"),
    ]
    assert grades.problems.items[5].severity == "warning"
    assert grades["M1"] == {"Team 1": 84, "Team 4": 12}
    with pytest.raises(GradesError) as err:
        load_team_grades(path, ["Team 1", "Team 2", "Team 3", "Team 4"])
    assert 'grades.csv: row 3, column "grade"' in str(err.value)


def test_grades_from_xlsx(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    ws.append(["Team", "Grade"])
    ws.append(["Team 1", 88.25])
    ws.append(["Team 2", 91])
    book.save(tmp_path / "g.xlsx")
    assert load_team_grades(tmp_path / "g.xlsx", milestone="M1") == {
        "M1": {"Team 1": 88.25, "Team 2": 91}
    }


def test_missing_columns_are_named(tmp_path: Path) -> None:
    with pytest.raises(GradesError, match='"team" and a "grade"'):
        load_team_grades(write(tmp_path / "x.csv", "name,value\nTeam 1,80\n"))


def test_canvas_assignment_columns_skip_identity_and_computed(data_dir: Path) -> None:
    """formats.md 1.1: computed columns (Current/Final Score/Points) and read-only are not assignments."""
    assert canvas_assignment_columns(data_dir / "canvas_gradebook_17.csv") == [
        "Project M1 Proposal (221310)",
        "Project M2 Prototype (221311)",
        "Quiz 1 (221305)",
    ]


def test_canvas_column_skips_special_rows_and_cells(data_dir: Path) -> None:
    """Points Possible and Manual Posting rows, the Test Student, EX and N/A are not scores."""
    quiz = load_canvas_column(data_dir / "canvas_gradebook_17.csv", "quiz 1")
    assert quiz.column == "Quiz 1 (221305)"
    assert quiz.points_possible == 10
    assert quiz["900123400"] == 9.5  # Åberg, Elsa, keyed by SIS User ID
    assert "900123519" not in quiz  # Farah, Noor: EX
    assert "900123638" not in quiz  # Reed, Jamal: blank (ungraded)
    assert len(quiz) == 15  # 17 students less EX and blank; the Test Student is left out
    m1 = load_canvas_column(data_dir / "canvas_gradebook_17.csv", "Project M1 Proposal (221310)")
    assert "900123621" not in m1  # Quist, Sven: N/A
    assert m1["900123400"] == 88
    assert load_canvas_column(data_dir / "canvas_gradebook_17.csv", "Project M2 Prototype") == {}


def test_canvas_column_unknown_or_bad(tmp_path: Path, data_dir: Path) -> None:
    with pytest.raises(GradesError, match="Quiz 1 \\(221305\\)"):
        load_canvas_column(data_dir / "canvas_gradebook_17.csv", "Final exam")
    path = write(
        tmp_path / "gb.csv",
        "Student,ID,SIS User ID,SIS Login ID,Section,HW (1)\n"
        "    Points Possible,,,,,10.00\n"
        '"Doe, Jane",1,,jdoe,A,9.50\n'
        '"Roe, Rick",2,,rroe,A,nine\n',
    )
    column = load_canvas_column(path, "HW", raise_on_error=False)
    assert column == {"1": 9.5}  # no SIS ids: keyed by the Canvas ID
    assert [(p.code, p.row, p.column) for p in column.problems] == [("bad-number", 4, "HW (1)")]
