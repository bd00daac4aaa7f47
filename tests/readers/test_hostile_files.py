"""Hostile and careless files: far corner cells, formulas without values, special files, size."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from xlsx_by_hand import cell_xml, write_xlsx

from teamtool.errors import InputError
from teamtool.files import tables
from teamtool.files.tables import read_grid
from teamtool.roster import import_roster

HEADER = [cell_xml("A1", "Student ID"), cell_xml("B1", "Name"), cell_xml("C1", "GPA")]


def test_far_corner_cell_is_not_read_as_a_million_rows(tmp_path: Path) -> None:
    rows = {
        1: HEADER,
        2: [cell_xml("A2", "s1"), cell_xml("B2", "Ann"), cell_xml("C2", 3.5)],
        3: [cell_xml("A3", "s2"), cell_xml("B3", "Bob"), cell_xml("C3", 2.75)],
        1048576: ['<c r="XFD1048576" s="0"/>'],  # an empty, formatted cell in the last corner
    }
    path = write_xlsx(tmp_path / "far.xlsx", rows, dimension="A1:XFD1048576")
    assert path.stat().st_size < 8192
    start = time.perf_counter()
    grid = read_grid(path)
    assert time.perf_counter() - start < 1.0
    assert grid.rows == [["Student ID", "Name", "GPA"], ["s1", "Ann", "3.5"], ["s2", "Bob", "2.75"]]
    assert [s.id for s in import_roster(path).roster] == ["s1", "s2"]


def test_a_far_cell_with_a_value_is_read_where_it_is(tmp_path: Path) -> None:
    rows = {1: HEADER, 5000: [cell_xml("E5000", "far")]}
    grid = read_grid(write_xlsx(tmp_path / "far.xlsx", rows, dimension="A1:XFD1048576"))
    assert len(grid.rows) == 5000
    assert grid.rows[4999] == ["", "", "", "", "far"]


def test_formula_without_a_computed_value_is_an_error_at_its_cell(tmp_path: Path) -> None:
    rows = {
        1: HEADER,
        2: [cell_xml("A2", "s1"), cell_xml("B2", "Ann"), cell_xml("C2", 3.5, formula="3+0.5")],
        3: [cell_xml("A3", "s2"), cell_xml("B3", "Bob"), cell_xml("C3", None, formula="B2*2")],
    }
    path = write_xlsx(tmp_path / "script.xlsx", rows)
    with pytest.raises(InputError) as caught:
        read_grid(path)
    assert str(caught.value) == (
        'script.xlsx: row 3, column "GPA": a formula with no computed value; '
        "open and save the file in Excel, or type the value"
    )
    result = import_roster(path)
    [problem] = result.problems.errors
    assert (problem.code, problem.row, problem.column) == ("formula-without-value", 3, "GPA")
    assert result.roster.students[0].get("GPA") == 3.5  # a formula with its value is read


def test_openpyxl_written_formula_is_reported(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Student ID", "Name", "GPA"])
    ws.append(["s1", "Ann", "=1+2"])
    book.save(tmp_path / "written.xlsx")
    with pytest.raises(InputError, match='row 2, column "GPA": a formula with no computed'):
        read_grid(tmp_path / "written.xlsx")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "roster.csv"
    os.mkfifo(fifo)
    outcome: list[InputError | None] = []

    def read() -> None:
        try:
            read_grid(fifo)
            outcome.append(None)
        except InputError as exc:
            outcome.append(exc)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(5)
    if worker.is_alive():  # blocked in open(): let it go before failing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(5)
        pytest.fail("reading a named pipe blocked")
    [error] = outcome
    assert isinstance(error, InputError)
    assert error.code == "not-a-file"
    assert "not a regular file" in str(error)


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder"):
        read_grid(tmp_path)


def test_size_limit_is_what_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables, "MAX_BYTES", 100)
    path = tmp_path / "big.csv"
    path.write_text("Student ID,Name\n" + "s1,Ann\n" * 20, encoding="utf-8")
    with pytest.raises(InputError, match="too large") as caught:
        read_grid(path)
    assert caught.value.code == "too-large"
    path.write_text("Student ID,Name\n" + "s1,Ann\n" * 10, encoding="utf-8")
    assert len(read_grid(path)) == 11


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs Linux /proc")
def test_size_limit_holds_when_stat_says_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    maps = Path("/proc/self/maps")
    assert maps.stat().st_size == 0  # what stat says; the file holds kilobytes
    monkeypatch.setattr(tables, "MAX_BYTES", 1000)
    with pytest.raises(InputError) as caught:
        read_grid(maps)
    assert caught.value.code == "too-large"


def test_workbook_numbers_are_not_reread_with_a_text_cells_decimal_comma(tmp_path: Path) -> None:
    rows = {
        1: HEADER,
        2: [cell_xml("A2", "s1"), cell_xml("B2", "Ann"), cell_xml("C2", "3,5")],  # typed as text
        3: [cell_xml("A3", "s2"), cell_xml("B3", "Bob"), cell_xml("C3", 1.125)],  # a number
    }
    result = import_roster(write_xlsx(tmp_path / "mixed.xlsx", rows))
    assert [s.get("GPA") for s in result.roster] == [3.5, 1.125]


def test_tiny_workbook_numbers_are_written_without_exponent(tmp_path: Path) -> None:
    rows = {1: HEADER, 2: [cell_xml("A2", "s1"), cell_xml("B2", "Ann"), cell_xml("C2", 0.00001)]}
    [student] = import_roster(write_xlsx(tmp_path / "tiny.xlsx", rows)).roster
    assert (student.raw["GPA"], student.get("GPA")) == ("0.00001", 0.00001)  # not "1e-05"


def test_workbook_number_beyond_the_limit_is_located(tmp_path: Path) -> None:
    rows = {
        1: HEADER,
        2: [cell_xml("A2", "s1"), cell_xml("B2", "Ann"), cell_xml("C2", 1e20)],
        3: [cell_xml("A3", "s2"), cell_xml("B3", "Bob"), cell_xml("C3", 3.2)],
    }
    result = import_roster(write_xlsx(tmp_path / "big.xlsx", rows))
    [problem] = result.problems.errors
    assert (problem.code, problem.row, problem.column) == ("number-too-large", 2, "GPA")
