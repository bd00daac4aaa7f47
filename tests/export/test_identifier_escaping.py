"""Identifiers keep their exact text in our CSV files; only what a spreadsheet could run is
escaped, and every reader of our files undoes the escaping (issue 14, item 13)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from teamtool.canvas.grade_column import load_canvas_column
from teamtool.canvas.grades_csv import export_canvas_grades
from teamtool.export.safe import (
    safe_csv_identifier,
    safe_csv_text,
    unescape_identifier,
    unescape_text,
)
from teamtool.export.team_lists import export_canvas_groups, export_team_set
from teamtool.files.teamfile import load_team_set
from teamtool.grading.adjust import adjust_milestone
from teamtool.grading.options import AdjustOptions
from teamtool.model import Rating, Roster, Student, TeamSet
from teamtool.ratings import read_ratings_csv
from teamtool.ratings.longformat import write_ratings_csv

IDS = ["-x12", "+1", "@jo.smith", "=1+1", "-cmd|' /C calc'!A0", "'-x", "s1001"]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("-x12", "-x12"),  # cannot call or link anything: as it is
        ("+1", "+1"),
        ("@jo.smith", "@jo.smith"),
        ("jo-smith+tag@uni.edu", "jo-smith+tag@uni.edu"),
        ("=1+1", "'=1+1"),  # always a formula
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),  # DDE: a link and a space
        ("@SUM(1)", "'@SUM(1)"),  # a call
        ("'-x", "'-x"),  # its text escapes nothing as an identifier
        ("'=x", "''=x"),  # one more quote, so that a reader can undo exactly one
    ],
)
def test_identifiers_are_written_as_they_are_unless_they_could_run(
    value: str, written: str
) -> None:
    assert safe_csv_identifier(value) == written
    assert unescape_identifier(written) == value


@pytest.mark.parametrize("value", ["- did the BOM", "+1", "@Marco", "=A1", "'=A1", "'x", "x"])
def test_text_escaping_is_undone_exactly(value: str) -> None:
    written = safe_csv_text(value)
    assert (written == "'" + value) == value.lstrip("'").startswith(("=", "+", "-", "@"))
    assert unescape_text(written) == value


def roster() -> Roster:
    return Roster([Student(sid, f"Student {i}", lms_id=str(100 + i), login_id=sid)
                   for i, sid in enumerate(IDS)])  # fmt: skip


def cells(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_cleaned_ratings_keep_the_ids_and_read_back(tmp_path: Path) -> None:
    ratings = [Rating(a, b, 4.0) for a in IDS for b in IDS]
    path = write_ratings_csv(ratings, tmp_path / "cleaned.csv")
    raters = {row[0] for row in cells(path)[1:]}
    assert {"-x12", "+1", "@jo.smith", "'=1+1", "'-cmd|' /C calc'!A0", "'-x"} <= raters
    back = read_ratings_csv(path, roster())
    assert [(r.rater, r.ratee) for r in back] == [(r.rater, r.ratee) for r in ratings]


def test_canvas_grades_and_groups_keep_the_ids(tmp_path: Path) -> None:
    teams = TeamSet("T", {"-Team 1": IDS[:4], "Team 2": IDS[4:]})
    ratings = [
        Rating(a, b, 4.0) for members in teams.teams.values() for a in members for b in members
    ]
    grades = {"-Team 1": 80.0, "Team 2": 90.0}
    result = adjust_milestone("M1", teams.teams, ratings, grades, 100.0, AdjustOptions())
    canvas = export_canvas_grades([result], roster(), tmp_path / "canvas.csv")
    sis_ids = [row[2] for row in cells(canvas)[2:]]
    assert {"-x12", "+1", "@jo.smith"} <= set(sis_ids)  # as they are: Canvas matches them
    assert "'=1+1" in sis_ids
    assert set(load_canvas_column(canvas, "M1")) == set(IDS)
    groups = export_canvas_groups(teams, roster(), tmp_path / "groups.csv")
    group_rows = cells(groups)[1:]
    assert {row[5] for row in group_rows} == {"-Team 1", "Team 2"}
    assert load_team_set(groups, roster()).teams == teams.teams
    team_list = export_team_set(teams, roster(), tmp_path / "teams.csv")
    assert load_team_set(team_list, roster()).teams == {
        team: sorted(members, key=lambda sid: (f"Student {IDS.index(sid)}", sid))
        for team, members in teams.teams.items()
    }
