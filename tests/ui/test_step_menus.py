"""The step menus in the menu bar show the shortcuts of Form teams (F5), Cancel (Esc), Import
(Ctrl+I) and Export (Ctrl+E); each works only on the page in use, and the keys trigger them."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from teamtool.demo.sample_course import create_sample_course
from ui.main_window import MainWindow


def open_window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    sample = create_sample_course(tmp_path / "sample.teamtool")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_course(shutil.copy(sample, tmp_path / "course.teamtool"))
    return w


def activate(w: MainWindow, qtbot: QtBot) -> None:
    """Shortcuts work in the active window, with the focus in it (here on the step list)."""
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.steps.setFocus()


def menu_texts(w: MainWindow) -> dict[str, list[str]]:
    """Menu title -> its items with their shortcuts as the menu shows them."""
    out = {}
    for action in w.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            items = [a for a in menu.actions() if not a.isSeparator()]
            out[action.text().replace("&", "")] = [
                f"{a.text().replace('&', '')}\t{a.shortcut().toString()}" for a in items
            ]
    return out


def test_menus_show_the_shortcuts(qtbot: QtBot, tmp_path: Path) -> None:
    texts = menu_texts(open_window(qtbot, tmp_path))
    assert list(texts)[:7] == ["File", "Edit", "Go", "Students", "Teams", "Ratings", "Grades"]
    assert "Form teams\tF5" in texts["Teams"]
    assert "Cancel forming\tEsc" in texts["Teams"]
    assert "Import a team set…\tCtrl+I" in texts["Teams"]
    assert "Export the team list…\tCtrl+E" in texts["Teams"]
    assert "Import survey…\tCtrl+I" in texts["Ratings"]
    assert "Import team grades…\tCtrl+I" in texts["Grades"]
    assert "Export grades…\tCtrl+E" in texts["Grades"]


def test_f5_forms_teams_and_esc_cancels_on_the_teams_page(qtbot: QtBot, tmp_path: Path) -> None:
    w = open_window(qtbot, tmp_path)
    page, actions = w.teams_page, w.step_menus.actions
    w.show_step(0)
    assert not actions["form"].isEnabled()  # another page: F5 does nothing there
    w.show_step(1)
    assert actions["form"].isEnabled()
    assert not actions["cancel"].isEnabled()  # nothing to cancel yet
    page.criteria_panel.time_limit.setValue(30.0)
    sets_before = len(page.team_sets)
    with qtbot.waitSignal(page.solve_finished, timeout=60000) as finished:
        activate(w, qtbot)
        qtbot.keyClick(w, Qt.Key.Key_F5)
        assert page.runner.running
        qtbot.waitUntil(lambda: actions["cancel"].isEnabled())
        qtbot.waitUntil(lambda: "best" in page.status.text(), timeout=30000)  # a set found
        assert not actions["form"].isEnabled()
        qtbot.keyClick(w, Qt.Key.Key_Escape)
    assert finished.args == ["cancelled"], page.status.text()
    assert len(w.ctx.require_course().team_sets()) == sets_before + 1  # the best found is kept
    assert actions["form"].isEnabled()


def test_ctrl_i_and_ctrl_e_act_on_the_page_in_use(qtbot: QtBot, tmp_path: Path) -> None:
    w = open_window(qtbot, tmp_path)
    actions = w.step_menus.actions
    opened: list[str] = []
    for name in ("import roster", "import team set", "import survey", "import grades"):
        actions[name].triggered.connect(lambda _=False, n=name: opened.append(n))
    for name in ("export teams", "export grades"):
        actions[name].triggered.connect(lambda _=False, n=name: opened.append(n))
    w.teams_page.set_actions.import_action.triggered.disconnect()  # no file dialog in tests
    w.teams_page.set_actions.import_action.triggered.connect(lambda: opened.append("dialog"))
    w.show_step(1)
    enabled = [n for n, a in actions.items() if a.isEnabled()]
    assert sorted(enabled) == ["assign mentors", "export teams", "form", "import team set"]
    imports = [a for a in actions.values() if a.shortcut() == QKeySequence("Ctrl+I")]
    assert [a.objectName() for a in imports if a.isEnabled()] == ["menu:import team set"]
    activate(w, qtbot)
    qtbot.keyClick(w, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert sorted(opened) == ["dialog", "import team set"]  # the item ran the Sets menu action
    w.show_step(3)
    enabled = sorted(n for n, a in actions.items() if a.isEnabled())
    assert "import team set" not in enabled
    assert "export grades" in enabled
    assert "export teams" not in enabled
