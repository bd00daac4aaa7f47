"""The Teams page's team-set menu: import a set from a file, rename, duplicate, delete (refused
while a milestone grades the set), compare two sets; each undoable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from ui.teams.page import TeamsPage

ROOT = Path(__file__).resolve().parents[2]
TEAMS_CSV = ROOT / "samples" / "teams.csv"


def names(teams_page: TeamsPage) -> list[str]:
    return [ts.name for ts in teams_page.ctx.require_course().team_sets()]


def errors(teams_page: TeamsPage) -> list[str]:
    return [
        b.text() for b in teams_page.findChildren(QMessageBox) if b.objectName() == "errorDialog"
    ]


def test_import_a_team_set_from_csv_then_undo(teams_page: TeamsPage, qtbot: QtBot) -> None:
    assert names(teams_page) == ["Project teams"]
    assert teams_page.set_actions.import_action.isEnabled()
    with qtbot.waitSignal(teams_page.ctx.team_sets_changed):
        imported = teams_page.set_actions.import_file(TEAMS_CSV)
    assert imported is not None
    assert names(teams_page) == ["Project teams", "teams"]
    assert teams_page.current is not None
    assert teams_page.current.name == "teams"  # the new set is shown
    expected = [line.split(",") for line in TEAMS_CSV.read_text().splitlines()[1:] if line]
    assert sum(len(m) for m in teams_page.current.teams.values()) == len(expected)
    assert list(teams_page.current.teams)[:3] == ["Team 1", "Team 2", "Team 3"]
    for sid, team in expected:
        assert teams_page.current.team_of(sid) == team
    teams_page.ctx.undo_stack.undo()
    assert names(teams_page) == ["Project teams"]


def test_importing_a_bad_file_names_file_row_and_column(
    teams_page: TeamsPage, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("student_id,team\ns1001,Team 1\nnobody,Team 2\n", encoding="utf-8")
    assert teams_page.set_actions.import_file(bad) is None
    assert names(teams_page) == ["Project teams"]
    [message] = errors(teams_page)
    assert "bad.csv" in message
    assert "row 3" in message
    assert "nobody" in message


def test_rename_duplicate_delete_each_undoable(teams_page: TeamsPage, qtbot: QtBot) -> None:
    actions, stack = teams_page.set_actions, teams_page.ctx.undo_stack
    assert actions.rename("  Autumn   teams ")
    assert names(teams_page) == ["Autumn teams"]
    twin = actions.duplicate()
    assert twin is not None
    assert names(teams_page) == ["Autumn teams", "Autumn teams (copy)"]
    course = teams_page.ctx.require_course()
    first, copy = course.team_sets()
    assert copy.teams == first.teams
    assert copy.id != first.id
    assert teams_page.current is not None
    assert teams_page.current.name == "Autumn teams (copy)"
    assert actions.delete()
    assert names(teams_page) == ["Autumn teams"]
    stack.undo()
    assert names(teams_page) == ["Autumn teams", "Autumn teams (copy)"]
    stack.undo()
    stack.undo()
    assert names(teams_page) == ["Project teams"]


def test_deleting_a_graded_set_is_refused(teams_page: TeamsPage) -> None:
    """The sample's milestones grade its one team set: deleting it is refused, nothing pushed."""
    before = teams_page.ctx.undo_stack.count()
    assert not teams_page.set_actions.delete()
    assert names(teams_page) == ["Project teams"]
    assert teams_page.ctx.undo_stack.count() == before
    [message] = errors(teams_page)
    assert 'team set "Project teams" cannot be deleted: milestone "M1 Proposal"' in message


def test_compare_two_sets_side_by_side(teams_page: TeamsPage, qtbot: QtBot) -> None:
    assert not teams_page.set_actions.compare_action.isEnabled()
    teams_page.set_actions.import_file(TEAMS_CSV)
    teams_page.ctx.require_course()
    teams_page.move_to_team("s1005", "Team 2")  # the imported copy now differs by one move
    assert teams_page.set_actions.compare_action.isEnabled()
    dialog = teams_page.set_actions.open_compare()
    assert dialog is not None
    left = dialog.findChild(QLabel, "compareSummary0")
    right = dialog.findChild(QLabel, "compareSummary1")
    assert left is not None
    assert right is not None
    assert dialog.pickers[0].currentText().startswith("Project teams")
    assert dialog.pickers[1].currentText().startswith("teams")
    for column in (left, right):
        assert column.text().startswith("<b>Score ")
        assert "12 teams" in column.text()
    assert left.text() != right.text()  # the moved student changes the right-hand summary
    dialog.close()
