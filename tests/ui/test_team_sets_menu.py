"""The Teams page's team-set menu: import a set from a file, rename, duplicate, delete (refused
while a milestone grades the set), compare two sets; each undoable."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from teamtool.demo.sample_course import create_sample_course
from tests.ui.windows import teams_page_on
from ui.teams.page import TeamsPage

ROOT = Path(__file__).resolve().parents[2]
TEAMS_CSV = ROOT / "samples" / "teams.csv"


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_sample_course(tmp_path_factory.mktemp("sets") / "sample.teamtool")


@pytest.fixture
def page(qtbot: QtBot, sample_file: Path, tmp_path: Path) -> Iterator[TeamsPage]:
    yield from teams_page_on(qtbot, Path(shutil.copy(sample_file, tmp_path / "course.teamtool")))


def names(page: TeamsPage) -> list[str]:
    return [ts.name for ts in page.ctx.require_course().team_sets()]


def errors(page: TeamsPage) -> list[str]:
    return [b.text() for b in page.findChildren(QMessageBox) if b.objectName() == "errorDialog"]


def test_import_a_team_set_from_csv_then_undo(page: TeamsPage, qtbot: QtBot) -> None:
    assert names(page) == ["Project teams"]
    assert page.set_actions.import_action.isEnabled()
    with qtbot.waitSignal(page.ctx.team_sets_changed):
        imported = page.set_actions.import_file(TEAMS_CSV)
    assert imported is not None
    assert names(page) == ["Project teams", "teams"]
    assert page.current is not None
    assert page.current.name == "teams"  # the new set is shown
    expected = [line.split(",") for line in TEAMS_CSV.read_text().splitlines()[1:] if line]
    assert sum(len(m) for m in page.current.teams.values()) == len(expected)
    assert list(page.current.teams)[:3] == ["Team 1", "Team 2", "Team 3"]
    for sid, team in expected:
        assert page.current.team_of(sid) == team
    page.ctx.undo_stack.undo()
    assert names(page) == ["Project teams"]


def test_importing_a_bad_file_names_file_row_and_column(page: TeamsPage, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("student_id,team\ns1001,Team 1\nnobody,Team 2\n", encoding="utf-8")
    assert page.set_actions.import_file(bad) is None
    assert names(page) == ["Project teams"]
    [message] = errors(page)
    assert "bad.csv" in message
    assert "row 3" in message
    assert "nobody" in message


def test_rename_duplicate_delete_each_undoable(page: TeamsPage, qtbot: QtBot) -> None:
    actions, stack = page.set_actions, page.ctx.undo_stack
    assert actions.rename("  Autumn   teams ")
    assert names(page) == ["Autumn teams"]
    twin = actions.duplicate()
    assert twin is not None
    assert names(page) == ["Autumn teams", "Autumn teams (copy)"]
    course = page.ctx.require_course()
    first, copy = course.team_sets()
    assert copy.teams == first.teams
    assert copy.id != first.id
    assert page.current is not None
    assert page.current.name == "Autumn teams (copy)"
    assert actions.delete()
    assert names(page) == ["Autumn teams"]
    stack.undo()
    assert names(page) == ["Autumn teams", "Autumn teams (copy)"]
    stack.undo()
    stack.undo()
    assert names(page) == ["Project teams"]


def test_deleting_a_graded_set_is_refused(page: TeamsPage) -> None:
    """The sample's milestones grade its one team set: deleting it is refused, nothing pushed."""
    before = page.ctx.undo_stack.count()
    assert not page.set_actions.delete()
    assert names(page) == ["Project teams"]
    assert page.ctx.undo_stack.count() == before
    [message] = errors(page)
    assert 'team set "Project teams" cannot be deleted: milestone "M1 Proposal"' in message


def test_compare_two_sets_side_by_side(page: TeamsPage, qtbot: QtBot) -> None:
    assert not page.set_actions.compare_action.isEnabled()
    page.set_actions.import_file(TEAMS_CSV)
    page.ctx.require_course()
    page.move_to_team("s1005", "Team 2")  # the imported copy now differs by one move
    assert page.set_actions.compare_action.isEnabled()
    dialog = page.set_actions.open_compare()
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
