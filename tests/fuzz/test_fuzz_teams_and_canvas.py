"""Fuzzing the teams reader (``student_id,team`` and the Canvas group-set export) and the Canvas
gradebook readers (one assignment column; the roster from a gradebook export).

Cells come from pools that fit each column, mixed with any text, so that most files get deep
into the readers. The outcome is always a result whose problems name their file and row, or a
TeamtoolError naming the file: never another exception, never a student twice."""

from __future__ import annotations

import csv
import io
import math
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_fuzz_roster import attempt, located

from teamtool.canvas.grade_column import load_canvas_column
from teamtool.errors import TeamtoolError
from teamtool.files.teamfile import read_team_set
from teamtool.model import Roster, Student
from teamtool.roster import import_roster

FUZZ = settings(max_examples=60, deadline=None)
ROSTER = Roster(
    [Student(f"s{i}", f"Student {i}", lms_id=str(900 + i), login_id=f"u{i}") for i in range(6)]
)
TEAMS_HEADERS = ["student_id", "team", "name", "canvas_user_id", "user_id", "login_id",
                 "sections", "group_name", "canvas_group_id", "email", "group", ""]  # fmt: skip
PEOPLE = ["s0", "s1", "S2", "s3 ", "s9", "900", "903", "u4", "u5", "Student 1", "student 2",
          "'-s1", "'=s2", "", " ", "\x00", "s1\ts2"]  # fmt: skip
TEAM_NAMES = ["Team 1", "Team 2", "team 1", " Team  1 ", "-Team 3", "'-Team 3", "=1+1", "", " "]
CANVAS_HEADERS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "M1 (221310)",
                  "M2 (221311)", "Current Score", "Final Grade", "Notes", ""]  # fmt: skip
CANVAS_CELLS = ["Park, Ethan", "Student, Test", "=\"Eq\"", "101", "102", "s1001", "s1002",
                "ethan@x.edu", "a" * 40, "L01", "L01 and L02", "9.50", "100.00", "1,000", "8,5",
                "EX", "ex", "N/A", "-", "", "(read only)", "Manual Posting", "Muted", "1e309",
                "-3", "nan", "    Points Possible"]  # fmt: skip


def csv_bytes(rows: list[list[str]], delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def pool_for(header: str) -> list[str]:
    if header in ("team", "group_name", "group"):
        return TEAM_NAMES
    return PEOPLE


def teams_files() -> st.SearchStrategy[list[list[str]]]:
    headers = st.lists(st.sampled_from(TEAMS_HEADERS), min_size=1, max_size=8, unique=True)

    def with_rows(header: list[str]) -> st.SearchStrategy[list[list[str]]]:
        cell = [st.one_of(st.sampled_from(pool_for(h)), st.text(max_size=6)) for h in header]
        row = st.tuples(*cell).map(list)
        return st.lists(row, max_size=10).map(lambda rows: [header, *rows])

    return headers.flatmap(with_rows)


@FUZZ
@given(rows=teams_files(), with_roster=st.booleans())
def test_any_teams_file(rows: list[list[str]], with_roster: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "teams.csv"
        path.write_bytes(csv_bytes(rows))
        outcome = attempt(lambda: read_team_set(path, ROSTER if with_roster else None))
    if isinstance(outcome, TeamtoolError):
        assert outcome.file == "teams.csv"
        return
    team_set, problems = outcome
    located(problems, "teams.csv")
    students = team_set.students()
    assert len(students) == len(set(students))  # nobody in two teams
    assert all(team.strip() for team in team_set.teams)
    if with_roster:
        assert set(students) <= {s.id for s in ROSTER}


def canvas_exports() -> st.SearchStrategy[list[list[str]]]:
    header = st.lists(st.sampled_from(CANVAS_HEADERS), min_size=1, max_size=9, unique=True)
    cell = st.one_of(st.sampled_from(CANVAS_CELLS), st.text(max_size=6))

    def with_rows(head: list[str]) -> st.SearchStrategy[list[list[str]]]:
        return st.lists(st.lists(cell, min_size=len(head), max_size=len(head) + 1), max_size=8)

    return header.flatmap(lambda h: with_rows(h).map(lambda rows: [h, *rows]))


@FUZZ
@given(rows=canvas_exports(), column=st.sampled_from(["M1", "M1 (221310)", "M2", "Notes", "x"]))
def test_any_canvas_gradebook_column(rows: list[list[str]], column: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gradebook.csv"
        path.write_bytes(csv_bytes(rows))
        outcome = attempt(lambda: load_canvas_column(path, column, raise_on_error=False))
    if isinstance(outcome, TeamtoolError):
        assert outcome.file == "gradebook.csv"
        return
    located(outcome.problems, "gradebook.csv")
    for sid, score in outcome.items():
        assert sid.strip()
        assert math.isfinite(score)


@FUZZ
@given(rows=canvas_exports(), delimiter=st.sampled_from([",", ";"]))
def test_any_canvas_gradebook_as_a_roster(rows: list[list[str]], delimiter: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gradebook.csv"
        path.write_bytes(csv_bytes(rows, delimiter))
        outcome = attempt(lambda: import_roster(path))
    if isinstance(outcome, TeamtoolError):
        assert outcome.file
        return
    located(outcome.problems, "gradebook.csv")
    ids = [s.id.casefold() for s in outcome.roster]
    assert len(ids) == len(set(ids))
    assert all(sid.strip() for sid in ids)
