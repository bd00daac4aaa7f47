"""``teamtool roster`` called as ``main([...])``: summaries, problems with row and column, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from teamtool.cli import main
from teamtool.store import Course


def roster_output(path: Path, capsys: pytest.CaptureFixture[str], exit_code: int = 0) -> str:
    """Run ``teamtool roster PATH``, assert its exit code and return what it printed."""
    assert main(["roster", str(path)]) == exit_code
    return capsys.readouterr().out


def test_sample_roster_summary(samples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = roster_output(samples_dir / "roster.csv", capsys)
    assert "roster.csv: roster with 48 students" in out
    assert "attribute 'GPA': numeric" in out
    assert "attribute 'Availability': availability" in out
    assert "problems: 0 error(s)" in out


def test_canvas_export_counts_17_students(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = roster_output(data_dir / "canvas_gradebook_17.csv", capsys)
    assert "Canvas gradebook export with 17 students" in out


def test_problems_print_file_row_column_and_exit_1(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = roster_output(data_dir / "roster_problems.csv", capsys, exit_code=1)
    assert (
        'roster_problems.csv: row 5, column "Student ID": the student id "s2002" is also on row 3'
        in out
    )
    assert 'roster_problems.csv: row 6, column "Student ID": the student id is empty' in out
    assert 'roster_problems.csv: row 4, column "GPA": "3.x" is not a number' in out


def test_malformed_file_is_an_error_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is no workbook")
    assert main(["roster", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: broken.xlsx: this is not a readable Excel workbook")
    assert "Traceback" not in err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["roster", str(tmp_path / "nope.csv")]) == 1
    assert "the file does not exist" in capsys.readouterr().err


def test_roster_is_stored_in_a_course_file(samples_dir: Path, tmp_path: Path) -> None:
    course_path = tmp_path / "course.teamtool"
    assert main(["roster", str(samples_dir / "roster.csv"), "--course", str(course_path)]) == 0
    with Course.open(course_path) as course:
        assert len(course.roster()) == 48
        assert course.audit_log()[0].action == "import-roster"
