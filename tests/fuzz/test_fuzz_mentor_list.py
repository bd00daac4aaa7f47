"""Fuzzing the mentor list reader: every planted bad cell is reported at its file, row and
column, nothing else is, and any text at all gives located problems, never a crash."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from teamtool.errors import TeamtoolError
from teamtool.mentors import read_mentor_list
from teamtool.model import Roster, Student

T = TypeVar("T")
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
HEADER = ["Name", "Email", "Availability", "Capacity", "Section", "Avoid"]
ROSTER = Roster([Student(f"s{i}", f"Student {i}", f"s{i}@example.edu") for i in range(1, 6)])
SLOTS = ["Mon AM", "tuesday pm", "Wed evening", "Thu", "fri morning"]

# Each field: (valid cells, bad cells); names and emails are made unique per row below.
FIELDS: dict[str, tuple[st.SearchStrategy[str], st.SearchStrategy[str]]] = {
    "Name": (st.text("abcXYZ é'", min_size=1, max_size=8).filter(str.strip), st.just("  ")),
    "Email": (st.just("ok"), st.sampled_from(["", "bad", "a@b", "x y@example.edu", "@e.edu"])),
    "Availability": (
        st.lists(st.sampled_from(SLOTS), max_size=3).map("; ".join),
        st.sampled_from(["Someday", "Mon AM; Funday", "13:00"]),
    ),
    "Capacity": (
        st.one_of(st.just(""), st.integers(0, 40).map(str)),
        st.sampled_from(["-1", "2.5", "many", "1e9", "10001"]),
    ),
    "Section": (st.sampled_from(["", "L01", "L01; L02"]), st.nothing()),
    "Avoid": (
        st.lists(st.sampled_from(["s1", "s2", "S3", "s4@example.edu"]), max_size=3).map(" ".join),
        st.sampled_from(["s99", "s1; nobody@x.edu", "Student"]),
    ),
}


@st.composite
def mentor_rows(draw: st.DrawFn) -> tuple[list[list[str]], set[tuple[int, str]]]:
    """Data rows and the (spreadsheet row, column) of every planted bad cell."""
    rows, bad = [], set()
    for i in range(draw(st.integers(1, 6))):
        row = []
        for column, (good, wrong) in FIELDS.items():
            plant = column != "Section" and draw(st.booleans())
            text = draw(wrong if plant else good)
            if plant:
                bad.add((i + 2, column))
            elif column == "Name":
                text = f"{text} {i}"
            elif column == "Email":
                text = f"mentor{i}@example.edu"
            row.append(text)
        if not any(cell.strip() for cell in row):  # a blank row is skipped, as in any list
            bad = {(r, c) for r, c in bad if r != i + 2}
        rows.append(row)
    return rows, bad


def write(path: Path, rows: list[list[str]]) -> Path:
    if path.suffix == ".xlsx":
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        for row in [HEADER, *rows]:
            sheet.append(row)
        book.save(path)
    else:
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows([HEADER, *rows])
    return path


@FUZZ
@given(case=mentor_rows(), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_every_bad_cell_is_an_error_at_its_row_and_column(
    tmp_path: Path, case: tuple[list[list[str]], set[tuple[int, str]]], suffix: str
) -> None:
    rows, planted = case
    path = write(tmp_path / f"mentors{suffix}", rows)
    mentors, problems = read_mentor_list(path, ROSTER)
    assert all(p.file == path.name for p in problems)
    assert {(p.row, p.column) for p in problems.errors} == planted
    clean = [m for m in mentors if not any(r == m.row for r, _ in planted)]
    for mentor in clean:
        assert mentor.email == f"mentor{mentor.row - 2}@example.edu"
        assert mentor.capacity is None or 0 <= mentor.capacity <= 40
        assert set(mentor.avoid) <= {"s1", "s2", "s3", "s4"}
        assert all(slot.split()[0] in {"Mon", "Tue", "Wed", "Thu", "Fri"} for slot in mentor.slots)


def attempt(read: Callable[[], T]) -> T | TeamtoolError:
    """What ``read`` returns, or the TeamtoolError it raises (any other exception escapes)."""
    try:
        return read()
    except TeamtoolError as exc:
        return exc


@FUZZ
@given(
    rows=st.lists(
        st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=12), max_size=8),
        max_size=6,
    ),
    header=st.permutations([*HEADER, "Notes"]),
)
def test_any_text_gives_located_problems(
    tmp_path: Path, rows: list[list[str]], header: list[str]
) -> None:
    path = tmp_path / "mentors.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *rows])
    outcome = attempt(lambda: read_mentor_list(path, ROSTER))
    if isinstance(outcome, TeamtoolError):  # a file no reader can take (NUL bytes: not text)
        assert outcome.file == path.name
        return
    mentors, problems = outcome
    for problem in problems:
        assert problem.file == path.name
        assert problem.row is not None
        assert problem.column or problem.code == "missing-column"
    assert len(mentors) <= len(rows)
