"""A large class (300 students, 75 teams) is shown over several turns of the event loop: the set
is evaluated a turn after it is stored, the cards are built a few per turn, cards below the
visible part without repainting the board, and at the end every card is there and painted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from teamtool.model import AttributeKind, AttributeSpec, Roster, Student, TeamSet
from teamtool.store import Course
from ui.commands import AddTeamSetCommand, execute
from ui.main_window import MainWindow
from ui.teams.page import LARGE_CLASS


def large_course(path: Path, students: int = 300) -> Path:
    people = [
        Student(f"s{i:03d}", f"Student {i}", attributes={"GPA": 2.0 + (i % 21) / 10})
        for i in range(students)
    ]
    roster = Roster(people, [AttributeSpec("GPA", AttributeKind.NUMERIC)])
    with Course.create(path, "Large") as course:
        course.replace_roster(roster)
    return path


def test_75_teams_are_shown_over_several_turns(qtbot: QtBot, tmp_path: Path) -> None:
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    assert w.open_course(large_course(tmp_path / "large.teamtool"))
    w.show_step(1)
    page = w.teams_page
    assert len(page.roster.students) >= LARGE_CLASS
    ids = [s.id for s in page.roster.students]
    teams = {f"Team {t + 1}": ids[4 * t : 4 * t + 4] for t in range(75)}
    turns = 0
    page.show_newest = True
    execute(w.ctx, AddTeamSetCommand(w.ctx, TeamSet("Teams 1", teams)))
    page.show_newest = False
    assert page.current is not None
    assert page.current.name == "Teams 1"
    assert not page.board.complete  # nothing is built in the turn that stored the set
    assert page.board.cards == []
    seen_without_repaint = False
    while not page.board.complete and turns < 2000:
        QCoreApplication.processEvents()
        seen_without_repaint |= not page.board.viewport().updatesEnabled()
        turns += 1
    assert page.board.complete
    assert turns > 2  # built over several turns, not in one
    assert [c.model.team for c in page.board.cards] == list(teams)
    assert all(len(c.model.members) == 4 for c in page.board.cards)
    assert seen_without_repaint  # the cards below the visible part were built unpainted
    assert page.board.viewport().updatesEnabled()  # and the board is painted again at the end
    assert page.view is not None
    assert len(page.view.teams) == 75
