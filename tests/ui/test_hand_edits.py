"""Editing teams by hand on the real Teams page at 1024 × 640: drop anywhere on a card, autoscroll,
menus by mouse and keyboard, search, the compact list, unassigned students, the edited status."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from teamtool.course.team_quality import score_text, set_score
from teamtool.demo.sample_course import create_sample_course
from teamtool.model import Student, TeamSet
from teamtool.store import Course
from tests.ui.windows import drop_on, open_small_window
from ui.teams.criteria import default_criteria
from ui.teams.members_model import MIME
from ui.teams.page import TeamsPage

TEAMS = 1
LATE = "s2001"


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample course; its team set carries the default rules, as if formed; Team 5 locked;
    a late joiner (Ethan Park's answers) added to the roster after forming."""
    path = create_sample_course(tmp_path_factory.mktemp("hand") / "sample.teamtool")
    with Course.open(path) as course:
        ts = course.team_sets()[-1]
        ts.criteria = {**default_criteria(course.roster()), "result": {"status": "OPTIMAL"}}
        ts.locked = {"Team 5"}
        course.save_team_set(ts)
        ethan = course.roster().get("s1001")
        assert ethan is not None
        course.add_student(Student(LATE, "Lee Late", attributes=dict(ethan.attributes)))
    return path


@pytest.fixture
def page(qtbot: QtBot, sample_file: Path, tmp_path: Path) -> Iterator[TeamsPage]:
    w = open_small_window(qtbot, Path(shutil.copy(sample_file, tmp_path / "course.teamtool")))
    w.show_step(TEAMS)
    qtbot.waitUntil(lambda: w.teams_page.board.complete)
    qtbot.wait(5)
    yield w.teams_page
    w.teams_page.stop_solving()


def stored(page: TeamsPage) -> TeamSet:
    return page.ctx.require_course().team_sets()[-1]


def drag_data(student: str) -> QMimeData:
    data = QMimeData()
    data.setData(MIME, student.encode("utf-8"))
    return data


def drop_student(widget: QWidget, pos: QPoint, student: str) -> bool:
    """Enter, move and drop a dragged ``student`` at ``pos`` of ``widget``; True if accepted."""
    return drop_on(widget, pos, drag_data(student))


def test_teams_in_natural_order_with_a_locked_team(page: TeamsPage) -> None:
    """Team 5 is locked; the board, the list and the chart still read Team 1, 2, … 12."""
    names = [f"Team {i}" for i in range(1, 13)]
    assert [c.model.team for c in page.board.cards] == names
    page.tabs.board_panel.show_list(True)
    tree = page.tabs.board_panel.team_list
    tops = [tree.topLevelItem(i).text(0).split(" · ")[0] for i in range(tree.topLevelItemCount())]
    assert tops == names


def test_drop_on_a_card_header_moves_the_student(page: TeamsPage, qtbot: QtBot) -> None:
    card = page.board.card("Team 2")
    header = card.title
    assert not header.acceptDrops()  # a drop on the header goes to the card, which takes it
    assert card.acceptDrops()
    pos = header.mapTo(card, header.rect().center())
    home = stored(page).team_of("s1001")
    assert home != "Team 2"
    with qtbot.waitSignal(page.ctx.team_sets_changed):
        assert drop_student(card, pos, "s1001")
    assert "s1001" in stored(page).teams["Team 2"]
    assert page.ctx.undo_stack.undoText() == "Move s1001 to Team 2"
    page.ctx.undo_stack.undo()
    assert stored(page).team_of("s1001") == home


def test_a_locked_card_refuses_drops_and_looks_locked(page: TeamsPage) -> None:
    locked, free = page.board.card("Team 5"), page.board.card("Team 4")
    assert not drop_student(locked, locked.title.pos(), "s1001")
    assert locked.lock.text() == "Locked"
    assert not locked.lock.icon().isNull()
    assert free.lock.text() == "Lock"
    assert locked.grab().toImage().pixelColor(3, 40) != free.grab().toImage().pixelColor(3, 40)


def test_dragging_near_the_bottom_edge_scrolls_the_board(page: TeamsPage) -> None:
    board = page.board
    bar = board.verticalScrollBar()
    assert bar.maximum() > 0  # at 1024 × 640 the 12 cards do not all fit
    assert bar.value() == 0
    viewport = board.viewport()
    card = board.cards[0]
    near_bottom = QPointF(card.mapFrom(viewport, QPoint(50, viewport.height() - 5)))
    data, move = drag_data("s1001"), Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(card, QDragEnterEvent(near_bottom, move, data, buttons, mods))
    QApplication.sendEvent(card, QDragMoveEvent(near_bottom, move, data, buttons, mods))
    assert bar.value() > 0
    scrolled = bar.value()
    assert board.autoscroll_at(viewport.mapToGlobal(QPoint(50, 2))) < 0  # the top edge: back up
    assert bar.value() < scrolled
    assert board.autoscroll_at(viewport.mapToGlobal(QPoint(50, 200))) == 0  # the middle: still
    board.autoscroll_at(viewport.mapToGlobal(QPoint(50, viewport.height() - 1)))
    resting = bar.value()
    board._keep_scrolling()  # no mouse button held: the drag is over, the scrolling stops
    assert bar.value() == resting
    assert not board._scroll_timer.isActive()


def test_dragging_over_a_gap_between_cards_scrolls_too(page: TeamsPage) -> None:
    """Between two cards no widget takes a drop; the grid under them still follows the drag."""
    board = page.board
    bar, viewport, holder = board.verticalScrollBar(), board.viewport(), board.widget()
    first, second = board.cards[0], board.cards[1]
    gap_x = (first.geometry().right() + second.geometry().left()) // 2
    assert holder.childAt(gap_x, first.geometry().center().y()) is None  # truly a gap
    at = QPointF(gap_x, holder.mapFrom(viewport, QPoint(0, viewport.height() - 5)).y())
    data, move = drag_data("s1001"), Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, move, data, buttons, mods)
    QApplication.sendEvent(holder, enter)
    assert enter.isAccepted()
    moving = QDragMoveEvent(at, move, data, buttons, mods)
    QApplication.sendEvent(holder, moving)
    assert bar.value() > 0
    assert not moving.isAccepted()  # nothing is dropped on a gap


def menu_action(menu: QMenu, name: str):
    for action in menu.findChildren(type(menu.menuAction()), name):
        return action
    for sub in menu.findChildren(QMenu):
        for action in sub.actions():
            if action.objectName() == name:
                return action
    raise AssertionError(name)


def test_context_menu_moves_and_swaps(page: TeamsPage, qtbot: QtBot) -> None:
    view = page.board.card("Team 1").view
    first = view.model().index(0, 0)
    student = view.student_at(first)
    view.customContextMenuRequested.emit(view.visualRect(first).center())
    menu = page.hand.menu
    assert menu is not None
    assert menu.isVisible()
    assert not menu_action(menu, "move:Team 5").isEnabled()  # locked
    with qtbot.waitSignal(page.ctx.team_sets_changed):
        menu_action(menu, "move:Team 3").trigger()
    assert student in stored(page).teams["Team 3"]
    assert page.ctx.undo_stack.undoText() == f"Move {student} to Team 3"
    page.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: page.board.complete)
    view = page.board.card("Team 1").view
    view.customContextMenuRequested.emit(view.visualRect(view.model().index(0, 0)).center())
    other = stored(page).teams["Team 2"][0]
    with qtbot.waitSignal(page.ctx.team_sets_changed):
        menu_action(page.hand.menu, f"swap:{other}").trigger()
    teams = stored(page).teams
    assert (teams["Team 1"][0], teams["Team 2"][0]) == (other, student)


def test_keyboard_move_and_swap(page: TeamsPage, qtbot: QtBot) -> None:
    view = page.board.card("Team 4").view
    view.setFocus()
    view.setCurrentIndex(view.model().index(1, 0))
    student = view.current_student()
    qtbot.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    menu = page.hand.menu
    assert menu is not None
    assert menu.objectName() == "moveMenu"
    assert menu.isVisible()
    with qtbot.waitSignal(page.ctx.team_sets_changed):
        menu_action(menu, "move:Team 12").trigger()
    assert stored(page).teams["Team 12"][-1] == student
    qtbot.waitUntil(lambda: page.board.complete)
    view = page.board.card("Team 12").view
    view.setFocus()
    view.select_student(student)
    qtbot.keyClick(
        view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert page.hand.menu is not None
    assert page.hand.menu.objectName() == "swapMenu"
    other = stored(page).teams["Team 11"][0]
    with qtbot.waitSignal(page.ctx.team_sets_changed):
        menu_action(page.hand.menu, f"swap:{other}").trigger()
    assert stored(page).teams["Team 11"][0] == student
    assert page.ctx.undo_stack.undoText() == f"Swap {student} and {other}"


def test_search_highlights_and_scrolls_to_the_student(page: TeamsPage, qtbot: QtBot) -> None:
    panel = page.tabs.board_panel
    target = next(c for c in page.board.cards if any(s.id == "s1042" for s in c.model.members))
    viewport = page.board.viewport()

    def visible() -> bool:
        top_left = target.mapTo(viewport, QPoint(0, 0))
        return viewport.rect().intersects(target.rect().translated(top_left))

    page.board.verticalScrollBar().setValue(0)
    qtbot.keyClicks(panel.search, "yuki")  # Yuki Tanaka (s1042)
    assert target.property("found") is True
    assert target.view.current_student() == "s1042"
    assert visible()
    assert sum(bool(c.property("found")) for c in page.board.cards) == 1
    panel.search.clear()
    qtbot.keyClicks(panel.search, "nobody at all")
    assert panel.found.text() == "not found"


def test_compact_list_has_one_line_per_member(page: TeamsPage, qtbot: QtBot) -> None:
    panel = page.tabs.board_panel
    qtbot.mouseClick(panel.list_toggle, Qt.MouseButton.LeftButton)
    tree = panel.team_list
    assert panel.stack.currentWidget() is tree
    assert tree.topLevelItemCount() == 12
    members = sum(tree.topLevelItem(i).childCount() for i in range(12))
    assert members == 48
    first = tree.topLevelItem(0).child(0)
    assert first.text(0).startswith("Ravi Patel  —  Mon PM; Wed PM; Thu PM; Fri PM")  # whole
    assert first.toolTip(0).startswith("Ravi Patel (s1005)")


def test_unassigned_student_placed_in_one_click(page: TeamsPage, qtbot: QtBot) -> None:
    area = page.tabs.board_panel.unassigned
    assert area.isVisible()
    assert area.title().startswith("Unassigned (1): ")
    assert area.list.item(0).text() == "Lee Late (s2001)"
    button = area.place_button
    assert button.isEnabled()
    assert button.text().startswith("Place in Team ")
    team = button.text().removeprefix("Place in ")
    assert team != "Team 5"
    assert "Best place: " + team in area.suggestion.text()
    with qtbot.waitSignal(page.ctx.team_sets_changed):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert stored(page).teams[team][-1] == LATE
    assert not area.isVisible()
    page.ctx.undo_stack.undo()
    assert stored(page).team_of(LATE) is None
    assert area.isVisible()


def test_unassigned_student_dropped_onto_a_team(page: TeamsPage, qtbot: QtBot) -> None:
    area = page.tabs.board_panel.unassigned
    data = area.list.mimeData([area.list.item(0)])
    assert bytes(data.data(MIME).data()) == LATE.encode()
    card = page.board.card("Team 7")
    with qtbot.waitSignal(page.ctx.team_sets_changed):
        assert drop_student(card, card.title.pos(), LATE)
    assert stored(page).teams["Team 7"][-1] == LATE
    assert page.ctx.undo_stack.undoText() == "Place s2001 in Team 7"


def test_status_after_moves_shows_score_and_what_broke(page: TeamsPage, qtbot: QtBot) -> None:
    """Ravi Patel (s1005) and Ryan O'Connor (s1011) asked to work together and share Team 1:
    moving Ravi away breaks that request, and the status says so, with the score."""
    before = stored(page)
    with qtbot.waitSignal(page.ctx.team_sets_changed):
        page.move_to_team("s1005", "Team 2")
    formed = set_score(page.roster, before, fallback=page.criteria_panel.criteria())
    status = page.status.text()
    assert status.startswith("Edited: 1 move since forming; score ")
    assert f", was {score_text(formed)} (lower is better)." in status
    assert "That move broke: " in status
    assert "Ravi Patel and Ryan O'Connor asked together" in status
    assert "proven" not in page.summary.text()
    assert "Edited by hand: 1 move since forming." in page.summary.text()
    with qtbot.waitSignal(page.ctx.team_sets_changed):
        page.move_to_team("s1001", "Team 3")
    assert page.status.text().startswith("Edited: 2 moves since forming; score ")
    assert stored(page).hand_edits == 2
