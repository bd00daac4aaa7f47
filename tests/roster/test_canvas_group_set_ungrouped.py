"""A Canvas group-set export lists every student, those in no group with an empty group name:
a warning, and the import goes on without them (issue 14, item 5)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from teamtool.files.teamfile import load_team_set, read_team_set
from teamtool.problems import Problems
from teamtool.roster import import_roster

HEADER = "name,canvas_user_id,user_id,login_id,sections,group_name,canvas_group_id,group_id\n"


def export(path: Path, samples_dir: Path) -> Path:
    path.write_text(
        HEADER
        + '"Park, Ethan",,s1001,,L02,Team 1,501,\n'
        + '"Murphy, Liam",,s1002,,L01,Team 1,501,\n'
        + '"Adeyemi, Samuel",,s1003,,L02,,,\n'  # in no group of the set
        + '"Williams, Noah",,s1004,,L02,Team 2,502,\n',
        encoding="utf-8",
    )
    return path


def test_students_in_no_group_are_a_warning_and_left_out(tmp_path: Path, samples_dir: Path) -> None:
    roster = import_roster(samples_dir / "roster.csv").roster
    path = export(tmp_path / "Project groups.csv", samples_dir)
    team_set, problems = read_team_set(path, roster)
    assert team_set.teams == {"Team 1": ["s1001", "s1002"], "Team 2": ["s1004"]}
    [warning] = list(problems)
    assert (warning.code, warning.severity, warning.row, warning.column) == (
        "no-group", "warning", 4, "group_name",
    )  # fmt: skip
    assert warning.message == (
        "Adeyemi, Samuel (s1003) is in no group of the group set; left out of the teams"
    )
    warnings = Problems()
    assert load_team_set(path, roster, warnings).teams == team_set.teams  # not an error
    assert [p.code for p in warnings] == ["no-group"]


def test_the_command_line_prints_the_warning(
    tmp_path: Path, samples_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    roster = import_roster(samples_dir / "roster.csv").roster
    path = export(tmp_path / "Project groups.csv", samples_dir)
    with caplog.at_level(logging.WARNING, logger="teamtool"):
        load_team_set(path, roster)
    assert "row 4" in caplog.text
    assert "in no group of the group set" in caplog.text


def test_a_plain_teams_file_with_a_blank_team_is_still_an_error(
    tmp_path: Path, samples_dir: Path
) -> None:
    roster = import_roster(samples_dir / "roster.csv").roster
    path = tmp_path / "teams.csv"
    path.write_text("student_id,team\ns1001,A\ns1002,\n", encoding="utf-8")
    _team_set, problems = read_team_set(path, roster)
    assert [(p.code, p.severity) for p in problems] == [("no-team", "error")]
