"""Malformed CSV and XLSX thrown at the roster importer: a TeamtoolError or a clean result."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teamtool.errors import TeamtoolError
from teamtool.export.safe import safe_xlsx_text
from teamtool.roster import import_roster

cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
grids = st.lists(st.lists(cells, min_size=0, max_size=6), min_size=0, max_size=8)


def _check_message(exc: TeamtoolError) -> None:
    assert str(exc).strip(), "an error always says what is wrong"


def _check(path: Path) -> None:
    try:
        result = import_roster(path)
    except TeamtoolError as exc:
        _check_message(exc)
        return
    ids = [s.id for s in result.roster]
    assert len(ids) == len(set(ids)), "ids are unique"
    assert all(i.strip() for i in ids), "no empty ids"
    for problem in result.problems:
        assert problem.code
        assert problem.message


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400))
def test_random_bytes_never_crash(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    _check(path)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=grids, sep=st.sampled_from([",", ";", "\t"]), header=st.booleans())
def test_random_csv_grids_never_crash(
    tmp_path: Path, rows: list[list[str]], sep: str, header: bool
) -> None:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep)
    if header:
        writer.writerow(["Student ID", "Name", "GPA", "Availability", "Requested teammates"])
    writer.writerows(rows)
    path = tmp_path / "fuzz.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    _check(path)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=grids, numbers=st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=5))
def test_random_xlsx_never_crash(
    tmp_path: Path, rows: list[list[str]], numbers: list[float]
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Student ID", "Name", "GPA"])
    for row in rows:
        ws.append([safe_xlsx_text(c) for c in row])  # what Excel itself can hold
    ws.append(["n1", "Numbers", *numbers])
    path = tmp_path / "fuzz.xlsx"
    book.save(path)
    _check(path)
