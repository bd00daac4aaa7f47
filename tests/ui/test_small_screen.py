"""The window at 1024 × 640 on the sample course: header labels, names and key buttons not clipped."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QHeaderView,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from teamtool.demo.sample_course import create_sample_course
from tests.ui.windows import (
    GRADES,
    RATINGS,
    SMALL,
    STUDENTS,
    TEAMS,
    open_small_window,
    show_grades,
    show_ratings,
)
from ui.grades.results_model import COL_FLAGS, COL_STUDENT, HEADERS, ResultsModel
from ui.main_window import MainWindow


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample course (students, teams, two milestones, M1's ratings), made once."""
    return create_sample_course(tmp_path_factory.mktemp("sample") / "sample.teamtool")


@pytest.fixture
def small_window(qtbot: QtBot, sample_file: Path, tmp_path: Path) -> Iterator[MainWindow]:
    """The main window at 1024 × 640 with a copy of the sample course open."""
    path = Path(shutil.copy(sample_file, tmp_path / "course.teamtool"))
    w = open_small_window(qtbot, path)
    assert (w.width(), w.height()) == SMALL
    yield w
    w.teams_page.stop_solving()


def label_need(header: QHeaderView, section: int, sortable: bool) -> int:
    """Pixels the label needs unelided: its widest line, the style's margins and, in a sortable
    table, the sort arrow (Qt takes the arrow's room from the label)."""
    text = str(header.model().headerData(section, Qt.Orientation.Horizontal) or "")
    widest = max(header.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    return widest + 2 * margin + (arrow + margin if sortable else 0)


def clipped_labels(view: QTableView) -> list[str]:
    """The header labels that neither fit their section nor appear whole in its tooltip."""
    header, model = view.horizontalHeader(), view.model()
    found = []
    for section in range(model.columnCount()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        tip = str(model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
                  or "")  # fmt: skip
        fits = header.sectionSize(section) >= label_need(header, section, view.isSortingEnabled())
        words = text.split()
        if not fits and not all(word.lower() in tip.lower() for word in words):
            found.append(f"{view.objectName()}: {text!r} in {header.sectionSize(section)} px")
    return found


def visible_tables(w: QWidget) -> list[QTableView]:
    return [t for t in w.findChildren(QTableView) if t.isVisible()]


def window_rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def test_every_header_label_fits_or_is_in_its_tooltip(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    """On every step at 1024 × 640, each column label of every table shows whole (room for the
    label and the sort arrow) or its tooltip carries it in full. The old Grades table gave
    "Team grade" 76 px: elided as soon as it showed a sort arrow, and no tooltip."""
    w = small_window
    show_ratings(qtbot, w)
    pages = [(STUDENTS, None), (RATINGS, 0), (RATINGS, 1), (GRADES, 0), (GRADES, 1)]
    problems: list[str] = []
    checked = 0
    for step, tab in pages:
        if step == GRADES:
            show_grades(qtbot, w)
        w.show_step(step)
        if tab is not None:
            w.step_pages[step].tabs.setCurrentIndex(tab)  # type: ignore[attr-defined]
        qtbot.wait(1)  # let the shown tab lay out
        for view in visible_tables(w):
            problems += clipped_labels(view)
            checked += 1
    assert checked >= 6  # students, matrix, flags, comments, adjusted grades, team grades
    assert problems == []


def test_grades_table_shows_student_to_flags_whole(qtbot: QtBot, small_window: MainWindow) -> None:
    """At 1024 × 640 the Adjusted grades columns Student … Flags lie inside the table's viewport
    without scrolling (the old fixed widths left Flags half outside, its label out of sight), and
    every "Name (id)" fits its cell instead of losing the id to an ellipsis."""
    page = show_grades(qtbot, small_window)
    view = page.view
    header = view.horizontalHeader()
    width = view.viewport().width()
    for col in range(COL_STUDENT, COL_FLAGS + 1):
        left = header.sectionViewportPosition(col)
        assert left >= 0, col
        assert left + header.sectionSize(col) <= width, (col, left, width)
    metrics = view.fontMetrics()
    padding = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    names = [page.model.index(r, COL_STUDENT).data() for r in range(page.model.rowCount())]
    too_wide = [n for n in names if metrics.horizontalAdvance(n) + padding > header.sectionSize(0)]
    assert "Ingrid Johansson (s1019)" in names
    assert too_wide == []


def edit_field_width(combo: QComboBox) -> int:
    """The width of the text field of ``combo`` (the box less its arrow and frame)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


def test_student_pickers_show_name_and_id(qtbot: QtBot, small_window: MainWindow) -> None:
    """The Teams page's keep-together/apart and pin pickers show "Name (id)" whole at 1024 × 640
    (the pin picker, sharing its line with the team number and Pin, showed "Ethan Park (s1");
    the longest name of the sample fits, and the tooltip names the chosen student."""
    w = small_window
    w.show_step(TEAMS)
    panel = w.teams_page.criteria_panel
    for combo in (panel.pair_a, panel.pair_b, panel.pin_student):
        assert combo.count() == 48
        longest = max((combo.itemText(i) for i in range(combo.count())), key=len)
        combo.setCurrentText(longest)
        assert combo.toolTip() == longest
        assert edit_field_width(combo) >= combo.fontMetrics().horizontalAdvance(longest), longest


def test_team_set_name_shows_whole(qtbot: QtBot, small_window: MainWindow) -> None:
    """The Teams page's team-set box has room for the whole name, date and team count at
    1024 × 640 (it was elided to "… 19:1" before), and its tooltip starts with that text."""
    w = small_window
    w.show_step(TEAMS)
    combo = w.teams_page.set_combo
    qtbot.waitUntil(lambda: combo.count() == 1)
    text = combo.currentText()
    assert text.startswith("Project teams — ")
    assert text.endswith(" — 12 teams")
    assert edit_field_width(combo) >= combo.fontMetrics().horizontalAdvance(text)
    assert combo.toolTip().startswith(text)
    assert combo.itemData(0, Qt.ItemDataRole.ToolTipRole) == text


def test_key_buttons_inside_the_window_and_unsqueezed(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    """Every button and box of the four steps (outside scroll areas) lies inside the 1024 × 640
    window and is at least as wide as its text needs."""
    w = small_window
    bounds = QRect(0, 0, *SMALL)
    seen: set[str] = set()
    for step in (STUDENTS, TEAMS, RATINGS, GRADES):
        if step == GRADES:
            show_grades(qtbot, w)
        w.show_step(step)
        qtbot.wait(1)
        page = w.step_pages[step]
        for widget in page.findChildren(QWidget):
            if not isinstance(widget, QAbstractButton | QComboBox) or not widget.isVisible():
                continue
            if in_scroll_area(widget, page):
                continue  # reachable by scrolling
            text = widget.text() if isinstance(widget, QAbstractButton) else widget.currentText()
            seen.add(text)
            assert bounds.contains(window_rect(widget, w)), (step, text)
            if isinstance(widget, QAbstractButton):
                assert widget.width() >= widget.sizeHint().width(), (step, text)
    expected = {"Import roster…", "Form teams", "Cancel", "Import survey…", "Override…",
                "What-if preview…", "Export…", "Add milestone…", "Delete…"}  # fmt: skip
    assert expected <= seen


def in_scroll_area(widget: QWidget, page: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def test_step_list_fits_its_titles(small_window: MainWindow) -> None:
    """The step list is as wide as its longest title needs in the user's font, not a fixed
    110 px that wastes room on a small screen or cuts a title in a large font."""
    steps = small_window.steps
    metrics = steps.fontMetrics()
    need = max(metrics.horizontalAdvance(steps.item(i).text()) for i in range(steps.count()))
    frame = 2 * steps.frameWidth()
    assert need + frame < steps.width() <= need + frame + 4 * metrics.averageCharWidth()


@pytest.mark.parametrize("which", ["export", "override", "what-if", "milestone", "delete"])
def test_dialogs_fit_and_show_their_buttons(
    qtbot: QtBot, small_window: MainWindow, which: str
) -> None:
    """The Grades page's dialogs open no larger than 1024 × 640 less a title bar, with every
    button inside the dialog and at least as wide as its text needs."""
    page = show_grades(qtbot, small_window)
    page.select_student("s1011")
    opened = {
        "export": page.open_export,
        "override": page.open_override,
        "what-if": page.open_whatif,
        "milestone": page.bar.open_edit,
        "delete": page.bar.open_delete,
    }[which]()
    assert opened is not None
    qtbot.waitExposed(opened)
    assert opened.width() <= SMALL[0]
    assert opened.height() <= SMALL[1] - 40
    buttons = [b for b in opened.findChildren(QAbstractButton) if b.isVisible()]
    assert buttons
    for button in buttons:
        assert opened.rect().contains(window_rect(button, opened)), button.text()
        assert button.width() >= button.sizeHint().width(), button.text()
    opened.close()


def test_every_grades_header_tooltip_carries_its_label() -> None:
    """Each Adjusted grades column label (two-word labels on two lines) is spelled out at the
    start of its header tooltip, so a column narrowed by hand still says what it holds."""
    model = ResultsModel()
    for section, label in enumerate(HEADERS):
        tip = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert str(tip).lower().startswith(label.replace("\n", " ").lower()), (label, tip)


def test_milestone_bar_shows_the_milestone_and_its_teams_whole(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    """At 1024 × 640 the Ratings page's bar, the widest (it has Import survey…), shows the
    milestone's name and points and "Teams: Project teams" without cutting either."""
    w = small_window
    show_ratings(qtbot, w)
    bar = w.step_pages[RATINGS].bar  # type: ignore[attr-defined]
    text = bar.combo.currentText()
    assert text.endswith(" pts")
    assert edit_field_width(bar.combo) >= bar.combo.fontMetrics().horizontalAdvance(text)
    label = bar.teams.label
    qtbot.waitUntil(lambda: bar.teams.width() >= bar.teams.minimumSizeHint().width(), timeout=2000)
    assert "Project teams" in label.text()
    assert label.width() >= label.sizeHint().width()
    assert window_rect(label, w).right() < window_rect(bar.teams.button, w).left()
