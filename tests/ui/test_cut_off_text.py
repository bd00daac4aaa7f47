"""No cut-off text at 1024 × 640: member lines wrap on the team cards, the Flags column shows
each flag whole, the override dialog's title is short, cards of a small class keep their height."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QStyle
from pytestqt.qtbot import QtBot

from teamtool.demo.sample_course import create_sample_course
from teamtool.model import TeamSet
from teamtool.store import Course
from tests.ui.windows import TEAMS, open_small_window, show_grades
from ui.grades.results_model import COL_FLAGS, flags_text
from ui.main_window import MainWindow
from ui.teams.criteria import default_criteria


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample course, its teams shown with the default rules (Availability first)."""
    path = create_sample_course(tmp_path_factory.mktemp("cut") / "sample.teamtool")
    with Course.open(path) as course:
        ts = course.team_sets()[-1]
        ts.criteria = default_criteria(course.roster())
        course.save_team_set(ts)
    return path


@pytest.fixture
def window(qtbot: QtBot, sample_file: Path, tmp_path: Path) -> Iterator[MainWindow]:
    w = open_small_window(qtbot, Path(shutil.copy(sample_file, tmp_path / "course.teamtool")))
    yield w
    w.teams_page.stop_solving()


def test_member_lines_wrap_whole_on_the_cards(window: MainWindow, qtbot: QtBot) -> None:
    """Each member line (name — availability · GPA · programming) shows whole: its row is as
    tall as the wrapped text needs, and every row lies inside the list."""
    window.show_step(TEAMS)
    page = window.teams_page
    qtbot.waitUntil(lambda: page.board.complete)
    qtbot.wait(20)
    assert page.view is not None
    assert page.view.key_attributes[0] == "Availability"
    checked = 0
    for card in page.board.cards[:4]:
        view = card.view
        width = view.viewport().width()
        for row in range(view.model().rowCount()):
            index = view.model().index(row, 0)
            text = str(index.data())
            assert " — " in text  # the key attributes are on the line
            need = view.fontMetrics().boundingRect(
                QRect(0, 0, width - 8, 10_000), int(Qt.TextFlag.TextWordWrap), text
            )
            rect = view.visualRect(index)
            assert rect.height() >= need.height(), text
            assert rect.bottom() <= view.viewport().height(), text
            checked += 1
        assert card.explanation.wordWrap()
    assert checked == 16


def test_a_small_class_cards_do_not_stretch(qtbot: QtBot, tmp_path: Path) -> None:
    """Two teams of three: each card is as tall as its content, not the board's full height."""
    path = create_sample_course(tmp_path / "small.teamtool")
    with Course.open(path) as course:
        ids = [s.id for s in course.roster().students[:6]]
        course.add_team_set(TeamSet("Small", {"Team 1": ids[:3], "Team 2": ids[3:]}))
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1024, 640)
    w.show()
    assert w.open_course(path)
    w.show_step(TEAMS)
    board = w.teams_page.board
    qtbot.waitUntil(lambda: board.complete and len(board.cards) == 2)
    qtbot.waitUntil(lambda: all(c.height() <= c.sizeHint().height() + 2 for c in board.cards))
    for card in board.cards:
        assert card.height() < board.viewport().height() / 2


def test_flags_show_whole_at_1024(window: MainWindow, qtbot: QtBot) -> None:
    page = show_grades(qtbot, window)
    view = page.view
    section = view.horizontalHeader().sectionSize(COL_FLAGS)
    padding = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    texts = {page.model.index(r, COL_FLAGS).data() for r in range(48)} - {""}
    assert "low-performer +1" in texts  # two flags: the first whole, then how many more
    for text in texts:
        assert view.fontMetrics().horizontalAdvance(text) + padding <= section, text
    assert flags_text(["a", "b", "c"]) == "a +2"
    assert flags_text([]) == ""


def test_override_title_is_short_and_names_the_student_in_full(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = show_grades(qtbot, window)
    page.select_student("s1011")
    dialog = page.open_override()
    assert dialog is not None
    assert dialog.windowTitle() == "Override a grade"
    who_label = dialog.findChild(QLabel, "overrideWho")
    assert who_label is not None
    assert "Ryan O&#x27;Connor (s1011)</b>, Team 1" in who_label.text()  # the whole name
    assert who_label.wordWrap()
    dialog.close()
