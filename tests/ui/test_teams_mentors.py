"""Mentors on the Teams page: each card shows its team's mentor; the card menu changes it (a
known mentor, a typed one, none); dragging a chip onto another card swaps the two mentors;
"Assign mentors…" reads samples/mentors.csv and assigns in a worker. Every change is undoable."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from teamtool.demo.sample_course import create_sample_course
from teamtool.mentors import read_mentors
from teamtool.model import MentorRef
from ui.main_window import MainWindow
from ui.teams.mentor_actions import typed_mentor
from ui.teams.page import TeamsPage

ROOT = Path(__file__).resolve().parents[2]
MENTORS_CSV = ROOT / "samples" / "mentors.csv"
PRIYA = MentorRef("Priya Raman", "priya.raman@example.edu")
MEI = MentorRef("Mei Chen", "mei.chen@example.edu")


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_sample_course(tmp_path_factory.mktemp("mentors") / "sample.teamtool")


@pytest.fixture
def page(qtbot: QtBot, sample_file: Path, tmp_path: Path) -> Iterator[TeamsPage]:
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_course(shutil.copy(sample_file, tmp_path / "course.teamtool"))
    w.show_step(1)
    qtbot.waitUntil(lambda: w.teams_page.board.complete)
    yield w.teams_page
    w.teams_page.stop_solving()


def stored(page: TeamsPage) -> dict[str, MentorRef]:
    ts = page.current
    assert ts is not None
    assert ts.id is not None
    return page.ctx.require_course().team_mentors(ts.id)


def chip_text(page: TeamsPage, team: str) -> str:
    """The chip of ``team``'s card, once the board (rebuilt after each change) is complete."""
    QtBot(page).waitUntil(lambda: page.board.complete)
    return page.board.card(team).mentor_chip.text()


def drop_on(widget: QWidget, pos: QPoint, data: QMimeData) -> bool:
    """Enter, move and drop ``data`` at ``pos`` of ``widget``; True if the drop was accepted."""
    where, move = QPointF(pos), Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where, move, data, buttons, mods)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(widget, QDragMoveEvent(where, move, data, buttons, mods))
    drop = QDropEvent(where, move, data, buttons, mods)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def assign_sample(page: TeamsPage, qtbot: QtBot) -> None:
    with qtbot.waitSignal(page.mentors.assigned, timeout=30000):
        assert page.mentors.assign_file(str(MENTORS_CSV)) is not None


def test_assign_mentors_from_the_sample_list_then_undo(page: TeamsPage, qtbot: QtBot) -> None:
    assert stored(page) == {}
    assert chip_text(page, "Team 1") == "No mentor"
    assert page.mentors.assign_action.isEnabled()
    assign_sample(page, qtbot)
    mentors = stored(page)
    assert set(mentors) == set(page.current.teams)  # type: ignore[union-attr]
    listed = {m.ref for m in read_mentors(MENTORS_CSV)}
    assert set(mentors.values()) <= listed
    loads = [list(mentors.values()).count(m) for m in listed]
    capacity = {m.ref: m.capacity for m in read_mentors(MENTORS_CSV)}
    assert all(list(mentors.values()).count(m) <= (capacity[m] or 99) for m in listed)
    assert sum(loads) == len(page.current.teams)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: page.board.complete)
    for team, mentor in mentors.items():
        chip = page.board.card(team).mentor_chip
        assert chip.text() == f"Mentor: {mentor.name}"
        assert mentor.email in chip.toolTip()
    box = page.mentors.result_box
    assert box is not None
    assert box.objectName() == "mentorResult"
    assert "Team 1: " in box.detailedText()
    page.ctx.undo_stack.undo()
    assert stored(page) == {}
    assert chip_text(page, "Team 1") == "No mentor"
    page.ctx.undo_stack.redo()
    assert stored(page) == mentors


def test_a_bad_mentor_list_names_the_file_and_stores_nothing(
    page: TeamsPage, tmp_path: Path
) -> None:
    bad = tmp_path / "mentors.csv"
    bad.write_text("name,email,capacity\nAna,ana@example.edu,lots\n", encoding="utf-8")
    assert page.mentors.assign_file(str(bad)) is None
    texts = [b.text() for b in page.findChildren(QMessageBox) if b.objectName() == "errorDialog"]
    assert texts
    assert "mentors.csv" in texts[-1]
    assert stored(page) == {}


def test_card_menu_chooses_a_known_mentor_types_one_and_removes_one(
    page: TeamsPage, qtbot: QtBot
) -> None:
    assign_sample(page, qtbot)
    before = stored(page)
    other = next(m for m in page.mentors.known() if m != before["Team 2"])
    menu = page.mentors.open_menu("Team 2", QPoint(0, 0))
    checked = [a.text() for a in menu.actions() if a.isChecked()]
    assert checked == [f"{before['Team 2'].name} <{before['Team 2'].email}>"]
    item = next(a for a in menu.actions() if a.objectName() == f"mentor:{other.name}")
    item.trigger()
    assert stored(page)["Team 2"] == other
    assert chip_text(page, "Team 2") == f"Mentor: {other.name}"
    assert page.mentors.choose_typed("Team 3", "Lea Vogel <lea.vogel@example.edu>")
    assert stored(page)["Team 3"] == MentorRef("Lea Vogel", "lea.vogel@example.edu")
    long_name = "Maximiliane Alexandra von Hohenberg-Wittgenstein"
    assert page.mentors.choose_typed("Team 1", long_name)
    chip = (chip_text(page, "Team 1"), page.board.card("Team 1").mentor_chip)[1]
    assert chip.text().endswith("…")  # elided on the card, whole in the tooltip
    assert long_name in chip.toolTip()
    menu = page.mentors.open_menu("Team 4", QPoint(0, 0))
    next(a for a in menu.actions() if a.objectName() == "mentorNone").trigger()
    assert "Team 4" not in stored(page)
    assert chip_text(page, "Team 4") == "No mentor"
    for _ in range(4):
        page.ctx.undo_stack.undo()
    assert stored(page) == before


def test_typed_text_matches_a_known_mentor_or_reads_name_and_email() -> None:
    known = [PRIYA, MEI]
    assert typed_mentor("  mei.CHEN@example.edu ", known) == MEI
    assert typed_mentor("priya raman", known) == PRIYA
    assert typed_mentor("Ana Ruiz <ana@example.edu>", known) == MentorRef(
        "Ana Ruiz", "ana@example.edu"
    )
    assert typed_mentor("ana@example.edu", known) == MentorRef("ana@example.edu", "ana@example.edu")
    assert typed_mentor("Ana   Ruiz", known) == MentorRef("Ana Ruiz", "")
    assert typed_mentor("   ", known) is None


def test_dropping_a_mentor_chip_on_another_card_swaps_the_mentors(
    page: TeamsPage, qtbot: QtBot
) -> None:
    course, set_id = page.ctx.require_course(), page.current.id  # type: ignore[union-attr]
    course.save_team_set(page.current.with_lock("Team 5", True))  # type: ignore[union-attr]
    course.set_team_mentors(set_id, {"Team 1": PRIYA, "Team 2": MEI})
    page.ctx.team_sets_changed.emit()
    qtbot.waitUntil(lambda: page.board.complete)
    target = page.board.card("Team 5")
    assert target.model.locked  # a locked team keeps its members, not its mentor
    data = page.board.card("Team 1").mentor_chip.mime()
    with qtbot.waitSignal(page.ctx.team_sets_changed):
        assert drop_on(target, target.mentor_chip.geometry().center(), data)
    assert stored(page) == {"Team 5": PRIYA, "Team 2": MEI}
    assert chip_text(page, "Team 5") == "Mentor: Priya Raman"
    assert chip_text(page, "Team 1") == "No mentor"
    own = page.board.card("Team 5")
    assert not drop_on(own, own.mentor_chip.geometry().center(), own.mentor_chip.mime())
    page.mentors.swap("Team 5", "Team 2")
    assert stored(page) == {"Team 5": MEI, "Team 2": PRIYA}
    page.ctx.undo_stack.undo()
    page.ctx.undo_stack.undo()
    assert stored(page) == {"Team 1": PRIYA, "Team 2": MEI}
