"""CSV text that is not what it seems: mixed encodings, unclosed quotes, NULs, huge cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from teamtool.errors import InputError
from teamtool.files.gradesfile import load_team_grades
from teamtool.files.tables import read_grid
from teamtool.roster import import_roster

UTF8_ROWS = "Student ID,Name,GPA\ns1,Zoë Müller,3.5\n".encode()


def test_one_cp1252_row_in_a_utf8_file_is_read_alone_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(UTF8_ROWS + "s2,Chloé Lambert,3.1\n".encode("cp1252") + b"s3,Ann,2\n")
    result = import_roster(path)
    assert [s.name for s in result.roster] == ["Zoë Müller", "Chloé Lambert", "Ann"]
    [problem] = result.problems
    assert (problem.code, problem.severity, problem.file, problem.row) == (
        "not-utf8",
        "warning",
        "mixed.csv",
        3,
    )
    assert "Windows-1252" in problem.message


def test_cp1252_row_after_a_multiline_cell_is_placed_at_its_row(tmp_path: Path) -> None:
    path = tmp_path / "grades.csv"
    text = 'team,grade,note\nTeam 1,80,"two\nlines ü"\n'.encode() + "Équipe 2,70,é\n".encode(
        "cp1252"
    )
    path.write_bytes(text)
    grades = load_team_grades(path)
    assert grades["grades"] == {"Team 1": 80, "Équipe 2": 70}
    assert [(p.code, p.row) for p in grades.problems] == [("not-utf8", 3)]


def test_pure_cp1252_and_utf16_files_are_read_without_warnings(
    tmp_path: Path, data_dir: Path
) -> None:
    grid = read_grid(data_dir / "roster_semicolon_cp1252.csv")
    assert grid.encoding == "cp1252"
    assert not grid.problems
    path = tmp_path / "utf16.csv"
    path.write_text("Student ID\tName\ns1\tChloé\n", encoding="utf-16")
    grid = read_grid(path)
    assert (grid.encoding, grid.rows[1], len(grid.problems)) == ("utf-16", ["s1", "Chloé"], 0)


def test_unclosed_quote_is_an_error_at_its_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(
        'Student ID,Name\ns1,Ann\ns9999,"unterminated\ns2,Bob\ns3,Cy\n', encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        read_grid(path)
    assert (caught.value.row, caught.value.column, caught.value.code) == (
        3,
        "Name",
        "unclosed-quote",
    )
    result = import_roster(path)
    assert result.problems.has_errors()
    assert ("unclosed-quote", 3, "Name") in [(p.code, p.row, p.column) for p in result.problems]


def test_nul_bytes_beyond_the_first_kilobytes_are_an_error(tmp_path: Path) -> None:
    rows = "".join(f"s{i},Student {i}\n" for i in range(400))  # over 4 KB before the NULs
    path = tmp_path / "roster.csv"
    path.write_bytes(f"Student ID,Name\n{rows}".encode() + b"\x00" * 10 + b",Nobody\n")
    with pytest.raises(InputError) as caught:
        read_grid(path)
    assert (caught.value.row, caught.value.column, caught.value.code) == (
        402,
        "Student ID",
        "nul-character",
    )


def test_one_megabyte_cell_names_file_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "survey.csv"
    path.write_text(f"Rater,Comment\ns1,ok\ns2,{'x' * 2**20}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_grid(path)
    assert str(caught.value).startswith('survey.csv: row 3, column "Comment": the cell holds')


def test_quote_closed_rows_later_is_an_error_at_the_row_it_opens(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(
        'Student ID,Name\ns1,Ann\ns9999,"unterminated\ns2,Bob\ns3,"Cy"\ns4,Di\n', encoding="utf-8"
    )
    result = import_roster(path)
    assert [(p.code, p.row, p.column) for p in result.problems.errors] == [
        ("unclosed-quote", 3, "Name")
    ]


def test_multiline_cells_and_stray_quotes_in_one_line_stay_accepted(tmp_path: Path) -> None:
    path = tmp_path / "survey.csv"
    path.write_text(
        'Rater,Comment\ns1,"two\nlines, with ""quotes"""\ns2,"Smith" Jr\n', encoding="utf-8"
    )
    grid = read_grid(path)
    assert grid.rows[1:] == [["s1", 'two\nlines, with "quotes"'], ["s2", "Smith Jr"]]
