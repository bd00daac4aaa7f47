"""One number parser for grades, GPAs, ratings and points: thousands vs decimal marks, limits."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from teamtool.canvas.grade_column import load_canvas_column
from teamtool.cli import main
from teamtool.files.gradesfile import load_team_grades
from teamtool.number_text import column_mark, parse_number, read_number
from teamtool.roster import import_roster


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,000", 1000.0),
        ("25,000", 25000.0),
        ("1.000,5", 1000.5),
        ("1,000.5", 1000.5),
        ("3,5", 3.5),
        ("1 000", 1000.0),
        ("12\u00a0500,5", 12500.5),
        ("1,000,000", 1_000_000.0),
        ("1.000.000", 1_000_000.0),
        ("0,250", 0.25),
        ("1234,567", 1234.567),
        ("3.250", 3.25),
        (" 8,5 ", 8.5),
        ("90.", 90.0),
        ("-2,5", -2.5),
    ],
)
def test_marks_told_apart_by_the_text(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["1,00,0", "1 0", "1e3", "inf", "nan", "A-", "1,2.5", "--3"])
def test_not_numbers(text: str) -> None:
    assert read_number(text).code == "bad-number"


def test_ambiguous_comma_is_an_error_unless_the_column_settles_it() -> None:
    reading = read_number("1,250")
    assert reading.value is None
    assert reading.code == "ambiguous-number"
    assert "write 1250 or 1,25" in reading.error
    assert column_mark(["3,5", "1,250", "2"]) == ","  # a European column: 1,250 is 1.25
    assert parse_number("1,250", column_mark(["3,5", "1,250"])) == 1.25
    assert parse_number("1.250", column_mark(["3,5", "1.250"])) == 1250
    assert parse_number("1,250", column_mark(["3.5", "1,250"])) == 1250
    assert column_mark(["3.5", "3,5"]) is None  # both: the column settles nothing


def test_absurd_magnitudes_are_errors() -> None:
    assert read_number("9" * 400).code == "number-too-large"
    assert read_number("1" + "0" * 15).code == "number-too-large"
    assert parse_number("9" * 15) == 999_999_999_999_999


def test_grade_1000_with_thousands_separator(tmp_path: Path) -> None:
    path = write(tmp_path / "g.csv", 'team,grade,max\nTeam 1,"1,000",1000\nTeam 2,850,1000\n')
    assert load_team_grades(path)[path.stem] == {"Team 1": 1000, "Team 2": 850}


def test_european_grades_column_reads_1_250_as_a_decimal(tmp_path: Path) -> None:
    path = write(tmp_path / "g.csv", "team;grade;max\nTeam 1;1,250;5\nTeam 2;3,5;5\n")
    assert load_team_grades(path)[path.stem] == {"Team 1": 1.25, "Team 2": 3.5}


def test_ambiguous_grade_is_reported_at_its_row_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "g.csv", 'team,grade,max\nTeam 1,"1,250",2000\nTeam 2,850,2000\n')
    grades = load_team_grades(path, raise_on_error=False)
    [problem] = grades.problems.errors
    assert (problem.code, problem.file, problem.row, problem.column) == (
        "ambiguous-number",
        "g.csv",
        2,
        "grade",
    )


def test_canvas_score_with_thousands_separator(tmp_path: Path, data_dir: Path) -> None:
    rows = read_rows(data_dir / "canvas_gradebook_17.csv")
    column = next(i for i, h in enumerate(rows[0]) if "(" in h and "Points" not in h)
    points = next(r for r in rows if r and "Points Possible" in r[0])
    points[column] = "1,000"
    path = tmp_path / "gradebook.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    assert load_canvas_column(path, rows[0][column]).points_possible == 1000


def test_roster_numbers_use_the_column_as_evidence(tmp_path: Path) -> None:
    path = write(
        tmp_path / "r.csv",
        "Student ID;Name;Weight;Points\ns1;Ann;1,250;1,250\ns2;Bob;3,5;2.5\ns3;Cy;2;7\n",
    )
    roster = import_roster(path).roster
    assert [s.get("Weight") for s in roster] == [1.25, 3.5, 2.0]
    assert [s.get("Points") for s in roster] == [1250, 2.5, 7]


def test_form_with_a_gpa_of_400_nines_is_a_located_error(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = read_rows(samples_dir / "roster.csv")
    gpa = rows[0].index("GPA")
    rows[3][gpa] = "9" * 400
    path = tmp_path / "nines.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    code = main(["form", str(path), "--out", str(tmp_path / "t.csv"), "--balance", "GPA"])
    err = capsys.readouterr().err
    assert code not in (0, 3)  # 3 is "internal error"
    assert 'nines.csv: row 4, column "GPA"' in err
    assert "too large" in err
    assert not (tmp_path / "t.csv").exists()


def test_a_column_of_long_identifiers_is_not_numeric(tmp_path: Path) -> None:
    path = write(
        tmp_path / "r.csv",
        "Student ID,Name,Card\ns1,Ann,6011000990139424\ns2,Bob,6011000990139425\n",
    )
    result = import_roster(path)
    assert not result.problems
    assert [s.get("Card") for s in result.roster] == ["6011000990139424", "6011000990139425"]
