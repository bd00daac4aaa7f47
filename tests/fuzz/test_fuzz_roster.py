"""Fuzzing read_grid and the roster importer: any bytes, any cells, any sheet XML.

The outcome is always a result whose problems name their file and row, or a TeamtoolError
naming its file: never another exception.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from xlsx_by_hand import cell_xml, write_xlsx

from teamtool.errors import TeamtoolError
from teamtool.files.tables import read_grid
from teamtool.problems import Problems
from teamtool.roster import import_roster

T = TypeVar("T")
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
cells = st.text(st.characters(blacklist_categories=("Cs",)), max_size=10)
rows = st.lists(st.lists(cells, max_size=5), max_size=6)
ref = st.builds(
    lambda col, row: f"{col}{row}",
    st.text("ABCXZ", min_size=1, max_size=4),
    st.integers(min_value=0, max_value=2_000_000),
)
xml_value = st.one_of(st.none(), st.floats(allow_nan=False), st.text("abc 1,.\x7f&<>", max_size=6))


def located(problems: Problems, file: str) -> None:
    for problem in problems:
        assert problem.file == file, problem
        assert problem.row is not None, problem
        assert problem.message


def attempt(read: Callable[[], T]) -> T | TeamtoolError:
    """What ``read`` returns, or the TeamtoolError it raises (any other exception escapes)."""
    try:
        return read()
    except TeamtoolError as exc:
        return exc


def read_as_roster(path: Path) -> None:
    result = attempt(lambda: import_roster(path))
    if isinstance(result, TeamtoolError):
        assert result.file, result
        assert str(result).strip()
        return
    located(result.problems, path.name)
    ids = [s.id.casefold() for s in result.roster]
    assert len(ids) == len(set(ids))


@FUZZ
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".csv", ".xlsx", ".tsv"]))
@example(data=b"\xfe\xff", suffix=".csv")  # a UTF-16 BOM and nothing else
def test_any_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    grid = attempt(lambda: read_grid(path, raise_errors=False))
    if isinstance(grid, TeamtoolError):
        assert grid.file
    else:
        located(grid.problems, path.name)
    read_as_roster(path)


@FUZZ
@given(
    body=rows, sep=st.sampled_from([",", ";", "\t"]), encoding=st.sampled_from(["utf-8", "utf-16"])
)
def test_any_cells_in_csv(tmp_path: Path, body: list[list[str]], sep: str, encoding: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep)
    writer.writerow(["Student ID", "Name", "GPA", "Requested teammates"])
    writer.writerows(body)
    path = tmp_path / "fuzz.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    read_as_roster(path)


@FUZZ
@given(
    body=st.lists(st.tuples(ref, xml_value, st.booleans()), max_size=6),
    dimension=st.sampled_from(["A1:C3", "A1:XFD1048576", "A0:B"]),
)
def test_any_sheet_xml(
    tmp_path: Path, body: list[tuple[str, str | float | None, bool]], dimension: str
) -> None:
    by_row: dict[int, list[str]] = {1: [cell_xml("A1", "Student ID"), cell_xml("B1", "GPA")]}
    for i, (where, value, formula) in enumerate(body, start=2):
        by_row[i] = [cell_xml(where, value, "1+1" if formula else None)]
    read_as_roster(write_xlsx(tmp_path / "fuzz.xlsx", by_row, dimension))
