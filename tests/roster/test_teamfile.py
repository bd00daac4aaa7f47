"""Teams files: ``student_id,team`` and the Canvas group-set export, matched to the roster."""

from __future__ import annotations

from pathlib import Path

import pytest

from teamtool.errors import InputError
from teamtool.files.teamfile import load_team_set, read_team_set
from teamtool.roster import import_roster


def test_sample_teams_cover_the_roster(samples_dir: Path) -> None:
    roster = import_roster(samples_dir / "roster.csv").roster
    team_set = load_team_set(samples_dir / "teams.csv", roster)
    assert len(team_set.teams) == 12
    assert sorted(team_set.students()) == sorted(s.id for s in roster)


def test_canvas_group_set_export_matches_by_sis_id_and_canvas_id(
    tmp_path: Path, data_dir: Path
) -> None:
    roster = import_roster(data_dir / "canvas_gradebook_17.csv").roster
    a, b = roster.students[:2]
    path = tmp_path / "Project groups.csv"
    path.write_text(
        "name,canvas_user_id,user_id,login_id,sections,group_name,canvas_group_id,group_id\n"
        f'"Last, One",{a.lms_id},,{a.login_id},S,Blue,11,\n'
        f'"Last, Two",{b.lms_id},{b.id},{b.login_id},S,Blue,11,\n',
        encoding="utf-8",
    )
    team_set = load_team_set(path, roster)
    assert team_set.teams == {"Blue": [a.id, b.id]}


def test_unknown_and_repeated_students_are_reported(tmp_path: Path, samples_dir: Path) -> None:
    roster = import_roster(samples_dir / "roster.csv").roster
    path = tmp_path / "teams.csv"
    path.write_text("student_id,team\ns1001,A\nzz99,A\ns1001,B\ns1002,\n", encoding="utf-8")
    team_set, problems = read_team_set(path, roster)
    assert [(p.code, p.row) for p in problems] == [
        ("unknown-person", 3),
        ("duplicate-id", 4),
        ("no-team", 5),
    ]
    assert team_set.teams == {"A": ["s1001"]}
    with pytest.raises(InputError, match="3 problem"):
        load_team_set(path, roster)


def test_a_file_without_the_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("who,what\nx,y\n", encoding="utf-8")
    with pytest.raises(InputError, match="student column"):
        load_team_set(path)
