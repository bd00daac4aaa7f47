"""The one keyed-table header reader: folded, ``_`` read as a space, first synonym wins."""

from pathlib import Path

from teamtool.files import headers
from teamtool.files.headers import Header
from teamtool.files.teamfile import read_team_set


def test_first_synonym_present_wins_over_column_order() -> None:
    header = Header(["id", "Student_ID", "Team"])
    assert header.find(headers.TEAMS_STUDENT) == 1
    assert header.find(headers.TEAMS_TEAM) == 2
    assert header.title(1) == "Student_ID"
    assert header.find(headers.GRADES_MAX) is None


def test_case_accents_spaces_and_underscores_are_folded() -> None:
    header = Header(["  Group   NAME ", "Days Late", "Raison"])
    assert header.find(headers.GRADES_TEAM) == 0
    assert header.find(headers.DAYS_LATE) == 1
    assert header.find(headers.OVERRIDE_REASON) is None


def test_teams_file_and_canvas_group_export_share_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "groups.csv"
    path.write_text("name,canvas_user_id,login_id,group_name\nAda,101,ada@x.edu,Team 1\n")
    team_set, problems = read_team_set(path)
    assert team_set.teams == {"Team 1": ["ada@x.edu"]}
    assert not problems.has_errors()
