"""Student ids that are junk or collide: each an error at its row and column."""

from __future__ import annotations

from pathlib import Path

from teamtool.roster import import_roster


def problems_of(tmp_path: Path, rows: str) -> list[tuple[str, int | None, str | None]]:
    path = tmp_path / "roster.csv"
    path.write_text("Student ID,Name\n" + rows, encoding="utf-8")
    result = import_roster(path)
    return [(p.code, p.row, p.column) for p in result.problems.errors]


def test_ids_differing_only_in_capitals_are_one_student(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("Student ID,Name\nab12,Ann\nAB12,Bob\ncd34,Cy\n", encoding="utf-8")
    result = import_roster(path)
    [problem] = result.problems.errors
    assert (problem.code, problem.row, problem.column) == ("duplicate-id", 3, "Student ID")
    assert 'row 2 ("ab12")' in problem.message
    assert [s.id for s in result.roster] == ["ab12", "cd34"]


def test_ids_with_tabs_or_control_characters_are_errors(tmp_path: Path) -> None:
    rows = 's1,Ann\n"s\t2",Bob\n"s3\x07",Cy\n"s4\u200b",Di\ns5,Ed\n'
    assert problems_of(tmp_path, rows) == [
        ("bad-id", 3, "Student ID"),
        ("bad-id", 4, "Student ID"),
        ("bad-id", 5, "Student ID"),
    ]


def test_ordinary_ids_are_accepted(tmp_path: Path) -> None:
    rows = "s1,Ann\nA-12.3,Bob\nzoë@example.edu,Cy\n00123,Di\n"
    assert problems_of(tmp_path, rows) == []
